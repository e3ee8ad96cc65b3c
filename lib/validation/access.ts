// The access reports' period (the page's form and the API's query alike) and their answers.
import { z } from 'zod'
import { dateField, requiredId } from './fields'

const optionalDate = (label: string) => z.preprocess((v) => (v === '' ? undefined : v), dateField(label).optional())

/** ?from=YYYY-MM-DD&to=YYYY-MM-DD: by default the last 12 months up to today */
export const accessPeriodSchema = z
  .object({ from: optionalDate('the start of the period'), to: optionalDate('the end of the period') })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'The end of the period cannot be before its start',
  })

/** the per-person report: whose reads, and when */
export const personAccessQuerySchema = z.object({ userId: requiredId('Choose the person') }).and(accessPeriodSchema)

const entrySchema = z.object({
  at: z.string(),
  person: z.string(),
  /** the roles the person holds today (the event does not say which one they acted in) */
  roles: z.array(z.string()),
  action: z.string(),
  words: z.string(),
  where: z.string(),
  change: z.boolean(),
  subject: z.object({ type: z.string(), id: z.string() }),
  /** the request that wrote the event (its X-Request-Id, in the server's log lines); null for scheduled jobs and
   * events written before it was kept */
  requestId: z.string().nullable(),
})

export const childAccessReportSchema = z.object({
  child: z.object({ id: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  /** newest first; cut at the limit when `more` */
  entries: z.array(entrySchema),
  more: z.boolean(),
  people: z.number().int(),
})

export const personAccessReportSchema = z.object({
  person: z.object({ id: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  entries: z.array(
    entrySchema.omit({ person: true, roles: true }).extend({
      /** the children the event covered, by id and initials (the administrator does not read case records) */
      children: z.array(z.object({ id: z.string(), initials: z.string() })),
    }),
  ),
  more: z.boolean(),
})
