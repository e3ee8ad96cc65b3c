import { z } from 'zod'
import { PLAIN_ID } from './fields'

/** ?year=2025&authority=...&table=header|episodes|missing|all (year 2025: 1 April 2025 to 31 March 2026) */
export const ssda903QuerySchema = z.object({
  year: z.coerce
    .number({ error: 'Enter the collection year, for example 2025 for April 2025 to March 2026' })
    .int('Enter the collection year as four digits')
    .min(2000, 'Enter a collection year from 2000')
    .max(2100, 'Enter a collection year before 2100'),
  authority: z
    .string({ error: 'Choose the placing authority' })
    .trim()
    .min(1, 'Choose the placing authority')
    .max(100, 'Choose the placing authority from the list')
    .regex(PLAIN_ID, 'Choose the placing authority from the list'),
  /** all: the three tables in one zip (with the failures, if any); failures: the failing rows as CSV */
  table: z
    .enum(['header', 'episodes', 'missing', 'all', 'failures'], {
      error: 'table is header, episodes, missing, all or failures',
    })
    .optional(),
})
