// The audit trail's hash chain (records about children must not be alterable after the event): each link's hash
// covers its event's content and the previous link's hash, so a changed, inserted or removed event breaks the chain.
// Links are numbered without gaps, so a removed link shows too.
import { createHash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

export type AuditContent = {
  at: Date
  actorId: string | null
  action: string
  subjectType: string
  subjectId: string
  childId: string | null
  /** the children a read of many covered; hashed only when there are some, so older events keep their hashes */
  childIds?: string[] | null
  details: unknown
  /** the request that wrote it; hashed only when there is one, so older events (and jobs' events) keep their hashes */
  requestId?: string | null
}

/** JSON with object keys sorted, so the same content always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export function auditHash(prevHash: string, event: AuditContent): string {
  const { at, actorId, action, subjectType, subjectId, childId, childIds, details, requestId } = event // exactly these
  const content = canonicalJson({
    at: at.toISOString(),
    actorId,
    action,
    subjectType,
    subjectId,
    childId,
    childIds: childIds?.length ? childIds : undefined,
    details,
    requestId: requestId ?? undefined,
    prevHash,
  })
  return createHash('sha256').update(content).digest('hex')
}

/** One link of the chain as stored, with its event (null if the event has gone). */
export type StoredAuditLink = {
  position: bigint
  eventSeq: bigint
  prevHash: string
  hash: string
  event: AuditContent | null
}

/** Walks links in order; returns the first one that does not fit the chain (by its event's seq), and why. */
export function firstBrokenLink(
  links: Iterable<StoredAuditLink>,
  previous: { hash: string; position: bigint } = { hash: GENESIS_HASH, position: 0n },
): { seq: bigint; reason: string } | null {
  let { hash: prev, position } = previous
  for (const link of links) {
    if (link.position !== position + 1n)
      return { seq: link.eventSeq, reason: 'the link before it is missing: an event and its link were removed' }
    if (!link.event) return { seq: link.eventSeq, reason: 'the event was removed' }
    if (link.prevHash !== prev)
      return {
        seq: link.eventSeq,
        reason:
          'it does not follow on from the event before it: an event was removed or inserted, or the one before it was changed',
      }
    if (auditHash(link.prevHash, link.event) !== link.hash)
      return { seq: link.eventSeq, reason: 'its content does not match its hash (it was changed after it was written)' }
    prev = link.hash
    position = link.position
  }
  return null
}
