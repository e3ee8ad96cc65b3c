// Setting a password: changing your own, a reset by e-mail link (asked for by the person, or forced by an
// administrator, who never sees or sets it), and the invitation a new account gets. Links are single use, expire, and
// are stored only as a hash; the e-mail carrying one is written to the outbox with the link's id, and the dispatcher
// adds the secret part (an HMAC of the id with AUTH_SECRET) only as it sends, so the database never holds a usable
// link.
import { createHash, randomUUID } from 'node:crypto'
import type { Actor } from '@/lib/domain/roles'
import { formatDateTime } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import { assertPasswordAcceptable, authenticate, hashPassword, normaliseEmail, type SignInClient } from './accounts'
import { recordAudit } from './audit'
import { getPrisma, type Tx } from './database'
import { TooManyAttemptsError, UnauthenticatedError, ValidationError } from './errors'
import { notify } from './notifications'
import { sign } from './secret'
import { ADMINS_ONLY, orNotFound, useCase, type UseCase } from './use-case'

const MINUTE = 60_000
export const PASSWORD_LINK_KIND = 'auth.password-link'
const PASSWORD_CHANGED_KIND = 'auth.password-changed'
type Purpose = 'RESET' | 'INVITATION'

const linkHash = (token: string) => createHash('sha256').update(token).digest('hex')
/** The link's secret token: its id and an HMAC of it (only the dispatcher, as it sends, and tests make one). */
export const passwordLinkToken = (linkId: string) => `${linkId}.${sign('password-link', linkId)}`
/** The path stored in the outbox (no secret) and the one sent by e-mail. */
const storedPath = (linkId: string) => `/password/${linkId}`
export const sendablePasswordPath = (stored: string) =>
  stored.replace(/^\/password\/([A-Za-z0-9_-]+)$/, (_, id: string) => `/password/${passwordLinkToken(id)}`)

/** Every session and API token of a person ends, but the one they are using (if any). */
export async function endSessionsAndTokens(
  tx: Tx,
  userId: string,
  now: Date,
  keep: { sessionId?: string | null; tokenId?: string | null } = {},
) {
  await tx.userSession.updateMany({
    where: { userId, revokedAt: null, id: { not: keep.sessionId ?? '' } },
    data: { revokedAt: now },
  })
  await tx.apiToken.updateMany({
    where: { userId, revokedAt: null, id: { not: keep.tokenId ?? '' } },
    data: { revokedAt: now },
  })
}

/** A new link for the person (earlier unused ones stop working), and the e-mail that carries it, in the outbox. */
async function issueLink(tx: Tx, user: { id: string; name: string }, purpose: Purpose, now: Date) {
  await tx.passwordLink.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } })
  const expiresAt = new Date(
    now.getTime() +
      (purpose === 'RESET' ? settings.auth.resetLinkMinutes * MINUTE : settings.auth.invitationDays * 24 * 60 * MINUTE),
  )
  const id = randomUUID()
  const link = await tx.passwordLink.create({
    data: { id, userId: user.id, purpose, tokenHash: linkHash(passwordLinkToken(id)), createdAt: now, expiresAt },
  })
  const reset = purpose === 'RESET'
  await notify(
    tx,
    [
      {
        recipientId: user.id,
        kind: PASSWORD_LINK_KIND,
        title: reset ? 'Reset your Haven password' : 'You have been given a Haven account',
        body: reset
          ? `Use this link to choose a new password for Haven. It works once, until ${formatDateTime(expiresAt)}. If you did not ask for it, you can ignore this e-mail.`
          : `Hello ${user.name}, you have been given an account on Haven. Use this link to choose your password. It works once, until ${formatDateTime(expiresAt)}.`,
        link: storedPath(link.id),
      },
    ],
    now,
  )
  return link
}

async function tellOfChange(tx: Tx, userId: string, now: Date) {
  await notify(
    tx,
    [
      {
        recipientId: userId,
        kind: PASSWORD_CHANGED_KIND,
        title: 'Your Haven password was changed',
        body: `Your Haven password was changed on ${formatDateTime(now)}, and you were signed out everywhere else. If this was not you, ask your administrator to reset it at once.`,
        link: '/account',
      },
    ],
    now,
  )
}

/** "Forgotten your password?": the same answer whether or not the address has an account; at most a few e-mails
 *  per account in a throttle window. */
