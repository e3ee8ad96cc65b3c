// Referrals and meetings on the child: what the social worker, IRO and missing lead rely on after repeated or
// high-risk episodes.
import { beforeAll, describe, expect, it } from 'vitest'
import { GET as meetingsGet, POST as meetingsPost } from '@/app/api/v1/children/[id]/meetings/route'
import { GET as referralsGet, POST as referralsPost } from '@/app/api/v1/children/[id]/referrals/route'
import { POST as actionsPost } from '@/app/api/v1/meetings/[id]/actions/route'
import { POST as completePost } from '@/app/api/v1/meetings/[id]/actions/[actionId]/complete/route'
import { POST as meetingAmendPost } from '@/app/api/v1/meetings/[id]/amendments/route'
import { POST as amendPost } from '@/app/api/v1/referrals/[id]/amendments/route'
import { issueApiToken } from '@/lib/server/api-tokens'
import { getAlert, resolveAlert } from '@/lib/server/alerts'
import { getChronology } from '@/lib/server/chronology'
import { getPrisma } from '@/lib/server/database'
import { NotFoundError } from '@/lib/server/errors'
import { amendMeeting } from '@/lib/server/meeting-amendments'
import { flagMissingMeetings, listMeetings, meetingsDueInScope, recordMeeting } from '@/lib/server/meetings'
import { amendReferral, listReferrals, recordReferral } from '@/lib/server/referrals'
import { completeActionSchema, meetingSchema, referralSchema } from '@/lib/validation/meetings'
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

const NOW = new Date('2026-12-03T12:00:00Z')

async function setUp() {
  const iro = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Child IRO')
  const socialWorker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Child SW')
  const lead = await makePerson([{ role: 'LA_MISSING_LEAD', localAuthorityId: world.laOne.id }], 'Missing Lead')
  const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Key Worker')
  const child = await makeChild({
    homeId: world.homeA.id,
    placingAuthorityId: world.laOne.id,
    iroId: iro.userId,
    socialWorkerId: socialWorker.userId,
  })
  return { iro, socialWorker, lead, worker, child }
}

const meeting = (overrides: Record<string, unknown> = {}) =>
  meetingSchema.parse({
    kind: 'STRATEGY_DISCUSSION',
    heldOn: '2026-11-20',
    participants: [
      { name: 'Child SW', agency: 'Northshire children’s services' },
      { name: 'DC Patel', agency: 'Northshire Police' },
    ],
    childViews: 'Says she feels safe at the home',
    decisions: 'Section 47 enquiry; refer to MACE',
    actions: [
      { action: 'Refer to the NRM', owner: 'Child SW', dueOn: '2026-11-27' },
      { action: 'Disruption visit to the park', owner: 'DC Patel', dueOn: '2026-12-10' },
    ],
    ...overrides,
  })

