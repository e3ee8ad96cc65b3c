// Time rules: store UTC, show and reason in Europe/London (docs/architecture.md). Pure: the clock is always a
// parameter.

export const LONDON = 'Europe/London'

/**
 * The years a date may fall in, by kind of field (the one place for these bounds). Nobody Haven records was born
 * before 1900; nothing Haven records (an episode, a placement, a visit, a review) happened before 1990.
 */
export const YEARS = {
  birth: { min: 1900, max: 2100 },
  event: { min: 1990, max: 2100 },
} as const
export type YearKind = keyof typeof YEARS

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar date in London at an instant, as YYYY-MM-DD. */
export function londonDate(instant: Date): string {
  // London is never behind UTC and at most two hours ahead of it, so before 22:00 UTC the date is the UTC date: the
  // quick way for the many instants a return or a report converts (the formatter is far slower)
  const year = instant.getUTCFullYear()
  if (instant.getUTCHours() < 22 && year >= 1000 && year <= 9999) return instant.toISOString().slice(0, 10)
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

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})
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

const londonWallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** The last Sunday of a month (0-11) at 01:00 UTC, as a time in ms. */
function lastSundayAtOneUtc(year: number, month: number) {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1))
  return lastDay.getTime() - lastDay.getUTCDay() * 86_400_000
}

/** An instant as London wall-clock time, YYYY-MM-DDTHH:mm (what <input type="datetime-local"> shows). */
export function londonLocal(instant: Date): string {
  // the quick way for the many instants a report converts (the formatter is far slower): summer time runs from 01:00
  // GMT on the last Sunday of March to 01:00 GMT on the last Sunday of October (Summer Time Order 2002, the same
  // dates since 1996)
  const year = instant.getUTCFullYear()
  if (year >= 1996 && year <= 2099) {
    const t = instant.getTime()
    const summer = t >= lastSundayAtOneUtc(year, 2) && t < lastSundayAtOneUtc(year, 9)
    return new Date(t + (summer ? 3_600_000 : 0)).toISOString().slice(0, 16)
  }
  const p = Object.fromEntries(londonWallClock.formatToParts(instant).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`
}

/** A time typed in one box: "1405", "14.05", "9:05" are written "14:05" and "09:05"; anything else is kept as typed
 * (the form's check then names it). */
export function normaliseTime(typed: string): string {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(typed.trim())
  return match ? `${match[1].padStart(2, '0')}:${match[2]}` : typed.trim()
}

export type LocalTimeResult = { ok: true; instant: Date } | { ok: false; problem: 'invalid' | 'does-not-exist' }

/**
 * London wall-clock time (YYYY-MM-DDTHH:mm) to an instant. A time in the hour skipped when the clocks go forward
 * does not exist; a time in the hour repeated when they go back is taken as the first (BST) one.
 */
export function fromLondonLocal(local: string): LocalTimeResult {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!match) return { ok: false, problem: 'invalid' }
  const [y, mo, d, h, mi] = match.slice(1).map(Number)
  const asUtc = Date.UTC(y, mo - 1, d, h, mi)
  if (new Date(asUtc).getUTCDate() !== d || h > 23 || mi > 59) return { ok: false, problem: 'invalid' }
  // London is UTC+1 or UTC+0: try both offsets, keep the ones that read back as the same wall-clock time
  const candidates = [asUtc - 3_600_000, asUtc].filter((t) => londonLocal(new Date(t)) === local)
  return candidates.length ? { ok: true, instant: new Date(candidates[0]) } : { ok: false, problem: 'does-not-exist' }
}

/** The instant a UK calendar day starts (for periods of whole days). Midnight always exists in London. */
export const londonMidnight = (isoDay: string) =>
  (fromLondonLocal(`${isoDay}T00:00`) as { ok: true; instant: Date }).instant

/** "3 h 20 min", "2 days 4 h", "45 min". */
export function formatDuration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes))
  const days = Math.floor(m / 1440)
  const hours = Math.floor((m % 1440) / 60)
  const mins = m % 60
  if (days) return `${days} day${days === 1 ? '' : 's'}${hours ? ` ${hours} h` : ''}`
  if (hours) return `${hours} h${mins ? ` ${mins} min` : ''}`
  return `${mins} min`
}

/** A calendar date moved by whole years and days ("a year ago today"; 29 February becomes 1 March). */
export function shiftDate(isoDay: string, { days = 0, years = 0 }: { days?: number; years?: number }) {
  const d = new Date(`${isoDay}T00:00:00Z`)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** A calendar date n months later (31 January + 1 month = 28 or 29 February). */
export function addMonths(isoDay: string, months: number) {
  const [y, m, d] = isoDay.split('-').map(Number)
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d, lastDay))
  return target.toISOString().slice(0, 10)
}

/** Calendar months, YYYY-MM: the month a day is in, its first and last days, the month n later. */
export const monthOf = (isoDay: string) => isoDay.slice(0, 7)
export const firstDayOf = (month: string) => `${month}-01`
export const lastDayOf = (month: string) => shiftDate(addMonths(firstDayOf(month), 1), { days: -1 })
export const addCalendarMonths = (month: string, n: number) => monthOf(addMonths(firstDayOf(month), n))

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
/** "March 2026" for 2026-03. */
export const formatMonth = (month: string) => monthFormat.format(calendarDate(firstDayOf(month)))
