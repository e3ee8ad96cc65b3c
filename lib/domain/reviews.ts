// The IRO's review timetable. Source: Care Planning, Placement and Case Review (England) Regulations 2010, reg 33:
// first review within 20 working days of becoming looked after, second within 3 months of the first, then at most
// every 6 months; the IRO may bring a review forward (reg 33(3)(a)). Pure: dates are YYYY-MM-DD, today a parameter.
import { addWorkingDays } from './bank-holidays'
import { addMonths } from './time'

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
