// Delivers the outbox. Each e-mail delivery is claimed with a lease (FOR UPDATE SKIP LOCKED, so several dispatchers
// never take the same one), sent with a Message-ID fixed when the notification was written, then marked sent.
// A crash before the relay accepts the message leaves the lease to expire and the message is sent again, once;
// a crash in the instant after the relay accepted it and before Haven recorded it would repeat the message with the
// same Message-ID, which mail systems recognise. Failures retry with exponential backoff.
import nodemailer, { type Transporter } from 'nodemailer'
import { Prisma } from '@/lib/generated/prisma/client'
import { variable } from '@/lib/environment'
import { settings } from '@/lib/settings'
import { getPrisma } from './database'
import { flagMissingMeetings } from './meetings'
import { flagMissedVisits } from './oversight/flags'
import { chainAuditEvents } from './audit'
import { PASSWORD_LINK_KIND, sendablePasswordPath } from './passwords'
import { escalateUnacknowledged, recomputeAllPatterns } from './patterns'
import { runRetentionJob } from './retention'
import { log } from './log'
import { withRequestId } from './request-context'
import { newHolder, runScheduledJobs, type ScheduledJob } from './schedule'

const MAX_ATTEMPTS = 10
export const baseUrl = () => variable('HAVEN_BASE_URL').replace(/\/$/, '')

/** After n failed attempts: 30 s, 1 min, 2 min, ... capped at 1 hour. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000)

let transporter: Transporter | null | undefined
function mailer() {
  // a relay that stops answering gives up well within the lease, so no other dispatcher takes the message meanwhile
  if (transporter === undefined) {
    const url = variable('HAVEN_SMTP_URL')
    transporter = url
      ? nodemailer.createTransport({ url, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 40_000 })
      : null
  }
  return transporter
}

/** Tests change the SMTP settings between cases. */
export function resetMailerForTests() {
  transporter = undefined
}

/** The e-mail's text: the body, and the link to sign in to (its secret added only here, for a password link). Someone
 *  without an account cannot sign in: their e-mail is the body alone (lib/server/protocol-emails.ts). */
function emailText(n: { kind: string; body: string; link: string; recipientEmail: string | null }) {
  if (n.recipientEmail) return n.body
  if (n.kind === PASSWORD_LINK_KIND) return `${n.body}\n\n${baseUrl()}${sendablePasswordPath(n.link)}`
  const signIn = n.kind.startsWith('auth.') ? 'Sign in to Haven to see your account' : 'Sign in to Haven to see it'
  return `${n.body}\n\n${signIn}:\n${baseUrl()}${n.link}`
}

/** Sends what is due now, a few at a time (each send is well within the lease); returns how many were sent, failed
 *  and skipped. When `stopping` turns true (the server is shutting down), claimed messages not yet sent are handed
 *  back at once, for another dispatcher, instead of waiting for their lease to run out. */
