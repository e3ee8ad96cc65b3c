import { beforeAll, describe, expect, it } from 'vitest'
import { POST as screeningRoute } from '@/app/api/v1/children/[id]/cse-screenings/route'
import { POST as screeningProposalRoute } from '@/app/api/v1/cse-screenings/[id]/notifiable-event-proposal/route'
import { issueApiToken } from '@/lib/server/api-tokens'
import { createPlanVersion, getCseOverview, recordScreening, signOffPlan } from '@/lib/server/cse'
import { cseFlagsInScope, levelCountsInScope } from '@/lib/server/cse-dashboard'
import { decideNotifiableEvent, recordNotified } from '@/lib/server/notifiable-events'
import { getPrisma } from '@/lib/server/database'
import { setScreensRadicalisation } from '@/lib/server/return-interviews'
import { recordReturn, reportMissing } from '@/lib/server/episodes'
import { planSchema, screeningSchema } from '@/lib/validation/cse'
import { decisionSchema, notifiedSchema } from '@/lib/validation/notifiable-events'
import { recordReturnSchema, reportMissingSchema } from '@/lib/validation/episodes'
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
})

async function setUp() {
  const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Key Worker')
  const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Home Manager')
  const socialWorker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Child SW')
  const child = await makeChild({
    homeId: world.homeA.id,
    placingAuthorityId: world.laOne.id,
    socialWorkerId: socialWorker.userId,
  })
  return { worker, manager, socialWorker, child }
}

// a level alone (as API clients sent before the kinds) screens for sexual exploitation
const screening = (overrides: Record<string, unknown> = {}) =>
  screeningSchema.parse({ level: 'AT_RISK', indicators: [{ code: 'CARS', when: 'CURRENT' }], ...overrides })
const plan = (overrides: Record<string, unknown> = {}) =>
  planSchema.parse({
    actions: [{ who: 'Key worker', what: 'Evening check-in' }],
    ifMissingPlaces: 'The park',
    ifMissingPeople: 'Her aunt',
    childAgrees: 'PARTLY',
    childsWords: 'I will ring Jordan',
    policeInvolved: 'no',
    reviewDate: '2099-01-01',
    basedOnVersion: 0,
    ...overrides,
  })

