// What every API error looks like: an RFC 9457 problem, never a stack trace.
import { expect } from 'vitest'
import { problemSchema } from '@/lib/validation/responses'

/** Checks the response is a problem with this status, and returns it. */
export async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toContain('application/problem+json')
  const body = problemSchema.parse(await response.json())
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |node_modules|prisma/i) // never a stack trace
  return body
}
