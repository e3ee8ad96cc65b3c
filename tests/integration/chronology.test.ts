import { beforeAll, describe, expect, it } from 'vitest'
import { decideOnAlert, listAlerts } from '@/lib/server/alerts'
import { getChronology } from '@/lib/server/chronology'
import { getPrisma } from '@/lib/server/database'
import { NotFoundError } from '@/lib/server/errors'
import { recomputeAllPatterns } from '@/lib/server/patterns'
import { decisionSchema } from '@/lib/validation/alerts'
import { chronologyQuerySchema } from '@/lib/validation/chronology'
import { loadDemoData } from '@/prisma/demo-data'
import { freshDatabase } from '../support/database'
import { actor } from '../support/fixtures'

const ELLIE = 'demo-child-01' // Willow House; IRO Grace Okafor (demo-user-iro)
const CHANTELLE = 'demo-child-09' // Birch Lodge

beforeAll(async () => {
  await freshDatabase()
  await loadDemoData()
  await recomputeAllPatterns()
  const iro = await actor('demo-user-iro')
  const alert = (await listAlerts(iro)).alerts.find(
    (a) => a.rule === 'repeat-missing' && a.children.some((c) => c.id === ELLIE),
  )!
  await decideOnAlert(
    iro,
    alert.id,
    decisionSchema.parse({
      childId: ELLIE,
      bringForward: 'yes',
      reviewDate: '2026-12-10',
      reason: 'Five episodes in two months',
    }),
  )
})

describe("a child's chronology", () => {
  it('has every kind of event about the child, newest first, linked to its record', async () => {
    const { child, entries, total } = await getChronology(await actor('demo-user-iro'), ELLIE)
    expect(child.firstName).toBe('Ellie')
    expect(entries).toHaveLength(total)
    expect(new Set(entries.map((e) => e.kind))).toEqual(
      new Set(['placement', 'episode', 'return', 'interview', 'screening', 'plan', 'alert', 'review', 'meeting']),
    )
    expect(entries.filter((e) => e.kind === 'review').map((e) => e.title)).toEqual(
      expect.arrayContaining(['Became looked after', 'Looked-after review held, chaired by Grace Okafor']),
    )
    const times = entries.map((e) => e.at)
    expect(times).toEqual([...times].sort().reverse())
    expect(entries.find((e) => e.title === 'IRO: review brought forward to 10 Dec 2026')?.link).toMatch(/^\/alerts\//)
    expect(entries.filter((e) => e.title.startsWith('Safety plan version')).map((e) => e.title)).toEqual(
      expect.arrayContaining(['Safety plan version 2', 'Safety plan version 1 signed off', 'Safety plan version 1']),
    )
    expect(entries.filter((e) => e.kind === 'return').length).toBeGreaterThanOrEqual(5)
    expect(entries.some((e) => e.kind === 'episode' && e.link?.startsWith('/episodes/'))).toBe(true)
  })

  it("shows a screening's level for each kind of exploitation, not only the highest", async () => {
    const prisma = await getPrisma()
    const screening = await prisma.cseScreening.findFirstOrThrow({ where: { childId: ELLIE } })
    const kinds = [
      { kind: 'sexual', score: 2, harmIndicators: 0, suggestedLevel: 'AT_RISK', level: 'AT_RISK' },
      { kind: 'criminal', score: 9, harmIndicators: 1, suggestedLevel: 'SIGNIFICANT', level: 'SIGNIFICANT' },
      { kind: 'trafficking', score: 0, harmIndicators: 0, suggestedLevel: 'NOT_AT_RISK', level: 'NOT_AT_RISK' },
    ]
    await prisma.cseScreening.update({ where: { id: screening.id }, data: { kinds, level: 'SIGNIFICANT' } })
    const { entries } = await getChronology(await actor('demo-user-iro'), ELLIE)
    expect(entries.filter((e) => e.kind === 'screening').map((e) => e.detail)).toContain(
      'sexual exploitation: at risk; criminal exploitation: significant risk; trafficking: not at risk',
    )
  })

  it('filters by kind and by UK calendar days', async () => {
    const iro = await actor('demo-user-iro')
    const { entries, total } = await getChronology(iro, ELLIE, { kinds: ['return', 'plan'] })
    expect(entries.length).toBeLessThan(total)
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(['return', 'plan']))
    const everything = (await getChronology(iro, ELLIE)).entries
    const day = everything.find((e) => e.kind === 'return' && !e.dateOnly)!
    const ukDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(day.at))
    const oneDay = (await getChronology(iro, ELLIE, { from: ukDay, to: ukDay })).entries
    expect(oneDay.length).toBeGreaterThan(0)
    expect(oneDay).toContainEqual(day)
    expect(
      oneDay.every(
        (e) =>
          (e.dateOnly
            ? e.at.slice(0, 10)
            : new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(e.at))) === ukDay,
      ),
    ).toBe(true)
  })

  it('keeps what the child said in a return interview off the list, for everyone', async () => {
    const prisma = await getPrisma()
    await prisma.returnInterview.updateMany({
      where: { childId: ELLIE, outcome: 'HELD' },
      data: { concernsAboutHome: 'Staff at night shout at me', whatHappened: 'Jay drove us to a flat' },
    })
    for (const reader of ['demo-user-care', 'demo-user-iro']) {
      const text = JSON.stringify((await getChronology(await actor(reader), ELLIE)).entries)
      expect(text).not.toContain('shout at me')
      expect(text).not.toContain('drove us')
    }
  })

  it('is "not found" outside the reader’s scope, and every read is audited', async () => {
    const prisma = await getPrisma()
    await expect(getChronology(await actor('demo-user-care'), CHANTELLE)).rejects.toBeInstanceOf(NotFoundError) // another home
    await expect(getChronology(await actor('demo-user-rhi'), ELLIE)).rejects.toBeInstanceOf(NotFoundError) // a practitioner sees interviews only
    await expect(getChronology(await actor('demo-user-admin'), ELLIE)).rejects.toBeInstanceOf(NotFoundError)
    const before = await prisma.auditEvent.count({
      where: { action: 'child.chronology', childId: ELLIE, actorId: 'demo-user-care' },
    })
    await getChronology(await actor('demo-user-care'), ELLIE)
    expect(
      await prisma.auditEvent.count({
        where: { action: 'child.chronology', childId: ELLIE, actorId: 'demo-user-care' },
      }),
    ).toBe(before + 1)
    expect(
      await prisma.auditEvent.count({
        where: { action: 'child.read-denied', subjectId: CHANTELLE, actorId: 'demo-user-care' },
      }),
    ).toBeGreaterThan(0)
  })

  it('refuses a filter it cannot use, naming the problem', () => {
    const bad = chronologyQuerySchema.safeParse({ kind: ['episode', 'gossip'], from: '2026-02-30', to: '2026-01-01' })
    expect(bad.success).toBe(false)
    expect(bad.error!.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^kind is one of placement, episode/),
        expect.stringMatching(/^Start of the period must be a real date/),
      ]),
    )
    const reversed = chronologyQuerySchema.safeParse({ from: '2026-03-01', to: '2026-01-01' })
    expect(reversed.error!.issues[0]).toMatchObject({
      path: ['to'],
      message: 'The end of the period cannot be before its start',
    })
    expect(chronologyQuerySchema.parse({ kind: 'episode', from: '' })).toEqual({
      kind: ['episode'],
      from: undefined,
      to: undefined,
    })
  })
})
