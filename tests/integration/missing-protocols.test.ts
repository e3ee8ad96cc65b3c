// Around the missing child: the child's missing protocol, followed during an episode, and everyone told.
import { beforeAll, describe, expect, it } from 'vitest'
import { GET as protocolsGet, POST as protocolsPost } from '@/app/api/v1/children/[id]/missing-protocols/route'
import { POST as stepsPost } from '@/app/api/v1/missing-episodes/[id]/protocol-steps/route'
import { POST as toldPost } from '@/app/api/v1/missing-episodes/[id]/told/route'
import { POST as agreementPost } from '@/app/api/v1/missing-protocols/[id]/agreement/route'
import { POST as signOffPost } from '@/app/api/v1/missing-protocols/[id]/sign-off/route'
import { issueApiToken } from '@/lib/server/api-tokens'
import { getPrisma } from '@/lib/server/database'
import { recordReturn, reportMissing } from '@/lib/server/episodes'
import { getEpisodeProtocol, recordStepDone, recordTold } from '@/lib/server/episode-protocol'
import {
  approveProtocol,
  childrenWithoutProtocol,
  createProtocolVersion,
  getMissingProtocols,
} from '@/lib/server/missing-protocols'
import { recordReturnSchema, reportMissingSchema } from '@/lib/validation/episodes'
import { protocolSchema, stepDoneSchema, toldSchema } from '@/lib/validation/missing-protocols'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makeChild, makePerson, makeWorld, problems, type World } from '../support/fixtures'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

const NOW = new Date('2026-12-03T12:00:00Z')
const protocol = (overrides: Record<string, unknown> = {}) =>
  protocolSchema.parse({
    whenMissing: 'Not back 30 minutes after her agreed time',
    callPoliceAtOnce: 'Seen getting into a car with adults she does not know',
    whereToLook: 'Riverside Park; the chicken shop on Station Road',
    childsView: 'Ring me first, and do not send the police to my friend’s house',
    steps: [
      { text: 'Ring her phone and text her' },
      { text: 'Check Riverside Park' },
      { text: 'Report to the police' },
    ],
    toTell: [{ who: 'POLICE', contact: '101' }, { who: 'SOCIAL_WORKER' }, { who: 'PARENT', name: 'Her mum' }],
    reviewDate: '2027-02-01',
    basedOnVersion: 0,
    ...overrides,
  })

async function setUp() {
  const socialWorker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Sam Social')
  const iro = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Ira Iro')
  const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Mo Manager')
  const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Kay Worker')
  const child = await makeChild({
    homeId: world.homeA.id,
    placingAuthorityId: world.laOne.id,
    socialWorkerId: socialWorker.userId,
    iroId: iro.userId,
    startDate: '2026-01-05',
  })
  return { socialWorker, iro, manager, worker, child }
}

const report = (at: string, policeInformed = 'no') =>
  reportMissingSchema.parse({ absenceType: 'MISSING', lastSeenAt: at, lastSeenPlace: 'The home', policeInformed })

describe('a missing protocol', () => {
  it('is current once the social worker agrees and the manager signs off, and is due for review after an episode', async () => {
    const { socialWorker, manager, worker, child } = await setUp()
    expect(
      await problems(createProtocolVersion(worker, child.id, protocol({ reviewDate: '2027-06-01' }), NOW)),
    ).toEqual({ reviewDate: 'Review the protocol at least every 3 months: choose a date no later than 2027-03-03' })
    const { id } = await createProtocolVersion(worker, child.id, protocol(), NOW)
    expect((await getMissingProtocols(worker, child.id, NOW)).state).toBe('unsigned')
    await approveProtocol(socialWorker, id, 'protocol.agree', NOW)
    await approveProtocol(manager, id, 'protocol.signoff', NOW)
    expect(await problems(approveProtocol(manager, id, 'protocol.signoff', NOW))).toEqual({
      form: 'This version has already been signed off.',
    })
    const read = await getMissingProtocols(worker, child.id, NOW)
    expect(read).toMatchObject({ state: 'current', inForceVersion: 1 })
    expect(read.versions[0]).toMatchObject({ agreedBy: { name: 'Sam Social' }, signedOffBy: { name: 'Mo Manager' } })
    expect((await childrenWithoutProtocol(manager, NOW)).map((c) => c.child.id)).not.toContain(child.id)

    // an episode the child came back from: the protocol is reviewed after it
    const later = new Date('2026-12-05T12:00:00Z')
    const episode = await reportMissing(worker, child.id, report('2026-12-04T20:00'), later)
    await recordReturn(
      worker,
      episode.id,
      recordReturnSchema.parse({ returnedAt: '2026-12-05T08:00', returnMethod: 'RETURNED_ALONE' }),
      later,
    )
    expect((await getMissingProtocols(worker, child.id, later)).stateMessage).toBe(
      'Version 1 needs a review: an episode since it was signed off.',
    )
    // the dashboard: children who went missing in the last 12 months before those who did not
    const never = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id, firstName: 'Aaron' })
    const flagged = (await childrenWithoutProtocol(manager, later)).map((c) => c.child.id)
    expect(flagged.indexOf(child.id)).toBeLessThan(flagged.indexOf(never.id))
  })
})

