// England and Wales bank holidays, from GOV.UK's published data (https://www.gov.uk/bank-holidays.json), vendored in
// bank-holidays.json with the day it was last updated; `npm run bank-holidays:update` refreshes it. Working-day
// deadlines past the last date held would count weekends only, so the data's end is checked: a unit test fails
// 6 months before it runs out, and the server warns from 12 months (bankHolidayDataWarning).
import vendored from './bank-holidays.json'

export type BankHolidayData = {
  source: string
  division: 'england-and-wales'
  updatedOn: string
  events: { title: string; date: string; notes: string }[]
}

const DATA = vendored as BankHolidayData

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly string[] = DATA.events.map((e) => e.date)

/** The last day the data covers: the 31 December of the last year with bank holidays listed. */
export function bankHolidaysKnownUntil(data: BankHolidayData = DATA) {
  return `${data.events[data.events.length - 1].date.slice(0, 4)}-12-31`
}

/** Whole months from today to the end of the data (negative once it has run out). */
export function monthsOfBankHolidaysLeft(today: string, data: BankHolidayData = DATA) {
  const [y1, m1, d1] = today.split('-').map(Number)
  const [y2, m2, d2] = bankHolidaysKnownUntil(data).split('-').map(Number)
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0)
}

/** A warning for the server's log when fewer than 12 months of bank holidays are left; null otherwise. */
export function bankHolidayDataWarning(today: string, data: BankHolidayData = DATA) {
  const left = monthsOfBankHolidaysLeft(today, data)
  if (left >= 12) return null
  return `Haven's bank holidays end on ${bankHolidaysKnownUntil(data)} (updated ${data.updatedOn}); after that, working-day deadlines count weekends only. Run "npm run bank-holidays:update" and release the result.`
}

/** A calendar date (YYYY-MM-DD) is a working day: not a weekend, not a bank holiday. */
export function isWorkingDay(isoDay: string, holidays: readonly string[] = ENGLAND_AND_WALES_BANK_HOLIDAYS) {
  const weekday = new Date(`${isoDay}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !holidays.includes(isoDay)
}

/** The date that is n working days after a date (the day itself does not count). */
export function addWorkingDays(
  isoDay: string,
  n: number,
  holidays: readonly string[] = ENGLAND_AND_WALES_BANK_HOLIDAYS,
) {
  const d = new Date(`${isoDay}T00:00:00Z`)
  let left = n
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1)
    if (isWorkingDay(d.toISOString().slice(0, 10), holidays)) left--
  }
  return d.toISOString().slice(0, 10)
}
