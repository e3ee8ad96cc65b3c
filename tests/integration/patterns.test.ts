import { beforeAll, describe, expect, it } from 'vitest'
import { acknowledgeAlert, decideOnAlert, getAlert, listAlerts, resolveAlert } from '@/lib/server/alerts'
import { getPrisma } from '@/lib/server/database'
import { amendEpisode, recordReturn, reportMissing } from '@/lib/server/episodes'
import { ValidationError } from '@/lib/server/errors'
import { escalateUnacknowledged, patternsAfterEvent, recomputeAllPatterns } from '@/lib/server/patterns'
import { decisionSchema } from '@/lib/validation/alerts'
import { recordReviewHeld } from '@/lib/server/reviews'
import { reviewHeldSchema } from '@/lib/validation/reviews'
import { amendEpisodeSchema, recordReturnSchema, reportMissingSchema } from '@/lib/validation/episodes'
import { loadDemoData } from '@/prisma/demo-data'
import { freshDatabase } from '../support/database'
import { makeChild, makePerson, makeWorld, problems, type World } from '../support/fixtures'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

async function team() {
  const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Night Worker')
  const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Willow Manager')
  const iro = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'The IRO')
  const socialWorker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'The SW')
  const lead = await makePerson([{ role: 'LA_MISSING_LEAD', localAuthorityId: world.laOne.id }], 'The Lead')
  const child = await makeChild({
    homeId: world.homeA.id,
    placingAuthorityId: world.laOne.id,
    iroId: iro.userId,
    socialWorkerId: socialWorker.userId,
    firstName: 'Ellie',
  })
  return { worker, manager, iro, socialWorker, lead, child }
}

async function episode(
  worker: Awaited<ReturnType<typeof makePerson>>,
  childId: string,
  start: string,
  end: string,
  extra: Record<string, unknown> = {},
) {
  const { id } = await reportMissing(
    worker,
    childId,
    reportMissingSchema.parse({
      absenceType: 'MISSING',
      lastSeenAt: start,
      lastSeenPlace: 'Willow House',
      policeInformed: 'yes',
    }),
    new Date(`${start}:00Z`),
  )
  await recordReturn(
    worker,
    id,
    recordReturnSchema.parse({ returnedAt: end, returnMethod: 'RETURNED_ALONE', ...extra }),
    new Date(`${end}:00Z`),
  )
  return id
}

describe('the IRO is told', () => {
  it('of every episode and its return, with initials only and a link', async () => {
    const { worker, iro, socialWorker, child } = await team()
    const id = await episode(worker, child.id, '2026-11-01T21:00', '2026-11-02T09:30')
    const prisma = await getPrisma()
    const told = await prisma.notification.findMany({
      where: { childId: child.id },
      orderBy: { createdAt: 'asc' },
      include: { deliveries: true },
    })
    expect(told.map((n) => [n.recipientId, n.kind])).toEqual(
      expect.arrayContaining([
        [iro.userId, 'episode.opened'],
        [socialWorker.userId, 'episode.opened'],
        [iro.userId, 'episode.returned'],
        [socialWorker.userId, 'episode.returned'],
      ]),
    )
    const returned = told.find((n) => n.kind === 'episode.returned' && n.recipientId === iro.userId)!
    // the inbox says what happened; the e-mail only that something about E.T. needs attention
    expect(returned.title).toMatch(
      /^E\.T\. came back .* after 12 h 30 min; the return interview is due by 5 Nov 2026, 09:30$/,
    )
    for (const n of told) expect(n.body).toBe('Something about E.T. needs your attention in Haven.')
    expect(returned.link).toBe(`/episodes/${id}`)
    for (const n of told) expect(`${n.title} ${n.body}`).not.toMatch(/Ellie|Test/)
    expect(returned.deliveries).toEqual([
      expect.objectContaining({
        channel: 'EMAIL',
        status: 'PENDING',
        messageId: expect.stringMatching(/^<.+@haven\.notifications>$/),
      }),
    ])
  })
})

