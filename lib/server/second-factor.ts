// The second factor: enrolling an authenticator app (confirmed with a code, then ten recovery codes shown once),
// checking a code at sign-in (called by authenticate(), so it is throttled like a password), using a recovery code
// when the phone is lost, and an administrator's reset (the person enrols again; they are told by e-mail).
import { createHash } from 'node:crypto'
import { Secret } from 'otpauth'
import {
  acceptedTotpStep,
  isAuthenticatorCode,
  normaliseRecoveryCode,
  secondFactorRequired,
  totpUri,
} from '@/lib/domain/second-factor'
import type { Actor } from '@/lib/domain/roles'
import { formatDateTime } from '@/lib/domain/time'
import { variable } from '@/lib/environment'
import { settings } from '@/lib/settings'
import { recordAudit } from './audit'
import { getPrisma, type Tx } from './database'
import { ForbiddenError, ValidationError } from './errors'
import { notify } from './notifications'
import { endSessionsAndTokens } from './passwords'
import { decryptSecret, encryptSecret } from './secret'
import { ADMINS_ONLY, orNotFound, useCase } from './use-case'

const PURPOSE = 'totp-secret'
const RECOVERY_CODES = 10
export const SECOND_FACTOR_KIND = 'auth.second-factor'

/** An authenticator secret as it is stored (the demo data seeds one). */
export const sealTotpSecret = (secret: string) => encryptSecret(PURPOSE, secret)

const codeHash = (code: string) => createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex')

/** Ten codes of 10 base-32 characters (50 bits each), written "abcde-fghij". */
function newRecoveryCodes() {
  return Array.from({ length: RECOVERY_CODES }, () => {
    const code = new Secret({ size: 10 }).base32.slice(0, 10).toLowerCase()
    return `${code.slice(0, 5)}-${code.slice(5)}`
  })
}

async function tell(tx: Tx, userId: string, title: string, body: string, now: Date) {
  await notify(tx, [{ recipientId: userId, kind: SECOND_FACTOR_KIND, title, body, link: '/account' }], now)
}

/** For the account page: whether the person must use a second factor (HAVEN_MFA_REQUIRED_ROLES), whether they
 *  have one, and how many recovery codes they have left. */
export async function secondFactorState(actor: Actor) {
  const prisma = await getPrisma()
  const [factor, codesLeft] = await Promise.all([
    prisma.secondFactor.findUnique({ where: { userId: actor.userId }, select: { confirmedAt: true } }),
    prisma.recoveryCode.count({ where: { userId: actor.userId, usedAt: null } }),
  ])
  return { enrolled: Boolean(factor?.confirmedAt), required: requiredFor(actor), codesLeft }
}

const requiredFor = (actor: Actor) =>
  secondFactorRequired(
    actor.grants.map((g) => g.role),
    variable('HAVEN_MFA_REQUIRED_ROLES'),
  )

/** A signed-in person who must have a second factor and has none yet (checked on every request: a role granted
 *  later, or a reset, takes effect at once). */
export async function mustEnrol(actor: Actor) {
  if (!requiredFor(actor)) return false
  const prisma = await getPrisma()
  const factor = await prisma.secondFactor.findUnique({
    where: { userId: actor.userId },
    select: { confirmedAt: true },
  })
  return !factor?.confirmedAt
}

export type CodeCheck = 'none-set-up' | 'accepted' | 'missing' | 'wrong'

/**
 * Checks the code given at sign-in against the person's authenticator (a code is used once) or, if it is not six
 * digits, their unused recovery codes (a used one is spent, and they are told). Throttling is the caller's.
 */