describe('screening', () => {
  it('suggests, and asks for a reason when the professional decides otherwise', async () => {
    const { worker, child } = await setUp()
    expect(await problems(recordScreening(worker, child.id, screening({ level: 'NOT_AT_RISK' })))).toEqual({
      'kinds.0.levelReason': expect.stringMatching(/differs from the suggested level \(at risk\)/),
    })
    const saved = await recordScreening(
      worker,
      child.id,
      screening({ level: 'NOT_AT_RISK', levelReason: 'Her uncle’s car; explained' }),
    )
    expect(saved).toMatchObject({
      suggestedLevel: 'AT_RISK',
      level: 'NOT_AT_RISK',
      kinds: [
        { kind: 'sexual', suggestedLevel: 'AT_RISK', level: 'NOT_AT_RISK', levelReason: 'Her uncle’s car; explained' },
      ],
      planNeeded: false,
      reg40ProposalId: null,
    })
  })

  it('suggests indicators from episodes for the worker to confirm or dismiss, and needs a decision on each', async () => {
    const { worker, child } = await setUp()
    for (const day of ['01', '08', '15']) {
      const { id } = await reportMissing(
        worker,
        child.id,
        reportMissingSchema.parse({
          absenceType: 'MISSING',
          lastSeenAt: `2026-11-${day}T10:00`,
          lastSeenPlace: 'Home',
          policeInformed: 'yes',
        }),
      )
      await recordReturn(
        worker,
        id,
        recordReturnSchema.parse({
          returnedAt: `2026-11-${day}T14:00`,
          returnMethod: 'FOUND_BY_POLICE',
          vehicles: [{ registration: 'XY12ZZZ' }],
        }),
      )
    }
    const now = new Date('2026-11-20T12:00:00Z')
    const { suggestions } = await getCseOverview(worker, child.id, now)
    expect(suggestions.map((s) => [s.key, s.reason])).toEqual([
      ['missing-repeat', 'Missing or away 3 times in the last 30 days'],
      ['cars', 'Returned in or seen with a vehicle: XY12 ZZZ'],
    ])
    expect(Object.keys(await problems(recordScreening(worker, child.id, screening({ indicators: [] }), now)))).toEqual([
      'suggestionDecisions.missing-repeat',
      'suggestionDecisions.cars',
    ])
    const saved = await recordScreening(
      worker,
      child.id,
      screening({
        indicators: [],
        level: 'AT_RISK',
        suggestionDecisions: { 'missing-repeat': 'confirm', cars: 'dismiss' },
      }),
      now,
    )
    const stored = await (await getPrisma()).cseScreening.findUniqueOrThrow({ where: { id: saved.id } })
    expect(stored.indicators).toEqual([
      { code: 'MISSING_REPEAT', when: 'CURRENT', note: 'Missing or away 3 times in the last 30 days' },
    ])
    expect(stored.suggestionsDismissed).toEqual([expect.objectContaining({ key: 'cars' })])
  })

  it('records the return interview it follows only when it is this child’s and in the screener’s reach', async () => {
    const { worker, child } = await setUp()
    const other = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    const elsewhere = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laTwo.id })
    const [own, sibling, hidden] = [
      await makeInterview(child.id, worker.userId),
      await makeInterview(other.id, worker.userId),
      await makeInterview(elsewhere.id, worker.userId),
    ]
    for (const wrong of ['no-such-interview', sibling.id, hidden.id])
      expect(await problems(recordScreening(worker, child.id, screening({ sourceInterviewId: wrong })))).toEqual({
        sourceInterviewId: expect.stringMatching(/not a return interview of this child/),
      })
    // nothing half-written
    expect(await (await getPrisma()).cseScreening.count({ where: { childId: child.id } })).toBe(0)
    const saved = await recordScreening(worker, child.id, screening({ sourceInterviewId: own.id }))
    expect(
      (await (await getPrisma()).cseScreening.findUniqueOrThrow({ where: { id: saved.id } })).sourceInterviewId,
    ).toBe(own.id)
  })

  it('suspected CSE proposes a Regulation 40 event; the manager decides and it is done once everyone named is told', async () => {
    const { worker, manager, child } = await setUp()
    const saved = await recordScreening(
      worker,
      child.id,
      screening({ level: 'SIGNIFICANT', indicators: [{ code: 'DISCLOSED_ABUSE', when: 'CURRENT' }] }),
    )
    expect(saved.reg40ProposalId).toBeTruthy()
    // one proposal at a time: a second screening while it waits proposes nothing more
    expect(
      (
        await recordScreening(
          worker,
          child.id,
          screening({ level: 'SIGNIFICANT', levelReason: 'Still at significant risk' }),
        )
      ).reg40ProposalId,
    ).toBeNull()
    const overview = await getCseOverview(manager, child.id)
    expect(overview.notifiableEvents.map((e) => [e.kind, e.status])).toEqual([['SEXUAL_EXPLOITATION', 'PROPOSED']])
    expect((await cseFlagsInScope(manager)).find((c) => c.child.id === child.id)?.flags.map((f) => f.code)).toEqual(
      expect.arrayContaining(['reg40-open', 'plan-due']),
    )
    await decideNotifiableEvent(
      manager,
      saved.reg40ProposalId!,
      decisionSchema.parse({ decision: 'NOTIFY', otherRelevantPersons: 'Placing authority' }),
    )
    const at = new Date(Date.now() - 60_000).toISOString()
    const ofsted = await recordNotified(
      manager,
      saved.reg40ProposalId!,
      notifiedSchema.parse({ recipient: 'HMCI', who: 'Ofsted', how: 'Online form', at }),
    )
    expect(ofsted).toMatchObject({
      complete: false,
      stillToTell: [{ recipient: 'OTHER_RELEVANT_PERSON', who: 'Placing authority' }],
    })
    expect(
      await recordNotified(
        manager,
        saved.reg40ProposalId!,
        notifiedSchema.parse({
          recipient: 'OTHER_RELEVANT_PERSON',
          who: 'Placing authority',
          how: 'Phone to the duty team',
          at,
        }),
      ),
    ).toMatchObject({ complete: true })
    expect((await getCseOverview(manager, child.id)).flags.map((f) => f.code)).not.toContain('reg40-open')
  })

  it('an old sign of harm, or many indicators counted, propose no Regulation 40 event', async () => {
    const { worker, child } = await setUp()
    const old = await recordScreening(
      worker,
      child.id,
      screening({
        indicators: [{ code: 'ASSAULT_INJURIES', when: 'OLDER' }],
        level: 'AT_RISK',
        levelReason: 'Old injury, support in place',
      }),
    )
    expect(old.reg40ProposalId).toBeNull()
    expect(await (await getPrisma()).notifiableEvent.count({ where: { childId: child.id } })).toBe(0)
  })
})

