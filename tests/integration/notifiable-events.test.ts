// Regulation 40 notifiable events at a home: recorded or proposed, decided by the registered person, each recipient
// told recorded, complete when everyone required is told, overdue when not told without delay.
import { beforeAll, describe, expect, it } from 'vitest'
import { GET as listRoute, POST as recordRoute } from '@/app/api/v1/homes/[id]/notifiable-events/route'
import { POST as notifiedRoute } from '@/app/api/v1/notifiable-events/[id]/notified/route'
import { POST as decisionRoute } from '@/app/api/v1/notifiable-events/[id]/decision/route'
import { POST as episodeProposalRoute } from '@/app/api/v1/missing-episodes/[id]/notifiable-event-proposal/route'
import { POST as interviewProposalRoute } from '@/app/api/v1/return-interviews/[id]/notifiable-event-proposal/route'
import { issueApiToken } from '@/lib/server/api-tokens'
import { getPrisma } from '@/lib/server/database'
import {
  decideNotifiableEvent,
  listNotifiableEvents,
  overdueNotifiableEvents,
  recordNotifiableEvent,
  recordNotified,
} from '@/lib/server/notifiable-events'
import { proposeNotifiableEvent } from '@/lib/server/notifiable-event-proposals'
import { getChronology } from '@/lib/server/chronology'
import { getOversightMonth } from '@/lib/server/oversight/month'
import { NotFoundError } from '@/lib/server/errors'
import {
  decisionSchema,
  notifiableEventSchema,
  notifiedSchema,
  proposalSchema,
} from '@/lib/validation/notifiable-events'
import { freshDatabase } from '../support/database'
import {
  FIXTURE_PASSWORD,
  makeChild,
  makeEpisode,
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
})

async function setUp() {
  const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Key Worker')
  const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Home Manager')
  const otherRi = await makePerson(
    [{ role: 'RESPONSIBLE_INDIVIDUAL', providerId: world.providerTwo.id }],
    'Other Provider RI',
  )
  // placed by the authority that hosts home A: the death of this child needs no separate notice to the host (40(1)(d))
  const child = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
  return { worker, manager, otherRi, child }
}

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString()

