// England and Wales bank holidays (GOV.UK, https://www.gov.uk/bank-holidays), as data. Add each year's dates when
// GOV.UK publishes them; working-day deadlines beyond the last year listed count weekends only.
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly string[] = [
  // 2024
  '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
  // 2025
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  // 2026 (Boxing Day falls on a Saturday: substitute day Monday 28 December)
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  // 2027 (Christmas and Boxing Day fall at the weekend: substitute days 27 and 28 December)
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
  // 2028 (New Year's Day falls on a Saturday: substitute day Monday 3 January)
  '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26',
]

/** A calendar date (YYYY-MM-DD) is a working day: not a weekend, not a bank holiday. */
export function isWorkingDay(isoDay: string, holidays: readonly string[] = ENGLAND_AND_WALES_BANK_HOLIDAYS) {
  const weekday = new Date(`${isoDay}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !holidays.includes(isoDay)
}

/** The date that is n working days after a date (the day itself does not count). */
export function addWorkingDays(isoDay: string, n: number, holidays: readonly string[] = ENGLAND_AND_WALES_BANK_HOLIDAYS) {
  const d = new Date(`${isoDay}T00:00:00Z`)
  let left = n
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1)
    if (isWorkingDay(d.toISOString().slice(0, 10), holidays)) left--
  }
  return d.toISOString().slice(0, 10)
}