describe('pattern alerts', () => {
  it('one alert per rule and child, new evidence added; resolved stays resolved until something new; then reopens', async () => {
    const { worker, manager, iro, socialWorker, child } = await team()
    await episode(worker, child.id, '2026-10-01T10:00', '2026-10-01T13:00')
    await episode(worker, child.id, '2026-10-08T10:00', '2026-10-08T12:00')
    const repeat = async () => (await listAlerts(iro)).alerts.filter((a) => a.rule === 'repeat-missing')
    expect(await repeat()).toEqual([])
    await episode(worker, child.id, '2026-10-15T10:00', '2026-10-15T16:00')
    const [alert] = await repeat()
    expect(alert).toMatchObject({ rule: 'repeat-missing', status: 'OPEN', children: [{ id: child.id }] })
    for (const person of [manager, socialWorker])
      expect((await listAlerts(person)).alerts.map((a) => a.id)).toContain(alert.id)
    await episode(worker, child.id, '2026-10-20T10:00', '2026-10-20T11:00')
    const prisma = await getPrisma()
    expect(await prisma.alert.count({ where: { subjectKey: `child:${child.id}`, rule: 'repeat-missing' } })).toBe(1)
    expect((await getAlert(iro, alert.id, new Date('2026-10-21T00:00:00Z'))).episodes).toHaveLength(4)

    await acknowledgeAlert(iro, alert.id)
    await acknowledgeAlert(iro, alert.id) // a double click records it once
    expect((await getAlert(iro, alert.id)).events.filter((e) => e.kind === 'acknowledged')).toHaveLength(1)
    await resolveAlert(manager, alert.id, { reason: 'Strategy meeting held; plan in place' })
    await prisma.$transaction((tx) => patternsAfterEvent(tx, child.id, new Date('2026-10-21T00:00:00Z'))) // nothing new: no reopen
    expect((await getAlert(iro, alert.id)).status).toBe('RESOLVED')
    await episode(worker, child.id, '2026-10-25T10:00', '2026-10-25T11:00')
    expect((await getAlert(iro, alert.id)).status).toBe('OPEN')
    expect((await getAlert(iro, alert.id)).events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['opened', 'acknowledged', 'resolved', 'reopened']),
    )
    // open again from the new episode: the IRO is asked to acknowledge afresh, and escalation counts from now
    const reopened = await getAlert(iro, alert.id)
    expect(reopened.acknowledgedAt).toBeNull()
    expect(new Date(reopened.openedAt).getTime()).toBeGreaterThanOrEqual(new Date('2026-10-25T10:00:00Z').getTime()) // reported missing then
  })

  it('the IRO decides whether to bring the review forward; the decision is on the child’s record', async () => {
    const { worker, iro, child } = await team()
    for (const day of ['05', '10', '12'])
      await episode(worker, child.id, `2026-11-${day}T10:00`, `2026-11-${day}T12:00`)
    const [alert] = (await listAlerts(iro)).alerts.filter((a) => a.rule === 'repeat-missing')
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    await expect(
      decideOnAlert(
        iro,
        alert.id,
        decisionSchema.parse({ childId: child.id, bringForward: 'yes', reviewDate: '2020-01-01' }),
      ),
    ).rejects.toThrow('Some answers need correcting')
    // a child the IRO does not review, and one that does not exist, are refused in the same words
    const notMine = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    const refusal = (childId: string) =>
      problems(decideOnAlert(iro, alert.id, decisionSchema.parse({ childId, bringForward: 'no', reason: 'Seen' })))
    expect(await refusal(notMine.id)).toEqual({ childId: 'Choose a child in this alert whom you review' })
    expect(await refusal('no-such-child')).toEqual(await refusal(notMine.id))
    // the child's last review was held a month ago: the next is due in five months, and the IRO brings it forward
    const lastMonth = new Date(Date.now() - 30 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' })
    await recordReviewHeld(
      iro,
      child.id,
      reviewHeldSchema.parse({ heldOn: lastMonth, participation: 'PN1', outcome: 'Plan continues' }),
    )
    const { id } = await decideOnAlert(
      iro,
      alert.id,
      decisionSchema.parse({ childId: child.id, bringForward: 'yes', reviewDate: tomorrow }),
    )
    const view = await getAlert(iro, alert.id)
    expect(view.decisions.map((d) => d.id)).toEqual([id])
    expect(view.children[0].review).toMatchObject({ date: tomorrow, broughtForward: true })
    expect(view.acknowledgedAt).not.toBeNull()
  })

  it('a decision not to bring the review forward has no date; decisions stop when the alert is resolved, and a double submit is kept once', async () => {
    const { worker, manager, iro, child } = await team()
    for (const day of ['05', '10', '12'])
      await episode(worker, child.id, `2026-11-${day}T10:00`, `2026-11-${day}T12:00`)
    const [alert] = (await listAlerts(iro)).alerts.filter((a) => a.rule === 'repeat-missing')
    const notForward = decisionSchema.parse({
      childId: child.id,
      bringForward: 'no',
      reviewDate: '2099-12-31',
      reason: 'Review is next week anyway',
    })
    const { id } = await decideOnAlert(iro, alert.id, notForward)
    const prisma = await getPrisma()
    expect((await prisma.alertDecision.findUniqueOrThrow({ where: { id } })).reviewDate).toBeNull()
    expect(await problems(decideOnAlert(iro, alert.id, notForward))).toEqual({
      form: expect.stringMatching(/^This decision was recorded at .*: it is kept once\.$/),
    })
    await resolveAlert(manager, alert.id, { reason: 'Strategy meeting held' })
    const later = decisionSchema.parse({
      childId: child.id,
      bringForward: 'yes',
      reviewDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
    })
    expect((await problems(decideOnAlert(iro, alert.id, later))).form).toMatch(
      /^This alert was resolved on .*: it takes no more decisions/,
    )
    expect(await prisma.alertDecision.count({ where: { alertId: alert.id } })).toBe(1)
  })

  it('children going missing together: the manager and each child’s IRO', async () => {
    const { worker, manager, iro, child } = await team()
    const otherIro = await makePerson([{ role: 'IRO', localAuthorityId: world.laTwo.id }], 'Friend IRO')
    const friend = await makeChild({
      homeId: world.homeA.id,
      placingAuthorityId: world.laTwo.id,
      iroId: otherIro.userId,
    })
    for (const day of ['02', '09']) {
      await episode(worker, child.id, `2026-09-${day}T20:00`, `2026-09-${day}T23:00`)
      await episode(worker, friend.id, `2026-09-${day}T20:20`, `2026-09-${day}T23:30`)
    }
    const prisma = await getPrisma()
    const together = await prisma.alert.findFirstOrThrow({
      where: { rule: 'missing-together', childIds: { hasEvery: [child.id, friend.id] } },
      include: { recipients: true },
    })
    const managersOfHome = (
      await prisma.roleAssignment.findMany({ where: { role: 'REGISTERED_MANAGER', homeId: world.homeA.id } })
    ).map((r) => r.userId)
    expect(together.recipients.map((r) => r.userId).sort()).toEqual(
      [...managersOfHome, iro.userId, otherIro.userId].sort(),
    )
    expect(managersOfHome).toContain(manager.userId)
    // each IRO sees their own child named, the other counted
    const seen = await getAlert(iro, together.id)
    expect(seen.children.map((c) => c.id)).toEqual([child.id])
    expect(seen.otherChildren).toBe(1)
    expect(seen.episodes.every((e) => e.child.startsWith('Ellie'))).toBe(true)
  })

  it('past episodes recorded one after another: two children never missing at the same time are not "missing together"', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeB.id }], 'Birch Worker')
    const [p, q] = [
      await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laOne.id }),
      await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laOne.id }),
    ]
    const now = new Date('2026-12-03T12:00:00Z')
    const report = (childId: string, start: string, withReturn?: string) =>
      reportMissing(
        worker,
        childId,
        reportMissingSchema.parse({
          absenceType: 'MISSING',
          lastSeenAt: start,
          lastSeenPlace: 'Birch Lodge',
          policeInformed: 'yes',
          ...(withReturn ? { return: { returnedAt: withReturn, returnMethod: 'RETURNED_ALONE' } } : {}),
        }),
        now,
      )
    const past = async (childId: string, start: string, end: string) => {
      const { id } = await report(childId, start)
      await recordReturn(worker, id, recordReturnSchema.parse({ returnedAt: end, returnMethod: 'RETURNED_ALONE' }), now)
    }
    await past(p.id, '2026-12-01T10:00', '2026-12-01T11:00')
    await past(q.id, '2026-11-30T08:00', '2026-11-30T09:00') // open for a moment before P's episode, which lies after it
    await past(p.id, '2026-12-02T10:00', '2026-12-02T11:00')
    // before Q's own recorded episode: an open episode may not start there, so it comes with its return
    await expect(report(q.id, '2026-11-29T08:00')).rejects.toThrow(ValidationError)
    await report(q.id, '2026-11-29T08:00', '2026-11-29T09:00')
    const prisma = await getPrisma()
    const together = () =>
      prisma.alert.findMany({ where: { rule: 'missing-together', childIds: { has: p.id } }, select: { status: true } })
    expect(await together()).toEqual([])
    await recomputeAllPatterns(now)
    expect(await together()).toEqual([])
  })

  it('a "missing together" the recorded times no longer show is withdrawn, kept in its history, and found again reopens it', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeB.id }], 'Birch Manager')
    const [p, q] = [
      await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laOne.id }),
      await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laOne.id }),
    ]
    for (const day of ['10', '17']) {
      await episode(manager, p.id, `2026-10-${day}T20:00`, `2026-10-${day}T23:00`)
      await episode(manager, q.id, `2026-10-${day}T21:30`, `2026-10-${day}T23:30`)
    }
    const prisma = await getPrisma()
    const alert = await prisma.alert.findFirstOrThrow({ where: { rule: 'missing-together', childIds: { has: p.id } } })
    expect(alert.status).toBe('OPEN')
    // the second time was recorded wrongly: P came back at 20:30, before Q went
    const wrong = await prisma.missingEpisode.findFirstOrThrow({
      where: { childId: p.id, lastSeenAt: { gte: new Date('2026-10-17T00:00:00Z') } },
    })
    const now = new Date('2026-10-20T09:00:00Z')
    await amendEpisode(
      manager,
      wrong.id,
      amendEpisodeSchema.parse({
        field: 'returnedAt',
        value: '2026-10-17T20:30',
        reason: 'Misread the log',
        version: wrong.version,
      }),
      now,
    )
    const withdrawn = await getAlert(manager, alert.id)
    expect(withdrawn).toMatchObject({ status: 'RESOLVED', resolutionReason: 'The recorded times no longer show this' })
    expect(withdrawn.events.at(-1)).toMatchObject({ kind: 'withdrawn', note: 'The recorded times no longer show this' })
    // the full run agrees
    expect(await recomputeAllPatterns(now)).toMatchObject({ opened: 0, reopened: 0, withdrawn: 0 })
    const fixed = await prisma.missingEpisode.findUniqueOrThrow({ where: { id: wrong.id } })
    await amendEpisode(
      manager,
      wrong.id,
      amendEpisodeSchema.parse({
        field: 'returnedAt',
        value: '2026-10-17T23:00',
        reason: 'The log was right after all',
        version: fixed.version,
      }),
      new Date('2026-10-21T09:00:00Z'),
    )
    const again = await getAlert(manager, alert.id)
    expect(again.status).toBe('OPEN')
    expect(again.events.at(-1)).toMatchObject({ kind: 'reopened', note: 'The recorded times show this again' })
  })

  it('an alert nobody acknowledges for 2 working days goes to the LA missing lead', async () => {
    const { worker, iro, lead, child } = await team()
    for (const day of ['03', '04', '05'])
      await episode(worker, child.id, `2026-08-${day}T10:00`, `2026-08-${day}T12:00`)
    const prisma = await getPrisma()
    const alert = await prisma.alert.findFirstOrThrow({
      where: { rule: 'repeat-missing', subjectKey: `child:${child.id}` },
    })
    await prisma.alert.update({ where: { id: alert.id }, data: { openedAt: new Date('2026-08-05T12:00:00Z') } })
    expect(await escalateUnacknowledged(new Date('2026-08-07T12:00:00Z'))).toBe(0) // Friday: within 2 working days
    expect(await escalateUnacknowledged(new Date('2026-08-10T12:00:00Z'))).toBeGreaterThanOrEqual(1) // Monday
    expect((await getAlert(lead, alert.id)).escalatedAt).not.toBeNull()
    await acknowledgeAlert(iro, alert.id)
  })
})