export async function checkSecondFactor(userId: string, code: string | undefined, now: Date): Promise<CodeCheck> {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'totp:' + userId})::bigint)`
    const factor = await tx.secondFactor.findUnique({ where: { userId } })
    if (!factor?.confirmedAt) return 'none-set-up'
    if (!code?.trim()) return 'missing'
    if (isAuthenticatorCode(code)) {
      const step = acceptedTotpStep(
        decryptSecret(PURPOSE, factor.secret),
        code,
        now,
        settings.auth.totpWindowSteps,
        factor.lastStep,
      )
      if (step === null) return 'wrong'
      await tx.secondFactor.update({ where: { userId }, data: { lastStep: step } })
      return 'accepted'
    }
    const spent = await tx.recoveryCode.updateMany({
      where: { userId, codeHash: codeHash(code), usedAt: null },
      data: { usedAt: now },
    })
    if (spent.count !== 1) return 'wrong'
    const left = await tx.recoveryCode.count({ where: { userId, usedAt: null } })
    await tell(
      tx,
      userId,
      'A recovery code was used to sign in to Haven',
      `One of your recovery codes was used to sign in to Haven on ${formatDateTime(now)}; ${left} are left. If this was not you, ask your administrator to reset your second factor and your password at once. If you have lost your phone, set up your authenticator again from your account page.`,
      now,
    )
    await recordAudit(tx, {
      actorId: userId,
      action: 'auth.recovery-code',
      subjectType: 'user',
      subjectId: userId,
      details: { left },
    })
    return 'accepted'
  })
}

/** Starts (or starts again) setting up an authenticator: a new secret, not used until confirmed with a code. */
export async function startEnrolment(actor: Actor, now = new Date()) {
  const prisma = await getPrisma()
  const secret = new Secret({ size: 20 }).base32
  await prisma.$transaction(async (tx) => {
    const existing = await tx.secondFactor.findUnique({ where: { userId: actor.userId } })
    if (existing?.confirmedAt)
      throw new ValidationError({ form: 'You already have an authenticator set up. An administrator can reset it.' })
    const data = { secret: sealTotpSecret(secret), createdAt: now, confirmedAt: null, lastStep: null }
    await tx.secondFactor.upsert({
      where: { userId: actor.userId },
      create: { userId: actor.userId, ...data },
      update: data,
    })
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'user.second-factor-start',
      subjectType: 'user',
      subjectId: actor.userId,
      details: {},
    })
  })
  return { secret, uri: totpUri(secret, actor.email) }
}

/** Confirms the authenticator with a code from it; returns the recovery codes, shown this once. */
export async function confirmEnrolment(actor: Actor, code: string, now = new Date()) {
  const prisma = await getPrisma()
  const codes = newRecoveryCodes()
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'totp:' + actor.userId})::bigint)`
    const factor = await tx.secondFactor.findUnique({ where: { userId: actor.userId } })
    if (!factor || factor.confirmedAt)
      throw new ValidationError({ code: 'Start setting up your authenticator again from your account page' })
    const step = acceptedTotpStep(decryptSecret(PURPOSE, factor.secret), code, now, settings.auth.totpWindowSteps, null)
    if (step === null)
      throw new ValidationError({
        code: 'That code is not right: enter the 6 digits your authenticator app shows now for Haven',
      })
    await tx.secondFactor.update({ where: { userId: actor.userId }, data: { confirmedAt: now, lastStep: step } })
    await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } })
    await tx.recoveryCode.createMany({
      data: codes.map((c) => ({ userId: actor.userId, codeHash: codeHash(c), createdAt: now })),
    })
    await tell(
      tx,
      actor.userId,
      'A second factor was set up for your Haven account',
      `An authenticator app was set up as the second factor for your Haven account on ${formatDateTime(now)}. If this was not you, ask your administrator to reset it at once.`,
      now,
    )
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'user.second-factor-enrol',
      subjectType: 'user',
      subjectId: actor.userId,
      details: {},
    })
  })
  return codes
}

/**
 * An administrator removes someone's authenticator and recovery codes (a lost phone and no codes left): their sessions
 * and API tokens end, they are told by e-mail, and they set it up again after their next sign-in with their password.
 * Never one's own: another administrator does that.
 */
export async function resetSecondFactor(actor: Actor, userId: string, now = new Date()) {
  await useCase(actor, 'user.manage', { ...ADMINS_ONLY, now }, async ({ tx, audit }) => {
    if (userId === actor.userId) throw new ForbiddenError('Another administrator must reset your own second factor.')
    const user = await tx.user.findUnique({ where: { id: userId } }).then(orNotFound('user'))
    const removed = await tx.secondFactor.deleteMany({ where: { userId: user.id } })
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } })
    await endSessionsAndTokens(tx, user.id, now)
    await tell(
      tx,
      user.id,
      'Your Haven second factor was reset',
      `An administrator reset the second factor of your Haven account on ${formatDateTime(now)}, and you were signed out everywhere. Sign in with your password and set up your authenticator app again. If you did not ask for this, tell your administrator at once.`,
      now,
    )
    await audit({
      action: 'user.second-factor-reset',
      subjectType: 'user',
      subjectId: user.id,
      details: { hadOne: removed.count > 0 },
    })
  })
}

/** A new set of recovery codes (the old ones stop working), for a person with an authenticator. */
export async function replaceRecoveryCodes(actor: Actor, now = new Date()) {
  const prisma = await getPrisma()
  const codes = newRecoveryCodes()
  await prisma.$transaction(async (tx) => {
    const factor = await tx.secondFactor.findUnique({ where: { userId: actor.userId } })
    if (!factor?.confirmedAt) throw new ValidationError({ form: 'Set up your authenticator app first' })
    await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } })
    await tx.recoveryCode.createMany({
      data: codes.map((c) => ({ userId: actor.userId, codeHash: codeHash(c), createdAt: now })),
    })
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'user.recovery-codes',
      subjectType: 'user',
      subjectId: actor.userId,
      details: {},
    })
  })
  return codes
}
