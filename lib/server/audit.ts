// Writing, chaining and verifying the audit trail. Every use case calls recordAudit inside its own transaction, so
// the event exists exactly when the change (or the read) does; the hash chain is built just behind (chainAuditEvents).
import { auditHash, firstBrokenLink, GENESIS_HASH } from '@/lib/domain/audit'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { can } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { getPrisma, type Tx } from './database'
import { ForbiddenError } from './errors'
import { requestId } from './request-context'
import { detailsSchema, type AuditAction, type AuditPayloads } from './audit-events'

// What each event carries: zod schemas, one line per action, in audit-events.ts (read back with readAuditEvent).
export { readAuditEvent, type AuditAction, type AuditEvent, type AuditPayloads } from './audit-events'

/**
 * Appends an event in the caller's transaction, so it exists exactly when the change (or the read) does. No lock and
 * no read of the chain: the chainer links it once the transaction is over (chainAuditEvents), so audited requests
 * never wait for each other. Events carry ids and codes, never a child's name, search words or anything written about a
 * child.
 */
export async function recordAudit<A extends AuditAction>(
  tx: Tx,
  event: {
    actorId: string | null
    action: A
    subjectType: string
    subjectId: string
    childId?: string | null
    /** every child a read of many children covered (each listed child, each child in a report or export) */
    childIds?: string[]
    details: AuditPayloads[A]
    at?: Date
  },
) {
  // what the type allows is checked again at run time: a spread or a cast could carry a name or free text in
  const checked = detailsSchema(event.action).safeParse(event.details)
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')
    throw new Error(`Audit event ${event.action}: ${problems}`)
  }
  await tx.auditEvent.create({
    data: {
      at: event.at ?? new Date(),
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      childId: event.childId ?? null,
      childIds: event.childIds ? [...new Set(event.childIds)] : [],
      details: event.details,
      // the request that wrote it, to find its log lines; null for scheduled jobs and the dispatcher
      requestId: await requestId(),
    },
  })
}

// One chainer at a time, on any number of servers: the others skip their turn.
const CHAIN_LOCK_KEY = 7_470_001
const CHAIN_BATCH = 2000

/**
 * Links every audit event whose transaction is over to the chain, in the order they were written (seq). An event
 * whose transaction could still be running (its xid not below the oldest running transaction's) waits for the next
 * run, so a late commit can never slip in behind a link already made. Runs with the dispatcher, and before a verify.
 * Returns how many events it linked.
 */
export async function chainAuditEvents(prisma?: PrismaClient): Promise<number> {
  const db = prisma ?? (await getPrisma())
  return db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(${CHAIN_LOCK_KEY}::bigint) AS locked`
      if (!locked) return 0
      const [{ horizon }] = await tx.$queryRaw<
        { horizon: bigint }[]
      >`SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon`
      const last = await tx.auditChainLink.findFirst({ orderBy: { position: 'desc' } })
      // every event of a transaction below the last run's horizon is linked already; a horizon above today's means
      // the database was restored into a new cluster whose transaction ids start lower: look from the beginning (the
      // link check below, not the floor, is what keeps an event from being linked twice)
      const floor = last && last.horizonXid <= horizon ? last.horizonXid : 0n
      let position = last?.position ?? 0n
      let prevHash = last?.hash ?? GENESIS_HASH
      let linked = 0
      for (;;) {
        const events = await tx.auditEvent.findMany({
          where: { xid: { gte: floor, lt: horizon }, link: { is: null } },
          orderBy: { seq: 'asc' },
          take: CHAIN_BATCH,
        })
        if (events.length === 0) return linked
        const links = events.map((event) => {
          const hash = auditHash(prevHash, event)
          const link = { position: ++position, eventSeq: event.seq, prevHash, hash, horizonXid: horizon }
          prevHash = hash
          return link
        })
        await tx.auditChainLink.createMany({ data: links })
        linked += links.length
      }
    },
    { timeout: 60_000 },
  )
}

/** Links what is ready, then checks the whole chain in order; names the first event that does not fit, or an event
 * left out of it. */
export async function verifyAuditChain(prisma: PrismaClient) {
  await chainAuditEvents(prisma)
  let previous = { hash: GENESIS_HASH, position: 0n }
  let checked = 0
  for (;;) {
    const batch = await prisma.auditChainLink.findMany({
      where: { position: { gt: previous.position } },
      orderBy: { position: 'asc' },
      take: 5000,
      include: { event: true },
    })
    if (batch.length === 0) break
    const broken = firstBrokenLink(batch, previous)
    if (broken) return { ok: false as const, checked, brokenSeq: broken.seq, reason: broken.reason }
    checked += batch.length
    const last = batch[batch.length - 1]
    previous = { hash: last.hash, position: last.position }
  }
  // every finished transaction's events are linked now; one that is not was slipped in behind the chainer's back
  const [{ horizon }] = await prisma.$queryRaw<
    { horizon: bigint }[]
  >`SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon`
  const outside = await prisma.auditEvent.findFirst({
    where: { link: { is: null }, xid: { lt: horizon } },
    orderBy: { seq: 'asc' },
    select: { seq: true },
  })
  if (outside)
    return {
      ok: false as const,
      checked,
      brokenSeq: outside.seq,
      reason: 'it is not in the chain: it was inserted without going through Haven',
    }
  return { ok: true as const, checked }
}

/** The verify use case for administrators (the command line calls verifyAuditChain directly). */
export async function verifyAudit(actor: Actor) {
  if (!can(actor, 'audit.verify')) throw new ForbiddenError('Only a system administrator can verify the audit trail.')
  return verifyAuditChain(await getPrisma())
}

const ALERT_CHANGES = {
  opened: 'system.alert-open',
  reopened: 'system.alert-reopen',
  withdrawn: 'system.alert-withdraw',
  escalated: 'system.alert-escalate',
} as const

/**
 * A scheduled job's audit events for the alerts it changed, as a person's would be: one per alert event of these kinds
 * that this transaction wrote (its rows carry this transaction's id), with no actor and the job named.
 */
export async function auditAlertChanges(tx: Tx, job: string, kinds: (keyof typeof ALERT_CHANGES)[], at: Date) {
  type Change = { alertId: string; kind: keyof typeof ALERT_CHANGES; rule: string; childIds: string[] }
  const changes = await tx.$queryRaw<Change[]>`
    SELECT e."alertId", e.kind, a.rule, a."childIds" FROM "AlertEvent" e JOIN "Alert" a ON a.id = e."alertId"
    WHERE e.kind = ANY(${kinds}) AND e.xmin::text::bigint = txid_current() % 4294967296
    ORDER BY e."alertId", e.kind`
  for (const c of changes) {
    const action = ALERT_CHANGES[c.kind]
    const subject = { subjectType: 'alert', subjectId: c.alertId, childIds: c.childIds }
    await recordAudit(tx, { actorId: null, action, ...subject, details: { job, rule: c.rule }, at })
  }
  return changes.length
}