describe('during an episode', () => {
  it('ticks off the protocol’s steps, shows who has been told, and keeps the report’s “police not told” when they are told later', async () => {
    const { socialWorker, manager, worker, child } = await setUp()
    const { id } = await createProtocolVersion(worker, child.id, protocol(), NOW)
    await approveProtocol(socialWorker, id, 'protocol.agree', NOW)
    await approveProtocol(manager, id, 'protocol.signoff', NOW)
    const later = new Date('2026-12-04T23:00:00Z')
    const episode = await reportMissing(worker, child.id, report('2026-12-04T21:00'), later)

    await recordStepDone(worker, episode.id, stepDoneSchema.parse({ step: 0, doneAt: '2026-12-04T21:40' }), later)
    expect(
      await problems(
        recordStepDone(worker, episode.id, stepDoneSchema.parse({ step: 0, doneAt: '2026-12-04T21:45' }), later),
      ),
    ).toEqual({ step: 'This step is already ticked off for this episode' })
    expect(
      await problems(
        recordStepDone(worker, episode.id, stepDoneSchema.parse({ step: 1, doneAt: '2026-12-04T23:30' }), later),
      ),
    ).toEqual({ doneAt: 'The time cannot be in the future' })

    // the police told later: the episode shows it, the report's answer stays
    await recordTold(
      worker,
      episode.id,
      toldSchema.parse({
        who: 'POLICE',
        toldAt: '2026-12-04T22:10',
        method: 'PHONE',
        policeForce: 'Northshire Police',
        policeReference: 'NP-2026-4411',
        policeRiskGrade: 'MEDIUM',
      }),
      later,
    )
    // the parent cannot be reached through Haven
    expect(
      await problems(
        recordTold(
          worker,
          episode.id,
          toldSchema.parse({ who: 'PARENT', toldAt: '2026-12-04T22:15', method: 'HAVEN' }),
          later,
        ),
      ),
    ).toEqual({
      method:
        'Haven cannot reach a parent or someone with parental responsibility: tell them another way, then record how',
    })
    // the on-call manager can: Haven tells the home's registered managers through the outbox
    const sent = await recordTold(
      worker,
      episode.id,
      toldSchema.parse({ who: 'ON_CALL_MANAGER', toldAt: '2026-12-04T22:20', method: 'HAVEN' }),
      later,
    )
    expect(sent.notified).toBeGreaterThan(0)
    const prisma = await getPrisma()
    const note = await prisma.notification.findFirstOrThrow({
      where: { recipientId: manager.userId, kind: 'episode.told' },
      include: { deliveries: true },
    })
    expect(note.body).not.toContain(child.firstName)
    expect(note.deliveries).toHaveLength(1)

    const view = await getEpisodeProtocol(worker, episode.id, later)
    expect(view.protocol.steps.map((s) => [s.text, s.done?.by ?? null])).toEqual([
      ['Ring her phone and text her', 'Kay Worker'],
      ['Check Riverside Park', null],
      ['Report to the police', null],
    ])
    expect(view.police).toMatchObject({ told: true, force: 'Northshire Police', reference: 'NP-2026-4411' })
    // the social worker was told by Haven when the episode was reported; the parent not yet
    expect(view.protocol.toTell.map((t) => [t.contact.who, t.told?.method ?? null])).toEqual([
      ['POLICE', 'PHONE'],
      ['SOCIAL_WORKER', 'HAVEN'],
      ['PARENT', null],
    ])
    expect(view.told.filter((t) => t.by === null).map((t) => t.who)).toEqual(
      expect.arrayContaining(['IRO', 'SOCIAL_WORKER']),
    )
    const row = await prisma.missingEpisode.findUniqueOrThrow({ where: { id: episode.id } })
    expect(row.policeInformed).toBe(false)
  })
})

