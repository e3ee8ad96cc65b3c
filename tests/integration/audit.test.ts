import { beforeAll, describe, expect, it } from 'vitest'
import { auditHash } from '@/lib/domain/audit'
import { chainAuditEvents, recordAudit, verifyAuditChain } from '@/lib/server/audit'
import { createChild, getChild, listChildren } from '@/lib/server/children'
import { getPrisma, type Database } from '@/lib/server/database'
import { NotFoundError, ValidationError } from '@/lib/server/errors'
import { withRequestId } from '@/lib/server/request-context'
import { endPlacement } from '@/lib/server/placements'
import { newChildSchema } from '@/lib/validation/children'
import { freshDatabase } from '../support/database'
import { makeChild, makePerson, makeWorld, type World } from '../support/fixtures'

let database: Database
let world: World
beforeAll(async () => {
  database = await freshDatabase()
  world = await makeWorld()
})

describe('the audit trail', () => {
  it('records every read of a child, every refused read, every list and every write', async () => {
    const prisma = await getPrisma()
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Audit Manager')
    const mine = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    const theirs = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laTwo.id })
    await getChild(manager, mine.id)
    await expect(getChild(manager, theirs.id)).rejects.toThrow(NotFoundError)
    await listChildren(manager)
    await endPlacement(manager, mine.placements[0].id, { endDate: '2025-01-01', endReason: 'E4A' })
    const events = await prisma.auditEvent.findMany({ where: { actorId: manager.userId }, orderBy: { seq: 'asc' } })
    expect(events.map((e) => [e.action, e.subjectId])).toEqual([
      ['child.read', mine.id],
      ['child.read-denied', theirs.id],
      ['child.list', '*'],
      ['placement.end', mine.placements[0].id],
    ])
    expect(events[0].childId).toBe(mine.id)
    expect(events[1].childId).toBeNull() // a refused read does not link the event to the child
  })

  it('records nothing for a write that failed, and leaves no half-written record', async () => {
    const prisma = await getPrisma()
    const socialWorker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Audit SW')
    const before = {
      events: await prisma.auditEvent.count(),
      children: await prisma.child.count(),
      placements: await prisma.placement.count(),
    }
    const input = newChildSchema.parse({
      firstName: 'Nobody',
      lastName: 'Seen',
      dateOfBirth: '2012-01-01',
      sex: 'MALE',
      ethnicity: 'WBRI',
      disability: 'NOT_KNOWN',
      legalStatus: 'C2',
      // not their authority, and no social worker named: they could not see the child
      placingAuthorityId: world.laTwo.id,
      placement: { homeId: world.homeC.id, startDate: '2025-02-01', placeCode: 'K2', placeProvider: 'PR4' },
    })
    await expect(createChild(socialWorker, input)).rejects.toThrow(ValidationError)
    expect({
      events: await prisma.auditEvent.count(),
      children: await prisma.child.count(),
      placements: await prisma.placement.count(),
    }).toEqual(before)
  })

  it('refuses to be changed or deleted', async () => {
    const prisma = await getPrisma()
    const first = await prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: 'asc' } })
    await expect(
      prisma.auditEvent.update({ where: { seq: first.seq }, data: { action: 'child.list' } }),
    ).rejects.toThrow(/append-only/)
    await expect(prisma.auditEvent.delete({ where: { seq: first.seq } })).rejects.toThrow(/append-only/)
    // refused by the chain's foreign key before the trigger is even asked
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only|foreign key/)
    await chainAuditEvents(prisma)
    const link = await prisma.auditChainLink.findFirstOrThrow({ orderBy: { position: 'asc' } })
    await expect(
      prisma.auditChainLink.update({ where: { position: link.position }, data: { hash: 'x' } }),
    ).rejects.toThrow(/append-only/)
    await expect(prisma.auditChainLink.delete({ where: { position: link.position } })).rejects.toThrow(/append-only/)
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditChainLink"')).rejects.toThrow(/append-only/)
  })

  it('chains every event written at once from many connections, in order, with nothing left out', async () => {
    const prisma = await getPrisma()
    const before = await prisma.auditEvent.count()
    const writers = 20
    const perWriter = database.kind === 'postgres' ? 150 : 50 // 3,000 events from 20 connections on PostgreSQL
    let chainerRuns = 0
    let writing = true
    // the chainer runs again and again while the writers write, as the dispatcher does on every server
    const chainer = (async () => {
      while (writing) {
        await chainAuditEvents(prisma)
        chainerRuns++
      }
    })()
    await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        (async () => {
          for (let i = 0; i < perWriter; i++)
            await prisma.$transaction((tx) =>
              recordAudit(tx, {
                actorId: `writer-${w}`,
                action: 'alert.read',
                subjectType: 'alert',
                subjectId: `a${i}`,
                details: {},
              }),
            )
        })(),
      ),
    )
    writing = false
    await chainer
    expect(chainerRuns).toBeGreaterThan(1)
    const verified = await verifyAuditChain(prisma)
    expect(verified).toEqual({ ok: true, checked: before + writers * perWriter })
    expect(await prisma.auditEvent.count({ where: { link: { is: null } } })).toBe(0)
    // positions run 1..n without a gap, one link per event
    const links = await prisma.auditChainLink.aggregate({
      _min: { position: true },
      _max: { position: true },
      _count: true,
    })
    expect([links._min.position, links._max.position, links._count]).toEqual([
      1n,
      BigInt(before + writers * perWriter),
      before + writers * perWriter,
    ])
  }, 180_000)

  it('verifies, and names the first broken event after someone with database access tampers with it', async () => {
    const prisma = await getPrisma()
    const verified = await verifyAuditChain(prisma)
    expect(verified).toEqual({ ok: true, checked: await prisma.auditEvent.count() })

    const victim = (await prisma.auditEvent.findMany({ orderBy: { seq: 'asc' } }))[2]
    // a superuser can switch the guard off; the hash chain still catches the change
    await prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update')
    await prisma.$executeRaw`UPDATE "AuditEvent" SET "actorId" = 'someone-else' WHERE seq = ${victim.seq}`
    await prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update')
    expect(await verifyAuditChain(prisma)).toMatchObject({
      ok: false,
      brokenSeq: victim.seq,
      reason: expect.stringMatching(/changed/),
    })
    expect(database.kind).toMatch(/pglite|postgres/)
  })

  it('names a removed link, even when the event and link after it are intact', async () => {
    await freshDatabase() // the chain above was broken on purpose
    const prisma = await getPrisma()
    for (let i = 0; i < 6; i++)
      await prisma.$transaction((tx) =>
        recordAudit(tx, { actorId: 'u', action: 'alert.read', subjectType: 'alert', subjectId: `a${i}`, details: {} }),
      )
    expect((await verifyAuditChain(prisma)).ok).toBe(true)
    const victim = (await prisma.auditChainLink.findMany({ orderBy: { position: 'asc' }, take: 5 }))[3]
    await prisma.$executeRawUnsafe('ALTER TABLE "AuditChainLink" DISABLE TRIGGER audit_chain_no_update')
    await prisma.$executeRaw`DELETE FROM "AuditChainLink" WHERE position = ${victim.position}`
    await prisma.$executeRawUnsafe('ALTER TABLE "AuditChainLink" ENABLE TRIGGER audit_chain_no_update')
    const result = await verifyAuditChain(prisma)
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/link before it is missing/) })
  })
  it('keeps the request that wrote an event, and detects a changed request id', async () => {
    await freshDatabase()
    const prisma = await getPrisma()
    const write = (subjectId: string) =>
      prisma.$transaction((tx) =>
        recordAudit(tx, { actorId: 'u', action: 'alert.read', subjectType: 'alert', subjectId, details: {} }),
      )
    await withRequestId('req-1', () => write('asked'))
    await write('no request') // a scheduled job, a script
    await withRequestId('req-3', () => write('asked again'))
    const events = await prisma.auditEvent.findMany({ orderBy: { seq: 'asc' } })
    expect(events.map((e) => [e.subjectId, e.requestId])).toEqual([
      ['asked', 'req-1'],
      ['no request', null],
      ['asked again', 'req-3'],
    ])
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, checked: 3 })
    await prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update')
    await prisma.$executeRaw`UPDATE "AuditEvent" SET "requestId" = 'req-2' WHERE seq = ${events[0].seq}`
    await prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update')
    expect(await verifyAuditChain(prisma)).toMatchObject({
      ok: false,
      brokenSeq: events[0].seq,
      reason: expect.stringMatching(/changed/),
    })
  })
  it('goes on chaining after a restore into a new cluster, whose transaction ids start lower than the chain’s', async () => {
    await freshDatabase()
    const prisma = await getPrisma()
    await prisma.$transaction((tx) =>
      recordAudit(tx, { actorId: 'u', action: 'alert.read', subjectType: 'alert', subjectId: 'before', details: {} }),
    )
    await chainAuditEvents(prisma)
    // as if the chain had been built on a cluster far ahead in transaction ids (pg_dump restored elsewhere)
    const last = await prisma.auditChainLink.findFirstOrThrow({ orderBy: { position: 'desc' } })
    const event = await prisma.auditEvent.create({
      data: {
        at: new Date(),
        actorId: 'u',
        action: 'alert.read',
        subjectType: 'alert',
        subjectId: 'restored',
        details: {},
        xid: 10n ** 15n,
      },
    })
    await prisma.auditChainLink.create({
      data: {
        position: last.position + 1n,
        eventSeq: event.seq,
        prevHash: last.hash,
        hash: auditHash(last.hash, event),
        horizonXid: 10n ** 15n + 1n,
      },
    })
    await prisma.$transaction((tx) =>
      recordAudit(tx, { actorId: 'u', action: 'alert.read', subjectType: 'alert', subjectId: 'after', details: {} }),
    )
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, checked: 3 })
  })
})
