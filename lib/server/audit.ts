// Writing, chaining and verifying the audit trail. Every use case calls recordAudit inside its own transaction, so
// the event exists exactly when the change (or the read) does; the hash chain is built just behind (chainAuditEvents).
import { auditHash, firstBrokenLink, GENESIS_HASH } from '@/lib/domain/audit'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { can } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { getPrisma, type Tx } from './database'
import { ForbiddenError } from './errors'

/** The events Haven records, with what each carries. */
export type AuditPayloads = {
  'child.read': Record<string, never>
  'child.read-denied': Record<string, never>
  'child.chronology': Record<string, never>
  'child.list': { count: number; searched: boolean }
  'child.create': { placementId: string }
  'placement.start': { endedPlacementId?: string }
  'placement.end': { endDate: string; endReason: string }
  'auth.sign-in': { via: 'browser' | 'api' }
  'auth.sign-out': Record<string, never>
  'session.revoke': { sessionId: string }
  'token.create': { expiresAt: string }
  'token.revoke': Record<string, never>
  'user.create': { roles: string[] }
  'user.role-add': { role: string; organisationId: string | null; reason?: string | null; requestId?: string; requestedById?: string; approvedById?: string }
  'user.role-request': { requestId: string; role: string; organisationId: string | null; reason: string }
  'report.role-grants': { from: string; to: string; rows: number }
  'user.role-refuse': { requestId: string; role: string; organisationId: string | null; reason: string }
  'user.role-remove': { role: string; organisationId: string | null }
  'user.deactivate': { successorId?: string | null; children?: number }
  'user.hand-over': { successorId: string; children: number }
  'child.reallocate': { role: 'IRO' | 'SOCIAL_WORKER'; fromUserId: string; toUserId: string }
  'user.reactivate': Record<string, never>
  'user.password-set': { via: 'change' | 'reset' | 'invitation' }
  'user.password-link': { purpose: 'RESET' | 'INVITATION'; linkId: string; forced: boolean }
  'demo.load': { children: number; users: number }
  'episode.report': { homeId: string | null; wentWithEpisodeId?: string }
  'episode.read': Record<string, never>
  'episode.list': { count: number }
  'episode.update': { updateId: string; kind: string }
  'episode.return': { returnedAt: string }
  'episode.amend': { field: string; amendmentId: string }
  'episode.close': Record<string, never>
  'episode.link': { otherEpisodeId: string }
  'place.merge': { mergedId: string }
  'place.list': { places: number; people: number; vehicles: number }
  'grabpack.read': { version: number | null }
  'grabpack.save': { version: number; photoId: string | null }
  'grabpack.photo-read': { photoId: string }
  'grabpack.share': { shareId: string; policeForce: string }
  'interview.read': { concernsShown: boolean }
  'interview.list': { count: number; status: string }
  'interview.offer': Record<string, never>
  'interview.outcome': { outcome: string }
  'interview.amend': { field: string; amendmentId: string }
  'interview.follow-up': { kind: string; followUpId: string }
  'interview.police-sharing': { sharingId: string; basis: string }
  'interview.prevention': { status: string }
  'authority.configure': { returnInterviewService: string | null }
  'cse.read': Record<string, never>
  'cse.flags': { count: number }
  'review.read': Record<string, never>
  'review.record': { reviewId: string; heldOn: string }
  'care.period-start': { from: string; to: string }
  'cse.screen': { screeningId: string; level: string }
  'plan.write': { planId: string; version: number }
  'plan.signoff': { planId: string; version: number }
  // Regulation 40 tasks, before notifiable events replaced them: kept so the events already written still type-check
  'reg40.notice': { taskId: string; noticeId: string }
  'reg40.complete': { taskId: string }
  'reg40.list': { count: number }
  'reg40.overdue': { count: number }
  'reg40.record': { eventId: string; kind: string; decision: string | null }
  'reg40.propose': { eventId: string; kind: string; from: string }
  'reg40.decide': { eventId: string; decision: string }
  'reg40.notified': { eventId: string; noticeId: string; recipient: string }
  'notification.read': Record<string, never>
  'alert.list': { count: number }
  'alert.read': Record<string, never>
  'export.ssda903': { year: number; children: number; failures: number }
  'report.ofsted-home': { from: string; to: string; homes: number }
  'report.annex-a': { children: number }
  'report.missing': { from: string; to: string; home?: string; authority?: string; ageBand?: string; sex?: string; episodes: number }
  'alert.acknowledge': Record<string, never>
  'alert.decision': { decisionId: string; bringForward: boolean }
  'alert.resolve': Record<string, never>
  'placement.area-notice': { field: string }
  'placement.reg41-notice': { kind: 'ADMISSION' | 'DISCHARGE'; noticeId: string }
  'oversight.read': { month: string }
  'oversight.overview': { homes: number; months: number }
  'oversight.register': { independentPersonId: string; independent: boolean }
  'oversight.people': { count: number } | { independentPersonId: string }
  'oversight.register-end': { independentPersonId: string; endedOn: string }
  'reg44.record': { visitId: string; independent: boolean; actions: number; reportId: string | null }
  'reg44.read': Record<string, never>
  'reg44.amend': { field: string; amendmentId: string }
  'reg44.list': { count: number }
  'reg44.report': { reportId: string; file: boolean }
  'reg44.report-event': { eventId: string; kind: string }
  'reg44.report-file': { reportId: string }
  'oversight.action': { actionId: string }
  'oversight.response': { responseId: string; completed: boolean }
  'reg45.record': { reviewId: string }
  'reg46.record': { assessmentId: string; recurringPlaces: number }
  'reg46.read': { assessments: number }
  'oversight.location-share': { shareId: string }
  'visitor.checklist': { month: string; children: number }
  'oversight.flag': { month: string; kind: string }
  'dispatcher.retry': { previousAttempts: number }
}
export type AuditAction = keyof AuditPayloads

/**
 * Appends an event in the caller's transaction, so it exists exactly when the change (or the read) does. No lock and
 * no read of the chain: the chainer links it once the transaction is over (chainAuditEvents), so audited requests
 * never wait for each other. Events carry ids and codes, never a child's name, search words or anything written about a child.
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
  await tx.auditEvent.create({
    data: {
      at: event.at ?? new Date(),
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      childId: event.childId ?? null,
      childIds: event.childIds ? [...new Set(event.childIds)] : [],
      details: event.details as object,
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
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${CHAIN_LOCK_KEY}::bigint) AS locked`
      if (!locked) return 0
      const [{ horizon }] = await tx.$queryRaw<{ horizon: bigint }[]>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon`
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
  const [{ horizon }] = await prisma.$queryRaw<{ horizon: bigint }[]>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon`
  const outside = await prisma.auditEvent.findFirst({ where: { link: { is: null }, xid: { lt: horizon } }, orderBy: { seq: 'asc' }, select: { seq: true } })
  if (outside) return { ok: false as const, checked, brokenSeq: outside.seq, reason: 'it is not in the chain: it was inserted without going through Haven' }
  return { ok: true as const, checked }
}

/** The verify use case for administrators (the command line calls verifyAuditChain directly). */
export async function verifyAudit(actor: Actor) {
  if (!can(actor, 'audit.verify')) throw new ForbiddenError('Only a system administrator can verify the audit trail.')
  return verifyAuditChain(await getPrisma())
}