describe('referrals', () => {
  it('an NRM referral is the local authority’s; its decisions come later, the first values kept beside them', async () => {
    const { socialWorker, worker, child } = await setUp()
    const nrm = referralSchema.parse({
      kind: 'NRM',
      kinds: ['criminal'],
      madeOn: '2026-11-02',
      madeBy: 'Northshire children’s services',
    })
    expect(await problems(recordReferral(worker, child.id, nrm, NOW))).toHaveProperty('kind')
    const { id } = await recordReferral(socialWorker, child.id, nrm, NOW)
    const decide = (field: string, value: string, version: number) =>
      amendReferral(socialWorker, id, { field: field as 'madeOn', value, reason: 'Decision received', version }, NOW)
    expect(await problems(decide('reasonableGroundsOn', '2026-11-01', 1))).toHaveProperty('value')
    await decide('reasonableGrounds', 'POSITIVE', 1)
    await decide('reasonableGroundsOn', '2026-11-20', 2)
    // a care worker reads it with the child's other referrals
    const [seen] = (await listReferrals(worker, child.id, NOW)).referrals
    expect(seen).toMatchObject({ kind: 'NRM', reasonableGrounds: 'POSITIVE', reasonableGroundsOn: '2026-11-20' })
    expect(seen.amendments.map((a) => [a.field, a.previousValue, a.newValue])).toEqual([
      ['Reasonable grounds decision', null, 'POSITIVE'],
      ['Reasonable grounds decision date', null, '2026-11-20T00:00:00.000Z'],
    ])
    const chronology = await getChronology(worker, child.id, { kinds: ['meeting'] }, NOW)
    expect(chronology.entries.map((e) => e.title)).toEqual([
      'NRM reasonable grounds decision: positive',
      'National Referral Mechanism (NRM) referral',
    ])
  })

  it('a CAWN names a person in the people records; a return interview’s sharing is an intelligence submission', async () => {
    const { socialWorker, worker, child } = await setUp()
    await recordReferral(
      worker,
      child.id,
      referralSchema.parse({
        kind: 'CAWN',
        madeOn: '2026-11-10',
        madeBy: 'PC 1234 Jones',
        cawnStatus: 'ISSUED',
        personName: 'Darren Cole',
      }),
      NOW,
    )
    const prisma = await getPrisma()
    const person = await prisma.associate.findFirstOrThrow({ where: { name: 'Darren Cole' } })
    const interview = await makeInterview(child.id, worker.userId, '2026-11-01T09:00:00Z')
    const { recordPoliceSharing } = await import('@/lib/server/return-interviews')
    await recordPoliceSharing(
      socialWorker,
      interview.id,
      {
        sharedAt: '2026-11-02T12:00:00.000Z',
        policeForce: 'Northshire Police',
        what: 'A car picks her up',
        basis: 'CONSENT',
        reason: null,
      },
      NOW,
    )
    const { referrals } = await listReferrals(worker, child.id, NOW)
    expect(referrals.map((r) => [r.kind, r.madeOn, r.reference, r.interviewId, r.associateId])).toEqual([
      ['CAWN', '2026-11-10', null, null, person.id],
      ['POLICE_INTELLIGENCE', '2026-11-02', 'Northshire Police', interview.id, null],
    ])
    // what was shared stays on the interview, where its own readers are
    expect(JSON.stringify(referrals)).not.toContain('A car picks her up')
  })
})

