import { z } from 'zod'
import { AGE_BANDS, TABLE_IDS } from '@/lib/domain/missing-report'
import { timelinessQuerySchema } from './return-interviews'
import { PLAIN_ID } from './fields'

const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values, { error: message }).optional())
const optionalId = (what: string) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string({ error: `Choose ${what}` })
      .trim()
      .max(100, `Choose ${what} from the list`)
      .regex(PLAIN_ID, `Choose ${what} from the list`)
      .optional(),
  )

/** ?from=&to=&home=&authority=&ageBand=&sex= for the missing-episode reports (empty means "all"). */
export const missingReportQuerySchema = z.intersection(
  timelinessQuerySchema,
  z.object({
    home: optionalId('a home'),
    authority: optionalId('a placing authority'),
    ageBand: optionalChoice(
      Object.keys(AGE_BANDS) as [keyof typeof AGE_BANDS, ...(keyof typeof AGE_BANDS)[]],
      `ageBand is one of ${Object.keys(AGE_BANDS).join(', ')}`,
    ),
    sex: optionalChoice(['MALE', 'FEMALE'], 'sex is MALE or FEMALE'),
  }),
)
export type MissingReportQuery = z.output<typeof missingReportQuerySchema>

/** ?table= for one table of the report as CSV. */
export const reportTableSchema = z.object({
  table: z.enum(TABLE_IDS, { error: `table is one of ${TABLE_IDS.join(', ')}` }),
})
