// Field builders shared by every schema: one wording for one kind of problem, in the browser, the server and the API.
import { z } from 'zod'
import { ukPostcode } from '@/lib/domain/ssda903-rules/identifiers'
import { fromLondonLocal, YEARS, type YearKind } from '@/lib/domain/time'

export { YEARS }

// No eval: the Content-Security-Policy forbids it in the browser, and zod would otherwise try it (a reported violation)
z.config({ jitless: true })

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Text PostgreSQL can store: no half of an emoji (an unpaired surrogate). Control characters are refused, not
 * stripped (noControlCharacters): a record about a child says exactly what was typed, or is not saved. */
export const cleanText = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')

/** C0 control characters and DEL; a multi-line text (a text area) may have tabs and line breaks. */
/* eslint-disable no-control-regex -- finding control characters is the point */
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F]/
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
/* eslint-enable no-control-regex */
/** Text longer than this is written in a text area, so it may have line breaks; shorter is one line. */
const MULTI_LINE_FROM = 1000

/** A refinement for .refine(...noControlCharacters(label, multiLine)): the check and its message. */
export const noControlCharacters = (label: string, multiLine: boolean) =>
  [
    (s: string) => !(multiLine ? CONTROL_IN_TEXT : CONTROL_IN_LINE).test(s),
    `${capitalise(label.replace(/^(the|a|an) /, ''))} has a hidden control character${multiLine ? '' : ' or line break'} in it: remove it, or retype the text`,
  ] as const

/** Required text: "Enter the first name". */
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capitalise(label.replace(/^(the|a|an) /, ''))} must be ${max} characters or fewer`)
    .refine(...noControlCharacters(label, max >= MULTI_LINE_FROM))
    .transform(cleanText)

/** Optional text: blank becomes null. */
export const optionalText = (label: string, max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `${capitalise(label.replace(/^(the|a|an) /, ''))} must be ${max} characters or fewer`)
    .refine(...noControlCharacters(label, max >= MULTI_LINE_FROM))
    .optional()
    .nullable()
    .transform((v) => (v ? cleanText(v) : null))

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** What is wrong with a calendar day given as numbers, if anything: the year out of range, or no such day. */
function dayProblem(label: string, kind: YearKind, y: number, m: number, d: number): string | null {
  const { min, max } = YEARS[kind]
  const Label = capitalise(label.replace(/^(the|a|an) /, ''))
  if (y < min || y > max) return `Year must be between ${min} and ${max}: check ${label}`
  if (m < 1 || m > 12) return `${Label} must be a real date: there is no month ${m}`
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate()
  if (d < 1 || d > daysInMonth) return `${Label} must be a real date: there is no ${d} ${MONTH_NAMES[m - 1]} ${y}`
  return null
}

/** A calendar date, YYYY-MM-DD (what <input type="date"> sends): a day that exists, in the years for its kind. */
export const dateField = (label: string, kind: YearKind = 'event') =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .superRefine((value, ctx) => {
      // a refinement, not a transform: the form's other checks still run and name their fields too
      if (!value) return // "Enter ..." says it
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
      const problem = match
        ? dayProblem(label, kind, Number(match[1]), Number(match[2]), Number(match[3]))
        : `${capitalise(label.replace(/^(the|a|an) /, ''))} must be a real date, for example 2011-03-27`
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })

/** An optional calendar date: blank becomes null. */
export const optionalDate = (label: string, kind: YearKind = 'event') =>
  z
    .string()
    .optional()
    .nullable()
    .transform((v) => v || null)
    .pipe(dateField(label, kind).nullable())

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

/**
 * A reference to another record, chosen from a list: a plain id (letters, digits, - and _), never control characters.
 */
export const PLAIN_ID = /^[A-Za-z0-9_-]+$/
export const requiredId = (message: string) =>
  z.string({ error: message }).trim().min(1, message).max(100, message).regex(PLAIN_ID, message)
export const optionalId = (message = 'Choose from the list') =>
  z
    .string({ error: message })
    .trim()
    .max(100, message)
    .refine((v) => v === '' || PLAIN_ID.test(v), message)
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

/** An optional e-mail address: blank becomes null; kept in lower case. */
export const optionalEmail = () =>
  z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => v || null)
    .pipe(z.email('Enter an e-mail address in the right format, like name@example.org').max(254).nullable())
    .transform((v) => v?.toLowerCase() ?? null)

/**
 * A moment, as London wall-clock time from <input type="datetime-local"> (YYYY-MM-DDTHH:mm) or as an ISO 8601
 * instant with an offset (the API). Parsed to an ISO instant in UTC, so parsing it again gives the same. The day
 * must exist and the time must be on the clock (no 31 November, no 24:00): JavaScript would roll them over.
 */
export const momentField = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .transform((value, ctx) => {
      const Label = capitalise(label.replace(/^(the|a|an) /, ''))
      const fail = (message: string) => {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))?$/.exec(
        value,
      )
      if (!match) return fail(`${Label} must be a real date and time, like 2026-03-27T21:30`)
      const [y, mo, d, h, mi, sec] = match.slice(1, 7).map(Number)
      const local = match[7] === undefined
      // London wall-clock time has no seconds (that is what the form sends); an instant needs its offset
      if (local && match[6] !== undefined) return fail(`${Label} must be a real date and time, like 2026-03-27T21:30`)
      const problem = dayProblem(label, 'event', y, mo, d)
      if (problem) return fail(problem)
      if (h > 23 || mi > 59 || sec > 59 || Number(match[8] ?? 0) > 14 || Number(match[9] ?? 0) > 59)
        return fail(`${Label} must be a real time of day, from 00:00 to 23:59`)
      if (!local) return new Date(value).toISOString()
      const result = fromLondonLocal(value)
      if (result.ok) return result.instant.toISOString()
      return fail(`That time does not exist in the UK: the clocks went forward an hour then. Check ${label}`)
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
export const pageField = z.coerce
  .number({ error: PAGE_PROBLEM })
  .int(PAGE_PROBLEM)
  .min(1, PAGE_PROBLEM)
  .max(100_000, PAGE_PROBLEM)
  .optional()

/** An optional UK postcode, kept in its usual form ("SW1A 1AA"); blank becomes null. */
export const optionalPostcode = (label: string) =>
  optionalText(label, 10).pipe(
    z
      .string()
      .nullable()
      .refine((v) => v === null || ukPostcode(v) !== null, `Enter ${label} as a UK postcode, for example SW1A 1AA`)
      .transform((v) => (v === null ? null : ukPostcode(v))),
  )
