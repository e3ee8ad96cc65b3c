import { describe, expect, it } from 'vitest'
import { auditHash, canonicalJson, firstBrokenEvent, GENESIS_HASH, type StoredAuditEvent } from '@/lib/domain/audit'

function chain(count: number): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = []
  let prevHash = GENESIS_HASH
  for (let i = 1; i <= count; i++) {
    const content = { at: new Date(Date.UTC(2026, 0, i)), actorId: 'u1', action: 'child.read', subjectType: 'child', subjectId: `c${i}`, childId: `c${i}`, details: { n: i } }
    const hash = auditHash(prevHash, content)
    events.push({ ...content, seq: BigInt(i), prevHash, hash })
    prevHash = hash
  }
  return events
}

describe('the audit hash chain', () => {
  it('accepts an untouched chain', () => {
    expect(firstBrokenEvent(chain(5))).toBeNull()
  })
  it('names a changed event', () => {
    const events = chain(5)
    events[2] = { ...events[2], subjectId: 'someone-else' }
    expect(firstBrokenEvent(events)).toEqual({ seq: 3n, reason: expect.stringMatching(/content does not match/) })
  })
  it('names the event after a removed one', () => {
    const events = chain(5)
    events.splice(1, 1)
    expect(firstBrokenEvent(events)?.seq).toBe(3n)
  })
  it('catches an event rewritten with a fresh hash at the next link', () => {
    const events = chain(4)
    const forged = { ...events[1], details: { n: 99 } }
    forged.hash = auditHash(forged.prevHash, forged)
    events[1] = forged
    expect(firstBrokenEvent(events)?.seq).toBe(3n)
  })
  it('hashes the same content the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":2,"f":1}]},"b":1}')
  })
})
