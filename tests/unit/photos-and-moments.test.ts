import { describe, expect, it } from 'vitest'
import { checkPhoto } from '@/lib/domain/photos'
import { formatDuration, fromLondonLocal, londonLocal } from '@/lib/domain/time'
import { momentField, YEARS } from '@/lib/validation/fields'

describe('grab pack photos', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])
  it('accepts real images by their bytes, whatever the file is called', () => {
    expect(checkPhoto(png, 1000)).toEqual({ ok: true, type: 'image/png' })
    expect(checkPhoto(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 1000)).toEqual({ ok: true, type: 'image/jpeg' })
  })
  it('refuses other files, empty files and large ones', () => {
    expect(checkPhoto(new TextEncoder().encode('<svg onload=alert(1)>'), 1000)).toEqual({
      ok: false,
      problem: 'The photo must be a JPEG, PNG or WebP image',
    })
    expect(checkPhoto(new Uint8Array(), 1000).ok).toBe(false)
    expect(checkPhoto(png, 5)).toEqual({ ok: false, problem: 'The photo must be smaller than 0 MB' })
  })
})

describe('times typed in the UK', () => {
  it('are London wall-clock times, in summer and winter', () => {
    expect(momentField('x').parse('2026-07-01T21:30')).toBe('2026-07-01T20:30:00.000Z')
    expect(momentField('x').parse('2026-12-01T21:30')).toBe('2026-12-01T21:30:00.000Z')
    expect(londonLocal(new Date('2026-07-01T20:30:00Z'))).toBe('2026-07-01T21:30')
  })
  it('refuse a time in the hour skipped when the clocks go forward', () => {
    expect(fromLondonLocal('2026-03-29T01:30')).toEqual({ ok: false, problem: 'does-not-exist' })
    expect(momentField('when last seen').safeParse('2026-03-29T01:30').error?.issues[0].message).toMatch(
      /clocks went forward/,
    )
  })
  it('take the first of the hour repeated when the clocks go back (BST)', () => {
    expect(momentField('x').parse('2026-10-25T01:30')).toBe('2026-10-25T00:30:00.000Z')
  })
  it('accept ISO instants from the API and refuse nonsense', () => {
    expect(momentField('x').parse('2026-07-01T21:30:00+01:00')).toBe('2026-07-01T20:30:00.000Z')
    expect(momentField('the time').safeParse('yesterday').success).toBe(false)
    expect(momentField('the time').safeParse('2026-02-30T10:00').success).toBe(false)
  })
  it('refuse a day that does not exist, with or without an offset, naming the field', () => {
    const lastSeen = momentField('when the child was last seen')
    const problem = (v: string) => lastSeen.safeParse(v).error?.issues[0].message
    // JavaScript rolls these over to 1 December and 2 March
    expect(problem('2026-11-31T10:00:00Z')).toBe(
      'When the child was last seen must be a real date: there is no 31 November 2026',
    )
    expect(problem('2026-02-30T10:00:00Z')).toBe(
      'When the child was last seen must be a real date: there is no 30 February 2026',
    )
    expect(problem('2026-02-29T10:00:00+01:00')).toBe(
      'When the child was last seen must be a real date: there is no 29 February 2026',
    )
    expect(problem('2026-02-30T10:00')).toBe(
      'When the child was last seen must be a real date: there is no 30 February 2026',
    )
    expect(problem('2026-01-01T24:00:00Z')).toBe(
      'When the child was last seen must be a real time of day, from 00:00 to 23:59',
    )
    expect(lastSeen.parse('2028-02-29T10:00:00Z')).toBe('2028-02-29T10:00:00.000Z')
  })
  it('refuse a year out of range with its own message, not the clocks', () => {
    const problem = (v: string) => momentField('when it happened').safeParse(v).error?.issues[0].message
    expect(problem('0001-03-01T10:00')).toBe(
      `Year must be between ${YEARS.event.min} and ${YEARS.event.max}: check when it happened`,
    )
    expect(problem('9999-12-31T10:00:00Z')).toBe(
      `Year must be between ${YEARS.event.min} and ${YEARS.event.max}: check when it happened`,
    )
  })
  it('show durations in words', () => {
    expect(formatDuration(45)).toBe('45 min')
    expect(formatDuration(200)).toBe('3 h 20 min')
    expect(formatDuration(3000)).toBe('2 days 2 h')
  })
})
