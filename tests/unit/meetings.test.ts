import { describe, expect, it } from 'vitest'
import { describeKinds, parseKinds } from '@/lib/domain/exploitation-kinds'
import { actionDates, actionState, meetingFlags, meetingKindsProblem, parseMeetingValue } from '@/lib/domain/meetings'
import { parseReferralValue, referralDateProblems, referralKindsProblem } from '@/lib/domain/referrals'

const s = { highRiskEpisodeHours: 24, repeatAlertWorkingDays: 5 }
const lastSeenAt = new Date('2026-11-02T20:00:00Z') // a Monday evening
const episode = (riskGrade: string | null) => ({ id: 'e1', lastSeenAt, riskGrade })
const none = { openEpisodes: [], repeatAlerts: [], meetings: [] }
const at = (iso: string) => new Date(iso)

describe('a high-risk episode without a meeting (Working Together 2023; 24 hours is local practice)', () => {
  it('is flagged only after the hours have passed, and only when graded high', () => {
    const facts = { ...none, openEpisodes: [episode('HIGH')] }
    expect(meetingFlags(facts, at('2026-11-03T20:00:00Z'), s)).toEqual([]) // exactly 24 hours: not yet
    expect(meetingFlags(facts, at('2026-11-03T20:01:00Z'), s)).toMatchObject([
      { kind: 'high-risk-episode', subjectId: 'e1' },
    ])
    expect(meetingFlags({ ...none, openEpisodes: [episode('MEDIUM')] }, at('2026-11-05T00:00:00Z'), s)).toEqual([])
  })

  it('is answered by a meeting linked to the episode, or held since it began', () => {
    const later = at('2026-11-04T12:00:00Z')
    const openEpisodes = [episode('HIGH')]
    const linked = { heldOn: '2026-10-01', episodeIds: ['e1'], alertIds: [] }
    const since = { heldOn: '2026-11-03', episodeIds: [], alertIds: [] }
    const before = { heldOn: '2026-11-01', episodeIds: [], alertIds: [] }
    expect(meetingFlags({ ...none, openEpisodes, meetings: [linked] }, later, s)).toEqual([])
    expect(meetingFlags({ ...none, openEpisodes, meetings: [since] }, later, s)).toEqual([])
    expect(meetingFlags({ ...none, openEpisodes, meetings: [before] }, later, s)).toHaveLength(1)
  })
})

describe('a repeat-episode alert without a meeting within 5 working days', () => {
  // opened Friday 18 December 2026: Christmas and Boxing Day (moved to the 28th) do not count
  const repeatAlerts = [{ id: 'a1', openedAt: at('2026-12-18T10:00:00Z') }]
  it('counts working days and flags the day after the last one', () => {
    // 21, 22, 23, 24, 29 December are the five working days
    expect(meetingFlags({ ...none, repeatAlerts }, at('2026-12-29T22:00:00Z'), s)).toEqual([])
    expect(meetingFlags({ ...none, repeatAlerts }, at('2026-12-30T00:30:00Z'), s)).toMatchObject([
      { kind: 'repeat-alert', subjectId: 'a1' },
    ])
  })
  it('is answered by a meeting pointing to the alert', () => {
    const meetings = [{ heldOn: '2026-12-01', episodeIds: [], alertIds: ['a1'] }]
    expect(meetingFlags({ ...none, repeatAlerts, meetings }, at('2027-01-10T12:00:00Z'), s)).toEqual([])
  })
})

describe('meeting actions', () => {
  it('are overdue after the due day, and done once completed', () => {
    expect(actionState({ dueOn: '2026-12-03', completedOn: null }, '2026-12-03')).toBe('open')
    expect(actionState({ dueOn: '2026-12-03', completedOn: null }, '2026-12-04')).toBe('overdue')
    expect(actionState({ dueOn: '2026-12-03', completedOn: '2026-12-10' }, '2026-12-20')).toBe('done')
  })
})

describe('NRM decisions', () => {
  const dates = { madeOn: '2026-10-01', reasonableGroundsOn: null, conclusiveGroundsOn: null }
  it('come in order: referral, reasonable grounds, conclusive grounds, none in the future', () => {
    expect(referralDateProblems({ ...dates, reasonableGroundsOn: '2026-09-30' }, '2026-12-01')).toHaveProperty(
      'reasonableGroundsOn',
    )
    expect(referralDateProblems({ ...dates, conclusiveGroundsOn: '2026-11-01' }, '2026-12-01')).toEqual({
      conclusiveGroundsOn: 'Record the reasonable grounds decision first',
    })
    expect(
      referralDateProblems(
        { ...dates, reasonableGroundsOn: '2026-10-20', conclusiveGroundsOn: '2026-11-30' },
        '2026-12-01',
      ),
    ).toEqual({})
    expect(referralDateProblems({ ...dates, madeOn: '2026-12-02' }, '2026-12-01')).toHaveProperty('madeOn')
  })
  it('are added later by amendment, only to an NRM referral', () => {
    const nrm = { kind: 'NRM' as const, madeOn: at('2026-10-01'), reasonableGroundsOn: null, conclusiveGroundsOn: null }
    expect(parseReferralValue('reasonableGrounds', 'POSITIVE', nrm, '2026-12-01')).toEqual({ value: 'POSITIVE' })
    expect(parseReferralValue('reasonableGroundsOn', '2026-09-01', nrm, '2026-12-01')).toHaveProperty('problem')
    expect(parseReferralValue('reasonableGrounds', 'POSITIVE', { ...nrm, kind: 'CAWN' }, '2026-12-01')).toEqual({
      problem: 'Only an NRM referral has decisions',
    })
  })
})

