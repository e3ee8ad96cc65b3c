// Time rules: store UTC, show and reason in Europe/London (DESIGN.md "Time"). Pure: the clock is always a parameter.

export const LONDON = 'Europe/London'

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar date in London at an instant, as YYYY-MM-DD. */
export function londonDate(instant: Date): string {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day}`
}

/** A calendar date (YYYY-MM-DD) as the Date that PostgreSQL `date` columns use (midnight UTC). */
export function calendarDate(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d))
}

/** A `date` column value back to YYYY-MM-DD. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** Whole years of age on a calendar date (birthdays on 29 February count from 1 March in other years). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number)
  const [y, m, d] = on.split('-').map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: LONDON,
})

/** "3 Mar 2026" for a calendar date. */
export function formatDate(date: Date | string): string {
  return dateFormat.format(typeof date === 'string' ? calendarDate(date) : date)
}

/** "3 Mar 2026, 02:15" in London time for an instant. */
export function formatDateTime(instant: Date): string {
  return dateTimeFormat.format(instant)
}
