import { describe, expect, it } from 'vitest'
import { auditHash, canonicalJson, firstBrokenLink, GENESIS_HASH, type StoredAuditLink } from '@/lib/domain/audit'

function chain(count: number): StoredAuditLink[] {
  const links: StoredAuditLink[] = []
  let prevHash = GENESIS_HASH
  for (let i = 1; i <= count; i++) {
    const event = {
      at: new Date(Date.UTC(2026, 0, i)),
      actorId: 'u1',
      action: 'child.read',
      subjectType: 'child',
      subjectId: `c${i}`,
      childId: `c${i}`,
      details: { n: i },
    }
    const hash = auditHash(prevHash, event)
    links.push({ position: BigInt(i), eventSeq: BigInt(i * 10), prevHash, hash, event })
    prevHash = hash
  }
  return links
}

describe('the audit hash chain', () => {
  it('accepts an untouched chain', () => {
    expect(firstBrokenLink(chain(5))).toBeNull()
  })
  it('names a changed event', () => {
    const links = chain(5)
    links[2] = { ...links[2], event: { ...links[2].event!, subjectId: 'someone-else' } }
    expect(firstBrokenLink(links)).toEqual({ seq: 30n, reason: expect.stringMatching(/content does not match/) })
  })
  it('names a changed list of children', () => {
    const links = chain(3)
    const event = { ...links[1].event!, childIds: ['c1', 'c2'] }
    links[1] = { ...links[1], event, hash: auditHash(links[1].prevHash, event) }
    links[2] = { ...links[2], prevHash: links[1].hash, hash: auditHash(links[1].hash, links[2].event!) }
    expect(firstBrokenLink(links)).toBeNull()
    links[1] = { ...links[1], event: { ...event, childIds: ['c1'] } }
    expect(firstBrokenLink(links)?.seq).toBe(20n)
  })
  it('keeps the hash of an event without children as it was before children were listed', () => {
    const event = chain(1)[0].event!
    expect(auditHash(GENESIS_HASH, { ...event, childIds: [] })).toBe(auditHash(GENESIS_HASH, event))
  })
  it('hashes the request that wrote an event only when there is one, so older events keep their hashes', () => {
    const event = chain(1)[0].event!
    expect(auditHash(GENESIS_HASH, { ...event, requestId: null })).toBe(auditHash(GENESIS_HASH, event))
    const withId = auditHash(GENESIS_HASH, { ...event, requestId: 'r-1' })
    expect(withId).not.toBe(auditHash(GENESIS_HASH, event))
    expect(auditHash(GENESIS_HASH, { ...event, requestId: 'r-2' })).not.toBe(withId)
  })
  it('names the link after a removed one', () => {
    const links = chain(5)
    links.splice(1, 1)
    expect(firstBrokenLink(links)).toEqual({ seq: 30n, reason: expect.stringMatching(/missing/) })
  })
  it('names a link whose event was removed', () => {
    const links = chain(3)
    links[1] = { ...links[1], event: null }
    expect(firstBrokenLink(links)).toEqual({ seq: 20n, reason: 'the event was removed' })
  })
  it('catches an event rewritten with a fresh hash at the next link', () => {
    const links = chain(4)
    const event = { ...links[1].event!, details: { n: 99 } }
    links[1] = { ...links[1], event, hash: auditHash(links[1].prevHash, event) }
    expect(firstBrokenLink(links)?.seq).toBe(30n)
  })
  it('hashes the same content the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":2,"f":1}]},"b":1}',
    )
  })
})