describe('meetings', () => {
  it('records who took part, views, decisions and actions; overdue actions show until completed', async () => {
    const { socialWorker, worker, child } = await setUp()
    const episode = await makeEpisode(child.id, {
      reportedById: worker.userId,
      lastSeenAt: '2026-11-18T20:00:00Z',
      returnedAt: '2026-11-19T09:00:00Z',
    })
    expect(
      await problems(
        recordMeeting(
          socialWorker,
          child.id,
          meeting({ actions: [{ action: 'x', owner: 'y', dueOn: '2026-11-01' }] }),
          NOW,
        ),
      ),
    ).toEqual({ 'actions.0.dueOn': 'The action cannot be due before the meeting was held' })
    const { id } = await recordMeeting(socialWorker, child.id, meeting({ episodeIds: [episode.id] }), NOW)
    const [seen] = (await listMeetings(worker, child.id, NOW)).meetings
    expect(seen).toMatchObject({ kindLabel: 'Strategy discussion', episodeIds: [episode.id] })
    expect(seen.actions.map((a) => [a.action, a.state])).toEqual([
      ['Refer to the NRM', 'overdue'],
      ['Disruption visit to the park', 'open'],
    ])
    const due = await meetingsDueInScope(socialWorker, NOW)
    expect(due.overdueActions.map((a) => [a.action, a.child.id])).toEqual([['Refer to the NRM', child.id]])

    const { completeMeetingAction } = await import('@/lib/server/meetings')
    const done = completeActionSchema.parse({ completedOn: '2026-12-01', note: 'Referred' })
    await completeMeetingAction(worker, id, seen.actions[0].id, done, NOW)
    expect(await problems(completeMeetingAction(worker, id, seen.actions[0].id, done, NOW))).toEqual({
      form: 'This action is already completed.',
    })
    expect((await meetingsDueInScope(socialWorker, NOW)).overdueActions).toEqual([])
  })

  it('a high-risk episode open past 24 hours, or a repeat alert past 5 working days, is flagged once to SW, IRO and missing lead', async () => {
    const { iro, socialWorker, lead, worker, child } = await setUp()
    const prisma = await getPrisma()
    const episode = await makeEpisode(child.id, { reportedById: worker.userId, lastSeenAt: '2026-12-02T08:00:00Z' })
    await prisma.episodeUpdate.create({
      data: {
        episodeId: episode.id,
        kind: 'POLICE_RISK_GRADE',
        at: new Date('2026-12-02T09:00:00Z'),
        text: 'Graded high',
        riskGrade: 'HIGH',
        authorId: worker.userId,
      },
    })
    const alert = await prisma.alert.create({
      data: {
        rule: 'repeat-missing',
        subjectKey: `child:${child.id}`,
        severity: 'warning',
        title: 'Repeat missing episodes',
        summary: '3 in 30 days',
        evidence: { episodeIds: [episode.id] },
        childIds: [child.id],
        homeIds: [world.homeA.id],
        openedAt: new Date('2026-11-23T10:00:00Z'), // Monday: 5 working days end on Monday 30 November
        updatedAt: new Date('2026-11-23T10:00:00Z'),
        recipients: { create: { userId: socialWorker.userId, reason: 'Social worker', notifiedAt: NOW } },
      },
    })
    expect((await listMeetings(iro, child.id, NOW)).flags.map((f) => [f.kind, f.subjectId])).toEqual([
      ['high-risk-episode', episode.id],
      ['repeat-alert', alert.id],
    ])
    expect(await flagMissingMeetings(NOW)).toBe(2)
    expect(await flagMissingMeetings(NOW)).toBe(0) // told once
    const told = await prisma.notification.findMany({ where: { childId: child.id }, select: { recipientId: true } })
    const recipients = told.map((t) => t.recipientId)
    expect(recipients).toEqual(expect.arrayContaining([socialWorker.userId, iro.userId, lead.userId]))
    expect(recipients).not.toContain(worker.userId)
    const dashboard = await meetingsDueInScope(lead, NOW)
    expect(dashboard.needing.filter((n) => n.child.id === child.id)).toHaveLength(2)

    // a strategy discussion answers both; the alert is resolved by pointing to it
    const { id } = await recordMeeting(socialWorker, child.id, meeting({ heldOn: '2026-12-03', actions: [] }), NOW)
    expect((await listMeetings(iro, child.id, NOW)).flags).toEqual([])
    await resolveAlert(socialWorker, alert.id, { meetingId: id }, NOW)
    const resolved = await getAlert(socialWorker, alert.id, NOW)
    expect(resolved.resolutionReason).toBe('Dealt with at the strategy discussion held on 3 Dec 2026')
    expect(await prisma.meetingAlert.count({ where: { meetingId: id, alertId: alert.id } })).toBe(1)
  })
})

