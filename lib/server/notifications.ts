// The outbox: a notification is a row written in the same transaction as the event that causes it; the dispatcher
// sends its e-mail later (lib/server/dispatcher.ts). The inbox shows the title, in plain words, after sign-in; the
// e-mail has a fixed subject (the column's default) and a body with the child's initials at most, and a link that needs
// sign-in: an e-mail is read on lock screens, shared phones and forwarded, so it says nothing of what happened.
import { randomUUID } from 'node:crypto'
import type { Actor } from '@/lib/domain/roles'
import { recordAudit } from './audit'
import { getPrisma, insertRows, type Tx } from './database'
import { NotFoundError } from './errors'

/** To an account (its inbox and its e-mail), or to an address outside Haven (e-mail only, with no link:
 *  protocol-emails.ts). */
export type NewNotification = (
  { recipientId: string; recipientEmail?: never } | { recipientEmail: string; recipientId?: never }
) & {
  kind: string
  title: string
  body: string
  link: string
  childId?: string | null
  alertId?: string | null
}

/** The e-mail's text: who it is about (initials, when there is one child) and nothing of what happened. */
export const emailBody = (initials: string | null = null) =>
  initials ? `Something about ${initials} needs your attention in Haven.` : 'Something needs your attention in Haven.'

/** "Ellie Marsh" -> "E.M.": all an e-mail may say about a child. */
export const initials = (child: { firstName: string; lastName: string }) =>
  `${child.firstName.charAt(0)}.${child.lastName.charAt(0)}.`.toUpperCase()

/** Writes the notifications (one per recipient, kind and link) and their e-mail deliveries; returns the rows
 *  written. */
export async function notify(tx: Tx, items: NewNotification[], now = new Date()) {
  const seen = new Set<string>()
  const unique = items.filter((item) => {
    const key = `${item.recipientId ?? item.recipientEmail}|${item.kind}|${item.link}`
    return !seen.has(key) && Boolean(seen.add(key))
  })
  if (!unique.length) return []
  const rows = unique.map((item) => ({ id: randomUUID(), createdAt: now, childId: null, alertId: null, ...item }))
  await insertRows(tx, 'Notification', rows)
  await insertRows(
    tx,
    'NotificationDelivery',
    rows.map((n) => {
      const id = randomUUID()
      return {
        id,
        notificationId: n.id,
        channel: 'EMAIL',
        nextAttemptAt: now,
        messageId: `<${id}@haven.notifications>`,
      }
    }),
  )
  return rows
}

/** The child's IRO and social worker: told of every episode that opens and every return (recommendation 11). */
export async function notifyChildTeam(
  tx: Tx,
  childId: string,
  message: { kind: string; title: (initials: string) => string; link: string },
  now = new Date(),
) {
  const child = await tx.child.findUniqueOrThrow({
    where: { id: childId },
    select: { firstName: true, lastName: true, iroId: true, socialWorkerId: true },
  })
  const who = initials(child)
  await notify(
    tx,
    [child.iroId, child.socialWorkerId]
      .filter((id): id is string => Boolean(id))
      .map((recipientId) => ({
        recipientId,
        kind: message.kind,
        title: message.title(who),
        body: emailBody(who),
        link: message.link,
        childId,
      })),
    now,
  )
}

// TODO(lead): the inbox reads below are not use cases yet: useCase() needs an action, and no action in
// lib/domain/permissions.ts is held by every role (each person reads their own inbox, visitors and administrators
// too). With a 'notification.read' action for all roles they move onto useCase() like the rest.

/** The signed-in person's inbox: what they have not read yet first, then the newest first. */
export async function listNotifications(actor: Actor, take = 100) {
  const prisma = await getPrisma()
  const page = (read: boolean, count: number) =>
    prisma.notification.findMany({
      where: { recipientId: actor.userId, readAt: read ? { not: null } : null },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: count,
      select: NOTIFICATION_FIELDS,
    })
  const unread = await page(false, take)
  return [...unread, ...(unread.length < take ? await page(true, take - unread.length) : [])]
}

const NOTIFICATION_FIELDS = {
  id: true,
  kind: true,
  title: true,
  body: true,
  link: true,
  createdAt: true,
  readAt: true,
  deliveries: { select: { channel: true, status: true, sentAt: true } },
} as const

export async function markNotificationRead(actor: Actor, notificationId: string, now = new Date()) {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const updated = await tx.notification.updateMany({
      where: { id: notificationId, recipientId: actor.userId, readAt: null },
      data: { readAt: now },
    })
    if (
      updated.count === 0 &&
      !(await tx.notification.count({ where: { id: notificationId, recipientId: actor.userId } }))
    )
      throw new NotFoundError('notification')
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'notification.read',
      subjectType: 'notification',
      subjectId: notificationId,
      details: {},
    })
  })
}

/** "Mark all as read": everything in the person's inbox up to `upTo` (the newest notification they were shown; now
 * by default), one audit event with how many. */
export async function markAllNotificationsRead(actor: Actor, { upTo }: { upTo?: Date } = {}, now = new Date()) {
  const prisma = await getPrisma()
  const until = upTo && upTo < now ? upTo : now
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { recipientId: actor.userId, readAt: null, createdAt: { lte: until } },
      data: { readAt: now },
    })
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'notification.read-all',
      subjectType: 'notification',
      subjectId: '*',
      details: { count },
    })
    return { count }
  })
}

export async function unreadCount(actor: Actor) {
  const prisma = await getPrisma()
  return prisma.notification.count({ where: { recipientId: actor.userId, readAt: null } })
}
