// Sign-in, browser sessions and API tokens. One authenticate() serves the sign-in page and the token endpoint.
import { createHash, randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import type { Actor, Role } from '@/lib/domain/roles'
import { settings } from '@/lib/settings'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { getPrisma, type Tx } from './database'
import { recordAudit } from './audit'
import { NotFoundError, TooManyAttemptsError, UnauthenticatedError, ValidationError } from './errors'

const ARGON2ID = 2 // @node-rs/argon2's Algorithm.Argon2id (a const enum, not importable under isolatedModules)
const MINUTE = 60_000

export function hashPassword(password: string) {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }) // OWASP minimum for argon2id
}

/** NCSC-style: length over complexity rules. Returns a problem to show, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'Password must be at least 12 characters (three random words work well)'
  if (password.length > 200) return 'Password must be 200 characters or fewer'
  return null
}

// Compared against when the e-mail is unknown, so a wrong address takes as long as a wrong password.
let dummyHash: Promise<string> | undefined

export const normaliseEmail = (email: string) => email.trim().toLowerCase()

/**
 * Counts recent failures for the account (since its last success) and for the address, and records this attempt
 * as failed before the password is checked, all under a per-account lock: parallel guesses cannot slip past the limit.
 * Returns the attempt's id, marked as succeeded once the password is right.
 */
