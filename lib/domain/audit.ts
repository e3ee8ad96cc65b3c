// The audit trail's hash chain (DESIGN.md "Records that cannot be changed after the event"): each event's hash
// covers its content and the previous event's hash, so a changed, inserted or removed event breaks the chain.
import { createHash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

export type AuditContent = {
  at: Date
  actorId: string | null
  action: string
  subjectType: string
  subjectId: string
  childId: string | null
  details: unknown
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
  const { at, actorId, action, subjectType, subjectId, childId, details } = event // exactly these fields, nothing else
  const content = canonicalJson({ at: at.toISOString(), actorId, action, subjectType, subjectId, childId, details, prevHash })
  return createHash('sha256').update(content).digest('hex')
}

export type StoredAuditEvent = AuditContent & { seq: bigint; prevHash: string; hash: string }

/** Walks events in order; returns the first one that does not fit the chain, and why. */
export function firstBrokenEvent(
  events: Iterable<StoredAuditEvent>,
  previousHash = GENESIS_HASH,
): { seq: bigint; reason: string } | null {
  let prev = previousHash
  for (const event of events) {
    if (event.prevHash !== prev)
      return { seq: event.seq, reason: 'it does not follow on from the event before it: an event was removed or inserted, or the one before it was changed' }
    if (auditHash(event.prevHash, event) !== event.hash)
      return { seq: event.seq, reason: 'its content does not match its hash (it was changed after it was written)' }
    prev = event.hash
  }
  return null
}