describe('at the same moment', () => {
  it('two events that raise the same alert keep one alert, and neither fails', async () => {
    const { worker, child } = await team()
    for (const day of ['2026-11-03', '2026-11-10', '2026-11-17'])
      await episode(worker, child.id, `${day}T20:00`, `${day}T23:00`)
    const prisma = await getPrisma()
    const mine = { alert: { childIds: { has: child.id } } }
    await prisma.notificationDelivery.deleteMany({ where: { notification: mine } })
    await prisma.notification.deleteMany({ where: mine })
    await prisma.alertEvent.deleteMany({ where: mine })
    await prisma.alertRecipient.deleteMany({ where: mine })
    await prisma.alert.deleteMany({ where: { childIds: { has: child.id } } })
    const now = new Date('2026-11-20T12:00:00Z')
    // on PostgreSQL these run side by side on two connections; on the embedded database one after the other
    await Promise.all([0, 1].map(() => prisma.$transaction((tx) => patternsAfterEvent(tx, child.id, now))))
    const alerts = await prisma.alert.findMany({
      where: { rule: 'repeat-missing', childIds: { has: child.id } },
      include: { recipients: true },
    })
    expect(alerts).toHaveLength(1)
    expect(alerts[0].recipients.length).toBeGreaterThan(0)
    expect(await prisma.notification.count({ where: { alertId: alerts[0].id, kind: 'alert.opened' } })).toBe(
      alerts[0].recipients.length,
    )
  })

  it('an alert is escalated once, however many dispatchers look', async () => {
    const { worker, child } = await team()
    for (const day of ['2026-10-01', '2026-10-08', '2026-10-15'])
      await episode(worker, child.id, `${day}T20:00`, `${day}T23:00`)
    const prisma = await getPrisma()
    const later = new Date('2026-10-30T12:00:00Z')
    const [first, second] = await Promise.all([escalateUnacknowledged(later), escalateUnacknowledged(later)])
    const alert = await prisma.alert.findFirstOrThrow({
      where: { rule: 'repeat-missing', childIds: { has: child.id } },
    })
    expect(await prisma.alertEvent.count({ where: { alertId: alert.id, kind: 'escalated' } })).toBe(1)
    expect(first + second).toBeGreaterThanOrEqual(1)
  })
})

