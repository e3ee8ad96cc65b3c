// Sign-in and browser sessions (API tokens: api-tokens.ts). One authenticate() serves the sign-in page and the token
// endpoint.
import { hash, verify } from '@node-rs/argon2'
import type { Actor } from '@/lib/domain/roles'
import { settings } from '@/lib/settings'
import { attemptWaitMs, type ThrottleRule } from '@/lib/domain/sign-in'
import { formatDateTime } from '@/lib/domain/time'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'
import { isCommonPassword } from './common-passwords'
import { getPrisma, type Tx } from './database'
import { recordAudit } from './audit'
import { notify } from './notifications'
import {
  isDatabaseBusy,
  NotFoundError,
  SecondFactorNeededError,
  TooManyAttemptsError,
  UnauthenticatedError,
  ValidationError,
  WrongCodeError,
} from './errors'
import { checkSecondFactor } from './second-factor'
import { PasswordNotAllowedError, passwordRefused } from './organisation-sign-in'

const ARGON2ID = 2 // @node-rs/argon2's Algorithm.Argon2id (a const enum, not importable under isolatedModules)
const MINUTE = 60_000

export function hashPassword(password: string) {
  // OWASP minimum for argon2id
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 })
}

/**
 * NCSC and NIST SP 800-63B 5.1.1.2: length over complexity (no composition rules, no forced periodic change), and
 * never a password on a list of common ones. Returns a problem to show, or null.
 */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'Password must be at least 12 characters (three random words work well)'
  if (password.length > 200) return 'Password must be 200 characters or fewer'
  if (isCommonPassword(password))
    return 'This password is one of the most common and is guessed first: choose another (three random words work well)'
  return null
}

// Compared against when the e-mail is unknown, so a wrong address takes as long as a wrong password.
let dummyHash: Promise<string> | undefined

export const normaliseEmail = (email: string) => email.trim().toLowerCase()

/** Where an attempt comes from: the sign-in page (with this browser's device id for the account, if it has signed
 *  in to it before) or the API's token endpoint (no cookies). */
export type SignInClient = {
  ip: string | null
  channel?: 'browser' | 'api' | 'organisation'
  deviceId?: string | null
}

const throttleRule = (limit: number, freeFailures = settings.auth.freeFailures): ThrottleRule => ({
  limit,
  freeFailures,
  slowDownMs: settings.auth.slowDownSeconds * 1000,
  windowMs: settings.auth.throttleWindowMinutes * MINUTE,
})

/**
 * Throttles per bucket, never the account as a whole (lib/domain/sign-in.ts): a browser that has signed in to the
 * account before counts only its own failures, so a stranger guessing elsewhere cannot keep the owner out; unknown
 * browsers share one allowance per account, API sign-ins another, and unknown browsers and the API one per address.
 * Records this attempt as failed before the password is checked, under a per-account lock, so parallel guesses cannot
 * slip past the limit. Returns the attempt's id, marked as succeeded once the password is right.
 */
