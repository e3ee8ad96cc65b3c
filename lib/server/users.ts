// Managing people (system administrators): their accounts, activation and sessions, and creating the first
// administrator. Their roles: role-grants.ts.
import type { Actor } from '@/lib/domain/roles'
import type { NewUser } from '@/lib/validation/users'
import { assertPasswordAcceptable, hashPassword, normaliseEmail } from './accounts'
import { recordAudit } from './audit'
import { getPrisma, inTurn, type Tx } from './database'
import { ValidationError } from './errors'
import { flagToMissingLeads, handOver } from './handover'
import { inviteNewUser } from './passwords'
import { grantRole, NO_CHILD_DATA } from './role-grants'
import { ADMINS_ONLY, orNotFound, useCase, type UseCase } from './use-case'

export async function listUsers(actor: Actor) {
  return useCase(actor, 'user.manage', { ...ADMINS_ONLY, unaudited: NO_CHILD_DATA }, ({ tx }) =>
    tx.user.findMany({
      orderBy: { name: 'asc' },
      select: {
        id: true,
        name: true,
        email: true,
        active: true,
        roles: {
          select: {
            role: true,
            home: { select: { name: true } },
            provider: { select: { name: true } },
            localAuthority: { select: { name: true } },
          },
        },
      },
    }),
  )
}

export async function getUser(actor: Actor, userId: string) {
  return useCase(actor, 'user.manage', { ...ADMINS_ONLY, unaudited: NO_CHILD_DATA }, ({ tx, now }) =>
    tx.user
      .findUnique({
        where: { id: userId },
        select: {
          id: true,
          name: true,
          email: true,
          active: true,
          createdAt: true,
          roles: {
            select: {
              id: true,
              role: true,
              home: { select: { name: true } },
              provider: { select: { name: true } },
              localAuthority: { select: { name: true } },
            },
            orderBy: { createdAt: 'asc' },
          },
          sessions: {
            where: { revokedAt: null, expiresAt: { gt: now } },
            select: { id: true, lastSeenAt: true, ip: true },
          },
          secondFactor: { select: { confirmedAt: true } },
        },
      })
      .then(orNotFound('user')),
  )
}

/** Organisations to choose from when granting a role. */
export async function organisationOptions(actor: Actor) {
  return useCase(actor, 'user.manage', { ...ADMINS_ONLY, unaudited: NO_CHILD_DATA }, async ({ tx }) => {
    const [homes, providers, localAuthorities] = await inTurn(
      () => tx.home.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
      () => tx.provider.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
      () => tx.localAuthority.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    )
    return { home: homes, provider: providers, localAuthority: localAuthorities }
  })
}

/** With a password for the first administrator (create-admin); without one, the person is invited to choose it. */
async function insertUser(
  tx: Tx,
  audit: UseCase['audit'],
  input: NewUser & { password?: string },
  actorId: string | null,
) {
  if (input.password !== undefined) assertPasswordAcceptable(input.password)
  const email = normaliseEmail(input.email)
  if (await tx.user.findUnique({ where: { email } }))
    throw new ValidationError({ email: 'Someone already has an account with this e-mail address' })
  const user = await tx.user.create({
    data: {
      name: input.name,
      email,
      passwordHash: input.password === undefined ? null : await hashPassword(input.password),
    },
  })
  await audit({
    action: 'user.create',
    subjectType: 'user',
    subjectId: user.id,
    details: { roles: [input.grant.role] },
  })
  // a refused grant rolls the new account back with it
  await grantRole(tx, audit, actorId, user.id, input.grant, 'grant.')
  return user
}

export async function createUser(actor: Actor, input: NewUser) {
  return useCase(actor, 'user.manage', ADMINS_ONLY, async ({ tx, audit }) => {
    const user = await insertUser(tx, audit, input, actor.userId)
    await inviteNewUser(tx, audit, user)
    return { id: user.id }
  })
}

/** For a new installation: the first system administrator, created from the command line. */
export async function createFirstAdministrator(input: { name: string; email: string; password: string }) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const admins = await tx.roleAssignment.count({ where: { role: 'SYSTEM_ADMIN' } })
    if (admins > 0)
      throw new ValidationError({ email: 'This installation already has a system administrator: ask them to add you' })
    // no actor: the command line creates the first administrator
    const audit: UseCase['audit'] = (event) => recordAudit(tx, { ...event, actorId: null })
    return insertUser(
      tx,
      audit,
      { ...input, grant: { role: 'SYSTEM_ADMIN', organisationId: null, reason: null } },
      null,
    )
  })
}

// ---- Role grants: separation of duties (an administrator never gives themselves a role that reads children's
// records), a reason for every such grant, the organisation told, and optionally a second administrator's approval.

/** Deactivating someone ends their sessions and API tokens at once. The children allocated to them go to the successor
 * chosen (same role and authority), or, with none chosen, each child's missing lead is told (handover.ts). */
export async function setUserActive(
  actor: Actor,
  userId: string,
  active: boolean,
  leaving: { successorId?: string | null } = {},
  now = new Date(),
) {
  await useCase(actor, 'user.manage', { ...ADMINS_ONLY, now }, async (uc) => {
    const { tx, audit } = uc
    if (userId === actor.userId)
      throw new ValidationError({
        form: active
          ? 'You cannot reactivate your own account: ask another administrator'
          : 'You cannot deactivate your own account',
      })
    await tx.user.findUnique({ where: { id: userId } }).then(orNotFound('user'))
    await tx.user.update({ where: { id: userId }, data: { active } })
    if (active) {
      await audit({ action: 'user.reactivate', subjectType: 'user', subjectId: userId, details: {}, at: now })
      return
    }
    await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })
    await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })
    const successorId = leaving.successorId ?? null
    const children = successorId
      ? await handOver(uc, userId, successorId, now)
      : await flagToMissingLeads(tx, userId, now)
    await audit({
      action: 'user.deactivate',
      subjectType: 'user',
      subjectId: userId,
      details: { successorId, children },
      at: now,
    })
  })
}

export async function revokeUserSessions(actor: Actor, userId: string) {
  // with no session to end there is nothing to audit (as before)
  const nothing = 'no session was open: nothing changed'
  await useCase(actor, 'user.manage', { ...ADMINS_ONLY, unaudited: nothing }, async ({ tx, audit, now }) => {
    const sessions = await tx.userSession.findMany({ where: { userId, revokedAt: null } })
    // "sign out everywhere" includes API tokens; row changes first, then the audit events
    await tx.userSession.updateMany({ where: { id: { in: sessions.map((s) => s.id) } }, data: { revokedAt: now } })
    await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })
    for (const session of sessions)
      await audit({
        action: 'session.revoke',
        subjectType: 'user',
        subjectId: userId,
        details: { sessionId: session.id },
      })
  })
}