describe('API', () => {
  it('GET and POST /api/v1/children/{id}/missing-protocols; POST protocol-steps and told', async () => {
    const { worker, child } = await setUp()
    const { token } = await issueApiToken({ email: worker.email, password: FIXTURE_PASSWORD, ip: null })
    const auth = { Authorization: `Bearer ${token}` }
    const childContext = { params: Promise.resolve({ id: child.id }) }
    const url = `http://127.0.0.1/api/v1/children/${child.id}/missing-protocols`
    const body = { ...protocol(), reviewDate: undefined }
    const today = new Date()
    const reviewDate = new Date(today.getTime() + 30 * 86_400_000).toISOString().slice(0, 10)
    const created = await protocolsPost(
      new Request(url, { method: 'POST', headers: auth, body: JSON.stringify({ ...body, reviewDate }) }),
      childContext,
    )
    expect(created.status).toBe(201)
    const bad = await protocolsPost(
      new Request(url, { method: 'POST', headers: auth, body: JSON.stringify({ ...body, reviewDate, steps: [] }) }),
      childContext,
    )
    expect(bad.status).toBe(422)
    expect((await bad.json()).errors).toEqual([
      { field: 'steps', detail: 'Add at least one step: what staff do, in order' },
    ])
    const read = await protocolsGet(new Request(url, { headers: auth }), childContext)
    expect((await read.json()).versions).toHaveLength(1)

    const episode = await reportMissing(worker, child.id, report(new Date(Date.now() - 3600_000).toISOString()))
    const episodeContext = { params: Promise.resolve({ id: episode.id }) }
    const base = `http://127.0.0.1/api/v1/missing-episodes/${episode.id}`
    const step = await stepsPost(
      new Request(`${base}/protocol-steps`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ step: 1, doneAt: new Date().toISOString() }),
      }),
      episodeContext,
    )
    expect(step.status).toBe(201)
    const told = await toldPost(
      new Request(`${base}/told`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ who: 'POLICE', toldAt: new Date().toISOString(), method: 'PHONE' }),
      }),
      episodeContext,
    )
    expect(told.status).toBe(422)
    expect((await told.json()).errors).toEqual([{ field: 'policeForce', detail: 'Enter the police force' }])
    const toldOk = await toldPost(
      new Request(`${base}/told`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ who: 'SOCIAL_WORKER', toldAt: new Date().toISOString(), method: 'HAVEN' }),
      }),
      episodeContext,
    )
    expect(toldOk.status).toBe(201)
    expect((await toldOk.json()).notified).toBe(1)
  })
})

describe('agreeing and signing off through the API', () => {
  it('POST agreement and sign-off make the version current, once each, only by the social worker and the manager', async () => {
    const { socialWorker, manager, worker, child } = await setUp()
    const { id } = await createProtocolVersion(worker, child.id, protocol(), NOW)
    const post = async (route: typeof agreementPost, who: { email: string }, path: string) => {
      const { token } = await issueApiToken({ email: who.email, password: FIXTURE_PASSWORD, ip: null })
      return route(
        new Request(`http://127.0.0.1/api/v1/missing-protocols/${id}/${path}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
        }),
        { params: Promise.resolve({ id }) },
      )
    }
    // a care worker may do neither: the protocol is "not found" to them through these routes
    expect((await post(agreementPost, worker, 'agreement')).status).toBe(404)
    expect((await post(signOffPost, socialWorker, 'sign-off')).status).toBe(404)
    // a social worker of another authority cannot reach it
    const stranger = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laTwo.id }], 'Stan Stranger')
    expect((await post(agreementPost, stranger, 'agreement')).status).toBe(404)

    const agreed = await post(agreementPost, socialWorker, 'agreement')
    expect(agreed.status).toBe(200)
    expect(await agreed.json()).toEqual({ id, version: 1 })
    const again = await post(agreementPost, socialWorker, 'agreement')
    expect(again.status).toBe(422)
    expect((await again.json()).errors).toEqual([{ field: 'form', detail: 'This version has already been agreed.' }])
    expect((await getMissingProtocols(worker, child.id)).state).toBe('unsigned')

    expect((await post(signOffPost, manager, 'sign-off')).status).toBe(200)
    const read = await getMissingProtocols(worker, child.id)
    expect(read).toMatchObject({ state: 'current', inForceVersion: 1 })
    expect(read.versions[0]).toMatchObject({ agreedBy: { name: 'Sam Social' }, signedOffBy: { name: 'Mo Manager' } })
  })
})
