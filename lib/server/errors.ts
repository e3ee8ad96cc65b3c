// Errors a use case can end in. Pages, server actions and the API map them to what the user sees;
// anything else is a bug, logged on the server and shown as a plain "something went wrong".
import type { z } from 'zod'
import { BUSY_DIGEST, BUSY_TITLE } from '@/lib/busy'
import { log } from './log'
import { currentRequestId } from './request-context'

export type FieldErrors = Record<string, string>

/** The record does not exist, or is outside the actor's scope: the two are never told apart. */
export class NotFoundError extends Error {
  constructor(what = 'record') {
    super(`No ${what} was found with that reference, or you do not have access to it.`)
    this.name = 'NotFoundError'
  }
}

/** Signed in, but this role may not do this (never used for out-of-scope child records: those are NotFound). */
export class ForbiddenError extends Error {
  constructor(message = 'Your role does not allow this.') {
    super(message)
    this.name = 'ForbiddenError'
  }
}

export class ValidationError extends Error {
  constructor(
    public fieldErrors: FieldErrors,
    message = 'Some answers need correcting.',
  ) {
    super(message)
    this.name = 'ValidationError'
  }
}

export class UnauthenticatedError extends Error {
  constructor(message = 'Sign in to continue.') {
    super(message)
    this.name = 'UnauthenticatedError'
  }
}

/** The password was right; the account has a second factor and no code was given. */
export class SecondFactorNeededError extends UnauthenticatedError {
  constructor() {
    super('Enter the code from your authenticator app (or a recovery code) as well: this account has a second factor.')
    this.name = 'SecondFactorNeededError'
  }
}

/** The password was right and the second factor's code was not. */
export class WrongCodeError extends UnauthenticatedError {
  constructor() {
    super('The code is not right.')
    this.name = 'WrongCodeError'
  }
}

export class TooManyAttemptsError extends Error {
  constructor(public retryAfterSeconds: number) {
    super(`Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`)
    this.name = 'TooManyAttemptsError'
  }
}

/** A record id from a URL or an action's arguments: anything that is not a plain id is simply not found. */
export function recordId(value: unknown, what = 'record'): string {
  if (typeof value === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(value)) return value
  throw new NotFoundError(what)
}

/** zod issues as { "field.path": "message" } (first message per field). */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'form'
    errors[field] ??= issue.message
  }
  return errors
}

/** Parses input with the shared schema or throws ValidationError naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (!result.success) throw new ValidationError(fieldErrorsFrom(result.error))
  return result.data
}

export function throwIfProblems(problems: FieldErrors) {
  if (Object.keys(problems).length > 0) throw new ValidationError(problems)
}

/** How long a client is asked to wait (Retry-After) when the database is too busy to answer in time. */
export const BUSY_RETRY_AFTER_SECONDS = 5

/**
 * The database was too busy to answer in time, and the transaction was rolled back: it ran past its time limit or
 * waited too long to start (Prisma's P2028), no pooled connection came free in HAVEN_DATABASE_ACQUIRE_TIMEOUT_MS
 * (P2024, or node-postgres' own pool timeout), a new connection did not open in that time, or the server has no more
 * connections (P2037). An overload to wait out, not a bug.
 */
export function isDatabaseBusy(e: unknown): boolean {
  if (e instanceof DatabaseBusyError) return true
  if (!(e instanceof Error)) return false
  const code = (e as { code?: unknown }).code
  if (code === 'P2024' || code === 'P2037') return true
  // P2028 also covers misuse of a closed transaction, which is a bug: only its two timeouts count
  if (code === 'P2028') return /expired transaction|Unable to start a transaction in the given time/.test(e.message)
  return /timeout exceeded when trying to connect|Connection terminated due to connection timeout/.test(e.message)
}

/**
 * A busy database's error as a page's error boundary can tell it apart (app/error.tsx): it carries BUSY_DIGEST, which
 * Next.js passes to the browser where it would otherwise pass only a hash. The driver's error is its cause.
 */
export class DatabaseBusyError extends Error {
  readonly digest = BUSY_DIGEST
  constructor(cause: unknown) {
    super(`${BUSY_TITLE}.`, { cause })
    this.name = 'DatabaseBusyError'
  }
}

/** For the paths a page reads through (useCase, the session): a busy database's error as DatabaseBusyError, any other
 * error as it is. */
export function asBusy(e: unknown): unknown {
  return isDatabaseBusy(e) && !(e instanceof DatabaseBusyError) ? new DatabaseBusyError(e) : e
}

/** What to tell the user about an error, for pages, server actions and the API alike. Unknown errors are logged. */
export function describeError(e: unknown): {
  status: number
  title: string
  message: string
  fieldErrors: FieldErrors
} {
  if (e instanceof ValidationError)
    return { status: 422, title: 'Unprocessable content', message: e.message, fieldErrors: e.fieldErrors }
  if (e instanceof NotFoundError) return { status: 404, title: 'Not found', message: e.message, fieldErrors: {} }
  if (e instanceof ForbiddenError) return { status: 403, title: 'Forbidden', message: e.message, fieldErrors: {} }
  if (e instanceof UnauthenticatedError)
    return { status: 401, title: 'Unauthorized', message: e.message, fieldErrors: {} }
  if (e instanceof TooManyAttemptsError)
    return { status: 429, title: 'Too many requests', message: e.message, fieldErrors: {} }
  if (isDatabaseBusy(e)) {
    // one line for the operator: Prisma's message ends with the reason, after the query it interrupted
    const driver = (e instanceof DatabaseBusyError ? e.cause : e) as Error
    log.warn(
      { event: 'database.busy', requestId: currentRequestId() },
      `Haven: the database is busy, answered 503: ${driver.message.trim().split('\n').at(-1)}`,
    )
    return {
      status: 503,
      title: 'Service unavailable',
      message: `${BUSY_TITLE}; nothing was saved.`,
      fieldErrors: {},
    }
  }
  // the stack goes to the server's log (pino's err serializer), never into the answer
  log.error({ event: 'error', requestId: currentRequestId(), err: e }, 'Haven: an unexpected error, answered 500')
  return {
    status: 500,
    title: 'Internal server error',
    message:
      'Something went wrong on our side and nothing was saved. Try again; if it keeps happening, tell your administrator.',
    fieldErrors: {},
  }
}

/** A new version of a versioned record (safety plan, missing protocol) is refused if someone saved one since the
 * person opened the form: their typed text stays in the form, and they open the latest to see the change. */
export function throwIfStaleVersion(latest: number | undefined, basedOn: number, record: string) {
  if ((latest ?? 0) !== basedOn)
    throw new ValidationError({
      form: `Someone saved version ${latest} of this ${record} while you were working. Open it to see their changes; what you typed is still here.`,
    })
}
