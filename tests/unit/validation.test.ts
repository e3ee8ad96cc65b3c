import { zodResolver } from '@hookform/resolvers/zod'
import { describe, expect, it } from 'vitest'
import { fieldErrorsFrom } from '@/lib/server/errors'
import { newChildSchema, placementEndSchema, placementStartSchema } from '@/lib/validation/children'
import { visitSchema } from '@/lib/validation/oversight'
import { newUserSchema } from '@/lib/validation/users'

const errorsOf = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) => {
  const result = schema.safeParse(value)
  return result.success ? {} : fieldErrorsFrom(result.error as never)
}

describe('shared schemas name the field and the problem', () => {
  it('for an empty child', () => {
    const errors = errorsOf(newChildSchema, { firstName: '  ', placement: {} })
    expect(errors).toMatchObject({
      firstName: 'Enter the first name',
      lastName: 'Enter the last name',
      dateOfBirth: 'Enter the date of birth',
      sex: 'Select the sex recorded for the child',
      legalStatus: 'Select the legal status',
      placingAuthorityId: 'Select the placing local authority',
      'placement.startDate': 'Enter the start date',
      'placement.placeCode': 'Select the placement type',
    })
  })
  it('for an impossible date', () => {
    expect(errorsOf(newChildSchema, { dateOfBirth: '2011-02-30' }).dateOfBirth).toBe(
      'Date of birth must be a real date: there is no 30 February 2011',
    )
    expect(errorsOf(newChildSchema, { dateOfBirth: '30/02/2011' }).dateOfBirth).toBe(
      'Date of birth must be a real date, for example 2011-03-27',
    )
    expect(errorsOf(placementEndSchema, { endDate: '2026-04-31' }).endDate).toBe(
      'End date must be a real date: there is no 31 April 2026',
    )
  })
  it('for a year out of range, with bounds for the kind of date', () => {
    expect(errorsOf(newChildSchema, { dateOfBirth: '0001-01-01' }).dateOfBirth).toBe(
      'Year must be between 1900 and 2100: check the date of birth',
    )
    expect(errorsOf(placementEndSchema, { endDate: '1066-10-14' }).endDate).toBe(
      'Year must be between 1990 and 2100: check the end date',
    )
  })
  it('for a placement that is neither a home nor another setting, or a Haven home recorded as B&B', () => {
    const base = { startDate: '2026-01-01', placeProvider: 'PR4' }
    expect(errorsOf(placementStartSchema, { ...base, placeCode: 'U6' })).toEqual({
      homeId: 'Select the home, or name the other setting the child is placed in',
    })
    expect(errorsOf(placementStartSchema, { ...base, placeCode: 'U6', settingName: 'Foster carers' })).toEqual({
      settingPostcode: 'Enter the setting’s postcode (the SSDA903 return gives every placement’s)',
      areaAuthorityId: 'Select the local authority area the setting is in',
    })
    expect(
      errorsOf(placementStartSchema, {
        ...base,
        placeCode: 'U6',
        settingName: 'Foster carers',
        settingPostcode: '=1+2',
      }).settingPostcode,
    ).toBe('Enter the setting’s postcode as a UK postcode, for example SW1A 1AA')
    expect(errorsOf(placementStartSchema, { ...base, homeId: 'h', placeCode: 'U6' }).placeCode).toMatch(/K1, K2 or K3/)
    expect(
      errorsOf(placementStartSchema, { ...base, homeId: 'h', placeCode: 'K2', bedAndBreakfast: true }).bedAndBreakfast,
    ).toBe('A Haven home is not bed and breakfast: leave the home blank and name the setting')
    const bnb = {
      settingName: 'Station Hotel',
      settingPostcode: 'TS1 1AA',
      areaAuthorityId: 'la',
      bedAndBreakfast: true,
    }
    expect(errorsOf(placementStartSchema, { ...base, ...bnb, placeCode: 'K3' })).toEqual({})
  })
  it('parses what it produces (the browser sends the parsed form to the server)', () => {
    const parsed = newChildSchema.parse({
      firstName: ' Ava ',
      lastName: 'Stone',
      dateOfBirth: '2012-01-01',
      sex: 'FEMALE',
      ethnicity: 'WBRI',
      disability: 'NOT_KNOWN',
      disabilityDetails: '',
      legalStatus: 'C2',
      placingAuthorityId: 'la',
      socialWorkerId: '',
      iroId: '',
      placement: {
        homeId: 'h',
        startDate: '2026-01-01',
        placeCode: 'K2',
        placeProvider: 'PR4',
        settingName: '',
        reasonForChange: '',
      },
    })
    expect(parsed.firstName).toBe('Ava')
    expect(parsed.iroId).toBeNull()
    expect(newChildSchema.parse(parsed)).toEqual(parsed)
  })
  it('keeps text PostgreSQL can store: no half emoji', () => {
    expect(newChildSchema.shape.firstName.parse('Maya\uD83D')).toBe('Maya\uFFFD')
  })
  it('refuses control characters (it does not strip them), naming the field; text areas keep tabs and line breaks', () => {
    expect(errorsOf(newChildSchema, { firstName: 'Ma\u0000ya' }).firstName).toBe(
      'First name has a hidden control character or line break in it: remove it, or retype the text',
    )
    expect(errorsOf(newChildSchema, { firstName: 'Ma\nya' }).firstName).toMatch(/control character/)
    expect(errorsOf(newChildSchema, { disabilityDetails: 'Uses a\u001Bwheelchair' }).disabilityDetails).toMatch(
      /control character/,
    )
    expect(errorsOf(newChildSchema, { disabilityDetails: 'Line one\r\n\tline two' }).disabilityDetails).toBeUndefined()
    expect(errorsOf(newChildSchema, { placingAuthorityId: 'demo-la-north\u0000' }).placingAuthorityId).toBe(
      'Select the placing local authority',
    )
    expect(errorsOf(newChildSchema, { iroId: 'x\u0007' }).iroId).toBe('Choose from the list')
  })
  it('for a new user e-mail', () => {
    expect(errorsOf(newUserSchema, { email: 'not-an-email' }).email).toMatch(/right format/)
  })
})

describe('the form in the browser shows the same messages as the server', () => {
  it('for an unanswered yes/no question (radio buttons give null)', async () => {
    const resolved = await zodResolver(visitSchema as never)({ announced: null } as never, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    })
    expect((resolved.errors as Record<string, { message: string }>).announced.message).toBe(
      'Say whether the visit was announced',
    )
    expect(errorsOf(visitSchema, { announced: null }).announced).toBe('Say whether the visit was announced')
  })
})
