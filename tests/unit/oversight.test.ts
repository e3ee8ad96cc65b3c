import { describe, expect, it } from 'vitest'
import { actionOverdue, monthChecks, reportDueOn, visitAmendedValue, type MonthFacts } from '@/lib/domain/oversight'
import { DECLARATION, independence, type Declaration } from '@/lib/domain/independent-person'

const RULES = { reportDayOfFollowingMonth: 28, reg45Months: 6, reg45ReportDays: 28, reg46Months: 12, dueSoonDays: 30 }
const allClear = Object.fromEntries(DECLARATION.map((d) => [d.key, true])) as Declaration
const nothingKnown = { staffAt: [], responsibleIndividual: false, allocatedTo: [] }

describe('Reg 43 independence', () => {
  it('is independent when every exclusion is declared not to apply and Haven knows of no conflict', () => {
    expect(independence(allClear, nothingKnown)).toEqual({ independent: true, reasons: [] })
  })

  it.each(DECLARATION.map((d) => [d.key, d.reason] as const))(
    'is not independent when %s is not declared',
    (key, reason) => {
      const result = independence({ ...allClear, [key]: false }, nothingKnown)
      expect(result.independent).toBe(false)
      expect(result.reasons).toEqual([`Declared: ${reason}`])
    },
  )

  it('is not independent when Haven shows a staff role, the responsible individual, or an IRO or social worker of a child there', () => {
    expect(independence(allClear, { ...nothingKnown, staffAt: ['Birch Lodge'] }).reasons).toEqual([
      'Haven shows a staff role for the provider at Birch Lodge (Reg 43(3)(b))',
    ])
    expect(independence(allClear, { ...nothingKnown, responsibleIndividual: true }).independent).toBe(false)
    const allocated = independence(allClear, { ...nothingKnown, allocatedTo: [{ initials: 'E.M.', role: 'IRO' }] })
    expect(allocated.independent).toBe(false)
    expect(allocated.reasons[0]).toContain('IRO of E.M.')
  })
})

describe('deadlines', () => {
  it('has the report due by the 28th of the following month (a setting), never past that month’s end', () => {
    expect(reportDueOn('2026-01-31', RULES)).toBe('2026-02-28')
    expect(reportDueOn('2026-12-03', RULES)).toBe('2027-01-28')
    expect(reportDueOn('2026-01-15', { reportDayOfFollowingMonth: 31 })).toBe('2026-02-28')
  })

  it('counts an action overdue once its due date has passed without a completed response', () => {
    expect(actionOverdue({ dueOn: '2026-03-10', completedOn: null }, '2026-03-10')).toBe(false)
    expect(actionOverdue({ dueOn: '2026-03-10', completedOn: null }, '2026-03-11')).toBe(true)
    expect(actionOverdue({ dueOn: '2026-03-10', completedOn: '2026-03-09' }, '2026-03-20')).toBe(false)
    expect(actionOverdue({ dueOn: '2026-03-10', completedOn: '2026-03-25' }, '2026-03-20')).toBe(true) // completed later than the day judged
  })
})

const visit = (over: Partial<MonthFacts['visits'][number]> = {}): MonthFacts['visits'][number] => ({
  visitedOn: '2026-03-12',
  visitor: 'Helen Brandt',
  independent: true,
  reasons: [],
  reportReceivedOn: '2026-03-20',
  sentToOfstedOn: '2026-03-25',
  placingAuthorities: [{ name: 'Northshire', sentOn: '2026-03-25' }],
  ...over,
})
const inOrder: MonthFacts = {
  visits: [visit()],
  actions: [],
  reg45: [{ completedOn: '2026-01-10', sentToOfstedOn: '2026-01-30' }],
  reg46: [{ assessedOn: '2025-09-01' }],
}
const level = (facts: MonthFacts, today: string, code: string) =>
  monthChecks('2026-03', today, facts, RULES).checks.find((c) => c.code === code)

