import { describe, expect, it } from 'vitest'
import { ageOn, calendarDate, formatDateTime, isoDate, londonDate } from '@/lib/domain/time'

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
