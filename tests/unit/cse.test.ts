import { describe, expect, it } from 'vitest'
import { addWorkingDays, isWorkingDay } from '@/lib/domain/bank-holidays'
import {
  countLevels,
  cseFlags,
  kindsScreened,
  scoreKind,
  scoreScreening,
  type ExploitationKind,
  type Observed,
} from '@/lib/domain/cse'
import { suggestIndicators } from '@/lib/domain/cse-suggestions'
import { addMonths } from '@/lib/domain/time'
import { settings } from '@/lib/settings'

const rules = settings.cse.rules
const flagSettings = { rescreenMonths: 3, planWorkingDays: 5 }

const THREE = ['sexual', 'criminal', 'trafficking'] as const
const at = (codes: string[], when: Observed['when'] = 'CURRENT'): Observed[] => codes.map((code) => ({ code, when }))
const level = (observed: Observed[], kind: ExploitationKind) => scoreKind(observed, kind, rules).suggestedLevel

describe('screening levels by kind (suggested; the professional decides)', () => {
  it('one ordinary warning sign, such as staying out late, is not "at risk" (it was)', () => {
    expect(rules).toMatchObject({ atRiskConcerns: 3, atRiskStrong: 1, significantStrong: 2 })
    expect(level(at(['OUT_LATE']), 'sexual')).toBe('NOT_AT_RISK')
    expect(level(at(['OUT_LATE', 'SCHOOL']), 'sexual')).toBe('NOT_AT_RISK')
    expect(level(at(['OUT_LATE', 'SCHOOL', 'DRUGS_ALCOHOL']), 'sexual')).toBe('AT_RISK')
  })
  it('vulnerabilities never raise the level alone, however many', () => {
    const all = at(['NO_PEER_FRIENDS', 'ABUSE_HISTORY', 'UNSUITABLE_ACCOMMODATION', 'LEARNING_DISABILITY'])
    for (const kind of THREE) expect(level(all, kind)).toBe('NOT_AT_RISK')
  })
  it('one strong sign is "at risk", two are "significant"', () => {
    expect(level(at(['CARS']), 'sexual')).toBe('AT_RISK')
    expect(level(at(['CARS', 'HOTELS_TAKEAWAYS']), 'sexual')).toBe('SIGNIFICANT')
  })
  it('only signs seen now or in the last 6 months count towards a level', () => {
    expect(level(at(['CARS', 'HOTELS_TAKEAWAYS'], 'OLDER'), 'sexual')).toBe('NOT_AT_RISK')
    expect(level(at(['CARS', 'HOTELS_TAKEAWAYS'], 'WITHIN_6_MONTHS'), 'sexual')).toBe('SIGNIFICANT')
    expect(level(at(['OUT_LATE', 'SCHOOL', 'DRUGS_ALCOHOL'], 'OLDER'), 'sexual')).toBe('NOT_AT_RISK')
  })
  it('harm now or recently is significant; older harm is "at risk" with a full assessment', () => {
    expect(scoreKind(at(['DISCLOSED_ABUSE']), 'sexual', rules)).toMatchObject({
      suggestedLevel: 'SIGNIFICANT',
      fullAssessmentPrompted: true,
      harmIndicators: 1,
    })
    expect(scoreKind(at(['STI_PREGNANCY'], 'OLDER'), 'sexual', rules)).toMatchObject({
      suggestedLevel: 'AT_RISK',
      fullAssessmentPrompted: true,
    })
  })
  it('each kind counts its own indicators: county lines signs do not make sexual exploitation significant', () => {
    const countyLines = at(['TRAVEL_OUT_OF_AREA', 'PHONES', 'DRUG_DEBT'])
    expect(THREE.map((k) => level(countyLines, k))).toEqual(['NOT_AT_RISK', 'SIGNIFICANT', 'NOT_AT_RISK'])
    expect(level(at(['FOUND_DEALING']), 'criminal')).toBe('SIGNIFICANT')
    expect(level(at(['NO_DOCUMENTS']), 'trafficking')).toBe('AT_RISK')
    expect(level(at(['NO_DOCUMENTS', 'MOVED_BY_OTHERS']), 'trafficking')).toBe('SIGNIFICANT')
    expect(level(at(['EXTREMIST_MATERIAL', 'EXTREMIST_VIEWS']), 'radicalisation')).toBe('NOT_AT_RISK')
    expect(level(at(['EXTREMIST_CONTACTS']), 'radicalisation')).toBe('AT_RISK')
  })
  it('the screening takes the highest kind; a kind not screened does not count', () => {
    const result = scoreScreening(at(['FOUND_DEALING', 'EXTREMIST_CONTACTS']), THREE, rules)
    expect(result.suggestedLevel).toBe('SIGNIFICANT')
    expect(result.kinds.map((k) => k.kind)).toEqual([...THREE])
    expect(result.indicatorCount).toBe(1)
  })
  it('prompts a full assessment at three present signs, not vulnerabilities', () => {
    expect(scoreKind(at(['MISSING', 'OUT_LATE', 'DRUGS_ALCOHOL']), 'sexual', rules).fullAssessmentPrompted).toBe(true)
    expect(scoreKind(at(['MISSING', 'OUT_LATE', 'LEARNING_DISABILITY']), 'sexual', rules).fullAssessmentPrompted).toBe(
      false,
    )
  })
  it('ignores codes it does not know rather than counting them', () => {
    expect(scoreScreening(at(['NOT_A_CODE']), THREE, rules).score).toBe(0)
  })
  it('radicalisation is screened only where the authority asks', () => {
    expect(kindsScreened(false)).toEqual([...THREE])
    expect(kindsScreened(true)).toEqual([...THREE, 'radicalisation'])
  })
  it('cannot weaken for boys, 16-17 year olds or children who lived at home: the rules take no such input', () => {
    // the function has one input about the child: what was observed
    expect(scoreKind.length).toBe(3)
    const boy16 = { sex: 'MALE', age: 16, livedAtHome: true }
    const observed: Observed[] = [{ code: 'CARS', when: 'CURRENT' }]
    expect(level(Object.assign(observed, boy16), 'criminal')).toBe(level(at(['CARS']), 'criminal'))
  })
  it('counts the children at each level per kind from their newest screening of that kind', () => {
    const judged = (kind: ExploitationKind, lvl: 'AT_RISK' | 'NOT_AT_RISK') => ({
      kind,
      level: lvl,
      suggestedLevel: lvl,
      levelReason: null,
      score: 0,
      harmIndicators: 0,
      fullAssessmentPrompted: false,
    })
    const counts = countLevels([
      // newest first: the older "at risk" of sexual exploitation is superseded
      { screenings: [{ kinds: [judged('sexual', 'NOT_AT_RISK')] }, { kinds: [judged('sexual', 'AT_RISK')] }] },
      { screenings: [{ kinds: [judged('criminal', 'AT_RISK'), judged('sexual', 'AT_RISK')] }] },
      { screenings: [] },
    ])
    expect(counts.sexual).toEqual({ NOT_SCREENED: 1, NOT_AT_RISK: 1, AT_RISK: 1, SIGNIFICANT: 0 })
    expect(counts.criminal).toEqual({ NOT_SCREENED: 2, NOT_AT_RISK: 0, AT_RISK: 1, SIGNIFICANT: 0 })
  })
})

