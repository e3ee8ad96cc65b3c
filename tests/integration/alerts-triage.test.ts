// Issue #18: every reader of a child reads that child's alerts (only the people told acknowledge them), alerts come
// in triage order and grouped by kind naming what each is about, and the inbox follows acknowledgement.
import { beforeAll, describe, expect, it } from 'vitest'
import { POST as markAllReadRoute } from '@/app/api/v1/notifications/mark-all-read/route'
import { groupAlerts, namedInGroup } from '@/lib/domain/alert-groups'
import { acknowledgeAlert, getAlert, listAlerts } from '@/lib/server/alerts'
import { issueApiToken } from '@/lib/server/api-tokens'
import { getPrisma } from '@/lib/server/database'
import { NotFoundError, ValidationError } from '@/lib/server/errors'
import { listNotifications, markAllNotificationsRead, notify, unreadCount } from '@/lib/server/notifications'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makeChild, makePerson, makeWorld, type World } from '../support/fixtures'
import { expectProblem } from '../support/http'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

type Person = Awaited<ReturnType<typeof makePerson>>

/** An open alert about one child, told to `told` only. */
async function alertAbout(
  childId: string,
  homeId: string,
  told: Person,
  extra: { rule?: string; subjectKey?: string; severity?: string; escalatedAt?: Date; openedAt?: Date } = {},
) {
  const prisma = await getPrisma()
  const at = extra.openedAt ?? new Date('2026-11-01T10:00:00Z')
  return prisma.alert.create({
    data: {
      rule: extra.rule ?? 'repeat-missing',
      subjectKey: extra.subjectKey ?? `child:${childId}`,
      severity: extra.severity ?? 'warning',
      title: 'Repeat missing episodes',
      summary: '3 in 30 days',
      evidence: { episodeIds: [] },
      childIds: [childId],
      homeIds: [homeId],
      openedAt: at,
      updatedAt: at,
      escalatedAt: extra.escalatedAt ?? null,
      recipients: { create: { userId: told.userId, reason: 'IRO', notifiedAt: at } },
    },
  })
}

async function people() {
  const iro = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'The IRO')
  const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Night Worker')
  const ri = await makePerson([{ role: 'RESPONSIBLE_INDIVIDUAL', providerId: world.providerOne.id }], 'The RI')
  const ours = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id, iroId: iro.userId })
  const elsewhere = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laOne.id, iroId: iro.userId })
  return { iro, worker, ri, ours, elsewhere }
}

describe('alerts for every reader of a child', () => {
  it('the care worker and the responsible individual read their home’s alerts; others are not found', async () => {
    const { iro, worker, ri, ours, elsewhere } = await people()
    const here = await alertAbout(ours.id, world.homeA.id, iro)
    const there = await alertAbout(elsewhere.id, world.homeC.id, iro)
    for (const reader of [worker, ri]) {
      const list = await listAlerts(reader)
      expect(list.alerts.map((a) => a.id)).toContain(here.id)
      expect(list.alerts.map((a) => a.id)).not.toContain(there.id)
      expect(list.alerts.find((a) => a.id === here.id)).toMatchObject({ told: false, children: [{ id: ours.id }] })
      expect(await getAlert(reader, here.id)).toMatchObject({ told: false, acknowledgedAt: null })
      await expect(getAlert(reader, there.id)).rejects.toThrow(NotFoundError)
    }
    // only the people told acknowledge it
    await expect(acknowledgeAlert(worker, here.id)).rejects.toThrow(ValidationError)
    await acknowledgeAlert(iro, here.id)
    expect((await getAlert(iro, here.id)).acknowledgedAt).not.toBeNull()
    // the dashboard's "new alerts" are the ones this person was told about and has not acknowledged
    expect((await listAlerts(worker, { status: 'OPEN', unacknowledged: true })).total).toBe(0)
  })

  it('lists critical and escalated alerts first, and groups a kind naming the places', async () => {
    const prisma = await getPrisma()
    const { worker, iro, ours } = await people()
    const place = (name: string, postcode: string) =>
      prisma.location.create({ data: { name, postcode, matchKey: `${name}-${postcode}` } })
    const hut = await place('The Chicken Hut, Station Road', 'NS4 1AB')
    const park = await place('Riverside Park', 'NS4 2CD')
    const older = new Date('2026-10-01T10:00:00Z')
    const warning = await alertAbout(ours.id, world.homeA.id, iro, { rule: 'escalating', subjectKey: `x:${ours.id}` })
    const escalated = await alertAbout(ours.id, world.homeA.id, iro, { escalatedAt: older })
    const critical = await alertAbout(ours.id, world.homeA.id, iro, {
      rule: 'cse-plan',
      subjectKey: `cse:${ours.id}`,
      severity: 'critical',
      openedAt: older,
    })
    for (const [loc, n] of [
      [hut, 1],
      [park, 2],
    ] as const)
      await alertAbout(ours.id, world.homeA.id, iro, {
        rule: 'recurring-place',
        subjectKey: `location:${loc.id}`,
      }).then((a) => prisma.alert.update({ where: { id: a.id }, data: { title: `place ${n}` } }))
    const { alerts } = await listAlerts(worker)
    const ids = alerts.map((a) => a.id)
    expect(ids.indexOf(critical.id)).toBe(0)
    expect(ids.indexOf(escalated.id)).toBeLessThan(ids.indexOf(warning.id))

    const places = groupAlerts(alerts).find((g) => g.rule === 'recurring-place')!
    expect(places.alerts).toHaveLength(2)
    expect(places.alerts.map((a) => a.about).sort()).toEqual([
      'Riverside Park, NS4 2CD',
      'The Chicken Hut, Station Road, NS4 1AB',
    ])
    expect(namedInGroup(places.alerts.map((a) => a.about))).toMatch(/The Chicken Hut, Station Road, NS4 1AB/)
    // an alert about a child names the child the reader may see
    expect(alerts.find((a) => a.id === escalated.id)!.about).toBe(`${ours.firstName} Test`)
  })
})