describe('the kinds of exploitation a referral or meeting concerns', () => {
  it('an NRM referral names at least one of sexual, criminal, trafficking (Modern Slavery Act 2015 guidance)', () => {
    expect(referralKindsProblem('NRM', [])).toBe('Choose the kinds of exploitation the NRM referral is about')
    expect(referralKindsProblem('NRM', ['criminal', 'radicalisation'])).toMatch(/refer radicalisation through Prevent/)
    expect(referralKindsProblem('NRM', ['criminal'])).toBeNull()
    expect(referralKindsProblem('CAWN', [])).toBeNull()
    expect(referralKindsProblem('POLICE_INTELLIGENCE', ['radicalisation'])).toBeNull()
  })
  it('a MACE meeting names at least one; a strategy discussion may be about missing alone', () => {
    expect(meetingKindsProblem('MACE', [])).toBe('Choose the kinds of exploitation the MACE meeting is about')
    expect(meetingKindsProblem('MACE', ['sexual'])).toBeNull()
    expect(meetingKindsProblem('STRATEGY_DISCUSSION', [])).toBeNull()
  })
  it('are read from the correction form as codes, in the usual order, and shown by name or as not recorded', () => {
    expect(parseKinds(' trafficking, criminal ,')).toEqual({ kinds: ['criminal', 'trafficking'] })
    expect(parseKinds('')).toEqual({ kinds: [] })
    expect(parseKinds('criminal,county lines')).toEqual({ problem: 'Choose kinds of exploitation from the list' })
    expect(describeKinds([])).toBe('Not recorded')
    expect(describeKinds(['sexual', 'trafficking'])).toBe('Child sexual exploitation; Trafficking and modern slavery')
  })
  it('are corrected on an NRM referral only to kinds an NRM referral can be about', () => {
    const nrm = { kind: 'NRM' as const, madeOn: at('2026-10-01'), reasonableGroundsOn: null, conclusiveGroundsOn: null }
    expect(parseReferralValue('kinds', 'trafficking', nrm, '2026-12-01')).toEqual({ value: ['trafficking'] })
    expect(parseReferralValue('kinds', '', nrm, '2026-12-01')).toHaveProperty('problem')
    expect(parseReferralValue('kinds', '', { ...nrm, kind: 'CAWN' }, '2026-12-01')).toEqual({ value: [] })
  })
})

describe('correcting a meeting', () => {
  const strategy = { kind: 'STRATEGY_DISCUSSION' as const, kinds: [], actionDates: ['2026-11-27'] }
  it('moves the date held, never into the future nor after an action was due or completed', () => {
    expect(parseMeetingValue('heldOn', '2026-11-27', strategy, '2026-12-01')).toEqual({ value: at('2026-11-27') })
    expect(parseMeetingValue('heldOn', '2026-11-28', strategy, '2026-12-01')).toEqual({
      problem: 'The meeting cannot be held after one of its actions was due or completed',
    })
    expect(parseMeetingValue('heldOn', '2026-12-02', { ...strategy, actionDates: [] }, '2026-12-01')).toEqual({
      problem: 'The meeting cannot be held in the future',
    })
    expect(parseMeetingValue('heldOn', '27/11/2026', strategy, '2026-12-01')).toEqual({ problem: 'Enter a date' })
    const dueOn = at('2026-11-27')
    expect(
      actionDates([
        { dueOn, completedOn: null },
        { dueOn, completedOn: at('2026-11-20') },
      ]),
    ).toEqual(['2026-11-27', '2026-11-27', '2026-11-20'])
  })
  it('makes a meeting a MACE meeting only once it names a kind of exploitation', () => {
    expect(parseMeetingValue('kind', 'MACE', strategy, '2026-12-01')).toEqual({
      problem: 'Choose the kinds of exploitation the MACE meeting is about first',
    })
    expect(parseMeetingValue('kind', 'MACE', { ...strategy, kinds: ['criminal'] }, '2026-12-01')).toEqual({
      value: 'MACE',
    })
    expect(parseMeetingValue('kind', 'PANEL', strategy, '2026-12-01')).toEqual({
      problem: 'Choose the kind of meeting',
    })
  })
  it('keeps the decisions, and lets the views be cleared', () => {
    expect(parseMeetingValue('decisions', ' ', strategy, '2026-12-01')).toEqual({ problem: 'Enter the decisions' })
    expect(parseMeetingValue('childViews', ' ', strategy, '2026-12-01')).toEqual({ value: null })
    expect(parseMeetingValue('kinds', 'sexual', strategy, '2026-12-01')).toEqual({ value: ['sexual'] })
  })
})
