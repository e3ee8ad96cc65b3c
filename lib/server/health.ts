// Liveness and readiness for a load balancer and a monitor (GET /api/health, GET /api/ready). Nothing about children:
// only whether the server is stopping, whether the database answers, which migrations are not applied, and how far
// behind the e-mail dispatcher is.
import { Prisma } from '@/lib/generated/prisma/client'
import { settings } from '@/lib/settings'
import { getPrisma, type Tx } from './database'
import { migrationNames } from './migrations'
import { log } from './log'
import { isShuttingDown } from './shutdown'

const DATABASE_TIMEOUT_MS = 10_000 // a guard against a server that never answers, not a latency target

type Check = { ok: boolean; detail: string }
export type Readiness = {
  status: 'ready' | 'not ready'
  checks: {
    server: Check
    database: Check
    migrations: Check & { pending: string[] }
    dispatcher: Check & { lagSeconds: number | null; maxLagSeconds: number }
  }
}

/** Seconds since the oldest e-mail that is due (waiting, not backing off after a failure) became due; 0 if none. */
export async function dispatcherLagSeconds(db: Tx, now: Date) {
  const [row] = await db.$queryRaw<{ due: Date | null }[]>(Prisma.sql`
    SELECT min("nextAttemptAt") AS due FROM "NotificationDelivery"
    WHERE channel = 'EMAIL' AND status IN ('PENDING', 'SENDING') AND "nextAttemptAt" <= ${now}`)
  return row.due ? Math.max(0, Math.floor((now.getTime() - new Date(row.due).getTime()) / 1000)) : 0
}

/** The migrations in the folder that the database has not finished applying. */
async function pendingMigrations(db: Tx) {
  const [{ exists }] = await db.$queryRaw<{ exists: boolean }[]>(
    Prisma.sql`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`,
  )
  const applied = exists
    ? await db.$queryRaw<{ name: string }[]>(
        Prisma.sql`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
    : []
  const done = new Set(applied.map((m) => m.name))
  return migrationNames().filter((name) => !done.has(name))
}

function withTimeout<T>(promise: Promise<T>, ms: number) {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  )
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Not ready, and why: the server is stopping, or the database did not answer (the other checks not made). */
function notReady(server: Check, database: Check, maxLagSeconds: number): Readiness {
  const unknown = `Not checked: ${server.ok ? 'the database did not answer' : 'this server is stopping'}.`
  return {
    status: 'not ready',
    checks: {
      server,
      database,
      migrations: { ok: false, pending: [], detail: unknown },
      dispatcher: { ok: false, lagSeconds: null, maxLagSeconds, detail: unknown },
    },
  }
}

export async function readiness(now = new Date()): Promise<Readiness> {
  const maxLagSeconds = settings.service.readyMaxDispatchLagSeconds
  // a server finishing its last requests (SIGTERM) says so, so that the load balancer sends it no more
  if (isShuttingDown())
    return notReady(
      { ok: false, detail: 'This server is stopping: it finishes the requests it has and takes no more.' },
      { ok: false, detail: 'Not checked: this server is stopping.' },
      maxLagSeconds,
    )
  const server = { ok: true, detail: 'This server is running.' }
  try {
    const db = await withTimeout(getPrisma(), DATABASE_TIMEOUT_MS)
    const [pending, lagSeconds] = await withTimeout(
      (async () => [await pendingMigrations(db), await dispatcherLagSeconds(db, now)] as const)(),
      DATABASE_TIMEOUT_MS,
    )
    const checks: Readiness['checks'] = {
      server,
      database: { ok: true, detail: 'The database answers.' },
      migrations: pending.length
        ? {
            ok: false,
            pending,
            detail: `${pending.length} migration(s) in the folder are not applied: restart Haven or run npm run db -- migrate.`,
          }
        : { ok: true, pending, detail: 'Every migration is applied.' },
      dispatcher:
        lagSeconds > maxLagSeconds
          ? {
              ok: false,
              lagSeconds,
              maxLagSeconds,
              detail: `An e-mail due ${lagSeconds} s ago has not been sent: is a dispatcher running (HAVEN_DISPATCHER, npm run dispatcher)?`,
            }
          : { ok: true, lagSeconds, maxLagSeconds, detail: 'The dispatcher is keeping up.' },
    }
    return { status: Object.values(checks).every((c) => c.ok) ? 'ready' : 'not ready', checks }
  } catch (e) {
    log.error({ event: 'readiness', err: e }, 'Haven readiness: the database did not answer') // details stay in the log
    return notReady(server, { ok: false, detail: 'The database did not answer.' }, maxLagSeconds)
  }
}