async function throttleAndRecord(prisma: PrismaClient, email: string, client: SignInClient, now: Date) {
  const since = new Date(now.getTime() - settings.auth.throttleWindowMinutes * MINUTE)
  const deviceId = client.deviceId ?? null
  const channel = client.channel ?? 'browser'
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'signin:' + email})::bigint)`
    /** failures in the window, after the bucket's last success if it resets on success */
    const failures = async (where: Prisma.SignInAttemptWhereInput, resetOnSuccess: boolean) => {
      const lastSuccess = resetOnSuccess
        ? await tx.signInAttempt.findFirst({
            where: { ...where, succeeded: true, at: { gt: since } },
            orderBy: { at: 'desc' },
          })
        : null
      const rows = await tx.signInAttempt.findMany({
        where: { ...where, succeeded: false, at: { gt: lastSuccess?.at ?? since } },
        orderBy: { at: 'asc' },
        select: { at: true },
      })
      return rows.map((r) => r.at)
    }
    const checks: [Date[], ThrottleRule][] = deviceId
      ? [[await failures({ email, deviceId }, true), throttleRule(settings.auth.accountFailureLimit)]]
      : [[await failures({ email, channel, deviceId: null }, true), throttleRule(settings.auth.accountFailureLimit)]]
    if (!deviceId && client.ip)
      checks.push([
        await failures({ ip: client.ip, deviceId: null }, false),
        throttleRule(settings.auth.addressFailureLimit, settings.auth.addressFailureLimit),
      ])
    for (const [list, rule] of checks) {
      const waitMs = attemptWaitMs(list, now, rule)
      if (waitMs > 0) throw new TooManyAttemptsError(Math.max(1, Math.ceil(waitMs / 1000)))
    }
    const attempt = await tx.signInAttempt.create({
      data: { email, ip: client.ip ?? 'unknown', succeeded: false, at: now, channel, deviceId },
    })
    return attempt.id
  })
}

/** An attempt through the organisation's identity provider, throttled in a bucket of its own (its id). */
export async function recordSignInAttempt(email: string, client: SignInClient, now = new Date()) {
  return throttleAndRecord(await getPrisma(), normaliseEmail(email), client, now)
}

export async function markAttemptSucceeded(attemptId: string) {
  const prisma = await getPrisma()
  await prisma.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } })
}

export const FAILED_SIGN_INS_KIND = 'auth.failed-sign-ins'

/** Tells the owner, once per window, that there have been repeated failed attempts on their account (and when). */
async function tellOwnerOfFailures(prisma: PrismaClient, user: { id: string; email: string }, now: Date) {
  const since = new Date(now.getTime() - settings.auth.throttleWindowMinutes * MINUTE)
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'signin:' + user.email})::bigint)`
    const failures = await tx.signInAttempt.findMany({
      where: { email: user.email, succeeded: false, at: { gt: since } },
      orderBy: { at: 'asc' },
      select: { at: true },
    })
    if (failures.length < settings.auth.accountFailureLimit) return
    if (
      await tx.notification.count({
        where: { recipientId: user.id, kind: FAILED_SIGN_INS_KIND, createdAt: { gt: since } },
      })
    )
      return
    const [first, last] = [failures[0].at, failures[failures.length - 1].at]
    await notify(
      tx,
      [
        {
          recipientId: user.id,
          kind: FAILED_SIGN_INS_KIND,
          title: 'Failed attempts to sign in to your Haven account',
          body: `There were ${failures.length} failed attempts to sign in to your Haven account between ${formatDateTime(first)} and ${formatDateTime(last)}.`,
          link: '/account',
        },
      ],
      now,
    )
  })
}

/**
 * Checks e-mail and password, throttled per known browser, per account and per address; with `secondFactor`, also
 * the code of an account that has one (a wrong code is a failed attempt like a wrong password; none given yet is
 * neither a failure nor a success). Every attempt is recorded.
 */
export async function authenticate(
  input: { email: string; password: string; code?: string; secondFactor?: boolean } & SignInClient,
  now = new Date(),
) {
  const prisma = await getPrisma()
  const email = normaliseEmail(input.email)
  const attemptId = await throttleAndRecord(prisma, email, input, now)
  const user = await prisma.user.findUnique({ where: { email } })
  dummyHash ??= hashPassword('not a real password, only for timing')
  const passwordOk = await verify(user?.passwordHash ?? (await dummyHash), input.password)
  if (!user || !user.active || !user.passwordHash || !passwordOk) {
    if (user?.active) await tellOwnerOfFailures(prisma, user, now)
    throw new UnauthenticatedError('The e-mail address or password is not right.')
  }
  // only once the password is right, so a wrong one never tells how the account signs in
  if (await passwordRefused(prisma, user.id)) throw new PasswordNotAllowedError()
  if (input.secondFactor) {
    const check = await checkSecondFactor(user.id, input.code, now)
    if (check === 'missing') {
      await prisma.signInAttempt.delete({ where: { id: attemptId } })
      throw new SecondFactorNeededError()
    }
    if (check === 'wrong') {
      await tellOwnerOfFailures(prisma, user, now)
      throw new WrongCodeError()
    }
  }
  await prisma.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } })
  return user
}

/** Haven's own code after the organisation's provider let the person in (it does not enforce a second factor):
 *  throttled and recorded as a password's code is. */
export async function checkOrganisationCode(
  userId: string,
  code: string,
  client: { ip: string | null },
  now = new Date(),
) {
  const prisma = await getPrisma()
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } })
  const attemptId = await throttleAndRecord(prisma, user.email, { ...client, channel: 'organisation' }, now)
  const check = await checkSecondFactor(user.id, code || undefined, now)
  if (check === 'missing' || check === 'wrong') {
    await tellOwnerOfFailures(prisma, user, now)
    throw new WrongCodeError()
  }
  await prisma.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } })
}