describe('the month’s checks', () => {
  it('is green, with reasons, when everything was done in time', () => {
    const result = monthChecks('2026-03', '2026-05-01', inOrder, RULES)
    expect(result.level).toBe('green')
    expect(result.checks.map((c) => c.level)).toEqual(['green', 'green', 'green', 'green', 'green', 'green'])
    expect(result.checks[0].reason).toBe('Visited on 12 Mar 2026 by Helen Brandt.')
  })

  it('is amber while the month runs without a visit, and red once it ended without one', () => {
    const none = { ...inOrder, visits: [] }
    expect(level(none, '2026-03-20', 'visit')).toMatchObject({
      level: 'amber',
      reason: 'No visit yet this month: one is due by 31 Mar 2026.',
    })
    expect(monthChecks('2026-03', '2026-03-20', none, RULES).level).toBe('amber')
    expect(level(none, '2026-04-01', 'visit')).toMatchObject({
      level: 'red',
      reason: 'No Regulation 44 visit this month: the month ended on 31 Mar 2026 without one.',
    })
    expect(monthChecks('2026-03', '2026-04-01', none, RULES).level).toBe('red')
  })

  it('is red when the visitor was not independent, naming why', () => {
    const check = level(
      {
        ...inOrder,
        visits: [visit({ independent: false, reasons: ['Declared: employed by the provider (Reg 43(3)(b))'] })],
      },
      '2026-05-01',
      'independence',
    )
    expect(check).toMatchObject({ level: 'red' })
    expect(check!.reason).toContain('Helen Brandt is not independent: Declared: employed by the provider')
  })

  it('does not count a visit by someone not independent as the month’s visit', () => {
    const notIndependent = {
      ...inOrder,
      visits: [
        visit({
          visitor: 'Gareth Lowe',
          independent: false,
          reasons: ['Declared: employed by the provider (Reg 43(3)(b))'],
        }),
      ],
    }
    expect(level(notIndependent, '2026-05-01', 'visit')).toMatchObject({
      level: 'red',
      reason: 'No visit by an independent person this month; the visit by Gareth Lowe does not count.',
    })
    expect(level(notIndependent, '2026-03-20', 'visit')).toMatchObject({
      level: 'amber',
      reason:
        'No visit by an independent person yet this month: one is due by 31 Mar 2026; the visit by Gareth Lowe does not count.',
    })
    // with an independent visit as well, the month has its visit (the independence check still names the other)
    const both = { ...notIndependent, visits: [...notIndependent.visits, visit({ visitedOn: '2026-03-20' })] }
    expect(level(both, '2026-05-01', 'visit')).toMatchObject({
      level: 'green',
      reason: 'Visited on 20 Mar 2026 by Helen Brandt.',
    })
    expect(level(both, '2026-05-01', 'independence')?.level).toBe('red')
  })

  it('has the report amber while awaited, red when late or never sent to a placing authority', () => {
    expect(
      level(
        {
          ...inOrder,
          visits: [
            visit({
              reportReceivedOn: null,
              sentToOfstedOn: null,
              placingAuthorities: [{ name: 'Northshire', sentOn: null }],
            }),
          ],
        },
        '2026-04-10',
        'report',
      )?.level,
    ).toBe('amber')
    expect(level({ ...inOrder, visits: [visit({ reportReceivedOn: null })] }, '2026-04-29', 'report')?.level).toBe(
      'red',
    )
    const late = level({ ...inOrder, visits: [visit({ sentToOfstedOn: '2026-04-30' })] }, '2026-05-01', 'report')
    expect(late).toMatchObject({ level: 'red' })
    expect(late!.reason).toContain('went late to Ofsted (30 Apr 2026): it was due by 28 Apr 2026')
    const unsent = level(
      {
        ...inOrder,
        visits: [
          visit({
            placingAuthorities: [
              { name: 'Northshire', sentOn: '2026-03-25' },
              { name: 'Eastmere', sentOn: null },
            ],
          }),
        ],
      },
      '2026-05-01',
      'report',
    )
    expect(unsent!.reason).toContain('was not sent to Eastmere by 28 Apr 2026')
    expect(
      level(
        { ...inOrder, visits: [visit({ placingAuthorities: [{ name: 'Eastmere', sentOn: null }] })] },
        '2026-04-02',
        'report',
      )?.level,
    ).toBe('amber')
  })

  it('counts the host authority once it asked for the report, by the same deadline or the day it asked', () => {
    const asked = (sentOn: string | null, requestedOn = '2026-03-30') =>
      visit({ host: { name: 'Eastmere', requestedOn, sentOn } })
    expect(level({ ...inOrder, visits: [asked('2026-04-02')] }, '2026-05-01', 'report')?.level).toBe('green')
    expect(level({ ...inOrder, visits: [asked(null)] }, '2026-04-10', 'report')).toMatchObject({
      level: 'amber',
      reason: expect.stringContaining('still to go to Eastmere, which asked for it'),
    })
    expect(level({ ...inOrder, visits: [asked(null)] }, '2026-05-01', 'report')).toMatchObject({
      level: 'red',
      reason: expect.stringContaining('was not sent to Eastmere'),
    })
    expect(level({ ...inOrder, visits: [asked('2026-05-10', '2026-05-10')] }, '2026-05-12', 'report')?.level).toBe(
      'green',
    ) // asked after the deadline, sent that day
  })

  it('is red with overdue actions, green when none are overdue', () => {
    const overdue = {
      ...inOrder,
      actions: [
        { recommendation: 'Fix the fire door', raisedOn: '2026-02-10', dueOn: '2026-03-01', completedOn: null },
      ],
    }
    expect(level(overdue, '2026-05-01', 'actions')).toMatchObject({
      level: 'red',
      reason: '1 overdue: “Fix the fire door” (due 1 Mar 2026).',
    })
    const done = {
      ...inOrder,
      actions: [
        { recommendation: 'Fix the fire door', raisedOn: '2026-02-10', dueOn: '2026-03-01', completedOn: '2026-02-28' },
      ],
    }
    expect(level(done, '2026-05-01', 'actions')?.level).toBe('green')
    const notYet = {
      ...inOrder,
      actions: [
        { recommendation: 'Fix the fire door', raisedOn: '2026-03-12', dueOn: '2026-04-30', completedOn: null },
      ],
    }
    expect(level(notYet, '2026-05-01', 'actions')).toMatchObject({
      level: 'green',
      reason: 'None overdue; 1 open, not yet due.',
    }) // judged as of 31 March
  })

  it('has Reg 45 red when overdue or its report not sent in 28 days, amber when due soon', () => {
    expect(level({ ...inOrder, reg45: [] }, '2026-05-01', 'reg45')?.level).toBe('red')
    expect(
      level(
        { ...inOrder, reg45: [{ completedOn: '2025-09-01', sentToOfstedOn: '2025-09-10' }] },
        '2026-05-01',
        'reg45',
      ),
    ).toMatchObject({
      level: 'red',
      reason: 'Overdue: the last quality of care review was on 1 Sept 2025; the next was due by 1 Mar 2026.',
    })
    expect(
      level({ ...inOrder, reg45: [{ completedOn: '2025-10-15', sentToOfstedOn: '2025-10-20' }] }, '2026-05-01', 'reg45')
        ?.level,
    ).toBe('amber')
    expect(
      level({ ...inOrder, reg45: [{ completedOn: '2026-01-10', sentToOfstedOn: null }] }, '2026-05-01', 'reg45')
        ?.reason,
    ).toContain('Its report was not sent to Ofsted by 7 Feb 2026')
    expect(
      level({ ...inOrder, reg45: [{ completedOn: '2026-03-20', sentToOfstedOn: null }] }, '2026-03-25', 'reg45')?.level,
    ).toBe('amber')
  })

  it('has the location assessment red when more than a year old, and never counts what came after the day judged', () => {
    expect(level({ ...inOrder, reg46: [{ assessedOn: '2025-02-01' }] }, '2026-05-01', 'reg46')?.level).toBe('red')
    expect(
      level({ ...inOrder, reg46: [{ assessedOn: '2025-02-01' }, { assessedOn: '2026-04-10' }] }, '2026-05-01', 'reg46')
        ?.level,
    ).toBe('red') // March was still overdue
    expect(level({ ...inOrder, reg46: [{ assessedOn: '2025-04-15' }] }, '2026-05-01', 'reg46')?.level).toBe('amber')
  })
})

