import { describe, expect, it } from 'vitest'
import { checkReviewHeld, lookedAfterSinceProblem, nextReview, reviewDueByTimetable } from '@/lib/domain/reviews'

// A child who became looked after in 2019 and came to this home in 2026: the timetable counts from 2019 and from
// the reviews held, never from the placement.
const since = '2019-03-04'

describe('the IRO review timetable (CPPCR 2010 reg 33)', () => {
  it('first review within 20 working days of becoming looked after', () => {
    expect(reviewDueByTimetable(since, [])).toBe('2019-04-01') // 20 working days on from Monday 4 March 2019
  })

  it('second within 3 months of the first actually held, then 6 months after the previous one held', () => {
    expect(reviewDueByTimetable(since, ['2019-03-25'])).toBe('2019-06-25')
    // the second was held late: the third counts from when it was held, not from when it was due
    expect(reviewDueByTimetable(since, ['2019-03-25', '2019-07-10'])).toBe('2020-01-10')
    expect(reviewDueByTimetable(since, ['2019-03-25', '2019-07-10', '2026-05-20'])).toBe('2026-11-20')
  })

  it('ignores reviews before the current period of care', () => {
    expect(reviewDueByTimetable('2025-01-06', ['2019-03-25', '2019-07-10'])).toBe('2025-02-03')
  })

  it('is overdue once the day passes with no review held', () => {
    const held = ['2019-03-25', '2019-07-10', '2026-05-20']
    expect(nextReview(since, held, [], '2026-11-20')).toMatchObject({
      date: '2026-11-20',
      overdue: false,
      lastHeld: '2026-05-20',
    })
    expect(nextReview(since, held, [], '2026-11-21').overdue).toBe(true)
  })

  it('an IRO bringing a review forward sets an earlier date, kept beside the timetable, until a review is held', () => {
    const held = ['2019-03-25', '2019-07-10', '2026-05-20']
    expect(nextReview(since, held, ['2026-09-01'], '2026-08-01')).toEqual({
      date: '2026-09-01',
      broughtForward: true,
      byTimetable: '2026-11-20',
      lastHeld: '2026-05-20',
      overdue: false,
    })
    // the review brought forward was held on 2 September: the decision is answered, the next counts from it
    expect(nextReview(since, [...held, '2026-09-02'], ['2026-09-01'], '2026-09-03')).toMatchObject({
      date: '2027-03-02',
      broughtForward: false,
    })
  })
})

describe('recording a review held', () => {
  it('refuses a date in the future, before the child became looked after, or a second one that day', () => {
    expect(checkReviewHeld('2026-12-04', since, [], '2026-12-03').heldOn).toMatch('future')
    expect(checkReviewHeld('2019-03-01', since, [], '2026-12-03').heldOn).toMatch('became looked after on 4 Mar 2019')
    expect(checkReviewHeld('2026-05-20', since, ['2026-05-20'], '2026-12-03').heldOn).toMatch('recorded already')
    expect(checkReviewHeld('2026-05-20', since, [], '2026-12-03')).toEqual({})
  })
})

describe('the day the child became looked after', () => {
  const child = { today: '2026-12-03', dateOfBirth: '2012-02-02', firstPlacement: '2026-10-01' }
  it('may be years before the placement, never after it, in the future, before birth or inside an earlier period', () => {
    expect(lookedAfterSinceProblem('2019-03-04', child)).toBeNull()
    expect(lookedAfterSinceProblem('2026-10-01', child)).toBeNull()
    expect(lookedAfterSinceProblem('2026-10-02', child)).toMatch('placed on 1 Oct 2026')
    expect(lookedAfterSinceProblem('2026-12-04', { ...child, firstPlacement: null })).toMatch('future')
    expect(lookedAfterSinceProblem('2011-01-01', child)).toMatch('before they were born')
    expect(lookedAfterSinceProblem('2019-03-04', { ...child, previousPeriodEnd: '2020-01-01' })).toMatch(
      'previous period',
    )
    expect(lookedAfterSinceProblem('2019-03-04', { ...child, previousPeriodEnd: null })).toMatch('previous period')
    expect(lookedAfterSinceProblem('2021-03-04', { ...child, previousPeriodEnd: '2020-01-01' })).toBeNull()
  })
})