describe('working days (England and Wales)', () => {
  it('skips weekends and bank holidays, including substitute days', () => {
    expect(isWorkingDay('2026-12-28')).toBe(false) // Boxing Day substitute
    expect(isWorkingDay('2026-12-29')).toBe(true)
    expect(addWorkingDays('2026-12-18', 5)).toBe('2026-12-29') // Fri: 21, 22, 23, 24, (25, 26, 27, 28 off), 29
    expect(addWorkingDays('2026-04-02', 5)).toBe('2026-04-13') // Easter: Good Friday 3rd and Monday 6th
    expect(addWorkingDays('2026-11-23', 5)).toBe('2026-11-30')
  })
  it('adds calendar months, keeping to the end of short months', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29')
  })
})

describe('flags', () => {
  it('a signed plan that does not address a kind the child is now at risk of: due like a new plan, then critical', () => {
    const screening = {
      screenedOn: '2026-12-18',
      level: 'AT_RISK' as const,
      harmIndicators: 0,
      kinds: [
        { kind: 'sexual' as const, level: 'NOT_AT_RISK' as const },
        { kind: 'criminal' as const, level: 'AT_RISK' as const },
      ],
    }
    const plans = [{ version: 1, signedOffOn: '2026-11-01', reviewDate: '2027-02-01', kinds: ['sexual' as const] }]
    const flags = (today: string, kinds = plans[0].kinds as ExploitationKind[]) =>
      cseFlags({ latestScreening: screening, plans: [{ ...plans[0], kinds }], reg40Open: false }, today, flagSettings)
    expect(flags('2026-12-29')).toEqual([
      {
        code: 'plan-kinds',
        level: 'warning',
        message:
          'The safety plan in force does not address child criminal exploitation, including county lines: a version that does is due by 2026-12-29.',
        dueDate: '2026-12-29',
      },
    ])
    expect(flags('2026-12-30')[0]).toMatchObject({ code: 'plan-kinds', level: 'critical' })
    expect(flags('2026-12-30', ['sexual', 'criminal'])).toEqual([])
  })
  const atRisk = { screenedOn: '2026-12-18', level: 'AT_RISK' as const, harmIndicators: 0 }
  it('a child at risk needs a signed-off plan within 5 working days, bank holidays excluded', () => {
    expect(cseFlags({ latestScreening: atRisk, plans: [], reg40Open: false }, '2026-12-29', flagSettings)).toEqual([
      expect.objectContaining({ code: 'plan-due', dueDate: '2026-12-29' }),
    ])
    expect(cseFlags({ latestScreening: atRisk, plans: [], reg40Open: false }, '2026-12-30', flagSettings)).toEqual([
      expect.objectContaining({ code: 'plan-overdue', level: 'critical' }),
    ])
    // a plan written but not signed off does not count
    expect(
      cseFlags(
        {
          latestScreening: atRisk,
          plans: [{ version: 1, signedOffOn: null, reviewDate: '2027-03-01' }],
          reg40Open: false,
        },
        '2026-12-30',
        flagSettings,
      ).map((f) => f.code),
    ).toEqual(['plan-overdue'])
    expect(
      cseFlags(
        {
          latestScreening: atRisk,
          plans: [{ version: 1, signedOffOn: '2026-12-22', reviewDate: '2027-03-01' }],
          reg40Open: false,
        },
        '2026-12-30',
        flagSettings,
      ),
    ).toEqual([])
  })
  it('any harm indicator needs a plan even when the professional judged the level lower', () => {
    expect(
      cseFlags(
        { latestScreening: { ...atRisk, level: 'NOT_AT_RISK', harmIndicators: 1 }, plans: [], reg40Open: false },
        '2026-12-19',
        flagSettings,
      ).map((f) => f.code),
    ).toEqual(['plan-due'])
  })
  it('a plan past its review date, a screening over 3 months old, no screening, an open Regulation 40 task', () => {
    const plans = [{ version: 1, signedOffOn: '2026-08-01', reviewDate: '2026-11-01' }]
    expect(
      cseFlags(
        { latestScreening: { ...atRisk, screenedOn: '2026-07-30' }, plans, reg40Open: true },
        '2026-11-26',
        flagSettings,
      ).map((f) => f.code),
    ).toEqual(['screening-overdue', 'plan-review-overdue', 'reg40-open'])
    expect(
      cseFlags({ latestScreening: null, plans: [], reg40Open: false }, '2026-11-26', flagSettings).map((f) => f.code),
    ).toEqual(['no-screening'])
  })
})

