import { beforeAll, describe, expect, it } from 'vitest'
import { GET as interviewRoute, POST as recordRoute } from '@/app/api/v1/missing-episodes/[id]/return-interview/route'
import { GET as listRoute } from '@/app/api/v1/return-interviews/route'
import { issueApiToken } from '@/lib/server/api-tokens'
import { getChild } from '@/lib/server/children'
import { getPrisma } from '@/lib/server/database'
import { amendEpisode, getEpisode, recordReturn, reportMissing } from '@/lib/server/episodes'
import { NotFoundError } from '@/lib/server/errors'
import {
  amendInterview,
  getInterview,
  listInterviews,
  listInterviewsWithTotal,
  recordOffer,
  recordOutcome,
  recordPreventionInterview,
  timelinessReport,
} from '@/lib/server/return-interviews'
import { recordReturnSchema, reportMissingSchema } from '@/lib/validation/episodes'
import { interviewListSchema, interviewViewSchema } from '@/lib/validation/responses'
import { outcomeSchema } from '@/lib/validation/return-interviews'
import { freshDatabase } from '../support/database'
import {
  FIXTURE_PASSWORD,
  makeChild,
  makeInterview,
  makePerson,
  makeWorld,
  problems,
  type World,
} from '../support/fixtures'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
  await (
    await getPrisma()
  ).returnInterviewService.create({ data: { localAuthorityId: world.laOne.id, name: 'Northshire Missing Team' } })
})

/** A child of home A placed by authority one (which has a service), back from an episode. */
async function returned(opts: { placingAuthorityId?: string; returnedAt?: string } = {}) {
  const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Home Worker')
  const socialWorker = await makePerson(
    [{ role: 'SOCIAL_WORKER', localAuthorityId: opts.placingAuthorityId ?? world.laOne.id }],
    'Allocated SW',
  )
  const iro = await makePerson(
    [{ role: 'IRO', localAuthorityId: opts.placingAuthorityId ?? world.laOne.id }],
    'Allocated IRO',
  )
  const child = await makeChild({
    homeId: world.homeA.id,
    placingAuthorityId: opts.placingAuthorityId ?? world.laOne.id,
    socialWorkerId: socialWorker.userId,
    iroId: iro.userId,
  })
  const returnedAt = opts.returnedAt ?? '2026-10-24T10:00'
  const lastSeenAt = `${returnedAt.slice(0, 10)}T00:30` // missing since half past midnight that day
  const { id: episodeId } = await reportMissing(
    worker,
    child.id,
    reportMissingSchema.parse({
      absenceType: 'MISSING',
      lastSeenAt,
      lastSeenPlace: 'Willow House',
      policeInformed: 'yes',
    }),
  )
  await recordReturn(worker, episodeId, recordReturnSchema.parse({ returnedAt, returnMethod: 'RETURNED_ALONE' }))
  return { worker, socialWorker, iro, child, episodeId }
}

const practitioner = () =>
  makePerson([{ role: 'RETURN_INTERVIEW_PRACTITIONER', localAuthorityId: world.laOne.id }], 'Service Practitioner')
const held = (overrides: Record<string, unknown> = {}) =>
  outcomeSchema.parse({
    outcome: 'HELD',
    offeredAt: '2026-10-24T12:00',
    heldAt: '2026-10-25T15:00',
    interviewerName: 'Amira Haddad',
    interviewerOrganisation: 'Northshire Missing Team',
    independenceDeclared: true,
    whyLeft: 'To see friends',
    concernsAboutHome: 'Staff shout at me',
    locations: [{ name: 'Riverside Park' }],
    ...overrides,
  })