describe('kinds of exploitation', () => {
  const kinds = (levels: Record<string, string>, reasons: Record<string, string> = {}) =>
    Object.entries(levels).map(([kind, level]) => ({ kind, level, levelReason: reasons[kind] ?? '' }))

  it('a boy’s county lines signs: criminal exploitation significant, sexual not, each kind its own level', async () => {
    const { worker, manager, child } = await setUp()
    const signs = ['TRAVEL_OUT_OF_AREA', 'PHONES', 'DRUG_DEBT'].map((code) => ({ code, when: 'CURRENT' }))
    const wrong = screeningSchema.parse({
      indicators: signs,
      kinds: kinds({ sexual: 'AT_RISK', criminal: 'AT_RISK', trafficking: 'NOT_AT_RISK' }),
    })
    // each kind that differs from its own suggestion needs its reason
    expect(Object.keys(await problems(recordScreening(worker, child.id, wrong)))).toEqual([
      'kinds.0.levelReason',
      'kinds.1.levelReason',
    ])
    const saved = await recordScreening(
      worker,
      child.id,
      screeningSchema.parse({
        indicators: signs,
        kinds: kinds({ sexual: 'NOT_AT_RISK', criminal: 'SIGNIFICANT', trafficking: 'NOT_AT_RISK' }),
      }),
    )
    expect(saved.kinds.map((k) => [k.kind, k.suggestedLevel, k.level])).toEqual([
      ['sexual', 'NOT_AT_RISK', 'NOT_AT_RISK'],
      ['criminal', 'SIGNIFICANT', 'SIGNIFICANT'],
      ['trafficking', 'NOT_AT_RISK', 'NOT_AT_RISK'],
    ])
    // the screening's own level is the highest; criminal exploitation proposes no reg 40(4)(a) event by itself
    expect(saved).toMatchObject({ level: 'SIGNIFICANT', planNeeded: true, reg40ProposalId: null })
    const overview = await getCseOverview(manager, child.id)
    expect(overview.latestByKind.criminal?.level).toBe('SIGNIFICANT')
    expect(overview.kindsScreened).toEqual(['sexual', 'criminal', 'trafficking'])
  })

  it('the worker may propose a Regulation 40 event from a screening; only someone who can see the child', async () => {
    const { worker, child } = await setUp()
    const saved = await recordScreening(
      worker,
      child.id,
      screeningSchema.parse({
        indicators: [{ code: 'FOUND_DEALING', when: 'CURRENT' }],
        kinds: kinds({ sexual: 'NOT_AT_RISK', criminal: 'SIGNIFICANT', trafficking: 'NOT_AT_RISK' }),
      }),
    )
    // criminal exploitation is not reg 40(4)(a): nothing was opened by the screening itself
    expect(saved.reg40ProposalId).toBeNull()
    const far = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeC.id }], 'Far Worker')
    const post = async (who: typeof worker, id: string) => {
      const { token } = await issueApiToken({ email: who.email, password: FIXTURE_PASSWORD, ip: null })
      return screeningProposalRoute(
        new Request(`http://127.0.0.1/api/v1/cse-screenings/${id}/notifiable-event-proposal`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
          body: JSON.stringify({ kind: 'SERIOUS_POLICE_INCIDENT', because: 'Arrested in a house used for dealing' }),
        }),
        { params: Promise.resolve({ id }) },
      )
    }
    const hidden = await post(far, saved.id)
    expect(hidden.status).toBe(404)
    expect((await post(far, 'no-such-screening')).status).toBe(404)
    const proposed = await post(worker, saved.id)
    expect(proposed.status).toBe(201)
    expect(await proposed.json()).toMatchObject({ status: 'PROPOSED' })
    const events = await (await getPrisma()).notifiableEvent.findMany({ where: { childId: child.id } })
    expect(events.map((e) => [e.kind, e.screeningId, e.decision])).toEqual([
      ['SERIOUS_POLICE_INCIDENT', saved.id, null],
    ])
  })

  it('radicalisation only where the child’s placing authority asks for it', async () => {
    const { worker, child } = await setUp()
    const input = screeningSchema.parse({ indicators: [], kinds: kinds({ radicalisation: 'NOT_AT_RISK' }) })
    expect(await problems(recordScreening(worker, child.id, input))).toEqual({
      kinds: expect.stringMatching(/does not ask its homes to screen for radicalisation/),
    })
    // the authority's missing lead turns it on; a care worker cannot
    const lead = await makePerson([{ role: 'LA_MISSING_LEAD', localAuthorityId: world.laOne.id }], 'Missing Lead')
    expect(await setScreensRadicalisation(worker, world.laOne.id, true).catch((e: Error) => e.name)).toBe(
      'NotFoundError',
    )
    await setScreensRadicalisation(lead, world.laOne.id, true)
    try {
      expect((await recordScreening(worker, child.id, input)).kinds.map((k) => k.kind)).toEqual(['radicalisation'])
    } finally {
      await setScreensRadicalisation(lead, world.laOne.id, false)
    }
  })

  it('the dashboards count the children in scope at each level per kind, and nobody else’s', async () => {
    const { worker, manager, child } = await setUp()
    const elsewhere = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laTwo.id })
    const elsewhereWorker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeC.id }], 'Far Worker')
    const before = (await levelCountsInScope(manager))!
    await recordScreening(
      worker,
      child.id,
      screeningSchema.parse({
        indicators: [{ code: 'FOUND_DEALING', when: 'CURRENT' }],
        kinds: kinds({ sexual: 'NOT_AT_RISK', criminal: 'SIGNIFICANT' }),
      }),
    )
    await recordScreening(elsewhereWorker, elsewhere.id, screening({ level: 'SIGNIFICANT', levelReason: 'Judged so' }))
    const after = (await levelCountsInScope(manager))!
    expect(after.children).toBe(before.children)
    expect(after.counts.criminal.SIGNIFICANT).toBe(before.counts.criminal.SIGNIFICANT + 1)
    expect(after.counts.sexual.NOT_AT_RISK).toBe(before.counts.sexual.NOT_AT_RISK + 1)
    expect(after.counts.sexual.SIGNIFICANT).toBe(before.counts.sexual.SIGNIFICANT)
    // a care worker's dashboard has no counts panel, and the read is refused without the action
    expect(await levelCountsInScope({ ...worker, grants: [] })).toBeNull()
  })
})