describe('suggestions from Haven’s records', () => {
  const now = new Date('2026-11-26T12:00:00Z')
  const episode = (
    daysAgo: number,
    extra: Partial<{ intoxicated: boolean; vehicles: string[]; placeKinds: string[]; associates: string[] }> = {},
  ) => ({
    id: `e${daysAgo}`,
    lastSeenAt: new Date(now.getTime() - daysAgo * 86_400_000),
    returnedAt: null,
    intoxicated: false,
    vehicles: [],
    placeKinds: [],
    associates: [],
    ...extra,
  })
  it('suggests "missing 3 times in 30 days" and what the returns showed', () => {
    const suggestions = suggestIndicators(
      {
        episodes: [
          episode(2, { vehicles: ['AB12 CDE'] }),
          episode(10, { placeKinds: ['HOTEL'], intoxicated: true }),
          episode(25, { associates: ['Jay'] }),
        ],
        bedAndBreakfast: false,
      },
      now,
      { count: 3, days: 30 },
    )
    expect(suggestions.map((s) => [s.code, s.when])).toEqual([
      ['MISSING_REPEAT', 'CURRENT'],
      ['CARS', 'CURRENT'],
      ['HOTELS_TAKEAWAYS', 'CURRENT'],
      ['DRUGS_ALCOHOL', 'CURRENT'],
      ['OLDER_ASSOCIATES', 'CURRENT'],
    ])
    expect(suggestions[0].reason).toBe('Missing or away 3 times in the last 30 days')
    expect(suggestions[1].reason).toMatch(/AB12 CDE/)
  })
  it('suggests nothing without episodes, and bed and breakfast as unsuitable accommodation', () => {
    expect(suggestIndicators({ episodes: [], bedAndBreakfast: false }, now, { count: 3, days: 30 })).toEqual([])
    expect(
      suggestIndicators({ episodes: [episode(400)], bedAndBreakfast: true }, now, { count: 3, days: 30 }).map(
        (s) => s.code,
      ),
    ).toEqual(['UNSUITABLE_ACCOMMODATION'])
  })
})