export async function deliverDue(now = new Date(), batch = 2, stopping: () => boolean = () => false) {
  const prisma = await getPrisma()
  // a message whose dispatcher died mid-send on its last attempt is given up, not retried for ever
  await prisma.$executeRaw(Prisma.sql`
    UPDATE "NotificationDelivery" SET status = 'FAILED', "lockedUntil" = NULL, "lastError" = 'Gave up: the dispatcher stopped while sending, on the last attempt'
    WHERE status = 'SENDING' AND "lockedUntil" < ${now} AND attempts >= ${MAX_ATTEMPTS}`)
  const lease = new Date(now.getTime() + settings.service.dispatchLeaseSeconds * 1000)
  const claimed = await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
    UPDATE "NotificationDelivery" SET status = 'SENDING', attempts = attempts + 1, "lockedUntil" = ${lease}
    WHERE id IN (
      SELECT id FROM "NotificationDelivery"
      WHERE channel = 'EMAIL' AND "nextAttemptAt" <= ${now}
        AND (status = 'PENDING' OR (status = 'SENDING' AND "lockedUntil" < ${now}))
      ORDER BY "nextAttemptAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED)
    RETURNING id`)
  const result = { sent: 0, failed: 0, skipped: 0 }
  if (!claimed.length) return result
  const deliveries = await prisma.notificationDelivery.findMany({
    where: { id: { in: claimed.map((c) => c.id) } },
    include: { notification: { include: { recipient: { select: { email: true, active: true } } } } },
  })
  // only while this dispatcher still holds the claim: if it ran out, another has the message and says how it went
  const held = { status: 'SENDING' as const, lockedUntil: lease }
  for (const d of deliveries) {
    if (stopping()) {
      await prisma.notificationDelivery.updateMany({
        where: { ...held, id: d.id },
        data: { status: 'PENDING', lockedUntil: null, attempts: { decrement: 1 } },
      })
      continue
    }
    const transport = mailer()
    const n = d.notification
    // an account (inactive ones are skipped), or an address outside Haven from a missing protocol
    if (!transport || (n.recipient && !n.recipient.active)) {
      await prisma.notificationDelivery.updateMany({
        where: { ...held, id: d.id },
        data: {
          status: 'SKIPPED',
          lockedUntil: null,
          lastError: transport ? 'The recipient is deactivated' : 'E-mail is not configured (HAVEN_SMTP_URL)',
        },
      })
      result.skipped++
      continue
    }
    try {
      await transport.sendMail({
        from: variable('HAVEN_MAIL_FROM'),
        to: n.recipient?.email ?? n.recipientEmail!,
        // an account e-mail (a password link, failed sign-ins) is about the person, never a child: its subject says
        // what it is
        subject: n.kind.startsWith('auth.') ? n.title : n.subject,
        text: emailText(n),
        messageId: d.messageId,
      })
      await prisma.notificationDelivery.updateMany({
        where: { ...held, id: d.id },
        data: { status: 'SENT', sentAt: new Date(), lockedUntil: null, lastError: null },
      })
      result.sent++
    } catch (e) {
      const giveUp = d.attempts >= MAX_ATTEMPTS
      await prisma.notificationDelivery.updateMany({
        where: { ...held, id: d.id },
        data: {
          status: giveUp ? 'FAILED' : 'PENDING',
          lockedUntil: null,
          lastError: String((e as Error).message ?? e).slice(0, 500),
          nextAttemptAt: new Date(Date.now() + backoffMs(d.attempts)),
        },
      })
      result.failed++
    }
  }
  return result
}

/** What runs once per HAVEN_PATTERNS_INTERVAL_MS across all servers and dispatchers (schedule.ts). */
export const SCHEDULED_JOBS: ScheduledJob[] = [
  // time alone makes some patterns (an interview now overdue, a plan past review)
  { name: 'patterns.recompute', run: (now) => recomputeAllPatterns(now) },
  { name: 'alerts.escalate', run: (now) => escalateUnacknowledged(now) },
  // a month that ended without a Regulation 44 visit: flagged and told once
  { name: 'oversight.missed-visits', run: (now) => flagMissedVisits(now) },
  // sign-in records past HAVEN_RETENTION_SIGN_IN_DAYS deleted; case records at the end of their retention counted
  { name: 'retention', run: (now) => runRetentionJob(now) },
  // a high-risk episode or repeat-episode alert past its time without a meeting: flagged and told once
  { name: 'meetings.flag', run: (now) => flagMissingMeetings(now) },
]

/** The loop that runs with the server (instrumentation.ts) or on its own (scripts/dispatcher.ts). Returns `stop`,
 *  which lets the run in progress finish, hands back the messages it claimed and not sent, and resolves then. */
export function startDispatcher(
  options: { intervalMs?: number; patternsEveryMs?: number; jobs?: ScheduledJob[] } = {},
) {
  const intervalMs = options.intervalMs ?? settings.service.dispatchIntervalMs
  const patternsEveryMs = options.patternsEveryMs ?? settings.service.patternsIntervalMs
  const jobs = options.jobs ?? SCHEDULED_JOBS
  // a run's lease outlasts a slow recompute; one longer than this may overlap the next interval's run
  const leaseMs = Math.max(patternsEveryMs, settings.service.dispatchLeaseSeconds * 1000)
  const holder = newHolder()
  let running: Promise<void> | null = null
  let stopped = false
  const stopping = () => stopped
  const tick = async () => {
    try {
      await chainAuditEvents() // link the audit events written since the last tick (one server at a time does it)
      // keep going while there is more to send
      let r = await deliverDue(new Date(), 2, stopping)
      while (!stopped && r.sent + r.failed + r.skipped > 0) r = await deliverDue(new Date(), 2, stopping)
      if (patternsEveryMs > 0) await runScheduledJobs(jobs, holder, patternsEveryMs, leaseMs, stopping)
    } catch (e) {
      log.error(
        { event: 'dispatcher', err: e },
        'Haven dispatcher: the run failed; it tries again at the next interval',
      )
    }
  }
  const start = () => {
    if (running || stopped) return
    // no request asked for this work: its audit events and log lines have no request id
    running = withRequestId(null, tick).finally(() => (running = null))
  }
  const timer = setInterval(start, intervalMs) // tick catches its own errors
  timer.unref?.()
  start()
  return async () => {
    stopped = true
    clearInterval(timer)
    await running
  }
}
