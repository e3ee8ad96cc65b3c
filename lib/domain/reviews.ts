// The IRO's review timetable. Source: Care Planning, Placement and Case Review (England) Regulations 2010, reg 33:
// "first review C's case within 20 working days of the date on which C becomes looked after"; "the second review
// must be carried out not more than three months after the first, and subsequent reviews ... at intervals of not more
// than six months"; and earlier "if the IRO so requests" (reg 33(3)(a)). Counted from the day the child became looked
// after (the period of care, not the placement) and from each review actually held. Pure: dates are YYYY-MM-DD.
import { addWorkingDays } from './bank-holidays'
import { addMonths, formatDate, formatDateTime } from './time'

/** How the child took part in a review: the SSDA903 Reviews table's REVIEW_CODE. */
export const PARTICIPATION = {
  PN0: 'Under 4 at the time of the review',
  PN1: 'Attended and spoke for themselves',
  PN2: 'Attended, and an advocate spoke for them',
  PN3: 'Attended and gave their views without words (symbols, signing, pictures)',
  PN4: 'Attended but did not give their views',
  PN5: 'Did not attend, but briefed an advocate to speak for them',
  PN6: 'Did not attend, but gave their views another way (a form, a recording, a message)',
  PN7: 'Did not attend, and their views were not given',
} as const
export type Participation = keyof typeof PARTICIPATION

/** When the next review is due by the timetable: reviews held are those of the current period of care. */
export function reviewDueByTimetable(lookedAfterSince: string, held: readonly string[], holidays?: readonly string[]) {
  const since = [...held].filter((d) => d >= lookedAfterSince).sort()
  if (since.length === 0) return addWorkingDays(lookedAfterSince, 20, holidays)
  if (since.length === 1) return addMonths(since[0], 3)
  return addMonths(since[since.length - 1], 6)
}

/**
 * The next review: by the timetable, or earlier where the IRO has brought it forward since the last review held (a
 * review held after the decision answers it). Overdue once the day has passed with no review held.
 */
export function nextReview(
  lookedAfterSince: string,
  held: readonly string[],
  broughtForwardTo: readonly string[],
  today: string,
  holidays?: readonly string[],
) {
  const byTimetable = reviewDueByTimetable(lookedAfterSince, held, holidays)
  const last =
    [...held]
      .filter((d) => d >= lookedAfterSince)
      .sort()
      .at(-1) ?? null
  const earlier = broughtForwardTo.filter((d) => (!last || d > last) && d < byTimetable).sort()[0]
  const date = earlier ?? byTimetable
  return { date, broughtForward: Boolean(earlier), byTimetable, lastHeld: last, overdue: date < today }
}

/**
 * The day a child became looked after (the start of the period of care the review timetable counts from): not in the
 * future, not before they were born, not after the first placement of the period, not inside an earlier period.
 * Dates are YYYY-MM-DD; the problem, or null.
 */
export function lookedAfterSinceProblem(
  since: string,
  c: { today: string; dateOfBirth: string; firstPlacement: string | null; previousPeriodEnd?: string | null },
): string | null {
  if (since > c.today) return 'The date the child became looked after cannot be in the future'
  if (since < c.dateOfBirth) return 'The date the child became looked after cannot be before they were born'
  if (c.firstPlacement && since > c.firstPlacement)
    return `The child was placed on ${formatDate(c.firstPlacement)}: they were looked after by then`
  if (c.previousPeriodEnd !== undefined && (c.previousPeriodEnd === null || since <= c.previousPeriodEnd))
    return 'That is inside the child’s previous period of care'
  return null
}

/** A review held: not in the future, not before the child became looked after, and one a day. */
export function checkReviewHeld(
  heldOn: string,
  lookedAfterSince: string,
  held: readonly string[],
  today: string,
): Record<string, string> {
  if (heldOn > today) return { heldOn: 'A review cannot be recorded before it is held: the date is in the future' }
  if (heldOn < lookedAfterSince)
    return {
      heldOn: `The child became looked after on ${formatDate(lookedAfterSince)}: a review of this period of care cannot be before it`,
    }
  if (held.includes(heldOn)) return { heldOn: 'A review held on this day is recorded already' }
  return {}
}

type AlertDecision = { childId: string; bringForward: boolean; reviewDate: string | null; reason: string }

/**
 * An IRO's decision on a pattern alert about a child's review: taken while the alert is open (once resolved, the
 * alert asks nothing more), and once: the same decision again within a few minutes is a second submit of the form.
 */
export function checkAlertDecision(
  alert: { status: 'OPEN' | 'RESOLVED'; resolvedAt: Date | null },
  decision: AlertDecision,
  earlier: (AlertDecision & { decidedAt: Date })[],
  now: Date,
  duplicateMinutes: number,
): Record<string, string> {
  if (alert.status === 'RESOLVED')
    return {
      form: `This alert was resolved${alert.resolvedAt ? ` on ${formatDateTime(alert.resolvedAt)}` : ''}: it takes no more decisions. Record a decision on a new alert, or on the child's review itself.`,
    }
  const same = earlier.find(
    (d) =>
      d.childId === decision.childId &&
      d.bringForward === decision.bringForward &&
      d.reviewDate === decision.reviewDate &&
      d.reason === decision.reason &&
      now.getTime() - d.decidedAt.getTime() < duplicateMinutes * 60_000,
  )
  if (same) return { form: `This decision was recorded at ${formatDateTime(same.decidedAt)}: it is kept once.` }
  return {}
}