export async function requestPasswordReset(email: string, now = new Date()) {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: normaliseEmail(email) } })
    if (!user || !user.active) return
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'reset:' + user.id})::bigint)`
    const since = new Date(now.getTime() - settings.auth.throttleWindowMinutes * MINUTE)
    if (
      (await tx.passwordLink.count({ where: { userId: user.id, purpose: 'RESET', createdAt: { gt: since } } })) >=
      settings.auth.resetRequestLimit
    )
      return
    const link = await issueLink(tx, user, 'RESET', now)
    await recordAudit(tx, {
      actorId: null,
      action: 'user.password-link',
      subjectType: 'user',
      subjectId: user.id,
      details: { purpose: 'RESET', linkId: link.id, forced: false },
    })
  })
}

/** An administrator makes someone choose a new password: their password stops working, their sessions and tokens
 *  end, and they are sent a reset link. The administrator never sees or sets the password. */
export async function forcePasswordReset(actor: Actor, userId: string, now = new Date()) {
  await useCase(actor, 'user.manage', { ...ADMINS_ONLY, now }, async ({ tx, audit }) => {
    const user = await tx.user.findUnique({ where: { id: userId } }).then(orNotFound('user'))
    if (!user.active) throw new ValidationError({ form: 'This account is deactivated: reactivate it first' })
    await tx.user.update({ where: { id: userId }, data: { passwordHash: null } })
    await endSessionsAndTokens(tx, userId, now)
    const link = await issueLink(tx, user, 'RESET', now)
    await audit({
      action: 'user.password-link',
      subjectType: 'user',
      subjectId: userId,
      details: { purpose: 'RESET', linkId: link.id, forced: true },
    })
  })
}

/** A new account's invitation to choose a password (called in the transaction that creates it). */
export async function inviteNewUser(
  tx: Tx,
  audit: UseCase['audit'],
  user: { id: string; name: string },
  now = new Date(),
) {
  const link = await issueLink(tx, user, 'INVITATION', now)
  await audit({
    action: 'user.password-link',
    subjectType: 'user',
    subjectId: user.id,
    details: { purpose: 'INVITATION', linkId: link.id, forced: false },
  })
}

const linkProblem =
  'This link has expired or has already been used. Ask for a new one from the sign-in page (“Forgotten your password?”).'

/** What a link is for, if it can still be used (for the page that opens from it). */
export async function passwordLinkPurpose(token: string, now = new Date()): Promise<Purpose | null> {
  const prisma = await getPrisma()
  const link = await prisma.passwordLink.findUnique({
    where: { tokenHash: linkHash(token) },
    include: { user: { select: { active: true } } },
  })
  return link && !link.usedAt && link.expiresAt > now && link.user.active ? (link.purpose as Purpose) : null
}

/** Sets the password from a link, once: every session and API token of the person ends. */
export async function setPasswordFromLink(token: string, newPassword: string, now = new Date()) {
  assertPasswordAcceptable(newPassword, 'newPassword')
  const passwordHash = await hashPassword(newPassword)
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const link = await tx.passwordLink.findUnique({
      where: { tokenHash: linkHash(token) },
      include: { user: { select: { active: true } } },
    })
    if (!link || link.expiresAt <= now || !link.user.active)
      throw new ValidationError({ form: linkProblem }, linkProblem)
    // single use, even when two requests race: only one marks it used
    const claimed = await tx.passwordLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } })
    if (claimed.count !== 1) throw new ValidationError({ form: linkProblem }, linkProblem)
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash } })
    await endSessionsAndTokens(tx, link.userId, now)
    await tellOfChange(tx, link.userId, now)
    await recordAudit(tx, {
      actorId: link.userId,
      action: 'user.password-set',
      subjectType: 'user',
      subjectId: link.userId,
      details: { via: link.purpose === 'RESET' ? 'reset' : 'invitation' },
    })
  })
}

/** Changing your own password: the current one is checked (and throttled like a sign-in); every other session and
 *  API token of yours ends; you are told by e-mail. */
export async function changeOwnPassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  client: SignInClient & { sessionId?: string | null; tokenId?: string | null },
  now = new Date(),
) {
  try {
    await authenticate({ email: actor.email, password: input.currentPassword, ...client }, now)
  } catch (e) {
    if (e instanceof UnauthenticatedError)
      throw new ValidationError({ currentPassword: 'Your current password is not right' })
    if (e instanceof TooManyAttemptsError)
      throw new ValidationError({
        currentPassword: `Too many wrong passwords: wait ${Math.ceil(e.retryAfterSeconds / 60)} minutes and try again`,
      })
    throw e
  }
  assertPasswordAcceptable(input.newPassword, 'newPassword')
  if (input.newPassword === input.currentPassword)
    throw new ValidationError({ newPassword: 'Choose a password different from your current one' })
  const passwordHash = await hashPassword(input.newPassword)
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } })
    await tx.passwordLink.updateMany({ where: { userId: actor.userId, usedAt: null }, data: { usedAt: now } })
    await endSessionsAndTokens(tx, actor.userId, now, { sessionId: client.sessionId, tokenId: client.tokenId })
    await tellOfChange(tx, actor.userId, now)
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'user.password-set',
      subjectType: 'user',
      subjectId: actor.userId,
      details: { via: 'change' },
    })
  })
}