describe('API', () => {
  it('meetings, their actions and referrals answer as the OpenAPI document says', async () => {
    const { socialWorker, child } = await setUp()
    const { token } = await issueApiToken({ email: socialWorker.email, password: FIXTURE_PASSWORD, ip: null })
    const headers = { Authorization: `Bearer ${token}` }
    const post = (body: unknown) => ({ method: 'POST', headers, body: JSON.stringify(body) })
    const base = `http://127.0.0.1/api/v1`
    const ctx = <P>(params: P) => ({ params: Promise.resolve(params) })
    const c = ctx({ id: child.id })

    const bad = await meetingsPost(new Request(`${base}/children/${child.id}/meetings`, post({ kind: 'MACE' })), c)
    expect(bad.status).toBe(422)
    expect((await bad.json()).errors.map((e: { field: string }) => e.field)).toContain('decisions')
    const created = await meetingsPost(
      new Request(`${base}/children/${child.id}/meetings`, post({ ...meeting(), actions: [] })),
      c,
    )
    expect(created.status).toBe(201)
    const { id } = await created.json()
    const action = await actionsPost(
      new Request(`${base}/meetings/${id}/actions`, post({ action: 'Visit', owner: 'DC Patel', dueOn: '2026-11-30' })),
      ctx({ id }),
    )
    expect(action.status).toBe(201)
    const added = await action.json()
    expect(added.state).toBe('overdue')
    const completed = await completePost(
      new Request(
        `${base}/meetings/${id}/actions/${added.id}/complete`,
        post({ completedOn: '2026-12-01', note: 'Done' }),
      ),
      ctx({ id, actionId: added.id }),
    )
    expect(completed.status).toBe(200)
    const list = await (await meetingsGet(new Request(`${base}/children/${child.id}/meetings`, { headers }), c)).json()
    expect(list.meetings[0].actions[0].state).toBe('done')

    const referral = await referralsPost(
      new Request(
        `${base}/children/${child.id}/referrals`,
        post({ kind: 'NRM', kinds: ['trafficking'], madeOn: '2026-11-02', madeBy: 'Northshire children’s services' }),
      ),
      c,
    )
    expect(referral.status).toBe(201)
    const { id: referralId } = await referral.json()
    const amended = await amendPost(
      new Request(
        `${base}/referrals/${referralId}/amendments`,
        post({ field: 'madeOn', value: '2026-11-03', reason: 'Typed the wrong day', version: 1 }),
      ),
      ctx({ id: referralId }),
    )
    expect(amended.status).toBe(201)
    const referrals = await (
      await referralsGet(new Request(`${base}/children/${child.id}/referrals`, { headers }), c)
    ).json()
    expect(referrals.referrals[0]).toMatchObject({ madeOn: '2026-11-03', kinds: ['trafficking'], version: 2 })

    // a meeting is corrected through its amendments; a wrong kind of exploitation is refused naming the value
    const refused = await meetingAmendPost(
      new Request(
        `${base}/meetings/${id}/amendments`,
        post({ field: 'kinds', value: 'county-lines', reason: 'Left out', version: 1 }),
      ),
      ctx({ id }),
    )
    expect(refused.status).toBe(422)
    expect((await refused.json()).errors.map((e: { field: string }) => e.field)).toEqual(['value'])
    const corrected = await meetingAmendPost(
      new Request(
        `${base}/meetings/${id}/amendments`,
        post({ field: 'kinds', value: 'criminal,sexual', reason: 'Left out', version: 1 }),
      ),
      ctx({ id }),
    )
    expect(corrected.status).toBe(201)
    expect(await corrected.json()).toMatchObject({ field: 'Kinds of exploitation' })
    const after = await (await meetingsGet(new Request(`${base}/children/${child.id}/meetings`, { headers }), c)).json()
    expect(after.meetings[0]).toMatchObject({ kinds: ['sexual', 'criminal'], version: 2 })
    expect(after.meetings[0].amendments).toMatchObject([
      { field: 'Kinds of exploitation', previousValue: [], newValue: ['sexual', 'criminal'], reason: 'Left out' },
    ])
  })
})