describe('incremental and from scratch', () => {
  it('agree on the demo data', async () => {
    const prisma = await getPrisma()
    const clear = async () => {
      // the told records of the demo episodes keep their own notifications: only the alerts' are cleared
      const alertNotifications = `SELECT id FROM "Notification" WHERE id NOT IN (SELECT "notificationId" FROM "EpisodeTold" WHERE "notificationId" IS NOT NULL)`
      await prisma.$executeRawUnsafe(
        `DELETE FROM "NotificationDelivery" WHERE "notificationId" IN (${alertNotifications})`,
      )
      await prisma.$executeRawUnsafe(`DELETE FROM "Notification" WHERE id IN (${alertNotifications})`)
      for (const table of ['AlertEvent', 'AlertDecision', 'AlertRecipient', 'Alert'])
        await prisma.$executeRawUnsafe(`DELETE FROM "${table}"`)
    }
    await clear()
    expect(await loadDemoData()).toBe('loaded')
    const now = new Date()
    const snapshot = async () =>
      (await prisma.alert.findMany({ include: { recipients: { select: { userId: true } } } }))
        .map((a) =>
          JSON.stringify([
            a.rule,
            a.subjectKey,
            a.summary,
            [...(a.evidence as { episodeIds: string[] }).episodeIds].sort(),
            a.childIds.sort(),
            a.recipients.map((r) => r.userId).sort(),
          ]),
        )
        .sort()
    const children = await prisma.child.findMany({ select: { id: true } })
    // every child's per-event run in one transaction, far more than any one event does: not held to the 5 s default
    await prisma.$transaction(
      async (tx) => {
        for (const c of children) await patternsAfterEvent(tx, c.id, now)
      },
      { timeout: 60_000 },
    )
    const incremental = await snapshot()
    await clear()
    await recomputeAllPatterns(now)
    const scratch = await snapshot()
    expect(scratch.length).toBeGreaterThan(5)
    expect(incremental).toEqual(scratch)
    const rules = new Set(scratch.map((s) => JSON.parse(s)[0]))
    for (const rule of [
      'repeat-missing',
      'missing-together',
      'recurring-place',
      'shared-vehicle',
      'cse-plan',
      'bed-and-breakfast',
      'return-interview',
    ])
      expect(rules, rule).toContain(rule)
  })
})

