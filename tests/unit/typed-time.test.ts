import { describe, expect, it } from 'vitest'
import { momentField } from '@/lib/validation/fields'
import { normaliseTime } from '@/lib/domain/time'

describe('a time typed in one box', () => {
  it('reads 14:05, 1405, 14.05 and 9:05 as times on the 24-hour clock', () => {
    expect(normaliseTime('14:05')).toBe('14:05')
    expect(normaliseTime('1405')).toBe('14:05')
    expect(normaliseTime(' 14.05 ')).toBe('14:05')
    expect(normaliseTime('9:05')).toBe('09:05')
    expect(normaliseTime('905')).toBe('09:05')
  })

  it('keeps anything else as typed, so the form names the problem', () => {
    expect(normaliseTime('2pm')).toBe('2pm')
    expect(normaliseTime('14')).toBe('14')
    const parsed = momentField('when they were last seen').safeParse(`2026-11-27T${normaliseTime('2pm')}`)
    expect(parsed.success).toBe(false)
  })

  it('gives the server the same value the old date-and-time box did', () => {
    const parsed = momentField('when they were last seen').parse(`2026-11-27T${normaliseTime('1405')}`)
    expect(parsed).toBe('2026-11-27T14:05:00.000Z') // November: London is on GMT
    expect(momentField('x').safeParse(`2026-11-27T${normaliseTime('2405')}`).success).toBe(false)
  })
})