describe('safety plans', () => {
  it('are versioned; the manager signs off the latest; old versions stay readable; a stale version is refused', async () => {
    const { worker, manager, socialWorker, child } = await setUp()
    await recordScreening(worker, child.id, screening())
    expect((await getCseOverview(worker, child.id)).flags.map((f) => f.code)).toContain('plan-due')
    const v1 = await createPlanVersion(worker, child.id, plan())
    // a care worker may not sign off: the plan is "not found", worded exactly as a plan that does not exist
    const refusal = await signOffPlan(worker, v1.id).catch((e: Error) => e.message)
    expect(refusal).toMatch('No safety plan was found')
    expect(await signOffPlan(manager, 'no-such-plan').catch((e: Error) => e.message)).toBe(refusal)
    await signOffPlan(manager, v1.id)
    expect((await getCseOverview(worker, child.id)).flags.map((f) => f.code)).not.toContain('plan-due')
    expect((await problems(createPlanVersion(socialWorker, child.id, plan({ basedOnVersion: 0 })))).form).toMatch(
      /version 1/,
    )
    const v2 = await createPlanVersion(
      socialWorker,
      child.id,
      plan({ basedOnVersion: 1, childsWords: 'I will ring Jordan or my aunt' }),
    )
    expect((await problems(signOffPlan(manager, v1.id))).form).toMatch(/already been signed off|replaced/)
    await signOffPlan(manager, v2.id)
    const { plans } = await getCseOverview(manager, child.id)
    expect(plans.map((p) => [p.version, p.childsWords, Boolean(p.signedOffAt)])).toEqual([
      [2, 'I will ring Jordan or my aunt', true],
      [1, 'I will ring Jordan', true],
    ])
  })

  it('name the kinds of exploitation they address (sexual when an API client leaves them out)', async () => {
    const { worker, child } = await setUp()
    await createPlanVersion(worker, child.id, plan())
    await createPlanVersion(worker, child.id, plan({ basedOnVersion: 1, kinds: ['criminal', 'trafficking'] }))
    expect((await getCseOverview(worker, child.id)).plans.map((p) => p.kinds)).toEqual([
      ['criminal', 'trafficking'],
      ['sexual'],
    ])
    expect(() => plan({ kinds: false })).toThrow(/Say which kinds of exploitation/)
  })

  it('refuse a review date in the past and a plan with no actions', async () => {
    const { worker, child } = await setUp()
    expect(await problems(createPlanVersion(worker, child.id, plan({ reviewDate: '2020-01-01' })))).toEqual({
      reviewDate: 'The review date must be in the future',
    })
    expect(await problems(createPlanVersion(worker, child.id, plan({ actions: [] })))).toHaveProperty('actions')
  })
})

describe('language', () => {
  it('warns in the API response, and saves anyway', async () => {
    const { worker, child } = await setUp()
    const { token } = await issueApiToken({ email: worker.email, password: FIXTURE_PASSWORD, ip: null })
    const response = await screeningRoute(
      new Request(`http://127.0.0.1/api/v1/children/${child.id}/cse-screenings`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify({
          level: 'AT_RISK',
          indicators: [{ code: 'CARS', when: 'CURRENT' }],
          summary: 'She keeps putting herself at risk with her older boyfriend',
        }),
      }),
      { params: Promise.resolve({ id: child.id }) },
    )
    expect(response.status).toBe(201)
    const body = await response.json()
    expect(body.warnings.map((w: { rule: string; field: string }) => [w.field, w.rule])).toEqual([
      ['summary', 'at-risk-themselves'],
      ['summary', 'boyfriend-adult'],
    ])
  })
})
