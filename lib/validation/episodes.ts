// Missing episode schemas: the same for the forms, the server actions and the API.
import { z } from 'zod'
import { AMENDABLE_FIELDS } from '@/lib/domain/episodes'
import { amendmentSchema } from './amendments'
import { momentField, optionalId, optionalText, requiredId, requiredText, yesNo } from './fields'

export const ABSENCE_TYPES = ['MISSING', 'AWAY'] as const
export const RISK_GRADES = ['NO_APPARENT_RISK', 'LOW', 'MEDIUM', 'HIGH'] as const
export const UPDATE_KINDS = ['NOTE', 'CALL', 'PLACE_CHECKED', 'SIGHTING', 'POLICE_RISK_GRADE'] as const
export const RETURN_METHODS = [
  'RETURNED_ALONE',
  'FOUND_BY_POLICE',
  'BROUGHT_BY_STAFF',
  'BROUGHT_BY_FAMILY',
  'OTHER',
] as const
export const LOCATION_KINDS = [
  'TAKEAWAY_OR_SHOP',
  'HOTEL',
  'HOUSE_OR_FLAT',
  'PARK_OR_OPEN_SPACE',
  'TRANSPORT',
  'OTHER',
] as const

export const episodeUpdateSchema = z
  .object({
    kind: z.enum(UPDATE_KINDS, { error: 'Select what kind of update this is' }),
    at: momentField('when it happened'),
    text: optionalText('the details', 4000),
    riskGrade: z
      .enum(RISK_GRADES, { error: 'Select the police risk grade' })
      .optional()
      .nullable()
      .or(z.literal('').transform(() => null)),
  })
  .superRefine((u, ctx) => {
    if (u.kind === 'POLICE_RISK_GRADE' && !u.riskGrade)
      ctx.addIssue({ code: 'custom', path: ['riskGrade'], message: 'Select the police risk grade' })
    if (u.kind !== 'POLICE_RISK_GRADE' && !u.text)
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'Enter the details' })
  })

const locationInput = z.object({
  name: optionalText('the place name', 200),
  kind: z
    .enum(LOCATION_KINDS)
    .optional()
    .nullable()
    .or(z.literal('').transform(() => null)),
  postcode: optionalText('the postcode', 10),
})
const associateInput = z.object({
  name: optionalText('the name', 200),
  description: optionalText('the description', 500),
})
const vehicleInput = z.object({
  registration: optionalText('the registration', 12),
  description: optionalText('the vehicle description', 300),
  taxiFirm: optionalText('the taxi firm', 200),
})
const filled = <T extends Record<string, unknown>>(items: T[]) =>
  items.filter((item) => Object.values(item).some((v) => typeof v === 'string' && v))

export const recordReturnSchema = z
  .object({
    returnedAt: momentField('when the child returned'),
    returnMethod: z.enum(RETURN_METHODS, { error: 'Select how the child came back' }),
    returnMethodOther: optionalText('how they came back', 300),
    foundLocation: locationInput.optional().nullable(),
    visitedLocations: z
      .array(locationInput)
      .max(20)
      .default([])
      .transform((l) => filled(l)),
    associates: z
      .array(associateInput)
      .max(20)
      .default([])
      .transform((a) => filled(a)),
    vehicles: z
      .array(vehicleInput)
      .max(20)
      .default([])
      .transform((v) => filled(v)),
    injuries: optionalText('the injuries', 2000),
    hungry: z.boolean().default(false),
    tired: z.boolean().default(false),
    intoxicated: z.boolean().default(false),
    signsOfHarm: optionalText('the signs of harm', 2000),
    medicalAttention: optionalText('the first aid or medical attention', 2000),
    whoInformed: optionalText('who was informed', 1000),
  })
  .superRefine((r, ctx) => {
    if (r.returnMethod === 'OTHER' && !r.returnMethodOther)
      ctx.addIssue({ code: 'custom', path: ['returnMethodOther'], message: 'Say how the child came back' })
    r.visitedLocations.forEach((l, i) => {
      if (!l.name)
        ctx.addIssue({
          code: 'custom',
          path: ['visitedLocations', i, 'name'],
          message: 'Name the place, or leave the whole row empty',
        })
    })
  })

export const reportMissingSchema = z.object({
  absenceType: z.enum(ABSENCE_TYPES, { error: 'Say whether we know where the child is' }),
  lastSeenAt: momentField('when the child was last seen'),
  lastSeenPlace: requiredText('where the child was last seen', 300),
  lastSeenWith: optionalText('who they were with', 500),
  clothing: optionalText('what they were wearing', 1000),
  takenWith: optionalText('what they took with them', 1000),
  policeInformed: yesNo('Say whether the police have been told'),
  policeReference: optionalText('the police reference', 100),
  /** the episode of another child this one went with (from "report them missing too") */
  wentWithEpisodeId: optionalId('Choose the episode from the list'),
  /** a back-dated episode that has ended is reported with its return, in one go */
  return: recordReturnSchema
    .optional()
    .nullable()
    .transform((v) => v ?? null),
})

/** How long a corrected value may be. */
export const EPISODE_CORRECTION_MAX = 4000
export const amendEpisodeSchema = amendmentSchema(
  Object.keys(AMENDABLE_FIELDS) as (keyof typeof AMENDABLE_FIELDS)[],
  EPISODE_CORRECTION_MAX,
)

export const closeEpisodeSchema = z.object({
  reviewNote: requiredText('your review', 4000),
  version: z.coerce.number().int(),
})

export const linkEpisodeSchema = z.object({ otherEpisodeId: requiredId('Select the child who went with them') })

export const grabPackSchema = z.object({
  description: requiredText('a description of the child', 2000),
  friendsAndAssociates: optionalText('friends and associates', 2000),
  placesTheyGo: optionalText('places they go', 2000),
  phoneNumbers: optionalText('phone numbers', 500),
  socialMedia: optionalText('social media', 1000),
  medicalNeeds: optionalText('medical needs', 2000),
  vulnerabilities: optionalText('vulnerabilities', 2000),
  transport: optionalText('transport', 1000),
  addresses: optionalText('addresses they may go to', 2000),
  bankCardsAndMoney: optionalText('bank cards and money', 1000),
  nationality: optionalText('nationality', 200),
  immigrationStatus: optionalText('immigration status', 500),
})

export const grabPackShareSchema = z.object({
  policeForce: requiredText('the police force', 200),
  reference: optionalText('the police reference', 100),
})

export const mergeSchema = z.object({
  kind: z.enum(['location', 'associate', 'vehicle']),
  keepId: requiredId('Select the record to keep'),
  mergeId: requiredId('Select the record to merge into it'),
})

export type ReportMissing = z.output<typeof reportMissingSchema>
export type EpisodeUpdateInput = z.output<typeof episodeUpdateSchema>
export type RecordReturn = z.output<typeof recordReturnSchema>
export type AmendEpisode = z.output<typeof amendEpisodeSchema>
export type GrabPackInput = z.output<typeof grabPackSchema>
