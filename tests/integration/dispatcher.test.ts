// Delivery by e-mail through a real SMTP receiver on 127.0.0.1: sent once, retried with backoff, and exactly once
// after the dispatcher is killed in the middle of a delivery.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma, openDatabase, useDatabase, type Database } from '@/lib/server/database'
import { backoffMs, deliverDue } from '@/lib/server/dispatcher'
import { applyMigrations } from '@/lib/server/migrations'
import { emailBody, notify } from '@/lib/server/notifications'
import { freshDatabase } from '../support/database'
import { makePerson } from '../support/fixtures'
import { startSmtpReceiver } from '../support/smtp'

describe('the dispatcher', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>
  beforeAll(async () => {
    await freshDatabase()
    smtp = await startSmtpReceiver()
    process.env.HAVEN_SMTP_URL = smtp.url
  })
  afterAll(async () => {
    delete process.env.HAVEN_SMTP_URL
    await smtp.close()
  })

  it('sends each notification once, with its Message-ID, saying no more than initials and a link', async () => {
    const iro = await makePerson([{ role: 'IRO' }], 'Mail IRO')
    const prisma = await getPrisma()
    const title = 'Alert opened: CSE risk without a current safety plan (E.M.)'
    await prisma.$transaction((tx) =>
      notify(tx, [
        { recipientId: iro.userId, kind: 'alert.opened', title, body: emailBody('E.M.'), link: '/alerts/abc' },
      ]),
    )
    expect(await deliverDue()).toMatchObject({ sent: 1 })
    expect(await deliverDue()).toMatchObject({ sent: 0 })
    const delivery = await prisma.notificationDelivery.findFirstOrThrow({
      where: { notification: { recipientId: iro.userId } },
    })
    expect(delivery).toMatchObject({ status: 'SENT', attempts: 1 })
    const mail = smtp.received.find((m) => m.messageId === delivery.messageId)!
    expect(mail.to).toEqual([iro.email])
    expect(mail.subject).toBe('Haven: something needs your attention')
    expect(mail.raw).toContain('Something about E.M. needs your attention in Haven.')
    expect(mail.raw).toContain('http://localhost:3000/alerts/abc')
    expect(mail.raw).not.toMatch(/CSE|safety plan|alert opened/i) // the inbox title stays in Haven
    expect(await prisma.notification.findFirstOrThrow({ where: { recipientId: iro.userId } })).toMatchObject({
      title,
      subject: 'Haven: something needs your attention',
    })
  })

  it('gives up on a message whose dispatcher died during its last attempt', async () => {
    const lead = await makePerson([{ role: 'LA_MISSING_LEAD' }], 'Give-up Lead')
    const prisma = await getPrisma()
    await prisma.$transaction((tx) =>
      notify(tx, [{ recipientId: lead.userId, kind: 'alert.escalated', title: 'Gave up', body: 'x', link: '/y' }]),
    )
    const where = { notification: { recipientId: lead.userId } }
    await prisma.notificationDelivery.updateMany({
      where,
      data: { status: 'SENDING', attempts: 10, lockedUntil: new Date(Date.now() - 1000) },
    })
    await deliverDue()
    expect(await prisma.notificationDelivery.findFirstOrThrow({ where })).toMatchObject({
      status: 'FAILED',
      lastError: expect.stringMatching(/^Gave up/),
    })
  })

  it('retries a failed delivery with backoff', async () => {
    const sw = await makePerson([{ role: 'SOCIAL_WORKER' }], 'Retry SW')
    const prisma = await getPrisma()
    await prisma.$transaction((tx) =>
      notify(tx, [{ recipientId: sw.userId, kind: 'episode.opened', title: 'Retry', body: 'x', link: '/x' }]),
    )
    process.env.HAVEN_SMTP_URL = 'smtp://127.0.0.1:1' // nobody listens
    const { resetMailerForTests } = await import('@/lib/server/dispatcher')
    resetMailerForTests()
    const start = new Date()
    expect(await deliverDue(start)).toMatchObject({ failed: 1 })
    const failed = await prisma.notificationDelivery.findFirstOrThrow({
      where: { notification: { recipientId: sw.userId } },
    })
    expect(failed.status).toBe('PENDING')
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(start.getTime() + backoffMs(1) - 1000)
    expect(await deliverDue(new Date(start.getTime() + 1000))).toMatchObject({ sent: 0, failed: 0 }) // not yet
    process.env.HAVEN_SMTP_URL = smtp.url
    resetMailerForTests()
    expect(await deliverDue(new Date(start.getTime() + backoffMs(1) + 1000))).toMatchObject({ sent: 1 })
    expect(backoffMs(1)).toBe(30_000)
    expect(backoffMs(3)).toBe(120_000)
    expect(backoffMs(20)).toBe(3_600_000)
  })
})