async function throttleAndRecord(prisma: PrismaClient, email: string, ip: string | null, now: Date) {
  const windowMs = settings.auth.throttleWindowMinutes * MINUTE
  const since = new Date(now.getTime() - windowMs)
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'signin:' + email})::bigint)`
    const lastSuccess = await tx.signInAttempt.findFirst({ where: { email, succeeded: true, at: { gt: since } }, orderBy: { at: 'desc' } })
    const failures = (where: object) => tx.signInAttempt.findMany({ where: { ...where, succeeded: false }, orderBy: { at: 'asc' }, select: { at: true } })
    const checks: [{ at: Date }[], number][] = [[await failures({ email, at: { gt: lastSuccess?.at ?? since } }), settings.auth.accountFailureLimit]]
    if (ip) checks.push([await failures({ ip, at: { gt: since } }), settings.auth.addressFailureLimit])
    for (const [list, limit] of checks) {
      if (list.length >= limit) {
        // locked until the oldest failure that counts falls out of the window
        const unlockAt = list[list.length - limit].at.getTime() + windowMs
        throw new TooManyAttemptsError(Math.max(1, Math.round((unlockAt - now.getTime()) / 1000)))
      }
    }
    return (await tx.signInAttempt.create({ data: { email, ip: ip ?? 'unknown', succeeded: false, at: now } })).id
  })
}

/** Checks e-mail and password, throttled per account and per known address. Every attempt is recorded. */
export async function authenticate(input: { email: string; password: string; ip: string | null }, now = new Date()) {
  const prisma = await getPrisma()
  const email = normaliseEmail(input.email)
  const attemptId = await throttleAndRecord(prisma, email, input.ip, now)
  const user = await prisma.user.findUnique({ where: { email } })
  dummyHash ??= hashPassword('not a real password, only for timing')
  const passwordOk = await verify(user?.passwordHash ?? (await dummyHash), input.password)
  if (!user || !user.active || !passwordOk) throw new UnauthenticatedError('The e-mail address or password is not right.')
  await prisma.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } })
  return user
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
      role: r.role as Role,
      homeId: r.homeId,
      providerId: r.providerId,
      localAuthorityId: r.localAuthorityId,
    })),
  }
}

// ---- browser sessions (server-side records, so they time out and can be revoked at once)

export async function startSession(userId: string, client: { ip: string | null; userAgent?: string | null }, now = new Date()) {
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
    await recordAudit(tx, { actorId: userId, action: 'auth.sign-in', subjectType: 'user', subjectId: userId, details: { via: 'browser' } })
    return session
  })
}

/** The actor behind a session id, or null if it has ended (revoked, idle too long, past its maximum, user deactivated). */
export async function actorForSession(sessionId: string, now = new Date()): Promise<Actor | null> {
  const prisma = await getPrisma()
  const session = await prisma.userSession.findUnique({ where: { id: sessionId } })
  if (!session || session.revokedAt || session.expiresAt <= now) return null
  if (now.getTime() - session.lastSeenAt.getTime() > settings.auth.sessionIdleMinutes * MINUTE) return null
  const actor = await loadActor(prisma, session.userId)
  if (actor && now.getTime() - session.lastSeenAt.getTime() > MINUTE)
    await prisma.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } })
  return actor
}

export async function endSession(sessionId: string) {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({ where: { id: sessionId } })
    if (!session || session.revokedAt) return
    await tx.userSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } })
    await recordAudit(tx, { actorId: session.userId, action: 'auth.sign-out', subjectType: 'user', subjectId: session.userId, details: {} })
  })
}

/** Revokes one of the actor's own sessions (or any, for a system administrator through users.ts). */
export async function revokeSession(actor: Actor, sessionId: string) {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const session = await tx.userSession.findFirst({ where: { id: sessionId, userId: actor.userId, revokedAt: null } })
    if (!session) throw new NotFoundError('session')
    await tx.userSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } })
    await recordAudit(tx, { actorId: actor.userId, action: 'session.revoke', subjectType: 'user', subjectId: actor.userId, details: { sessionId } })
  })
}

/** "Sign out everywhere else": revokes all the actor's sessions but the one in use. */
export async function revokeOtherSessions(actor: Actor, keepSessionId: string | null) {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const others = await tx.userSession.findMany({ where: { userId: actor.userId, revokedAt: null, id: { not: keepSessionId ?? '' } } })
    // all row changes first, then the audit lock (taking it between row locks could deadlock with another revoke)
    await tx.userSession.updateMany({ where: { id: { in: others.map((s) => s.id) } }, data: { revokedAt: new Date() } })
    for (const session of others)
      await recordAudit(tx, { actorId: actor.userId, action: 'session.revoke', subjectType: 'user', subjectId: actor.userId, details: { sessionId: session.id } })
  })
}

export async function listOwnSessions(actor: Actor, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.userSession.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: 'desc' },
  })
}

// ---- personal API tokens (only a SHA-256 hash is stored; the token is shown once)

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

export async function issueApiToken(
  input: { email: string; password: string; ip: string | null; name?: string },
  now = new Date(),
) {
  const user = await authenticate(input, now)
  const prisma = await getPrisma()
  const token = `hvn_${randomBytes(32).toString('base64url')}`
  const expiresAt = new Date(now.getTime() + settings.auth.apiTokenDays * 24 * 60 * MINUTE)
  const saved = await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: user.id, name: input.name?.trim() || 'API token', tokenHash: tokenHash(token), createdAt: now, expiresAt },
    })
    await recordAudit(tx, { actorId: user.id, action: 'token.create', subjectType: 'apiToken', subjectId: row.id, details: { expiresAt: expiresAt.toISOString() } })
    return row
  })
  return { id: saved.id, token, expiresAt }
}

/** The actor for an Authorization header value, or null if the token is unknown, expired or revoked. */
export async function actorForBearer(authorization: string | null, now = new Date()): Promise<{ actor: Actor; tokenId: string } | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i)
  if (!match) return null
  const prisma = await getPrisma()
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: tokenHash(match[1]) } })
  if (!row || row.revokedAt || row.expiresAt <= now) return null
  const actor = await loadActor(prisma, row.userId)
  if (!actor) return null
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > MINUTE)
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } })
  return { actor, tokenId: row.id }
}

export async function listOwnApiTokens(actor: Actor, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.apiToken.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, createdAt: true, expiresAt: true, lastUsedAt: true },
  })
}

export async function revokeApiToken(actor: Actor, tokenId: string) {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.userId, revokedAt: null } })
    if (!row) throw new NotFoundError('API token')
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } })
    await recordAudit(tx, { actorId: actor.userId, action: 'token.revoke', subjectType: 'apiToken', subjectId: tokenId, details: {} })
  })
}

export function assertPasswordAcceptable(password: string, field = 'password') {
  const problem = passwordProblem(password)
  if (problem) throw new ValidationError({ [field]: problem })
}
