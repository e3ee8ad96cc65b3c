// Several servers and dispatchers on one database: each scheduled job runs once per interval, a stopping dispatcher
// hands back what it claimed, and three servers starting together apply the migrations once.
import pg from 'pg'
import { describe, expect, inject, it } from 'vitest'
import { getPrisma, openDatabase } from '@/lib/server/database'
import { SCHEDULED_JOBS, deliverDue, startDispatcher } from '@/lib/server/dispatcher'
import { applyMigrations, migrationNames } from '@/lib/server/migrations'
import { notify } from '@/lib/server/notifications'
import { claimRun, slotOf } from '@/lib/server/schedule'
import { freshDatabase } from '../support/database'
import { makePerson } from '../support/fixtures'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('scheduled runs across several dispatchers', () => {
  it('runs each job once per interval, however many dispatchers tick', async () => {
    await freshDatabase()
    const everyMs = 1000
    const runs: { job: string; slot: bigint }[] = []
    // the real jobs, noting each run
    const jobs = SCHEDULED_JOBS.map((job) => ({
      name: job.name,
      run: async (now: Date) => {
        runs.push({ job: job.name, slot: slotOf(now, everyMs) })
        await job.run(now)
      },
    }))
    const started = Date.now()
    const stops = Array.from({ length: 4 }, () => startDispatcher({ intervalMs: 50, patternsEveryMs: everyMs, jobs }))
    await sleep(3500)
    await Promise.all(stops.map((stop) => stop()))
    const slots = Math.floor(Date.now() / everyMs) - Math.floor(started / everyMs) + 1
    for (const { name } of SCHEDULED_JOBS) {
      const mine = runs.filter((r) => r.job === name).map((r) => r.slot)
      expect(new Set(mine).size, name).toBe(mine.length) // never twice in one interval
      expect(mine.length, name).toBeGreaterThanOrEqual(2) // run again in later intervals (a busy machine skips some)
      expect(mine.length, name).toBeLessThanOrEqual(slots)
    }
    const rows = await (await getPrisma()).scheduledRun.findMany()
    expect(rows.map((r) => [r.job, r.runs]).sort()).toEqual(
      SCHEDULED_JOBS.map((job) => [job.name, runs.filter((r) => r.job === job.name).length]).sort(),
    )
    expect(rows.every((r) => r.holder === null && r.leaseUntil === null)).toBe(true) // released when stopped
  })

  it('waits for the lease of a run in progress, and takes over one whose holder died', async () => {
    await freshDatabase()
    const at = (ms: number) => new Date(Date.UTC(2026, 11, 3, 12, 0, 0, ms))
    expect(await claimRun('job', 'a', 1000, 5000, at(0))).toBe(true)
    expect(await claimRun('job', 'b', 1000, 5000, at(500))).toBe(false) // same interval
    expect(await claimRun('job', 'b', 1000, 5000, at(1500))).toBe(false) // next one, but a is still running
    expect(await claimRun('job', 'b', 1000, 5000, at(5500))).toBe(true) // a died: its lease ran out
  })

  it('a dispatcher told to stop hands back the messages it claimed and has not sent', async () => {
    await freshDatabase()
    const iro = await makePerson([{ role: 'IRO' }], 'Stop IRO')
    const prisma = await getPrisma()
    await prisma.$transaction((tx) =>
      notify(
        tx,
        [1, 2].map((n) => ({ recipientId: iro.userId, kind: 'x', title: `T${n}`, body: 'x', link: '/x' })),
      ),
    )
    process.env.HAVEN_SMTP_URL = 'smtp://127.0.0.1:1' // never reached: stopping comes first
    try {
      expect(await deliverDue(new Date(), 2, () => true)).toEqual({ sent: 0, failed: 0, skipped: 0 })
    } finally {
      delete process.env.HAVEN_SMTP_URL
    }
    const deliveries = await prisma.notificationDelivery.findMany()
    expect(deliveries.length).toBeGreaterThan(0)
    for (const d of deliveries) expect([d.status, d.attempts, d.lockedUntil]).toEqual(['PENDING', 0, null])
  })
})

describe.runIf(inject('database').kind === 'postgres')('three servers starting together', () => {
  it('apply the migrations once', async () => {
    const source = inject('database') as { url: string }
    const name = `haven_three_${process.pid}`
    const admin = new pg.Client({ connectionString: source.url })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    const url = new URL(source.url)
    url.pathname = '/' + name
    const servers = await Promise.all([1, 2, 3].map(() => openDatabase({ url: url.toString() })))
    try {
      const applied = await Promise.all(servers.map((server) => applyMigrations(server)))
      expect(applied.map((names) => names.length).sort()).toEqual([0, 0, migrationNames().length])
      const rows = await servers[0].prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM _prisma_migrations`
      expect(Number(rows[0].n)).toBe(migrationNames().length)
    } finally {
      for (const server of servers) await server.close()
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  }, 120_000)
})
