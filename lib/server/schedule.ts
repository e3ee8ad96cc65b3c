// Scheduled jobs run once per interval across every server and dispatcher on one database: each interval is a slot
// (time divided by the interval), and the first process to claim a job's slot runs it; the others skip it. The claim
// is one INSERT ... ON CONFLICT DO UPDATE, which PostgreSQL (and PGlite) apply to the row one at a time. A claim
// carries a lease, so a process that died in the middle of a run does not block the job beyond it.
import { randomUUID } from 'node:crypto'
import os from 'node:os'
import { Prisma } from '@/lib/generated/prisma/client'
import { getPrisma } from './database'
import { log } from './log'

export type ScheduledJob = { name: string; run: (now: Date) => Promise<unknown> }

/** Names a dispatcher in the ScheduledRun table: which machine and process holds a run, for whoever reads it. */
export const newHolder = () => `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`

export const slotOf = (now: Date, everyMs: number) => BigInt(Math.floor(now.getTime() / everyMs))

/** Claims this interval's run of a job for `holder`; false when another process claimed it already (or is still
 *  running the last one within its lease). */
export async function claimRun(job: string, holder: string, everyMs: number, leaseMs: number, now = new Date()) {
  const prisma = await getPrisma()
  const slot = slotOf(now, everyMs)
  const leaseUntil = new Date(now.getTime() + leaseMs)
  const claimed = await prisma.$queryRaw<{ job: string }[]>(Prisma.sql`
    INSERT INTO "ScheduledRun" (job, slot, holder, "leaseUntil", "startedAt", runs)
    VALUES (${job}, ${slot}, ${holder}, ${leaseUntil}, ${now}, 1)
    ON CONFLICT (job) DO UPDATE SET slot = EXCLUDED.slot, holder = EXCLUDED.holder,
      "leaseUntil" = EXCLUDED."leaseUntil", "startedAt" = EXCLUDED."startedAt", "finishedAt" = NULL,
      runs = "ScheduledRun".runs + 1
    WHERE "ScheduledRun".slot < EXCLUDED.slot
      AND ("ScheduledRun"."leaseUntil" IS NULL OR "ScheduledRun"."leaseUntil" < ${now})
    RETURNING job`)
  return claimed.length === 1
}

/** Ends a run this holder claimed, so the next interval's claim need not wait for the lease. */
export async function finishRun(job: string, holder: string, now = new Date()) {
  const prisma = await getPrisma()
  await prisma.scheduledRun.updateMany({
    where: { job, holder },
    data: { holder: null, leaseUntil: null, finishedAt: now },
  })
}

/** Runs each job whose slot this holder claims now, one after another; stops between jobs when asked to. Errors are
 *  logged, and the run is over: the next interval tries again. */
export async function runScheduledJobs(
  jobs: ScheduledJob[],
  holder: string,
  everyMs: number,
  leaseMs: number,
  stopping: () => boolean = () => false,
) {
  for (const job of jobs) {
    if (stopping()) return
    const now = new Date()
    if (!(await claimRun(job.name, holder, everyMs, leaseMs, now))) continue
    try {
      await job.run(now)
    } catch (e) {
      log.error({ event: 'scheduled-run', job: job.name, err: e }, `Haven scheduled run ${job.name} failed`)
    } finally {
      await finishRun(job.name, holder)
    }
  }
}
