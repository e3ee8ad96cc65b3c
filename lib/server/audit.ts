// Writing and verifying the audit trail. Every use case calls recordAudit inside its own transaction, last,
// so the event exists exactly when the change (or the read) does.
import { auditHash, firstBrokenEvent, GENESIS_HASH, type StoredAuditEvent } from '@/lib/domain/audit'
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
  'child.list': { count: number; search?: string }
  'child.create': { placementId: string }
  'placement.start': { endedPlacementId?: string }
  'placement.end': { endDate: string; endReason: string }
  'auth.sign-in': { via: 'browser' | 'api' }
  'auth.sign-out': Record<string, never>
  'session.revoke': { sessionId: string }
  'token.create': { expiresAt: string }
  'token.revoke': Record<string, never>
  'user.create': { roles: string[] }
  'user.role-add': { role: string; organisationId: string | null }
  'user.role-remove': { role: string; organisationId: string | null }
  'user.deactivate': Record<string, never>
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
  'cse.screen': { screeningId: string; level: string }
  'plan.write': { planId: string; version: number }
  'plan.signoff': { planId: string; version: number }
  'reg40.notice': { taskId: string; noticeId: string }
  'reg40.complete': { taskId: string }
  'notification.read': Record<string, never>
  'alert.list': { count: number }
  'alert.read': Record<string, never>
  'export.ssda903': { year: number; children: number; failures: number }
  'report.ofsted-home': { from: string; to: string; homes: number }
  'report.annex-a': { children: number }
  'report.missing': { from: string; to: string; home?: string; authority?: string; ageBand?: string; sex?: string; episodes: number }
  'alert.acknowledge': Record<string, never>
  'alert.decision': { decisionId: string; bringForward: boolean }
  'alert.resolve': { reason: string }
  'placement.area-notice': { field: string }
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
}
export type AuditAction = keyof AuditPayloads

// One writer at a time extends the chain: a transaction-scoped advisory lock, released at commit or rollback.
const AUDIT_LOCK_KEY = 7_470_001

export async function recordAudit<A extends AuditAction>(
  tx: Tx,
  event: {
    actorId: string | null
    action: A
    subjectType: string
    subjectId: string
    childId?: string | null
    details: AuditPayloads[A]
    at?: Date
  },
) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY}::bigint)`
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } })
  const content = {
    at: event.at ?? new Date(),
    actorId: event.actorId,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    childId: event.childId ?? null,
    details: event.details,
  }
  const prevHash = last?.hash ?? GENESIS_HASH
  await tx.auditEvent.create({
    data: { ...content, details: content.details as object, prevHash, hash: auditHash(prevHash, content) },
  })
}

/** Checks the whole chain in order; names the first event that does not fit. */
export async function verifyAuditChain(prisma: PrismaClient) {
  let prevHash = GENESIS_HASH
  let after = -1n
  let checked = 0
  for (;;) {
    const batch = await prisma.auditEvent.findMany({ where: { seq: { gt: after } }, orderBy: { seq: 'asc' }, take: 5000 })
    if (batch.length === 0) return { ok: true as const, checked }
    const broken = firstBrokenEvent(batch as StoredAuditEvent[], prevHash)
    if (broken) return { ok: false as const, checked, brokenSeq: broken.seq, reason: broken.reason }
    checked += batch.length
    prevHash = batch[batch.length - 1].hash
    after = batch[batch.length - 1].seq
  }
}

/** The verify use case for administrators (the command line calls verifyAuditChain directly). */
export async function verifyAudit(actor: Actor) {
  if (!can(actor, 'audit.verify')) throw new ForbiddenError('Only a system administrator can verify the audit trail.')
  return verifyAuditChain(await getPrisma())
}
