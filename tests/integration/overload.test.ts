// Under overload nothing waits without limit. On PostgreSQL each process has a pool of connections: a query outside a
// transaction (the session check, the API token) that finds none free within HAVEN_DATABASE_ACQUIRE_TIMEOUT_MS is
// answered "Haven is busy" (503 with Retry-After), and works again once a connection is free. A page that cannot be
// read for the same reason throws an error carrying the busy digest, which the error page shows as "Haven is busy"
// (app/error.tsx: in production Next.js passes only the digest to the browser).
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest'
import { GET as listRoute } from '@/app/api/v1/children/route'
import ChildrenPage from '@/app/children/page'
import { BUSY_DIGEST } from '@/lib/busy'
import type { Actor } from '@/lib/domain/roles'
import { sessionStillOpen, startSession } from '@/lib/server/accounts'
import { issueApiToken } from '@/lib/server/api-tokens'
import { listChildren } from '@/lib/server/children'
import { currentActor } from '@/lib/server/current-actor'
import { getPrisma, type Database } from '@/lib/server/database'
import { isDatabaseBusy } from '@/lib/server/errors'
import { settings } from '@/lib/settings'
import { freshDatabase } from '../support/database'
import { stringsIn } from '../support/elements'
import { FIXTURE_PASSWORD, makeChild, makePerson, makeWorld } from '../support/fixtures'
import { expectProblem } from '../support/http'

// the browser's session, as Auth.js would read it from the cookie (the rest of the session check is Haven's own);
// the page below is given its signed-in person directly: on PGlite the session check would queue behind the held
// transaction (one connection), and on PostgreSQL it is tested on its own
const browser = vi.hoisted(() => ({ sid: undefined as string | undefined, actor: null as Actor | null }))
vi.mock('@/lib/server/next-auth', () => ({ auth: async () => (browser.sid ? { sid: browser.sid } : null) }))
vi.mock('@/lib/server/current-actor', async (original) => ({
  ...(await original<object>()),
  requireActor: async () => browser.actor,
}))

const postgres = inject('database').kind === 'postgres'
const limits = { ...settings.database }

let database: Database
let manager: Actor
let childName: string
beforeEach(async () => {
  // a pool of one connection, so that one long transaction holds all of it; short waits, so the test is quick
  Object.assign(settings.database, { poolSize: 1, acquireTimeoutMs: 300, transactionMaxWaitMs: 300 })
  database = await freshDatabase()
  const world = await makeWorld()
  manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Overload Manager')
  childName = (await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })).firstName
  browser.sid = (await startSession(manager.userId, { ip: null })).id
  browser.actor = manager
})
afterEach(() => void Object.assign(settings.database, limits))

/** Another request's transaction that holds the database's connection (the pool's only one) until released. */
function holdTheConnection() {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let started!: () => void
  const holding = new Promise<void>((resolve) => (started = resolve))
  const done = database.prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1`
      started()
      await released
    },
    { timeout: 60_000, maxWait: 10_000 },
  )
  return { holding, release: async () => (release(), await done) }
}

/** How long a call took to be refused, and what it was refused with. */
async function refused(call: () => Promise<unknown>) {
  const started = performance.now()
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  )
  return { error, ms: performance.now() - started }
}

// PGlite has no pool: one connection in the server's own process, on which queries queue (a transaction that cannot
// start within HAVEN_TRANSACTION_MAX_WAIT_MS is already refused, tested below and in busy.test.ts)
describe.runIf(postgres)('a pool with no connection free (PostgreSQL)', () => {
  it('refuses a read outside a transaction as busy instead of waiting, then answers once a connection is free', async () => {
    const { token } = await issueApiToken({ email: manager.email, password: FIXTURE_PASSWORD, ip: null })
    const prisma = await getPrisma()
    const request = () =>
      listRoute(new Request('http://127.0.0.1/api/v1/children', { headers: { Authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({}),
      })

    const hold = holdTheConnection()
    await hold.holding
    try {
      // a plain query: node-postgres' own timeout, in the pool's words
      const direct = await refused(() => prisma.user.findMany())
      expect(isDatabaseBusy(direct.error)).toBe(true)
      expect(direct.ms).toBeLessThan(5000)
      // the API: the bearer token's check (outside a transaction) cannot get a connection
      const response = await request()
      const body = await expectProblem(response, 503)
      expect(body.detail).toBe('Haven is busy, try again in a moment; nothing was saved.')
      expect(Number(response.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
      // the browser's session check, which every page makes first
      const session = await refused(() => currentActor())
      expect(session.error).toMatchObject({ digest: BUSY_DIGEST })
      // and Auth.js's check of the cookie does not take "busy" for "signed out" (it would drop the session)
      expect(await sessionStillOpen(browser.sid!)).toBe(true)
    } finally {
      await hold.release()
    }

    const again = await request()
    expect(again.status).toBe(200)
    expect((await again.json()).children.map((c: { firstName: string }) => c.firstName)).toEqual([childName])
    expect(await currentActor()).toMatchObject({ userId: manager.userId })
    expect(await sessionStillOpen(browser.sid!)).toBe(true)
    expect(await sessionStillOpen('no-such-session')).toBe(false)
  })
})

describe('a page that cannot be read because the database is busy', () => {
  it('throws the busy digest for the error page, and shows the page once the database is free', async () => {
    const page = async () => ChildrenPage({ searchParams: Promise.resolve({}) })
    const hold = holdTheConnection()
    await hold.holding
    try {
      const { error, ms } = await refused(page)
      expect(error).toMatchObject({ digest: BUSY_DIGEST, message: 'Haven is busy, try again in a moment.' })
      expect(ms).toBeLessThan(5000)
      // a form's action gets the same error, which runAction turns into the message above the answers
      expect(isDatabaseBusy(await refused(() => listChildren(manager, {})).then((r) => r.error))).toBe(true)
    } finally {
      await hold.release()
    }
    expect(stringsIn(await page()).join(' ')).toContain(childName)
  })
})