/** The actor for a user: who they are and every role they hold (none if deactivated). */
export async function loadActor(db: PrismaClient | Tx, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId }, include: { roles: true } })
  if (!user || !user.active) return null
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    grants: user.roles.map((r) => ({
      role: r.role,
      homeId: r.homeId,
      providerId: r.providerId,
      localAuthorityId: r.localAuthorityId,
    })),
  }
}

// ---- browser sessions (server-side records, so they time out and can be revoked at once)

export async function startSession(
  userId: string,
  client: { ip: string | null; userAgent?: string | null },
  now = new Date(),
  method: 'password' | 'organisation' = 'password',
) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const session = await tx.userSession.create({
      data: {
        userId,
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + settings.auth.sessionMaxHours * 60 * MINUTE),
      },
    })
    await recordAudit(tx, {
      actorId: userId,
      action: 'auth.sign-in',
      subjectType: 'user',
      subjectId: userId,
      details: { via: 'browser', method },
    })
    return session
  })
}

/**
 * The actor behind a session id, or null if it has ended (revoked, idle too long, past its maximum, user deactivated).
 */
export async function actorForSession(sessionId: string, now = new Date()): Promise<Actor | null> {
  const prisma = await getPrisma()
  const session = await prisma.userSession.findUnique({ where: { id: sessionId } })
  if (!session || session.revokedAt || session.expiresAt <= now) return null
  if (now.getTime() - session.lastSeenAt.getTime() > settings.auth.sessionIdleMinutes * MINUTE) return null
  const actor = await loadActor(prisma, session.userId)
  // lastSeenAt is written at most every HAVEN_SESSION_TOUCH_SECONDS, not on every request (a page read would be a
  // write): the idle timeout may end a session up to that long early, never late. Conditional, so the parallel
  // requests of one page write the row once.
  const touchedBefore = new Date(now.getTime() - settings.auth.sessionTouchSeconds * 1000)
  if (actor && session.lastSeenAt <= touchedBefore)
    await prisma.userSession.updateMany({
      where: { id: sessionId, lastSeenAt: { lte: touchedBefore } },
      data: { lastSeenAt: now },
    })
  return actor
}

/**
 * For Auth.js's check of the cookie (next-auth.ts): whether the session has not ended. A database too busy to say is
 * not an ended session: the person stays signed in (Auth.js would drop the session), and the page's own check
 * (current-actor.ts) answers "Haven is busy".
 */
export async function sessionStillOpen(sid: string) {
  try {
    return Boolean(await actorForSession(sid))
  } catch (e) {
    if (isDatabaseBusy(e)) return true
    throw e
  }
}

export async function endSession(sessionId: string) {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({ where: { id: sessionId } })
    if (!session || session.revokedAt) return
    await tx.userSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } })
    await recordAudit(tx, {
      actorId: session.userId,
      action: 'auth.sign-out',
      subjectType: 'user',
      subjectId: session.userId,
      details: {},
    })
  })
}

/** Revokes one of the actor's own sessions (or any, for a system administrator through users.ts). */
export async function revokeSession(actor: Actor, sessionId: string) {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const session = await tx.userSession.findFirst({ where: { id: sessionId, userId: actor.userId, revokedAt: null } })
    if (!session) throw new NotFoundError('session')
    await tx.userSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } })
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'session.revoke',
      subjectType: 'user',
      subjectId: actor.userId,
      details: { sessionId },
    })
  })
}

/** "Sign out everywhere else": revokes all the actor's sessions but the one in use. */
export async function revokeOtherSessions(actor: Actor, keepSessionId: string | null) {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const others = await tx.userSession.findMany({
      where: { userId: actor.userId, revokedAt: null, id: { not: keepSessionId ?? '' } },
    })
    // all row changes first, then the audit lock (taking it between row locks could deadlock with another revoke)
    await tx.userSession.updateMany({ where: { id: { in: others.map((s) => s.id) } }, data: { revokedAt: new Date() } })
    for (const session of others)
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'session.revoke',
        subjectType: 'user',
        subjectId: actor.userId,
        details: { sessionId: session.id },
      })
  })
}

export async function listOwnSessions(actor: Actor, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.userSession.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: 'desc' },
  })
}

export function assertPasswordAcceptable(password: string, field = 'password') {
  const problem = passwordProblem(password)
  if (problem) throw new ValidationError({ [field]: problem })
}
