// The child and placement schemas: used by the forms (react-hook-form), the server actions and the API alike.
import { z } from 'zod'
import {
  ETHNICITIES,
  HOME_PLACEMENT_TYPES,
  LEGAL_STATUS,
  PLACEMENT_CHANGE_REASONS,
  PLACEMENT_END_REASONS,
  PLACEMENT_PROVIDERS,
  PLACEMENT_TYPES,
} from '@/lib/domain/ssda903'
import { CATEGORY_OF_NEED, upnOrReasonProblem } from '@/lib/domain/ssda903-rules/identifiers'
import {
  codeField,
  dateField,
  optionalCode,
  optionalDate,
  optionalId,
  optionalPostcode,
  optionalText,
  pageField,
  requiredId,
  requiredText,
} from './fields'

export const placementStartSchema = z
  .object(
    {
      homeId: optionalId(),
      settingName: optionalText('the setting name', 200),
      settingPostcode: optionalPostcode('the setting’s postcode'),
      areaAuthorityId: optionalId(),
      startDate: dateField('the start date'),
      placeCode: codeField(PLACEMENT_TYPES, 'Select the placement type'),
      bedAndBreakfast: z.boolean().default(false),
      /** CPPCR 2010 reg 13(4): an emergency placement may be notified to the area authority after it starts */
      emergency: z.boolean().default(false),
      placeProvider: codeField(PLACEMENT_PROVIDERS, 'Select who provides the placement'),
      reasonForChange: optionalCode(PLACEMENT_CHANGE_REASONS, 'Select the reason for the change of placement'),
    },
    { error: 'Give the placement: the home (or other setting), start date, placement type and provider' },
  )
  .superRefine((p, ctx) => {
    if (!p.homeId && !p.settingName)
      ctx.addIssue({
        code: 'custom',
        path: ['homeId'],
        message: 'Select the home, or name the other setting the child is placed in',
      })
    // SSDA903 PL_POST: every placement's postcode, a Haven home's from the home
    if (!p.homeId && p.settingName && !p.settingPostcode)
      ctx.addIssue({
        code: 'custom',
        path: ['settingPostcode'],
        message: 'Enter the setting’s postcode (the SSDA903 return gives every placement’s)',
      })
    if (!p.homeId && p.settingName && !p.areaAuthorityId)
      ctx.addIssue({
        code: 'custom',
        path: ['areaAuthorityId'],
        message: 'Select the local authority area the setting is in',
      })
    if (p.homeId && !(HOME_PLACEMENT_TYPES as readonly string[]).includes(p.placeCode))
      ctx.addIssue({ code: 'custom', path: ['placeCode'], message: "A placement in a children's home is K1, K2 or K3" })
    if (p.bedAndBreakfast && p.homeId)
      ctx.addIssue({
        code: 'custom',
        path: ['bedAndBreakfast'],
        message: 'A Haven home is not bed and breakfast: leave the home blank and name the setting',
      })
  })

export const REG41_NOTICE_KINDS = ['ADMISSION', 'DISCHARGE'] as const
export const REG41_NOTICE_METHODS = ['SECURE_EMAIL', 'EMAIL', 'LETTER', 'PORTAL'] as const

/**
 * Children's Homes (England) Regulations 2015 reg 41: when, how (in writing) and by whom the host authority was told.
 */
export const reg41NoticeSchema = z.object({
  kind: z.enum(REG41_NOTICE_KINDS, { error: 'Select admission or discharge' }),
  notifiedOn: dateField('the date the authority was told'),
  method: z.enum(REG41_NOTICE_METHODS, { error: 'Select how it was sent (it must be in writing)' }),
  givenBy: requiredText('who sent it', 200),
})
export type Reg41NoticeInput = z.output<typeof reg41NoticeSchema>

export const placementEndSchema = z.object({
  endDate: dateField('the end date'),
  endReason: codeField(PLACEMENT_END_REASONS, 'Select why the placement ended'),
})

/** What the SSDA903 return needs about a child that only the placing authority knows (all may be added later). */
const returnDetails = {
  /** the authority's own reference (its case management system's id): SSDA903 CHILD */
  authorityRef: optionalText('the authority’s reference', 20).refine(
    (v) => v === null || /^[A-Za-z0-9/_-]+$/.test(v),
    'The authority’s reference has letters, digits, /, - and _ only',
  ),
  upn: optionalText('the UPN', 13)
    .transform((v) => v?.toUpperCase() ?? null)
    .superRefine((v, ctx) => {
      const problem = v === null ? null : upnOrReasonProblem(v)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }),
  /** SSDA903 HOME_POST: the child's home when they became looked after */
  homePostcode: optionalPostcode('the home postcode'),
  categoryOfNeed: optionalCode(CATEGORY_OF_NEED, 'Select the category of need (N1 to N8)'),
  /** SSDA903 SEX; blank: the sex recorded for the child */
  returnSex: z
    .string()
    .optional()
    .nullable()
    .transform((v) => v || null)
    .pipe(z.enum(['MALE', 'FEMALE', 'NOT_KNOWN'], { error: 'Select the sex for the return' }).nullable()),
}

/** Correcting what the return holds (blank clears a value): who changed which field is audited. */
export const returnDetailsSchema = z.object(returnDetails)
export type ReturnDetailsInput = z.output<typeof returnDetailsSchema>

export const newChildSchema = z.object({
  ...returnDetails,
  firstName: requiredText('the first name', 100),
  lastName: requiredText('the last name', 100),
  dateOfBirth: dateField('the date of birth', 'birth'),
  sex: z.enum(['MALE', 'FEMALE'], { error: 'Select the sex recorded for the child' }),
  ethnicity: codeField(ETHNICITIES, 'Select the ethnicity, or "Information not yet obtained"'),
  disability: z.enum(['NOT_DISABLED', 'DISABLED', 'NOT_KNOWN'], { error: 'Select whether the child has a disability' }),
  disabilityDetails: optionalText('the disability details', 1000),
  legalStatus: codeField(LEGAL_STATUS, 'Select the legal status'),
  placingAuthorityId: requiredId('Select the placing local authority'),
  socialWorkerId: optionalId(),
  iroId: optionalId(),
  /** the day the child became looked after; blank means the day this placement starts */
  lookedAfterSince: optionalDate('the date the child became looked after'),
  placement: placementStartSchema,
})

export type NewChild = z.output<typeof newChildSchema>
export type PlacementStart = z.output<typeof placementStartSchema>
export type PlacementEnd = z.output<typeof placementEndSchema>

export const childListQuerySchema = z.object({
  search: optionalText('the search', 100),
  page: pageField,
})
