// Field builders shared by every schema: one wording for one kind of problem, in the browser, the server and the API.
import { z } from 'zod'
import { fromLondonLocal } from '@/lib/domain/time'

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Text PostgreSQL can store: no NUL characters, no half of an emoji (an unpaired surrogate). */
export const cleanText = (s: string) =>
  s.replace(/\u0000/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')

/** Required text: "Enter the first name". */
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capitalise(label.replace(/^(the|a|an) /, ''))} must be ${max} characters or fewer`)
    .transform(cleanText)

/** Optional text: blank becomes null. */
export const optionalText = (label: string, max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `${capitalise(label.replace(/^(the|a|an) /, ''))} must be ${max} characters or fewer`)
    .optional()
    .nullable()
    .transform((v) => (v ? cleanText(v) : null))

/** A calendar date, YYYY-MM-DD (what <input type="date"> sends). */
export const dateField = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .pipe(z.iso.date(`${capitalise(label.replace(/^(the|a|an) /, ''))} must be a real date, for example 2011-03-27`))

/** An optional calendar date: blank becomes null. */
export const optionalDate = (label: string) =>
  z
    .string()
    .optional()
    .nullable()
    .transform((v) => v || null)
    .pipe(dateField(label).nullable())

/** One of a code list (a select). */
export const codeField = (codes: Record<string, string>, message: string) =>
  z.enum(Object.keys(codes) as [string, ...string[]], { error: message })

/** Optional code: blank becomes null. */
export const optionalCode = (codes: Record<string, string>, message: string) =>
  z
    .string()
    .optional()
    .nullable()
    .transform((v) => v || null)
    .pipe(codeField(codes, message).nullable())

/** A reference to another record, chosen from a list. */
export const requiredId = (message: string) => z.string({ error: message }).trim().min(1, message).max(100, message)
export const optionalId = () =>
  z
    .string()
    .trim()
    .max(100)
    .optional()
    .nullable()
    .transform((v) => v || null)

export const email = () =>
  z
    .string({ error: 'Enter an e-mail address' })
    .trim()
    .min(1, 'Enter an e-mail address')
    .pipe(z.email('Enter an e-mail address in the right format, like name@example.org'))
    .transform((v) => v.toLowerCase())

/**
 * A moment, as London wall-clock time from <input type="datetime-local"> (YYYY-MM-DDTHH:mm) or as an ISO 8601
 * instant with an offset (the API). Parsed to an ISO instant in UTC, so parsing it again gives the same.
 */
export const momentField = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .transform((value, ctx) => {
      if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) {
        const result = fromLondonLocal(value)
        if (result.ok) return result.instant.toISOString()
        ctx.addIssue({
          code: 'custom',
          message:
            result.problem === 'does-not-exist'
              ? `That time does not exist in the UK: the clocks went forward an hour then. Check ${label}`
              : `${capitalise(label.replace(/^(the|a|an) /, ''))} must be a real date and time`,
        })
        return z.NEVER
      }
      const instant = new Date(value)
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(instant.getTime())) {
        ctx.addIssue({ code: 'custom', message: `${capitalise(label.replace(/^(the|a|an) /, ''))} must be a real date and time, like 2026-03-27T21:30` })
        return z.NEVER
      }
      return instant.toISOString()
    })

/** A yes/no question (radio buttons send "yes"/"no"; the API may send true/false). Not a z.union: the form's
 * resolver reports a union's first inner issue ("expected boolean, received null"), not the message. */
export const yesNo = (message: string) =>
  z
    .custom<'yes' | 'no' | boolean>((v) => v === 'yes' || v === 'no' || typeof v === 'boolean', { error: message })
    .meta({ anyOf: [{ type: 'boolean' }, { type: 'string', enum: ['yes', 'no'] }] }) // for the OpenAPI document
    .transform((v) => v === true || v === 'yes')

/** A page of a long list: 1, 2, 3... (a page past the end shows the last) */
const PAGE_PROBLEM = 'page must be a whole number from 1'
export const pageField = z.coerce.number({ error: PAGE_PROBLEM }).int(PAGE_PROBLEM).min(1, PAGE_PROBLEM).max(100_000, PAGE_PROBLEM).optional()
