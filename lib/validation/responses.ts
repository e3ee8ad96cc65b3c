// What the API returns, as zod schemas: the use cases are typed by them and the OpenAPI document is built from them.
import { z } from 'zod'

const person = z.object({ id: z.string(), name: z.string() })
const isoDate = z.iso.date()

export const placementConcernSchema = z.object({
  level: z.enum(['critical', 'warning', 'info']),
  message: z.string(),
})

export const placementSchema = z.object({
  id: z.string(),
  home: z.object({ id: z.string(), name: z.string(), postcode: z.string(), ofstedUrn: z.string() }).nullable(),
  settingName: z.string().nullable(),
  settingPostcode: z.string().nullable(),
  areaAuthority: person,
  outOfArea: z.boolean().describe("outside the placing authority's area"),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  placeCode: z.string().describe('SSDA903 PLACE'),
  bedAndBreakfast: z.boolean(),
  placeProvider: z.string().describe('SSDA903 PLACE_PROVIDER'),
  reasonForChange: z.string().nullable().describe('SSDA903 REASON_PLACE_CHANGE'),
  endReason: z.string().nullable().describe('SSDA903 REC'),
  concerns: z.array(placementConcernSchema),
})

export const childSummarySchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: isoDate,
  age: z.number().int(),
  placingAuthority: z.string(),
  iro: person.nullable(),
  socialWorker: person.nullable(),
  currentPlacement: placementSchema.nullable(),
})

export const childRecordSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: isoDate,
  age: z.number().int(),
  sex: z.enum(['MALE', 'FEMALE']),
  ethnicity: z.string().describe('SSDA903 ETHNIC'),
  disability: z.enum(['NOT_DISABLED', 'DISABLED', 'NOT_KNOWN']),
  disabilityDetails: z.string().nullable(),
  legalStatus: z.string().describe('SSDA903 LS'),
  placingAuthority: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  iro: person.nullable(),
  socialWorker: person.nullable(),
  placements: z.array(placementSchema).describe('newest first'),
  createdAt: z.iso.datetime(),
})

export const childListSchema = z.object({ children: z.array(childSummarySchema) })
export const createdSchema = z.object({ id: z.string() })

export const tokenSchema = z.object({
  id: z.string(),
  token: z.string().describe('shown once; send as Authorization: Bearer <token>'),
  tokenType: z.literal('Bearer'),
  expiresAt: z.iso.datetime(),
})

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), detail: z.string() })).optional(),
})

export type ChildRecord = z.output<typeof childRecordSchema>
export type ChildSummary = z.output<typeof childSummarySchema>
export type PlacementView = z.output<typeof placementSchema>
