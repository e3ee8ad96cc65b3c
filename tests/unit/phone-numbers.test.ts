// A home's phone number as a person types it: which numbers are taken, in what written form, and the words for what is
// wrong (each naming the field). The numbers are from Ofcom's ranges kept for drama and examples.
import { describe, expect, it } from 'vitest'
import { ukPhoneNumber } from '@/lib/domain/phone-numbers'
import { homePhoneSchema } from '@/lib/validation/homes'

const written = (typed: string) => ukPhoneNumber(typed).phone
const problem = (typed: string) => ukPhoneNumber(typed).problem

describe('a UK phone number as typed', () => {
  it('is kept in its usual written form, however it was spaced', () => {
    expect(written('01144960123')).toBe('0114 496 0123')
    expect(written(' 0114 496 0123 ')).toBe('0114 496 0123')
    expect(written('0161-496-0123')).toBe('0161 496 0123')
    expect(written('(0161) 496 0123')).toBe('0161 496 0123')
    expect(written('02079460123')).toBe('020 7946 0123')
    expect(written('020 79 46 01 23')).toBe('020 7946 0123')
    expect(written('01632960123')).toBe('01632 960123')
    expect(written('07700900123')).toBe('07700 900123')
    expect(written('03001234567')).toBe('0300 123 4567')
    expect(written('08001234567')).toBe('0800 123 4567')
    expect(written('0808 157 0000')).toBe('0808 157 0000')
  })

  it('reads +44 (or 0044) as the 0, with or without the (0) people write after it', () => {
    expect(written('+44 114 496 0123')).toBe('0114 496 0123')
    expect(written('+44 (0)114 496 0123')).toBe('0114 496 0123')
    expect(written('+44(0)20 7946 0123')).toBe('020 7946 0123')
    expect(written('+447700900123')).toBe('07700 900123')
    expect(written('0044 161 496 0123')).toBe('0161 496 0123')
  })

  it('takes the 10-digit numbers some areas and freephone lines have', () => {
    expect(written('016977 1234')).toBe('01697 71234')
    expect(written('0800 123456')).toBe('0800 123456')
  })

  it('refuses what is not one, naming the field and saying what to type', () => {
    expect(problem('')).toBe('Phone number: enter the number, like 0114 496 0123')
    expect(problem('0114 496 0123 ext 4')).toBe(
      'Phone number: use only digits, spaces, hyphens and brackets (and +44 at the start), like 0114 496 0123',
    )
    expect(problem('0114 + 496 0123')).toMatch(/^Phone number: use only digits/)
    expect(problem('0114\u0000496 0123')).toMatch(/^Phone number: use only digits/)
    expect(problem('+33 1 23 45 67 89')).toBe('Phone number: enter a UK number: one starting 0, or +44')
    expect(problem('1144960123')).toBe(
      'Phone number: enter a number starting 01, 02, 03 or 07, or a freephone 0800 or 0808 number, like 0114 496 0123',
    )
    expect(problem('0845 123 4567')).toMatch(/^Phone number: enter a number starting 01, 02, 03 or 07/)
    expect(problem('0870 123 4567')).toMatch(/^Phone number: enter a number starting 01, 02, 03 or 07/)
    expect(problem('0909 123 4567')).toMatch(/^Phone number: enter a number starting 01, 02, 03 or 07/)
    expect(problem('999')).toMatch(/^Phone number: enter a number starting/)
    expect(problem('0114 496 01234')).toBe(
      'Phone number: a UK number has 10 or 11 digits counting the 0 at the start (this has 12), like 0114 496 0123',
    )
    expect(problem('+44 114 496 01')).toMatch(/^Phone number: a UK number has 10 or 11 digits .*\(this has 9\)/)
    // ten digits where the range has eleven: a digit lost
    expect(problem('0114 496 012')).toBe(
      'Phone number: this number needs 11 digits counting the 0 at the start (it has 10): check for a missing digit',
    )
    for (const short of ['020 7946 012', '0161 496 012', '0300 123 456', '07700 90012', '0808 157 000'])
      expect(problem(short), short).toMatch(/needs 11 digits/)
  })
})

describe('the shared schema (the form and PUT /api/v1/homes/{id}/phone)', () => {
  it('keeps the written form, and takes blank or null as removing the number', () => {
    expect(homePhoneSchema.parse({ phone: '+44 (0)161 4960123' })).toEqual({ phone: '0161 496 0123' })
    expect(homePhoneSchema.parse({ phone: '   ' })).toEqual({ phone: null })
    expect(homePhoneSchema.parse({ phone: null })).toEqual({ phone: null })
  })
  it('puts the problem on the phone field', () => {
    const result = homePhoneSchema.safeParse({ phone: '0845 123 4567' })
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['phone', expect.stringMatching(/^Phone number: enter a number starting 01/)],
    ])
    expect(homePhoneSchema.safeParse({}).error!.issues[0].message).toBe(
      'Phone number: enter the number, or null to remove it',
    )
    expect(homePhoneSchema.safeParse({ phone: 1144960123 }).success).toBe(false)
  })
})
