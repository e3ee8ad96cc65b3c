// The e-mail outbox as a system administrator sees it, and retrying a message the dispatcher gave up on: back through
// the outbox (the dispatcher sends it), audited, and nothing about the child on the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as outboxRoute } from '@/app/api/v1/admin/dispatcher/route'
import { POST as retryRoute } from '@/app/api/v1/admin/dispatcher/messages/[id]/retry/route'
import type { Actor } from '@/lib/domain/roles'
import { issueApiToken } from '@/lib/server/api-tokens'
import { getPrisma } from '@/lib/server/database'
import { deliverDue, resetMailerForTests } from '@/lib/server/dispatcher'
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors'
import { notify } from '@/lib/server/notifications'
import { dispatcherState, retryDelivery } from '@/lib/server/outbox'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makePerson } from '../support/fixtures'
import { startSmtpReceiver } from '../support/smtp'

describe('the outbox for administrators', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>
  let admin: Actor
  let iro: Actor
  let givenUpId: string
  beforeAll(async () => {
    await freshDatabase()
    smtp = await startSmtpReceiver()
    process.env.HAVEN_SMTP_URL = smtp.url
    resetMailerForTests()
    admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Outbox Admin')
    iro = await makePerson([{ role: 'IRO' }], 'Priya Iro')
    const prisma = await getPrisma()
    const message = (kind: string) => ({
      recipientId: iro.userId,
      kind,
      title: 'Haven: E.M. reported missing',
      body: 'E.M. was reported missing from Oak House.',
      link: `/episodes/${kind}`,
    })
    const written = new Date(Date.now() - 2 * 3600_000)
    await prisma.$transaction((tx) =>
      notify(tx, ['episode.opened', 'episode.returned', 'alert.opened', 'alert.escalated'].map(message), written),
    )
    const rows = await prisma.notificationDelivery.findMany({
      orderBy: { notification: { kind: 'asc' } },
      include: { notification: true },
    })
    const byKind = Object.fromEntries(rows.map((r) => [r.notification.kind, r.id]))
    await prisma.notificationDelivery.update({
      where: { id: byKind['alert.escalated'] },
      data: {
        status: 'FAILED',
        attempts: 10,
        lastError: 'Relay said no',
        nextAttemptAt: new Date(Date.now() + 3600_000),
      },
    })
    await prisma.notificationDelivery.update({
      where: { id: byKind['alert.opened'] },
      data: { status: 'PENDING', attempts: 2, nextAttemptAt: new Date(Date.now() + 60_000) },
    })
    await prisma.notificationDelivery.update({
      where: { id: byKind['episode.returned'] },
      data: { status: 'SENT', attempts: 1, sentAt: new Date() },
    })
    givenUpId = byKind['alert.escalated']
  })
  afterAll(async () => {
    delete process.env.HAVEN_SMTP_URL
    resetMailerForTests()
    await smtp.close()
  })

  it('counts messages by state, with the oldest waiting message and the lag, and lists those given up without their content', async () => {
    const state = await dispatcherState(admin)
    expect(state).toMatchObject({ waiting: 1, retrying: 1, sent: 1, gaveUp: 1, skipped: 0 })
    expect(state.oldestWaitingSeconds).toBeGreaterThanOrEqual(2 * 3600 - 5)
    expect(state.lagSeconds).toBeGreaterThanOrEqual(2 * 3600 - 5) // the never-attempted one has been due for 2 hours
    expect(state.givenUp).toEqual([
      { id: givenUpId, kind: 'alert.escalated', recipient: 'Priya Iro', writtenAt: expect.any(String), attempts: 10 },
    ])
    expect(JSON.stringify(state)).not.toMatch(/E\.M\.|Oak House|episodes\/|@haven\.test|Relay said no/)
  })

  it('is for system administrators only', async () => {
    await expect(dispatcherState(iro)).rejects.toThrow(ForbiddenError)
    await expect(retryDelivery(iro, givenUpId)).rejects.toThrow(ForbiddenError)
  })

  it('answers on the API with the same state, and 403 to anyone else', async () => {
    const token = async (email: string) => (await issueApiToken({ email, password: FIXTURE_PASSWORD, ip: null })).token
    const get = async (t: string) =>
      outboxRoute(
        new Request('http://127.0.0.1/api/v1/admin/dispatcher', { headers: { Authorization: `Bearer ${t}` } }),
        { params: Promise.resolve({}) },
      )
    const ok = await get(await token(admin.email))
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ gaveUp: 1, givenUp: [{ id: givenUpId }] })
    expect((await get(await token(iro.email))).status).toBe(403)
  })

  it('puts a message that was given up back in the outbox, audited; the dispatcher then sends it', async () => {
    await expect(retryDelivery(admin, 'no-such-message')).rejects.toThrow(NotFoundError)
    const prisma = await getPrisma()
    const sentId = (await prisma.notificationDelivery.findFirstOrThrow({ where: { status: 'SENT' } })).id
    await expect(retryDelivery(admin, sentId)).rejects.toThrow(ValidationError)

    const { token } = await issueApiToken({ email: admin.email, password: FIXTURE_PASSWORD, ip: null })
    const response = await retryRoute(
      new Request(`http://127.0.0.1/api/v1/admin/dispatcher/messages/${givenUpId}/retry`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ id: givenUpId }) },
    )
    expect(response.status).toBe(200)
    expect(await prisma.notificationDelivery.findUniqueOrThrow({ where: { id: givenUpId } })).toMatchObject({
      status: 'PENDING',
      attempts: 0,
      lockedUntil: null,
    })
    expect(
      await prisma.auditEvent.findFirst({ where: { action: 'dispatcher.retry', subjectId: givenUpId } }),
    ).toMatchObject({ actorId: admin.userId, details: { previousAttempts: 10 } })
    // a second retry finds it already back in the outbox
    await expect(retryDelivery(admin, givenUpId)).rejects.toThrow(ValidationError)

    const { messageId } = await prisma.notificationDelivery.findUniqueOrThrow({ where: { id: givenUpId } })
    for (let r = await deliverDue(); r.sent + r.failed + r.skipped > 0; r = await deliverDue());
    expect(await prisma.notificationDelivery.findUniqueOrThrow({ where: { id: givenUpId } })).toMatchObject({
      status: 'SENT',
      attempts: 1,
    })
    expect(smtp.received.filter((m) => m.messageId === messageId)).toHaveLength(1)
    expect((await dispatcherState(admin)).gaveUp).toBe(0)
  })
})
