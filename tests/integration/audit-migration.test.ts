// The audit chain's move beside the events (migration audit_chain_behind_writers) keeps every existing event's hash:
// a trail written the old way verifies after the migration, and new events chain on from it.
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { describe, expect, it } from 'vitest'
import { databaseBefore } from '../support/migrations'
import { auditHash, GENESIS_HASH } from '@/lib/domain/audit'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { recordAudit, verifyAuditChain } from '@/lib/server/audit'

const MOVE = '20261203155504_audit_chain_behind_writers'

describe('moving the audit chain beside the events', () => {
  it('keeps the chain written the old way intact, and new events chain on from it', async () => {
    const { pglite, finish } = await databaseBefore(MOVE)
    // three events as the old recordAudit wrote them: hash and prevHash on the event itself
    let prevHash = GENESIS_HASH
    for (let i = 1; i <= 3; i++) {
      const event = {
        at: new Date(Date.UTC(2026, 10, i)),
        actorId: 'u1',
        action: 'child.read',
        subjectType: 'child',
        subjectId: `c${i}`,
        childId: `c${i}`,
        details: { n: i },
      }
      const hash = auditHash(prevHash, event)
      await pglite.query(
        `INSERT INTO "AuditEvent" ("at", "actorId", "action", "subjectType", "subjectId", "childId", "details", "prevHash", "hash") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          event.at,
          event.actorId,
          event.action,
          event.subjectType,
          event.subjectId,
          event.childId,
          JSON.stringify(event.details),
          prevHash,
          hash,
        ],
      )
      prevHash = hash
    }
    await finish()

    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) })
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, checked: 3 })
    expect((await prisma.auditChainLink.findMany({ orderBy: { position: 'asc' } })).map((l) => l.hash).at(-1)).toBe(
      prevHash,
    )

    await prisma.$transaction((tx) =>
      recordAudit(tx, {
        actorId: 'u2',
        action: 'child.list',
        subjectType: 'child',
        subjectId: '*',
        childIds: ['c1', 'c2'],
        details: { count: 2, searched: false },
      }),
    )
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, checked: 4 })
    const fourth = await prisma.auditChainLink.findFirstOrThrow({ where: { position: 4n } })
    expect(fourth.prevHash).toBe(prevHash)
    await prisma.$disconnect()
    await pglite.close()
  }, 120_000)
})