describe('a return makes an interview due', () => {
  it('72 hours later (across the clocks going back), assigned to the placing authority’s service', async () => {
    const { worker, episodeId } = await returned()
    const interview = await getInterview(worker, { episodeId })
    expect(interview).toMatchObject({ dueAt: '2026-10-27T09:00:00.000Z', heldBy: 'service', outcome: null })
    expect(new Date(interview.dueAt).getTime() - new Date(interview.returnedAt).getTime()).toBe(72 * 3_600_000)
  })

  it('to the child’s social worker when the authority has no service; a corrected return moves the deadline', async () => {
    const { worker, socialWorker, episodeId } = await returned({ placingAuthorityId: world.laTwo.id })
    expect((await getInterview(socialWorker, { episodeId })).heldBy).toBe('social-worker')
    const episode = await getEpisode(worker, episodeId)
    await amendEpisode(worker, episodeId, {
      field: 'returnedAt',
      value: '2026-10-24T08:00',
      reason: 'Came back earlier',
      version: episode.version,
    })
    expect((await getInterview(worker, { episodeId })).dueAt).toBe('2026-10-27T07:00:00.000Z') // 08:00 BST is 07:00 UTC
  })
})

describe('recording the interview', () => {
  it('refuses an interview before the return, or by someone not independent, unless the child chose them', async () => {
    const { episodeId } = await returned()
    const rip = await practitioner()
    expect(await problems(recordOutcome(rip, { episodeId }, held({ heldAt: '2026-10-24T09:00' })))).toMatchObject({
      heldAt: 'The interview cannot be held before the child came back',
    })
    expect(
      await problems(
        recordOutcome(rip, { episodeId }, held({ offeredAt: '2026-10-25T16:00', heldAt: '2026-10-25T15:00' })),
      ),
    ).toEqual({ heldAt: 'The interview cannot be held before it was offered (25 Oct 2026, 16:00)' })
    expect(await problems(recordOutcome(rip, { episodeId }, held({ independenceDeclared: false })))).toHaveProperty(
      'independenceDeclared',
    )
    expect(
      (await problems(recordOutcome(rip, { episodeId }, held({ interviewerOrganisation: 'Brightpath Care Ltd' }))))
        .interviewerOrganisation,
    ).toMatch(/not independent/)
    await recordOutcome(
      rip,
      { episodeId },
      held({
        interviewerOrganisation: 'Brightpath Care Ltd',
        independenceDeclared: false,
        childChoseTrustedAdult: true,
        trustedAdult: 'Her key worker',
      }),
    )
    expect((await problems(recordOutcome(rip, { episodeId }, held()))).form).toMatch(/already been recorded/)
  })

  it('refuses the child’s own social worker, or the home’s staff typed in by name, as independent; the child’s choice of them is recorded', async () => {
    // no service: the social worker holds it
    const { socialWorker, episodeId } = await returned({ placingAuthorityId: world.laTwo.id })
    const asSocialWorker = held({
      interviewerName: 'Allocated SW',
      interviewerOrganisation: 'Southborough children’s services',
    })
    expect((await problems(recordOutcome(socialWorker, { episodeId }, asSocialWorker))).interviewerName).toMatch(
      /^Allocated SW is the child’s social worker, so not independent/,
    )
    await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Dana Okoro')
    expect(
      (
        await problems(
          recordOutcome(
            socialWorker,
            { episodeId },
            held({ interviewerName: 'dana  okoro', interviewerOrganisation: 'Agency' }),
          ),
        )
      ).interviewerName,
    ).toMatch(/registered manager at /)
    const { id } = await recordOutcome(
      socialWorker,
      { episodeId },
      held({
        interviewerName: 'Allocated SW',
        interviewerOrganisation: null,
        independenceDeclared: false,
        childChoseTrustedAdult: true,
        trustedAdult: 'Her social worker, whom she asked for',
      }),
    )
    expect(await getInterview(socialWorker, { id })).toMatchObject({
      childChoseTrustedAdult: true,
      independenceDeclared: false,
    })
  })

  it('refuses a correction that makes someone involved in the child’s care the independent interviewer', async () => {
    const { socialWorker, episodeId } = await returned()
    const rip = await practitioner()
    const { id } = await recordOutcome(rip, { episodeId }, held())
    const version = (await getInterview(rip, { id })).version
    expect(
      await problems(
        amendInterview(rip, id, {
          field: 'interviewerName',
          value: 'ALLOCATED SW',
          reason: 'Typed the wrong name',
          version,
        }),
      ),
    ).toMatchObject({ value: expect.stringMatching(/child’s social worker/) })
    expect((await getInterview(socialWorker, { id })).interviewerName).toBe('Amira Haddad')
  })

  it('hides what the child said about the home from the home’s staff and provider, in the use case and the API', async () => {
    const { worker, socialWorker, iro, episodeId } = await returned()
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Home Manager')
    const ri = await makePerson([{ role: 'RESPONSIBLE_INDIVIDUAL', providerId: world.providerOne.id }], 'Provider RI')
    const lead = await makePerson([{ role: 'LA_MISSING_LEAD', localAuthorityId: world.laOne.id }], 'Placing Lead')
    const rip = await practitioner()
    const { id } = await recordOutcome(rip, { episodeId }, held())
    for (const hidden of [worker, manager, ri]) {
      const seen = await getInterview(hidden, { episodeId })
      expect(seen.concernsVisible).toBe(false)
      expect(seen).not.toHaveProperty('concernsAboutHome')
      expect(seen.childSays.whyLeft).toBe('To see friends')
    }
    for (const allowed of [socialWorker, iro, lead, rip])
      expect((await getInterview(allowed, { episodeId })).concernsAboutHome).toBe('Staff shout at me')
    // a correction to the concerns is as private as the concerns
    const version = (await getInterview(rip, { id })).version
    await amendInterview(rip, id, {
      field: 'concernsAboutHome',
      value: 'Staff shout at me at night',
      reason: 'Clarified with the child',
      version,
    })
    expect((await getInterview(worker, { id })).amendments).toEqual([])
    expect((await getInterview(iro, { id })).amendments).toMatchObject([
      { field: 'concernsAboutHome', previousValue: 'Staff shout at me', newValue: 'Staff shout at me at night' },
    ])
    await expect(
      amendInterview(socialWorker, id, { field: 'concernsAboutHome', value: 'x', reason: 'y', version: version + 1 }),
    ).resolves.toBeDefined()

    const { token } = await issueApiToken({ email: worker.email, password: FIXTURE_PASSWORD, ip: null })
    const body = await (
      await interviewRoute(
        new Request(`http://127.0.0.1/api/v1/missing-episodes/${episodeId}/return-interview`, {
          headers: { Authorization: `Bearer ${token}` },
        }),
        { params: Promise.resolve({ id: episodeId }) },
      )
    ).json()
    expect(interviewViewSchema.parse(body).concernsVisible).toBe(false)
    expect(JSON.stringify(body)).not.toContain('shout')
  })

  it('records the outcome after an offer without asking for the offer again; the offer is recorded once', async () => {
    const { episodeId } = await returned()
    const rip = await practitioner()
    const { id } = await getInterview(rip, { episodeId })
    await recordOffer(rip, id, { offeredAt: '2026-10-24T11:00:00.000Z', offerMethod: 'PHONE' })
    expect(
      (await problems(recordOffer(rip, id, { offeredAt: '2026-10-24T12:00:00.000Z', offerMethod: 'PHONE' }))).form,
    ).toMatch(/already been recorded/)
    await recordOutcome(rip, { id }, outcomeSchema.parse({ outcome: 'DECLINED', offeredAt: '' }))
    expect((await getInterview(rip, { id })).offeredAt).toBe('2026-10-24T11:00:00.000Z')
  })

  it('a police prevention interview is dated between the return and today', async () => {
    const { episodeId } = await returned()
    const rip = await practitioner()
    const { id } = await getInterview(rip, { episodeId })
    expect(
      await problems(
        recordPreventionInterview(rip, id, { preventionInterview: 'DONE', preventionInterviewDate: '2026-10-20' }),
      ),
    ).toEqual({
      preventionInterviewDate:
        'The child came back on 24 Oct 2026: the police prevention interview cannot be before that',
    })
    expect(
      await problems(
        recordPreventionInterview(rip, id, { preventionInterview: 'DONE', preventionInterviewDate: '2099-01-01' }),
      ),
    ).toEqual({ preventionInterviewDate: 'The date cannot be in the future' })
    await recordPreventionInterview(rip, id, { preventionInterview: 'DONE', preventionInterviewDate: '2026-10-25' })
    expect((await getInterview(rip, { id })).preventionInterviewDate).toBe('2026-10-25')
  })

  it('keeps what was shared with the police and referral notes from the home, like the concerns', async () => {
    const { worker, iro, episodeId } = await returned()
    const rip = await practitioner()
    const { id } = await recordOutcome(rip, { episodeId }, held())
    const { addFollowUp, recordPoliceSharing } = await import('@/lib/server/return-interviews')
    await recordPoliceSharing(rip, id, {
      sharedAt: '2026-10-26T10:00:00.000Z',
      policeForce: 'Northshire Police',
      what: 'Staff shout at her',
      basis: 'CONSENT',
      reason: null,
    })
    await addFollowUp(rip, id, { kind: 'SAFEGUARDING_REFERRAL', reference: 'LADO-1', note: 'About a member of staff' })
    const home = await getInterview(worker, { id })
    expect(home.sharings[0]).toMatchObject({ policeForce: 'Northshire Police', what: null })
    expect(home.followUps[0]).toMatchObject({ kind: 'SAFEGUARDING_REFERRAL', note: null })
    expect((await getInterview(iro, { id })).sharings[0].what).toBe('Staff shout at her')
  })

  it('a practitioner sees their service’s interviews, and only what holding one needs', async () => {
    const { child, episodeId } = await returned()
    const other = await returned({ placingAuthorityId: world.laTwo.id })
    const rip = await practitioner()
    const ids = (await listInterviews(rip)).map((i) => i.episodeId)
    expect(ids).toContain(episodeId)
    expect(ids).not.toContain(other.episodeId)
    await expect(getChild(rip, child.id)).rejects.toThrow(NotFoundError)
    await expect(getEpisode(rip, episodeId)).rejects.toThrow(NotFoundError)
    await expect(getInterview(rip, { episodeId: other.episodeId })).rejects.toThrow(NotFoundError)
  })

  it('lists due, overdue and held, and an offer cannot come before the return', async () => {
    const { episodeId } = await returned({ returnedAt: '2026-11-01T10:00' })
    const rip = await practitioner()
    const now = new Date('2026-11-03T12:00:00Z')
    const interview = (await listInterviews(rip, { status: 'due' }, now)).find((i) => i.episodeId === episodeId)!
    expect(interview.status).toBe('due-soon')
    expect(
      (await listInterviews(rip, { status: 'overdue' }, new Date('2026-11-05T12:00:00Z'))).map((i) => i.episodeId),
    ).toContain(episodeId)
    expect(
      await problems(
        recordOffer(rip, interview.id, { offeredAt: '2026-10-31T09:00:00.000Z', offerMethod: 'PHONE' }, now),
      ),
    ).toEqual({ offeredAt: 'The offer cannot be before the child came back' })
    await recordOutcome(rip, { episodeId }, held({ offeredAt: '2026-11-01T12:00', heldAt: '2026-11-02T10:00' }))
    expect((await listInterviews(rip, { status: 'held' })).map((i) => i.episodeId)).toContain(episodeId)
  })
})

