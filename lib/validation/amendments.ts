// The "correct something" form, the same for every record corrected by amendment (lib/server/amendments.ts): which
// field, what it should say, why, and the version the person was looking at.
import { z } from 'zod'
import { cleanText, noControlCharacters, requiredText } from './fields'

/** The amendment input for a record whose correctable fields are `fields`; values up to `maxLength` characters. */
export function amendmentSchema<F extends string>(fields: readonly F[], maxLength: number) {
  return z.object({
    field: z.enum(fields as unknown as [F, ...F[]], { error: 'Select what needs correcting' }),
    value: z
      .string()
      .trim()
      .max(maxLength, `The correction must be ${maxLength} characters or fewer`)
      .refine(...noControlCharacters('the correction', true))
      .transform(cleanText),
    reason: requiredText('why it needs correcting', 1000),
    version: z.coerce.number().int(),
  })
}
