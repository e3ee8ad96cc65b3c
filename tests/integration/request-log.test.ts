// One JSON line per API request (pino, lib/server/log.ts): request id (also in the response and in the audit events
// the request wrote), method, route with ids as :name, status and duration; never the query string or anything else
// about a child. An unexpected error's line carries the request id and the stack; the answer carries neither.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { problemFrom } from '@/lib/server/api'
import { getPrisma } from '@/lib/server/database'
import { logOutput } from '@/lib/server/log'
import { withRequestId } from '@/lib/server/request-context'
import { GET as childrenRoute } from '@/app/api/v1/children/route'
import { GET as childRoute } from '@/app/api/v1/children/[id]/route'
import { POST as tokenRoute } from '@/app/api/v1/auth/token/route'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makeChild, makePerson, makeWorld } from '../support/fixtures'

describe('the API request log', () => {
  let token: string
  let childId: string
  beforeAll(async () => {
    await freshDatabase()
    const world = await makeWorld()
    childId = (await makeChild({ firstName: 'Ellie', homeId: world.homeA.id, placingAuthorityId: world.laOne.id })).id
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Log Manager')
    const response = await tokenRoute(
      new Request('http://127.0.0.1/api/v1/auth/token', {
        method: 'POST',
        body: JSON.stringify({ email: manager.email, password: FIXTURE_PASSWORD }),
      }),
    )
    token = (await response.json()).token
  })
  afterEach(() => vi.restoreAllMocks())

  const lines = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map((c) => JSON.parse(String(c[0])))
  const capture = () => vi.spyOn(logOutput, 'write').mockImplementation(() => {})

  it('writes one line per request with the id it returns, the route and the status', async () => {
    const log = capture()
    const response = await childRoute(
      new Request(`http://127.0.0.1/api/v1/children/${childId}`, {
        headers: { Authorization: `Bearer ${token}`, 'X-Request-Id': 'lb-1234' },
      }),
      { params: Promise.resolve({ id: childId }) },
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('X-Request-Id')).toBe('lb-1234')
    expect(lines(log)).toEqual([
      {
        level: 'info',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        event: 'api.request',
        requestId: 'lb-1234',
        method: 'GET',
        route: '/api/v1/children/:id',
        status: 200,
        durationMs: expect.any(Number),
      },
    ])
    // the child read the request made is audited with the same id, so the log line and the event can be matched
    const prisma = await getPrisma()
    const events = await prisma.auditEvent.findMany({ where: { requestId: 'lb-1234' } })
    expect(events.map((e) => [e.action, e.subjectId])).toEqual([['child.read', childId]])
  })

  it('makes its own request id, and leaves out the query string and the body', async () => {
    const log = capture()
    const search = await childrenRoute(
      new Request('http://127.0.0.1/api/v1/children?search=Ellie', {
        headers: { Authorization: `Bearer ${token}`, 'X-Request-Id': 'not valid!' },
      }),
      { params: Promise.resolve({}) },
    )
    const denied = await tokenRoute(
      new Request('http://127.0.0.1/api/v1/auth/token', {
        method: 'POST',
        body: JSON.stringify({ email: 'ellie.marsh@example.org', password: 'wrong password here' }),
      }),
    )
    expect(denied.status).toBe(401)
    const [first, second] = lines(log)
    expect(first).toMatchObject({
      route: '/api/v1/children',
      status: 200,
      requestId: search.headers.get('X-Request-Id'),
    })
    expect(first.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(second).toMatchObject({ method: 'POST', route: '/api/v1/auth/token', status: 401 })
    expect(JSON.stringify(lines(log))).not.toMatch(/Ellie|ellie/)
  })

  it('logs an unexpected error with its request id and stack, and answers without them', async () => {
    const log = capture()
    const response = await withRequestId('lb-error', async () =>
      problemFrom(new Error('the database said something only the operator should read'), '/api/v1/children'),
    )
    expect(response.status).toBe(500)
    const answer = await response.text()
    expect(answer).not.toMatch(/only the operator|at .*\.ts|stack/)
    const [line] = lines(log)
    expect(line).toMatchObject({
      level: 'error',
      event: 'error',
      requestId: 'lb-error',
      err: { type: 'Error', message: 'the database said something only the operator should read' },
      msg: 'Haven: an unexpected error, answered 500',
    })
    expect(line.err.stack).toMatch(/request-log\.test\.ts/)
  })
})