describe('corrections to a visit', () => {
  it('takes real values for each kind of field and names the problem otherwise', () => {
    expect(visitAmendedValue('visitedOn', '2026-03-12', '2026-04-01')).toEqual({ value: '2026-03-12' })
    expect(visitAmendedValue('visitedOn', '2026-02-30', '2026-04-01')).toEqual({
      problem: 'Enter a real date, for example 2026-03-27',
    })
    expect(visitAmendedValue('visitedOn', '0001-03-12', '2026-04-01')).toEqual({
      problem: 'Year must be between 1990 and 2100',
    })
    expect(visitAmendedValue('visitedOn', '2026-05-01', '2026-04-01')).toEqual({
      problem: 'The visit cannot be in the future',
    })
    expect(visitAmendedValue('announced', 'yes', '2026-04-01')).toEqual({ value: true })
    expect(visitAmendedValue('announced', 'maybe', '2026-04-01')).toEqual({ problem: 'Choose yes or no' })
    expect(visitAmendedValue('spokeWithChildren', '4', '2026-04-01')).toEqual({ value: 4 })
    expect(visitAmendedValue('spokeWithChildren', '-1', '2026-04-01')).toEqual({
      problem: 'Enter a whole number (0 if none)',
    })
    expect(visitAmendedValue('safeguardingOpinion', '  ', '2026-04-01')).toEqual({
      problem: 'Enter the corrected opinion',
    })
    expect(visitAmendedValue('consentNote', '', '2026-04-01')).toEqual({ value: null })
  })
})
