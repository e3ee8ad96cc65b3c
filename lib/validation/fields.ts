// Field builders shared by every schema: one wording for one kind of problem, in the browser, the server and the API.
import { z } from 'zod'

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Required text: "Enter the first name". */
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capitalise(label.replace(/^(the|a|an) /, ''))} must be ${max} characters or fewer`)

/** Optional text: blank becomes null. */
export const optionalText = (label: string, max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `${capitalise(label.replace(/^(the|a|an) /, ''))} must be ${max} characters or fewer`)
    .optional()
    .nullable()
    .transform((v) => v || null)

/** A calendar date, YYYY-MM-DD (what <input type="date"> sends). */
export const dateField = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .pipe(z.iso.date(`${capitalise(label.replace(/^(the|a|an) /, ''))} must be a real date, for example 2011-03-27`))

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