describe('notifiable events', () => {
  it('a death needs the bodies 40(1) names and each relevant person; complete once all are told', async () => {
    const { manager, child } = await setUp()
    const { id } = await recordNotifiableEvent(
      manager,
      world.homeA.id,
      notifiableEventSchema.parse({
        kind: 'CHILD_DEATH',
        occurredAt: minutesAgo(120),
        whatHappened: 'Found unresponsive; ambulance called',
        childId: child.id,
        decision: 'NOTIFY',
        otherRelevantPersons: 'Police',
      }),
    )
    const event = (await listNotifiableEvents(manager, world.homeA.id)).events.find((e) => e.id === id)!
    expect(event.required.map((r) => r.recipient)).toEqual([
      'HMCI',
      'PLACING_AUTHORITY',
      'SECRETARY_OF_STATE',
      'INTEGRATED_CARE_BOARD',
      'OTHER_RELEVANT_PERSON',
    ])
    const tell = (recipient: string, who: string) =>
      recordNotified(manager, id, notifiedSchema.parse({ recipient, who, how: 'Phone', at: minutesAgo(60) }))
    for (const [recipient, who] of [
      ['HMCI', 'Ofsted'],
      ['PLACING_AUTHORITY', 'Duty team'],
      ['SECRETARY_OF_STATE', 'DfE'],
      ['INTEGRATED_CARE_BOARD', 'ICB safeguarding'],
    ])
      expect((await tell(recipient, who)).complete).toBe(false)
    expect(await tell('OTHER_RELEVANT_PERSON', 'police')).toMatchObject({ complete: true, stillToTell: [] })
    const done = (await listNotifiableEvents(manager, world.homeA.id)).events.find((e) => e.id === id)!
    expect(done).toMatchObject({ status: 'NOTIFIED', overdue: false })
    expect(done.notices.map((n) => [n.recipient, n.toldBy])).toContainEqual(['HMCI', 'Home Manager'])
  })

  it('an episode proposes; the manager decides not notifiable, with the reason; the chronology shows both', async () => {
    const { worker, manager, child } = await setUp()
    const episode = await makeEpisode(child.id, {
      reportedById: worker.userId,
      lastSeenAt: '2026-11-01T20:00:00Z',
      returnedAt: '2026-11-02T09:00:00Z',
    })
    const { id, status } = await proposeNotifiableEvent(
      worker,
      { episodeId: episode.id },
      proposalSchema.parse({ kind: 'SERIOUS_POLICE_INCIDENT', because: 'Brought back by police after a fight' }),
    )
    expect(status).toBe('PROPOSED')
    expect(
      await problems(
        decideNotifiableEvent(manager, id, decisionSchema.parse({ decision: 'NOTIFY' })).then(() =>
          decideNotifiableEvent(manager, id, {
            decision: 'NOT_NOTIFIABLE',
            decisionReason: null,
            otherRelevantPersons: [],
          }),
        ),
      ),
    ).toEqual({ form: 'This event has already been decided.' })
    expect(() => decisionSchema.parse({ decision: 'NOT_NOTIFIABLE' })).toThrow(/Say why this is not a notifiable event/)
    const second = await proposeNotifiableEvent(
      worker,
      { episodeId: episode.id },
      proposalSchema.parse({ kind: 'ALLEGATION_OF_ABUSE', because: 'Said a member of staff pushed her' }),
    )
    await decideNotifiableEvent(
      manager,
      second.id,
      decisionSchema.parse({
        decision: 'NOT_NOTIFIABLE',
        decisionReason: 'She said it was another child; recorded as a complaint',
      }),
    )
    const chronology = await getChronology(manager, child.id)
    expect(chronology.entries.map((e) => e.title)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Proposed as a notifiable event: Regulation 40\(4\)\(c\)/),
        'Regulation 40: decided not notifiable',
      ]),
    )
  })

  it('is overdue after a working day without a decision or a notice, for the homes in the actor’s scope only', async () => {
    const { manager, otherRi, child } = await setUp()
    const { id } = await recordNotifiableEvent(
      manager,
      world.homeA.id,
      notifiableEventSchema.parse({
        kind: 'CHILD_PROTECTION_ENQUIRY',
        occurredAt: '2026-11-02T10:00',
        whatHappened: 'Section 47 enquiry started',
        childId: child.id,
      }),
      new Date('2026-11-02T12:00:00Z'),
    )
    expect((await overdueNotifiableEvents(manager, new Date('2026-11-03T12:00:00Z'))).map((e) => e.id)).not.toContain(
      id,
    )
    const overdue = await overdueNotifiableEvents(manager, new Date('2026-11-04T09:00:00Z'))
    expect(overdue.find((e) => e.id === id)).toMatchObject({
      status: 'PROPOSED',
      notifyBy: '2026-11-03',
      home: { id: world.homeA.id },
    })
    expect(await overdueNotifiableEvents(otherRi, new Date('2026-11-04T09:00:00Z'))).toEqual([])
    // another provider's responsible individual: the home and the event are "not found"
    await expect(listNotifiableEvents(otherRi, world.homeA.id)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('API: records an event and who was told', async () => {
    const { manager, child } = await setUp()
    const { token } = await issueApiToken({ email: manager.email, password: FIXTURE_PASSWORD, ip: null })
    const call = (handler: typeof recordRoute, url: string, id: string, body?: unknown) =>
      handler(
        new Request(`http://127.0.0.1${url}`, {
          method: body ? 'POST' : 'GET',
          headers: { Authorization: `Bearer ${token}` },
          body: body ? JSON.stringify(body) : undefined,
        }),
        {
          params: Promise.resolve({ id }),
        },
      )
    const created = await call(recordRoute, `/api/v1/homes/${world.homeA.id}/notifiable-events`, world.homeA.id, {
      kind: 'SEXUAL_EXPLOITATION',
      occurredAt: minutesAgo(30),
      whatHappened: 'Disclosed being given drugs for sex',
      childId: child.id,
      decision: 'NOTIFY',
      otherRelevantPersons: ['Placing authority'],
    })
    expect(created.status).toBe(201)
    const { id } = await created.json()
    const told = await call(notifiedRoute, `/api/v1/notifiable-events/${id}/notified`, id, {
      recipient: 'HMCI',
      who: 'Ofsted',
      how: 'Online form',
      at: minutesAgo(10),
    })
    expect(told.status).toBe(201)
    expect(await told.json()).toMatchObject({ complete: false, stillToTell: [{ who: 'Placing authority' }] })
    const list = await (
      await call(listRoute, `/api/v1/homes/${world.homeA.id}/notifiable-events`, world.homeA.id)
    ).json()
    expect(list.events.find((e: { id: string }) => e.id === id)).toMatchObject({
      status: 'TO_NOTIFY',
      kind: 'SEXUAL_EXPLOITATION',
    })
    const events = await (
      await getPrisma()
    ).auditEvent.findMany({ where: { action: { in: ['reg40.record', 'reg40.notified', 'reg40.list'] } } })
    expect(events.length).toBeGreaterThanOrEqual(3)
  })

  it('API: a care worker proposes from an episode and from a return interview; the manager decides', async () => {
    const { worker, manager, child } = await setUp()
    const tokenOf = async (email: string) =>
      (await issueApiToken({ email, password: FIXTURE_PASSWORD, ip: null })).token
    const [workerToken, managerToken] = [await tokenOf(worker.email), await tokenOf(manager.email)]
    const post = (handler: typeof decisionRoute, url: string, id: string, token: string, body: unknown) =>
      handler(
        new Request(`http://127.0.0.1${url}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ id }) },
      )
    const episode = await makeEpisode(child.id, {
      reportedById: worker.userId,
      lastSeenAt: '2026-11-05T20:00:00Z',
      returnedAt: '2026-11-06T09:00:00Z',
    })
    const fromEpisode = await post(
      episodeProposalRoute,
      `/api/v1/missing-episodes/${episode.id}/notifiable-event-proposal`,
      episode.id,
      workerToken,
      {
        kind: 'SERIOUS_POLICE_INCIDENT',
        because: 'Brought back by police after an assault',
      },
    )
    expect(fromEpisode.status).toBe(201)
    const proposed = (await fromEpisode.json()) as { id: string; status: string }
    expect(proposed.status).toBe('PROPOSED')
    const interview = await makeInterview(child.id, worker.userId, '2026-11-20T09:00:00Z')
    const fromInterview = await post(
      interviewProposalRoute,
      `/api/v1/return-interviews/${interview.id}/notifiable-event-proposal`,
      interview.id,
      workerToken,
      {
        kind: 'ALLEGATION_OF_ABUSE',
        because: 'Said a member of staff pushed them',
      },
    )
    expect(fromInterview.status).toBe(201)
    const decided = await post(
      decisionRoute,
      `/api/v1/notifiable-events/${proposed.id}/decision`,
      proposed.id,
      managerToken,
      {
        decision: 'NOT_NOTIFIABLE',
        decisionReason: 'Police attended only to bring her home; no offence',
      },
    )
    expect(decided.status).toBe(200)
    expect(await decided.json()).toEqual({ id: proposed.id, status: 'NOT_NOTIFIABLE' })
  })

  it("the month's oversight lists the events of the month, overdue ones flagged", async () => {
    const { manager, child } = await setUp()
    const occurredAt = new Date(Date.now() - 10 * 86_400_000)
    const { id } = await recordNotifiableEvent(
      manager,
      world.homeA.id,
      notifiableEventSchema.parse({
        kind: 'SERIOUS_POLICE_INCIDENT',
        occurredAt: occurredAt.toISOString(),
        whatHappened: 'Arrested after a fight in town',
        childId: child.id,
        decision: 'NOTIFY',
        otherRelevantPersons: ['Placing authority'],
      }),
    )
    const month = occurredAt.toLocaleDateString('en-CA', { timeZone: 'Europe/London' }).slice(0, 7)
    const seen = await getOversightMonth(manager, world.homeA.id, month)
    expect(seen.notifiableEvents.find((e) => e.id === id)).toMatchObject({ status: 'TO_NOTIFY', overdue: true })
  })
})
