import { describe, expect, it } from 'vitest'
import { addWorkingDays, isWorkingDay } from '@/lib/domain/bank-holidays'
import { cseFlags, scoreScreening, suggestIndicators, type Observed } from '@/lib/domain/cse'
import { addMonths } from '@/lib/domain/time'
import { settings } from '@/lib/settings'

const rules = settings.cse.rules
const flagSettings = { rescreenMonths: 3, planWorkingDays: 5 }

describe('screening levels (suggested; the professional decides)', () => {
  it('not at risk with nothing, or one old indicator', () => {
    expect(scoreScreening([], rules)).toMatchObject({
      score: 0,
      suggestedLevel: 'NOT_AT_RISK',
      fullAssessmentPrompted: false,
    })
    expect(scoreScreening([{ code: 'SCHOOL', when: 'OLDER' }], rules).suggestedLevel).toBe('NOT_AT_RISK')
  })
  it('at risk with one current indicator', () => {
    expect(scoreScreening([{ code: 'MISSING', when: 'CURRENT' }], rules)).toMatchObject({
      score: 3,
      suggestedLevel: 'AT_RISK',
    })
  })
  it('significant with four current or recent indicators, or a high score', () => {
    const four: Observed[] = ['MISSING', 'CARS', 'GIFTS_MONEY', 'SCHOOL'].map((code) => ({
      code,
      when: 'WITHIN_6_MONTHS',
    }))
    expect(scoreScreening(four, rules).suggestedLevel).toBe('SIGNIFICANT')
    expect(scoreScreening(four.slice(0, 3), rules)).toMatchObject({
      suggestedLevel: 'AT_RISK',
      fullAssessmentPrompted: true,
    })
  })
  it('significant with any current or recent harm indicator; an old one still prompts a full assessment', () => {
    expect(scoreScreening([{ code: 'DISCLOSED_ABUSE', when: 'CURRENT' }], rules)).toMatchObject({
      suggestedLevel: 'SIGNIFICANT',
      fullAssessmentPrompted: true,
      harmIndicators: 1,
    })
    expect(scoreScreening([{ code: 'STI_PREGNANCY', when: 'OLDER' }], rules)).toMatchObject({
      suggestedLevel: 'AT_RISK',
      fullAssessmentPrompted: true,
    })
  })
  it('prompts a full assessment at three present indicators', () => {
    expect(
      scoreScreening(
        ['MISSING', 'CARS', 'DRUGS_ALCOHOL'].map((code) => ({ code, when: 'CURRENT' as const })),
        rules,
      ).fullAssessmentPrompted,
    ).toBe(true)
  })
  it('ignores codes it does not know rather than counting them', () => {
    expect(scoreScreening([{ code: 'NOT_A_CODE', when: 'CURRENT' }], rules).score).toBe(0)
  })
  it('cannot weaken for boys, 16-17 year olds or children who lived at home: the rules take no such input', () => {
    // the function has one input about the child: what was observed
    expect(scoreScreening.length).toBe(2)
    const boy16 = { sex: 'MALE', age: 16, livedAtHome: true }
    const observed: Observed[] = [{ code: 'CARS', when: 'CURRENT' }]
    expect(scoreScreening(Object.assign(observed, boy16), rules).suggestedLevel).toBe(
      scoreScreening([{ code: 'CARS', when: 'CURRENT' }], rules).suggestedLevel,
    )
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
      ['MISSING', 'CURRENT'],
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
