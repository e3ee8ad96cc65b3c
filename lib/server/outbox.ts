// The e-mail outbox as a system administrator sees it, and retrying a message the dispatcher gave up on. Counts come
// from the delivery status columns; the list shows kinds, times and recipients' names (for an address outside Haven,
// its domain), never a title or body.
import { Prisma } from '@/lib/generated/prisma/client'
import { can } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import type { DispatcherState } from '@/lib/validation/responses'
import { recordAudit } from './audit'
import { getPrisma } from './database'
import { ForbiddenError, NotFoundError, ValidationError } from './errors'
import { dispatcherLagSeconds } from './health'

function assertAdmin(actor: Actor) {
  if (!can(actor, 'dispatcher.manage'))
    throw new ForbiddenError('Only a system administrator can see and retry the outbox.')
}

/** An address outside Haven, as the administrator sees it: its domain only (it may be a parent's own address). */
const outsider = (email: string | null) => `An address at ${email?.split('@')[1] ?? 'unknown'} (a missing protocol)`

export async function dispatcherState(actor: Actor, now = new Date()): Promise<DispatcherState> {
  assertAdmin(actor)
  const prisma = await getPrisma()
  const [counts] = await prisma.$queryRaw<
    { waiting: bigint; retrying: bigint; sent: bigint; gaveUp: bigint; skipped: bigint; oldest: Date | null }[]
  >(Prisma.sql`
    SELECT count(*) FILTER (WHERE d.status = 'SENDING' OR (d.status = 'PENDING' AND d.attempts = 0)) AS waiting,
           count(*) FILTER (WHERE d.status = 'PENDING' AND d.attempts > 0) AS retrying,
           count(*) FILTER (WHERE d.status = 'SENT') AS sent,
           count(*) FILTER (WHERE d.status = 'FAILED') AS "gaveUp",
           count(*) FILTER (WHERE d.status = 'SKIPPED') AS skipped,
           min(n."createdAt") FILTER (WHERE d.status IN ('PENDING', 'SENDING')) AS oldest
    FROM "NotificationDelivery" d JOIN "Notification" n ON n.id = d."notificationId"
    WHERE d.channel = 'EMAIL'`)
  const givenUp = await prisma.notificationDelivery.findMany({
    where: { channel: 'EMAIL', status: 'FAILED' },
    orderBy: { notification: { createdAt: 'desc' } },
    take: 100,
    select: {
      id: true,
      attempts: true,
      notification: {
        select: { kind: true, createdAt: true, recipientEmail: true, recipient: { select: { name: true } } },
      },
    },
  })
  return {
    waiting: Number(counts.waiting),
    retrying: Number(counts.retrying),
    sent: Number(counts.sent),
    gaveUp: Number(counts.gaveUp),
    skipped: Number(counts.skipped),
    oldestWaitingSeconds: counts.oldest
      ? Math.max(0, Math.floor((now.getTime() - new Date(counts.oldest).getTime()) / 1000))
      : null,
    lagSeconds: await dispatcherLagSeconds(prisma, now),
    givenUp: givenUp.map((d) => ({
      id: d.id,
      kind: d.notification.kind,
      recipient: d.notification.recipient?.name ?? outsider(d.notification.recipientEmail),
      writtenAt: d.notification.createdAt.toISOString(),
      attempts: d.attempts,
    })),
  }
}

/**
 * Puts a message that was given up back in the outbox: the dispatcher tries it again (same Message-ID), from attempt 1.
 */
export async function retryDelivery(actor: Actor, deliveryId: string, now = new Date()) {
  assertAdmin(actor)
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const delivery = await tx.notificationDelivery.findFirst({
      where: { id: deliveryId, channel: 'EMAIL' },
      select: { status: true, attempts: true },
    })
    if (!delivery) throw new NotFoundError('message')
    // the status is checked again in the update: two administrators retrying at once put it back once
    const { count } = await tx.notificationDelivery.updateMany({
      where: { id: deliveryId, status: 'FAILED' },
      data: { status: 'PENDING', attempts: 0, nextAttemptAt: now, lockedUntil: null },
    })
    if (!count)
      throw new ValidationError({
        id: 'Only a message the dispatcher gave up on can be retried: this one is already in the outbox, sent or skipped.',
      })
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'dispatcher.retry',
      subjectType: 'NotificationDelivery',
      subjectId: deliveryId,
      details: { previousAttempts: delivery.attempts },
      at: now,
    })
    return { id: deliveryId }
  })
}