describe('the inbox', () => {
  it('acknowledging an alert marks its inbox items read, and only its own', async () => {
    const prisma = await getPrisma()
    const { iro, ours } = await people()
    const first = await alertAbout(ours.id, world.homeA.id, iro)
    const second = await alertAbout(ours.id, world.homeA.id, iro, { rule: 'escalating', subjectKey: 'y' })
    await prisma.$transaction((tx) =>
      notify(
        tx,
        [first, second].map((a) => ({
          recipientId: iro.userId,
          kind: 'alert.opened',
          alertId: a.id,
          link: `/alerts/${a.id}`,
          title: 'Alert raised: Repeat missing episodes (C.T.)',
          body: 'Something about C.T. needs your attention in Haven.',
        })),
      ),
    )
    expect(await unreadCount(iro)).toBe(2)
    await acknowledgeAlert(iro, first.id)
    const inbox = await listNotifications(iro)
    expect(inbox.find((n) => n.link === `/alerts/${first.id}`)!.readAt).not.toBeNull()
    expect(inbox.find((n) => n.link === `/alerts/${second.id}`)!.readAt).toBeNull()
    expect(inbox[0].link).toBe(`/alerts/${second.id}`) // unread first
  })

  it('"Mark all as read" reads everything in the person’s inbox and nothing in anyone else’s', async () => {
    const prisma = await getPrisma()
    const [me, other] = [await makePerson([], 'Inbox Owner'), await makePerson([], 'Someone Else')]
    const item = (recipientId: string, n: number) => ({
      recipientId,
      kind: 'role.granted',
      title: `A role was granted (${n})`,
      body: 'A role was granted; see Haven.',
      link: `/?n=${n}`,
    })
    await prisma.$transaction((tx) => notify(tx, [item(me.userId, 1), item(me.userId, 2), item(other.userId, 3)]))
    expect(await markAllNotificationsRead(me)).toEqual({ count: 2 })
    expect(await unreadCount(me)).toBe(0)
    expect(await unreadCount(other)).toBe(1)
    expect(await prisma.auditEvent.count({ where: { actorId: me.userId, action: 'notification.read-all' } })).toBe(1)
  })
})

describe('"Mark all as read" through the API', () => {
  it('marks what arrived up to the newest notification shown, leaves what came since unread, and names a bad time', async () => {
    const prisma = await getPrisma()
    const me = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Api Inbox Owner')
    const other = await makePerson([], 'Api Someone Else')
    const item = (recipientId: string, n: number) => ({
      recipientId,
      kind: 'role.granted',
      title: `A role was granted (${n})`,
      body: 'A role was granted; see Haven.',
      link: `/?api=${n}`,
    })
    await prisma.$transaction((tx) =>
      notify(tx, [item(me.userId, 1), item(me.userId, 2), item(me.userId, 3), item(other.userId, 4)]),
    )
    // the client listed 1 and 2 (the newest at 10:05); 3 arrived at 10:07, after the list was shown
    const times = ['2026-11-30T10:00:00.000Z', '2026-11-30T10:05:00.000Z', '2026-11-30T10:07:00.000Z']
    for (const [i, at] of times.entries())
      await prisma.notification.updateMany({ where: { link: `/?api=${i + 1}` }, data: { createdAt: new Date(at) } })
    const { token } = await issueApiToken({ email: me.email, password: FIXTURE_PASSWORD, ip: null })
    const post = (body: unknown) =>
      markAllReadRoute(
        new Request('http://haven.test/api/v1/notifications/mark-all-read', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({}) },
      )

    const response = await post({ upTo: times[1] })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ count: 2 })
    const inbox = await listNotifications(me)
    expect(inbox.filter((n) => !n.readAt).map((n) => n.title)).toEqual(['A role was granted (3)'])
    expect(await unreadCount(other)).toBe(1)
    const audited = await prisma.auditEvent.findFirst({
      where: { actorId: me.userId, action: 'notification.read-all' },
      select: { details: true },
    })
    expect(audited?.details).toEqual({ count: 2 })

    const refused = await expectProblem(await post({}), 422)
    expect(refused.errors?.map((e) => e.field)).toEqual(['upTo'])
    expect((await expectProblem(await post({ upTo: 'just now' }), 422)).errors?.[0].detail).toMatch(/real date/)
    expect(await unreadCount(me)).toBe(1)
  })
})