describe('the kinds of exploitation a referral or meeting concerns', () => {
  it('an NRM referral names sexual or criminal exploitation or trafficking; a CAWN may name none', () => {
    const nrm = { kind: 'NRM', madeOn: '2026-11-02', madeBy: 'Northshire children’s services' }
    const issues = (input: object) =>
      referralSchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? []
    expect(issues(nrm)).toEqual([['kinds', 'Choose the kinds of exploitation the NRM referral is about']])
    expect(issues({ ...nrm, kinds: ['criminal', 'radicalisation'] })[0][0]).toBe('kinds')
    expect(issues({ ...nrm, kinds: ['criminal'] })).toEqual([])
    expect(issues({ kind: 'POLICE_INTELLIGENCE', madeOn: '2026-11-02', madeBy: 'Key worker' })).toEqual([])
  })

  it('are shown on the referral and the meeting and in the chronology; a referral without them is corrected', async () => {
    const { socialWorker, worker, child } = await setUp()
    await recordMeeting(socialWorker, child.id, meeting({ kinds: ['criminal'], actions: [] }), NOW)
    const { id } = await recordReferral(
      worker,
      child.id,
      referralSchema.parse({ kind: 'POLICE_INTELLIGENCE', madeOn: '2026-11-21', madeBy: 'Key Worker' }),
      NOW,
    )
    expect((await listMeetings(worker, child.id, NOW)).meetings[0].kinds).toEqual(['criminal'])
    expect((await listReferrals(worker, child.id, NOW)).referrals[0].kinds).toEqual([])
    await amendReferral(worker, id, { field: 'kinds', value: 'criminal', reason: 'Asked later', version: 1 }, NOW)
    const [referral] = (await listReferrals(worker, child.id, NOW)).referrals
    expect(referral.kinds).toEqual(['criminal'])
    expect(referral.amendments.map((a) => [a.field, a.previousValue, a.newValue])).toEqual([
      ['Kinds of exploitation', [], ['criminal']],
    ])
    const chronology = await getChronology(worker, child.id, { kinds: ['meeting'] }, NOW)
    expect(chronology.entries.map((e) => [e.title, e.detail])).toEqual([
      ['Intelligence submitted to the police', 'About child criminal exploitation, including county lines'],
      ['Strategy discussion held', 'About child criminal exploitation, including county lines. 0 actions agreed'],
    ])
  })

  it('a MACE meeting names at least one kind', () => {
    const mace = { ...meeting(), kind: 'MACE', kinds: [] }
    expect(meetingSchema.safeParse(mace).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['kinds', 'Choose the kinds of exploitation the MACE meeting is about'],
    ])
    expect(meetingSchema.safeParse({ ...mace, kinds: ['criminal'] }).success).toBe(true)
  })
})

describe('correcting a meeting', () => {
  it('keeps the earlier value beside the new one, refuses a date after its actions and a stale version', async () => {
    const { socialWorker, iro, worker, child } = await setUp()
    const { id } = await recordMeeting(socialWorker, child.id, meeting(), NOW)
    const correct = (field: string, value: string, version: number, actor = socialWorker) =>
      amendMeeting(actor, id, { field: field as 'kinds', value, reason: 'Checked the minutes', version }, NOW)
    // its first action was due on 27 November: it cannot have been held after
    expect(await problems(correct('heldOn', '2026-11-28', 1))).toEqual({
      value: 'The meeting cannot be held after one of its actions was due or completed',
    })
    expect(await problems(correct('decisions', '  ', 1))).toEqual({ value: 'Enter the decisions' })
    await correct('heldOn', '2026-11-19', 1)
    await correct('kinds', 'trafficking', 2, iro)
    // a MACE meeting names a kind: it names trafficking now, so it can become one
    await correct('kind', 'MACE', 3)
    expect(await problems(correct('childViews', 'Not asked', 3))).toHaveProperty('form')
    // a care worker follows up actions but does not correct the meeting: to them it is not found
    await expect(
      amendMeeting(worker, id, { field: 'kinds', value: '', reason: 'x', version: 4 }, NOW),
    ).rejects.toBeInstanceOf(NotFoundError)
    expect(await problems(correct('kinds', '', 4))).toEqual({
      value: 'Choose the kinds of exploitation the MACE meeting is about',
    })
    const [seen] = (await listMeetings(worker, child.id, NOW)).meetings
    expect(seen).toMatchObject({ kind: 'MACE', heldOn: '2026-11-19', kinds: ['trafficking'], version: 4 })
    expect(seen.amendments.map((a) => [a.field, a.previousValue, a.newValue, a.author])).toEqual([
      ['Date held', '2026-11-20T00:00:00.000Z', '2026-11-19T00:00:00.000Z', 'Child SW'],
      ['Kinds of exploitation', [], ['trafficking'], 'Child IRO'],
      ['Kind of meeting', 'STRATEGY_DISCUSSION', 'MACE', 'Child SW'],
    ])
    const prisma = await getPrisma()
    const audits = await prisma.auditEvent.findMany({
      where: { action: 'meeting.amend', subjectId: id },
      orderBy: { seq: 'asc' },
    })
    expect(audits.map((a) => (a.details as { field: string }).field)).toEqual(['heldOn', 'kinds', 'kind'])
  })
})