describe('after a crash in the middle of a delivery', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-crash-'))
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  const startDispatcherProcess = (smtpUrl: string) =>
    // tsx as a loader, in the same process: killing it kills the dispatcher itself (the tsx CLI runs a child process)
    spawn(process.execPath, ['--import', 'tsx', 'scripts/dispatcher.ts'], {
      env: {
        ...process.env,
        HAVEN_DATA_DIR: dataDir,
        DATABASE_URL: '',
        HAVEN_SMTP_URL: smtpUrl,
        HAVEN_DISPATCH_INTERVAL_MS: '200',
        HAVEN_DISPATCH_LEASE_SECONDS: '2',
        HAVEN_PATTERNS_INTERVAL_MS: '0',
      },
      stdio: process.env.DEBUG_CRASH ? 'inherit' : 'ignore',
    })
  const waitFor = async (check: () => boolean, ms: number) => {
    const until = Date.now() + ms
    while (!check()) {
      if (Date.now() > until) throw new Error('timed out')
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  it('every notification is delivered exactly once after the restart', async () => {
    // ten notifications waiting in a fresh embedded database
    let db: Database = await openDatabase({ dataDir })
    await applyMigrations(db)
    useDatabase(db)
    const person = await makePerson([{ role: 'IRO' }], 'Crash IRO')
    await db.prisma.$transaction((tx) =>
      notify(
        tx,
        Array.from({ length: 10 }, (_, i) => ({
          recipientId: person.userId,
          kind: 'episode.opened',
          title: `Notice ${i + 1}`,
          body: 'x',
          link: `/n/${i}`,
        })),
      ),
    )
    const messageIds = (await db.prisma.notificationDelivery.findMany({ select: { messageId: true } }))
      .map((d) => d.messageId)
      .sort()
    await db.close()

    // the relay stalls on the 4th message; the dispatcher is killed while it waits
    let dispatcher: ChildProcess | undefined
    const smtp = await startSmtpReceiver({ stallOn: (n) => n === 4, onStall: () => dispatcher?.kill('SIGKILL') })
    try {
      dispatcher = startDispatcherProcess(smtp.url)
      const exited = new Promise((resolve) => dispatcher!.on('exit', resolve))
      await exited
      expect(smtp.received).toHaveLength(3)

      const restarted = startDispatcherProcess(smtp.url)
      await waitFor(() => smtp.received.length >= 10, 30_000)
      await new Promise((r) => setTimeout(r, 1500)) // time for any duplicate to arrive
      restarted.kill('SIGTERM')
      await new Promise((resolve) => restarted.on('exit', resolve))
      expect(smtp.received.map((m) => m.messageId).sort()).toEqual(messageIds)

      db = await openDatabase({ dataDir })
      const deliveries = await db.prisma.notificationDelivery.findMany()
      expect(deliveries.every((d) => d.status === 'SENT')).toBe(true)
      // claims are two at a time: the one in flight when it died was taken over when its lease ran out (a second
      // attempt, the same Message-ID, delivered once); every other went on its first attempt
      expect(deliveries.filter((d) => d.attempts === 2)).toHaveLength(1)
      expect(deliveries.filter((d) => d.attempts === 1)).toHaveLength(9)
      await db.close()
    } finally {
      await smtp.close()
    }
  }, 90_000)
})