describe('a long list of alerts', () => {
  it('comes a page at a time with how many there are in all, every alert on exactly one page, new ones first', async () => {
    const iro = await makePerson([{ role: 'IRO', localAuthorityId: world.laTwo.id }], 'Busy IRO')
    const prisma = await getPrisma()
    const at = (n: number) => new Date(Date.UTC(2025, 0, 1, 0, n))
    for (let n = 0; n < 230; n++)
      await prisma.alert.create({
        data: {
          rule: 'repeat-missing',
          subjectKey: `busy-${n}`,
          severity: 'warning',
          title: `Alert ${n}`,
          summary: 'Missing 3 times in 30 days',
          evidence: { episodeIds: [] },
          childIds: [],
          homeIds: [],
          status: n % 10 === 0 ? 'RESOLVED' : 'OPEN',
          openedAt: at(n),
          updatedAt: at(n),
          recipients: {
            create: { userId: iro.userId, reason: 'IRO', notifiedAt: at(n), acknowledgedAt: n % 2 ? at(n) : null },
          },
        },
      })
    const first = await listAlerts(iro)
    expect(first).toMatchObject({ total: 230, page: 1, pages: 3 })
    expect(first.alerts).toHaveLength(100)
    expect(first.alerts[0].title).toBe('Alert 229') // open before resolved, the newest first
    const seen = [
      ...first.alerts,
      ...(await listAlerts(iro, { page: 2 })).alerts,
      ...(await listAlerts(iro, { page: 3 })).alerts,
    ].map((a) => a.id)
    expect(new Set(seen).size).toBe(230)
    expect(await listAlerts(iro, { page: 9 })).toMatchObject({ page: 3 }) // past the end: the last page
    expect(await listAlerts(iro, { status: 'RESOLVED' })).toMatchObject({ total: 23, pages: 1 })
    // the dashboard's new alerts: open and not yet acknowledged
    const unacknowledged = await listAlerts(iro, { status: 'OPEN', unacknowledged: true })
    expect(unacknowledged.total).toBe(92) // even-numbered, less the resolved tens
    expect(unacknowledged.alerts.every((a) => a.status === 'OPEN' && a.acknowledgedAt === null)).toBe(true)
  })
})
