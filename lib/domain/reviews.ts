// The IRO's review timetable. Source: Care Planning, Placement and Case Review (England) Regulations 2010, reg 33:
// first review within 20 working days of becoming looked after, second within 3 months of the first, then at most
// every 6 months; the IRO may bring a review forward (reg 33(3)(a)). Pure: dates are YYYY-MM-DD, today a parameter.
import { addWorkingDays } from './bank-holidays'
import { addMonths, formatDateTime } from './time'

export function reviewDueDates(lookedAfterSince: string, until: string, holidays?: readonly string[]) {
  const dates = [addWorkingDays(lookedAfterSince, 20, holidays)]
  dates.push(addMonths(dates[0], 3))
  while (dates[dates.length - 1] <= until) dates.push(addMonths(dates[dates.length - 1], 6))
  return dates
}

/** The next review by the timetable, or earlier if the IRO has brought it forward. */
export function nextReview(lookedAfterSince: string, today: string, broughtForwardTo: string[], holidays?: readonly string[]) {
  const byTimetable = reviewDueDates(lookedAfterSince, today, holidays).find((d) => d >= today)!
  const earlier = broughtForwardTo.filter((d) => d >= today && d < byTimetable).sort()[0]
  return { date: earlier ?? byTimetable, broughtForward: Boolean(earlier), byTimetable }
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
    return { form: `This alert was resolved${alert.resolvedAt ? ` on ${formatDateTime(alert.resolvedAt)}` : ''}: it takes no more decisions. Record a decision on a new alert, or on the child's review itself.` }
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