describe('long lists', () => {
  it('past the limit, the most overdue come first and the total says how many more there are', async () => {
    const socialWorker = await makePerson(
      [{ role: 'SOCIAL_WORKER', localAuthorityId: world.laTwo.id }],
      'Busy Social Worker',
    )
    const reporter = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Home Worker')
    // (returned in 2025: outside the periods the timeliness figures below count)
    for (const returnedAt of ['2025-08-01T09:00:00Z', '2025-07-01T09:00:00Z', '2025-09-01T09:00:00Z']) {
      const child = await makeChild({
        homeId: world.homeA.id,
        placingAuthorityId: world.laTwo.id,
        socialWorkerId: socialWorker.userId,
      })
      await makeInterview(child.id, reporter.userId, returnedAt)
    }
    const now = new Date('2025-09-20T12:00:00Z')
    const { interviews, total } = await listInterviewsWithTotal(socialWorker, { status: 'overdue' }, now, 2)
    expect(total).toBe(3)
    expect(interviews.map((i) => i.returnedAt)).toEqual(['2025-07-01T09:00:00.000Z', '2025-08-01T09:00:00.000Z'])
    expect((await listInterviewsWithTotal(socialWorker, { status: 'due' }, now, 2)).total).toBe(0)
  })
})

describe('timeliness', () => {
  it('counts per home and per placing authority for a period', async () => {
    const lead = await makePerson([{ role: 'LA_MISSING_LEAD', localAuthorityId: world.laOne.id }], 'Counting Lead')
    const period = { from: '2026-09-01', to: '2026-09-30' }
    const rip = await practitioner()
    const onTime = await returned({ returnedAt: '2026-09-10T10:00' })
    const late = await returned({ returnedAt: '2026-09-12T10:00' })
    await returned({ returnedAt: '2026-09-14T10:00' }) // never offered, now long overdue
    await recordOutcome(
      rip,
      { episodeId: onTime.episodeId },
      held({ offeredAt: '2026-09-10T12:00', heldAt: '2026-09-11T10:00' }),
    )
    await recordOutcome(
      rip,
      { episodeId: late.episodeId },
      held({ offeredAt: '2026-09-12T12:00', heldAt: '2026-09-16T10:00' }),
    )
    const report = await timelinessReport(lead, period)
    expect(report.total).toMatchObject({
      returned: 3,
      offered: 2,
      heldWithin72h: 1,
      heldLate: 1,
      notOffered: 1,
      heldWithin72hPercent: 33.3,
    })
    expect(report.byHome).toMatchObject([{ name: 'Willow House', returned: 3 }])
    expect(report.byAuthority.map((a) => a.id)).toEqual([world.laOne.id])
  })

  it('a home’s figures follow where the episode happened, even after the child has moved on', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Counting Manager')
    const { child } = await returned({ returnedAt: '2026-08-10T10:00' })
    const before = (await timelinessReport(manager, { from: '2026-08-01', to: '2026-08-31' })).total.returned
    await (
      await getPrisma()
    ).placement.updateMany({ where: { childId: child.id }, data: { endDate: new Date('2026-08-20') } })
    expect((await timelinessReport(manager, { from: '2026-08-01', to: '2026-08-31' })).total.returned).toBe(before)
  })
})

describe('API', () => {
  it('lists overdue interviews and records one through the same use cases', async () => {
    const { episodeId } = await returned({ returnedAt: '2026-08-01T10:00' })
    const rip = await practitioner()
    const { token } = await issueApiToken({ email: rip.email, password: FIXTURE_PASSWORD, ip: null })
    const auth = { Authorization: `Bearer ${token}` }
    const list = interviewListSchema.parse(
      await (
        await listRoute(new Request('http://127.0.0.1/api/v1/return-interviews?status=overdue', { headers: auth }), {
          params: Promise.resolve({}),
        })
      ).json(),
    )
    expect(list.interviews.map((i) => i.episodeId)).toContain(episodeId)
    const bad = await listRoute(
      new Request('http://127.0.0.1/api/v1/return-interviews?status=late', { headers: auth }),
      { params: Promise.resolve({}) },
    )
    expect(bad.status).toBe(422)
    const recorded = await recordRoute(
      new Request(`http://127.0.0.1/api/v1/missing-episodes/${episodeId}/return-interview`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ outcome: 'DECLINED', offeredAt: '2026-08-01T12:00' }),
      }),
      { params: Promise.resolve({ id: episodeId }) },
    )
    expect(recorded.status).toBe(201)
  })
})
