import { describe, expect, it } from 'vitest'
import { inAgeBand, missingFigures, monthsOf, type EpisodeFact } from '@/lib/domain/missing-report'

const willow = { id: 'h1', name: 'Willow House' }
const birch = { id: 'h2', name: 'Birch Lodge' }
const north = { id: 'la1', name: 'Northshire' }
const now = new Date('2025-12-01T12:00:00Z')
const episode = (lastSeenAt: string, hours: number | null, more: Partial<EpisodeFact> = {}): EpisodeFact => ({
  lastSeenAt: new Date(lastSeenAt),
  returnedAt: hours === null ? null : new Date(new Date(lastSeenAt).getTime() + hours * 3_600_000),
  absenceType: 'MISSING',
  childId: 'c1',
  dateOfBirth: '2010-05-04',
  home: willow,
  authority: north,
  interview: null,
  ...more,
})
const table = (figures: ReturnType<typeof missingFigures>, id: string) => figures.tables.find((t) => t.id === id)!
const period = { from: '2025-05-01', to: '2025-07-31' }

describe('missing figures', () => {
  it('counts months, hours and days in UK time, not UTC', () => {
    // 23:30 UTC on Sunday 1 June is 00:30 on Monday 2 June in London (BST)
    const figures = missingFigures([episode('2025-06-01T23:30:00Z', 3)], [], period, now, 24)
    expect(table(figures, 'by-month').rows).toEqual([
      { month: 'May 2025', missing: 0, away: 0 },
      { month: 'Jun 2025', missing: 1, away: 0 },
      { month: 'Jul 2025', missing: 0, away: 0 },
    ])
    expect(table(figures, 'time-of-day').rows[0]).toEqual({ hour: '00:00', episodes: 1 })
    expect(table(figures, 'day-of-week').rows[0]).toEqual({ day: 'Monday', episodes: 1 })
    expect(table(figures, 'day-of-week').summary).toBe('The most episodes started on Mondays (1).')
  })

  it('keeps short and daytime episodes visible: durations in bands, daytime counted, open episodes apart', () => {
    const figures = missingFigures(
      [
        episode('2025-06-03T08:00:00Z', 1),
        episode('2025-06-04T17:30:00Z', 5),
        episode('2025-06-05T20:00:00Z', 30),
        episode('2025-06-06T20:00:00Z', null),
      ],
      [],
      period,
      now,
      24,
    )
    const bands = Object.fromEntries(table(figures, 'duration').rows.map((r) => [r.duration, r.episodes]))
    expect(bands).toMatchObject({
      'Under 2 hours': 1,
      '2 to 6 hours': 1,
      '6 to 24 hours': 0,
      '1 to 3 days': 1,
      'Not back yet': 1,
    })
    // 09:00 BST is daytime; 18:30 BST is not
    expect(figures.totals).toMatchObject({ episodes: 4, daytime: 1, under24h: 2, stillOut: 1 })
    expect(table(figures, 'duration').summary).toBe(
      '2 of 3 returned episodes lasted under 24 hours (1 under 2 hours); 1 not back yet. Short episodes count as much as long ones.',
    )
  })

  it('separates missing from away, per home and per authority, busiest first', () => {
    const figures = missingFigures(
      [
        episode('2025-06-03T20:00:00Z', 2),
        episode('2025-06-04T20:00:00Z', 2, { home: birch, childId: 'c2' }),
        episode('2025-06-05T20:00:00Z', 2, { home: birch, childId: 'c2', absenceType: 'AWAY' }),
      ],
      [],
      period,
      now,
      24,
    )
    const months = { '2025-05': 0, '2025-06': 0, '2025-07': 0 }
    expect(table(figures, 'by-home').rows).toEqual([
      { name: 'Birch Lodge', missing: 1, away: 1, total: 2, children: 1, ...months, '2025-06': 2 },
      { name: 'Willow House', missing: 1, away: 0, total: 1, children: 1, ...months, '2025-06': 1 },
    ])
    expect(table(figures, 'by-authority').rows).toEqual([
      { name: 'Northshire', missing: 2, away: 1, total: 3, children: 2, ...months, '2025-06': 3 },
    ])
    // each home's months are in its table and CSV, labelled as the month chart is
    expect(
      table(figures, 'by-home')
        .columns.slice(5)
        .map((c) => c.label),
    ).toEqual(['May 2025', 'Jun 2025', 'Jul 2025'])
    expect(table(figures, 'repeat-children').rows.slice(0, 2)).toEqual([
      { times: 'Once', children: 1 },
      { times: '2 times', children: 1 },
    ])
  })

  it('names every busiest category when there is a tie', () => {
    const figures = missingFigures(
      [episode('2025-06-02T20:00:00Z', 2), episode('2025-06-06T20:00:00Z', 2)],
      [],
      period,
      now,
      24,
    )
    expect(table(figures, 'day-of-week').summary).toBe('The most episodes started on Mondays and Fridays (1 each).')
  })

  it('return interviews after the episodes: held within 72 hours, late and still open', () => {
    const interview = (dueAt: string, heldAt: string | null) => ({
      dueAt: new Date(dueAt),
      offeredAt: heldAt ? new Date(heldAt) : null,
      outcome: heldAt ? ('HELD' as const) : null,
      heldAt: heldAt ? new Date(heldAt) : null,
    })
    const figures = missingFigures(
      [
        episode('2025-06-03T20:00:00Z', 2, { interview: interview('2025-06-06T22:00:00Z', '2025-06-05T10:00:00Z') }),
        episode('2025-06-04T20:00:00Z', 2, { interview: interview('2025-06-07T22:00:00Z', '2025-06-09T10:00:00Z') }),
        episode('2025-11-30T20:00:00Z', 2, { interview: interview('2025-12-03T22:00:00Z', null) }),
      ],
      [],
      { from: '2025-06-01', to: '2025-11-30' },
      now,
      24,
    )
    const rows = Object.fromEntries(table(figures, 'return-interviews').rows.map((r) => [r.outcome, r.returns]))
    expect(rows).toMatchObject({ 'Held within 72 hours': 1, 'Held late': 1, 'Still open': 1 })
  })

  it('children at risk of exploitation with and without a current safety plan, and each kind counted separately', () => {
    const figures = missingFigures(
      [episode('2025-06-03T20:00:00Z', 2)],
      [
        {
          childId: 'c1',
          level: 'SIGNIFICANT',
          kinds: { sexual: 'SIGNIFICANT', criminal: 'AT_RISK' },
          needsPlan: true,
          currentPlan: true,
        },
        {
          childId: 'c2',
          level: 'AT_RISK',
          kinds: { sexual: 'NOT_AT_RISK', criminal: 'AT_RISK' },
          needsPlan: true,
          currentPlan: false,
        },
        { childId: 'c3', level: 'NOT_SCREENED', kinds: {}, needsPlan: false, currentPlan: false },
      ],
      period,
      now,
      24,
    )
    expect(table(figures, 'cse').rows).toEqual([
      { level: 'Significant risk', withPlan: 1, withoutPlan: 0 },
      { level: 'At risk', withPlan: 0, withoutPlan: 1 },
      { level: 'Not at risk', withPlan: 0, withoutPlan: 0 },
      { level: 'Not screened', withPlan: 0, withoutPlan: 1 },
    ])
    expect(table(figures, 'cse').summary).toContain(
      '2 are at risk of exploitation of some kind; 1 of them without a current signed-off safety plan. 1 not screened yet',
    )
    expect(table(figures, 'exploitation-kinds').rows.slice(0, 3)).toEqual([
      { kind: 'Child sexual exploitation', significant: 1, atRisk: 0, notAtRisk: 1, notScreened: 1 },
      {
        kind: 'Child criminal exploitation, including county lines',
        significant: 0,
        atRisk: 2,
        notAtRisk: 0,
        notScreened: 1,
      },
      { kind: 'Trafficking and modern slavery', significant: 0, atRisk: 0, notAtRisk: 0, notScreened: 3 },
    ])
  })

  it('an empty period still has every table, in words', () => {
    const figures = missingFigures([], [], period, now, 24)
    expect(figures.tables).toHaveLength(10)
    expect(table(figures, 'by-home').summary).toBe('No episodes.')
    expect(table(figures, 'by-month').summary).toBe(
      '0 episodes from May 2025 to Jul 2025: 0 missing, 0 away without authorisation.',
    )
  })
})

describe('periods and age bands', () => {
  it('lists each month of a period across a year end', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
  })
  it('takes the age on the day the episode started: 16 on the birthday', () => {
    expect(inAgeBand('16-17', '2009-06-03', '2025-06-03')).toBe(true)
    expect(inAgeBand('16-17', '2009-06-03', '2025-06-02')).toBe(false)
    expect(inAgeBand('14-15', '2009-06-03', '2025-06-02')).toBe(true)
  })
})
