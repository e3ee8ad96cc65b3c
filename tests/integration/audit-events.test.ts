// Audit events have one schema per action (lib/server/audit-events.ts): checked when written, parsed when read, events
// written in older shapes still read; scheduled jobs write events as people do, with no actor and the job named.
import { beforeAll, describe, expect, it } from 'vitest'
import { readAuditEvent, recordAudit, verifyAuditChain } from '@/lib/server/audit'
import { getPrisma } from '@/lib/server/database'
import { flagMissedVisits } from '@/lib/server/oversight'
import { escalateUnacknowledged, recomputeAllPatterns } from '@/lib/server/patterns'
import { loadDemoData } from '@/prisma/demo-data'
import { freshDatabase } from '../support/database'

const NOW = new Date('2026-05-13T09:30:00Z')

beforeAll(async () => {
  await freshDatabase()
  await loadDemoData(NOW)
})

const stored = (action: string, details: object) => ({
  actorId: 'demo-user-admin',
  action,
  subjectType: 'test',
  subjectId: 's',
  details,
  at: NOW,
})

describe('audit events', () => {
  it('read back as what each action carries, including events written in an older shape', async () => {
    const prisma = await getPrisma()
    const rows = [
      stored('child.list', { count: 3, searched: true }),
      stored('child.list', { count: 3, search: 'words typed before 2026-12-03' }),
      stored('alert.resolve', {}),
      stored('alert.resolve', { reason: 'a reason typed before 2026-12-03' }),
      stored('user.password-set', {}),
      stored('oversight.flag', { month: '2026-01', kind: 'reg44-missed' }),
    ]
    for (const data of rows) {
      const row = await prisma.auditEvent.create({ data })
      expect(readAuditEvent(row)).toMatchObject({ action: data.action, details: data.details })
    }
  })

  it('refuses to read an event of an unknown action or with details that fit no shape of its action', async () => {
    const prisma = await getPrisma()
    const unknown = await prisma.auditEvent.create({ data: stored('child.telepathy', {}) })
    expect(() => readAuditEvent(unknown)).toThrow()
    const wrong = await prisma.auditEvent.create({ data: stored('child.list', { count: 'three' }) })
    expect(() => readAuditEvent(wrong)).toThrow()
  })

  it('refuses to write details that do not fit the action, so the change with it is rolled back', async () => {
    const prisma = await getPrisma()
    const before = await prisma.auditEvent.count()
    const write = prisma.$transaction((tx) =>
      recordAudit(tx, {
        actorId: 'demo-user-admin',
        action: 'child.list',
        subjectType: 'child',
        subjectId: '*',
        details: { count: 1 } as never,
      }),
    )
    await expect(write).rejects.toThrow(/child.list: searched/)
    expect(await prisma.auditEvent.count()).toBe(before)
  })

  it('are written by scheduled jobs too: alerts opened and escalated, homes flagged, with no actor', async () => {
    const prisma = await getPrisma()
    const since = (await prisma.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n
    const { opened } = await recomputeAllPatterns(NOW)
    const escalated = await escalateUnacknowledged(new Date(NOW.getTime() + 14 * 86_400_000))
    const flagged = await flagMissedVisits(NOW)
    expect(opened).toBeGreaterThan(0)
    expect(escalated).toBeGreaterThan(0)

    const rows = await prisma.auditEvent.findMany({ where: { seq: { gt: since } }, orderBy: { seq: 'asc' } })
    const events = rows.map(readAuditEvent)
    expect(rows.map((r) => r.requestId)).toEqual(rows.map(() => null)) // no request asked for them
    const of = (action: string) => events.filter((e) => e.action === action)
    expect(of('system.alert-open')).toHaveLength(opened)
    expect(of('system.alert-escalate')).toHaveLength(escalated)
    expect(of('oversight.flag')).toHaveLength(flagged)
    for (const e of events) {
      expect(e.actorId).toBeNull()
      expect(e.details).toHaveProperty('job')
    }
    const alert = await prisma.alert.findUniqueOrThrow({ where: { id: of('system.alert-open')[0].subjectId } })
    expect(of('system.alert-open')[0]).toMatchObject({
      subjectType: 'alert',
      childIds: alert.childIds,
      details: { job: 'patterns', rule: alert.rule },
    })
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true })
  })

  it('are not written by a scheduled run that changed nothing', async () => {
    const prisma = await getPrisma()
    const since = (await prisma.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n
    await recomputeAllPatterns(NOW) // nothing new since the last run
    expect(await prisma.auditEvent.count({ where: { seq: { gt: since }, action: { startsWith: 'system.' } } })).toBe(0)
  })
})
