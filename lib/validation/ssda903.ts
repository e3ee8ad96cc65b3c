// The SSDA903 API's answers and the upload of the authority's own return: shared by the routes and the OpenAPI
// document.
import { z } from 'zod'
import { CATEGORY_OF_NEED } from '@/lib/domain/ssda903-rules/identifiers'

/** GET and PUT /api/v1/children/{id}/return-details */
export const returnDetailsViewSchema = z.object({
  child: z
    .object({ id: z.string(), firstName: z.string(), lastName: z.string(), sex: z.enum(['MALE', 'FEMALE']) })
    .optional(),
  hasPeriodOfCare: z.boolean().optional(),
  authorityRef: z.string().nullable(),
  upn: z.string().nullable().describe('a UPN, or the DfE’s UN code for why there is none'),
  homePostcode: z.string().nullable(),
  categoryOfNeed: z
    .enum(Object.keys(CATEGORY_OF_NEED) as [string, ...string[]])
    .nullable()
    .describe('SSDA903 CIN, N1-N8'),
  returnSex: z
    .enum(['MALE', 'FEMALE', 'NOT_KNOWN'])
    .nullable()
    .describe('SSDA903 SEX (M, F, U for not known or indeterminate); null: the sex recorded for the child'),
  changed: z.array(z.string()).optional().describe('after a correction: the fields that changed'),
})

const csvText = (label: string) =>
  z
    .string({ error: `Choose the authority's ${label} CSV` })
    .min(1, `Choose the authority's ${label} CSV`)
    .max(20_000_000, `The ${label} CSV must be 20 MB or smaller`)
    // a CSV has tabs and line breaks, never other control characters (a binary file chosen by mistake)
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .refine((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v), {
      message: `The ${label} file has control characters in it: choose the CSV your system exported`,
    })

/** POST /api/v1/exports/ssda903/upload: the authority's Header and Episodes tables, as CSV text, for a year. */
export const ssda903UploadSchema = z.object({
  year: z.coerce
    .number({ error: 'Enter the collection year, for example 2025 for April 2025 to March 2026' })
    .int('Enter the collection year as four digits')
    .min(2000, 'Enter a collection year from 2000')
    .max(2100, 'Enter a collection year before 2100'),
  authority: z.string({ error: 'Choose the placing authority' }).trim().min(1, 'Choose the placing authority').max(100),
  header: csvText('Header'),
  episodes: csvText('Episodes'),
  /** proposed matches a person has confirmed: Haven's child id and the authority's CHILD */
  confirmed: z
    .array(z.object({ childId: z.string().max(100), child: z.string().max(100) }))
    .max(10_000)
    .default([]),
})
export type Ssda903Upload = z.output<typeof ssda903UploadSchema>

const row = z.record(z.string(), z.string())
const childNamed = z.object({ id: z.string(), name: z.string(), dateOfBirth: z.iso.date() })

/** The match report: the answer to an upload. Nothing uploaded is kept. */
export const ssda903MatchSchema = z.object({
  year: z.number().int(),
  counts: z.object({ header: z.number().int(), episodes: z.number().int(), haven: z.number().int() }),
  matched: z.array(z.object({ child: childNamed, authorityChild: z.string(), by: z.enum(['reference', 'confirmed']) })),
  proposals: z
    .array(z.object({ child: childNamed, authorityChild: z.string(), reason: z.string() }))
    .describe('possible matches by date of birth (and name): confirm them by sending them back in `confirmed`'),
  unmatched: z.array(childNamed).describe('Haven’s children not found in the authority’s Header'),
  differences: z.array(
    z.object({
      child: childNamed,
      authorityChild: z.string(),
      field: z.string(),
      haven: z.string(),
      authority: z.string(),
    }),
  ),
  missing: z.array(row).describe('Haven’s Missing table keyed by the authority’s CHILD values'),
  failures: z.array(
    z.object({
      table: z.literal('missing'),
      row: z.number().int(),
      child: z.string(),
      rule: z.string(),
      problem: z.string(),
      fix: z.string(),
    }),
  ),
  readyToAdd: z.boolean().describe('the Missing table passes the join rules against the authority’s tables'),
})
