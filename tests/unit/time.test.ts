import { describe, expect, it } from 'vitest'
import { ageOn, calendarDate, formatDateTime, isoDate, londonDate, londonLocal } from '@/lib/domain/time'

/** London wall-clock time as the time zone database says it, the slow way, to check the quick one against. */
const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
const slowLondonLocal = (instant: Date) => {
  const p = Object.fromEntries(wallClock.formatToParts(instant).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`
}

describe('London dates', () => {
  it('uses the London calendar date, not the UTC one, in summer time', () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01')
    // in winter London is on UTC
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31')
  })

  it('is right either side of the clocks going forward and back', () => {
    expect(londonDate(new Date('2026-03-29T00:59:00Z'))).toBe('2026-03-29')
    expect(formatDateTime(new Date('2026-03-29T00:59:00Z'))).toContain('00:59')
    expect(formatDateTime(new Date('2026-03-29T01:00:00Z'))).toContain('02:00') // BST begins
    expect(formatDateTime(new Date('2026-10-25T00:30:00Z'))).toContain('01:30') // still BST
    expect(formatDateTime(new Date('2026-10-25T01:30:00Z'))).toContain('01:30') // GMT again
  })

  it('gives the wall-clock time the time zone database gives, either side of every change of the clocks', () => {
    expect(londonLocal(new Date('2026-03-29T00:59:30Z'))).toBe('2026-03-29T00:59')
    expect(londonLocal(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T02:00')
    expect(londonLocal(new Date('2026-10-25T00:59:00Z'))).toBe('2026-10-25T01:59')
    expect(londonLocal(new Date('2026-10-25T01:00:00Z'))).toBe('2026-10-25T01:00')
    expect(londonLocal(new Date('1990-07-01T12:00:00Z'))).toBe('1990-07-01T13:00') // before 1996: the formatter
    const checked: Date[] = []
    for (let year = 1990; year <= 2100; year++)
      for (const month of [2, 9])
        for (let day = 24; day <= 31; day++)
          for (const minutes of [-61, -60, -59, -1, 0, 1, 59, 60, 61])
            checked.push(new Date(Date.UTC(year, month, day, 1, minutes, 30)))
    for (let i = 0; i < 50_000; i++)
      checked.push(new Date(Date.UTC(1990, 0, 1) + Math.floor(Math.random() * 111 * 365.25 * 86_400_000)))
    const wrong = checked.filter((instant) => londonLocal(instant) !== slowLondonLocal(instant))
    expect(wrong.map((instant) => instant.toISOString())).toEqual([])
  })

  it('round-trips calendar dates through the database representation', () => {
    expect(isoDate(calendarDate('2012-02-29'))).toBe('2012-02-29')
  })
})

describe('age', () => {
  it('counts whole years, changing on the birthday', () => {
    expect(ageOn('2010-05-04', '2026-05-03')).toBe(15)
    expect(ageOn('2010-05-04', '2026-05-04')).toBe(16)
  })
  it('treats a 29 February birthday as passed on 1 March', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17)
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18)
  })
})
