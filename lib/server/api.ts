// API route handlers: bearer-token actor, the same use cases as the pages, RFC 9457 problem details on error.
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { Actor } from '@/lib/domain/roles'
import { actorForBearer } from './api-tokens'
import {
  BUSY_RETRY_AFTER_SECONDS,
  describeError,
  parseInput,
  TooManyAttemptsError,
  UnauthenticatedError,
  ValidationError,
} from './errors'
import { log } from './log'
import { plainRequestId } from './http'
import { withRequestId } from './request-context'

export function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}) {
  return Response.json(
    { type: 'about:blank', title, status, detail, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' } },
  )
}

/** A file to download (CSV unless said otherwise); never cached, since it is about children. */
export function download(
  filename: string,
  body: string | Uint8Array<ArrayBuffer>,
  contentType = 'text/csv; charset=utf-8',
) {
  return new Response(body, {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

export function problemFrom(e: unknown, instance?: string) {
  const { status, title, message, fieldErrors } = describeError(e)
  const errors = Object.entries(fieldErrors).map(([field, detail]) => ({ field, detail }))
  const response = problem(status, title, message, {
    ...(instance ? { instance } : {}),
    ...(errors.length ? { errors } : {}),
  })
  if (e instanceof TooManyAttemptsError) response.headers.set('Retry-After', String(e.retryAfterSeconds))
  if (status === 503) response.headers.set('Retry-After', String(BUSY_RETRY_AFTER_SECONDS))
  return response
}

export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  let body: unknown
  try {
    body = await request.json()
  } catch {
    throw new ValidationError({ body: 'The request body must be JSON' }, 'The request body is not valid JSON.')
  }
  return parseInput(schema, body)
}

type Context<P> = { params: Promise<P> }

/** Sees every answer the API gives: the tests check each against the OpenAPI document (tests/support/openapi.ts). */
export const apiAnswers: { observer?: (request: Request, response: Response) => void } = {}

/**
 * One log line per API request, for the operator: a request id (the proxy's X-Request-Id if it sent a plain one, else
 * a new one, returned in the response), method, route (ids shown as :name), status and duration. Never the query
 * string, the body or anything else that could say something about a child. The handler runs with the id as the
 * current request's (request-context.ts), so its audit events and any error line carry it.
 */
export function logged<P>(handler: (request: Request, context: Context<P>) => Promise<Response>) {
  return async (request: Request, context: Context<P> = { params: Promise.resolve({} as P) }) => {
    const started = performance.now()
    const requestId = plainRequestId(request.headers.get('x-request-id')) ?? randomUUID()
    const response = await withRequestId(requestId, () => handler(request, context))
    let route = new URL(request.url).pathname
    for (const [name, value] of Object.entries((await context.params) ?? {}))
      if (typeof value === 'string')
        route = route
          .split('/')
          .map((segment) => (segment === encodeURIComponent(value) ? `:${name}` : segment))
          .join('/')
    response.headers.set('X-Request-Id', requestId)
    apiAnswers.observer?.(request, response)
    log.info({
      event: 'api.request',
      requestId,
      method: request.method,
      route,
      status: response.status,
      durationMs: Math.round(performance.now() - started),
    })
    return response
  }
}

/** A handler that needs a signed-in actor (Authorization: Bearer <token>). */
export function withActor<P = Record<string, never>>(
  handler: (args: { request: Request; actor: Actor; params: P; tokenId: string }) => Promise<unknown>,
) {
  return logged(async (request: Request, context: Context<P>) => {
    const path = new URL(request.url).pathname
    try {
      const found = await actorForBearer(request.headers.get('authorization'))
      if (!found) {
        const response = problemFrom(
          new UnauthenticatedError(
            'Send a valid API token: Authorization: Bearer <token> (POST /api/v1/auth/token gives one).',
          ),
          path,
        )
        response.headers.set('WWW-Authenticate', 'Bearer')
        return response
      }
      const result = await handler({
        request,
        actor: found.actor,
        params: await context.params,
        tokenId: found.tokenId,
      })
      return result instanceof Response ? result : Response.json(result, { headers: { 'Cache-Control': 'no-store' } })
    } catch (e) {
      return problemFrom(e, path)
    }
  })
}
