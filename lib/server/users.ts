// Managing people and their roles (system administrators), and creating the first administrator.
import { can } from '@/lib/domain/permissions'
import { ROLE_ORGANISATION, type Actor, type Role } from '@/lib/domain/roles'
import type { NewUser, RoleGrantInput } from '@/lib/validation/users'
import { assertPasswordAcceptable, hashPassword, normaliseEmail } from './accounts'
import { recordAudit } from './audit'
import { getPrisma, type Tx } from './database'
import { ForbiddenError, NotFoundError, ValidationError } from './errors'
import { inviteNewUser } from './passwords'

function assertAdmin(actor: Actor) {
  if (!can(actor, 'user.manage')) throw new ForbiddenError('Only a system administrator can manage users.')
}

/** The organisation columns for a role grant, checked against what exists. */
async function grantColumns(tx: Tx, grant: RoleGrantInput, field: string) {
  const kind = ROLE_ORGANISATION[grant.role]
  const id = grant.organisationId
  if (kind === 'none') return { homeId: null, providerId: null, localAuthorityId: null }
  const exists =
    id &&
    (kind === 'home'
      ? await tx.home.count({ where: { id } })
      : kind === 'provider'
        ? await tx.provider.count({ where: { id } })
        : await tx.localAuthority.count({ where: { id } }))
  if (!exists) {
    const what = kind === 'home' ? 'home' : kind === 'provider' ? 'provider' : 'local authority'
    throw new ValidationError({ [field]: `Select the ${what} this role is held in` })
  }
  return {
    homeId: kind === 'home' ? id : null,
    providerId: kind === 'provider' ? id : null,
    localAuthorityId: kind === 'localAuthority' ? id : null,
  }
}

export async function listUsers(actor: Actor) {
  assertAdmin(actor)
  const prisma = await getPrisma()
  return prisma.user.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      email: true,
      active: true,
      roles: { select: { role: true, home: { select: { name: true } }, provider: { select: { name: true } }, localAuthority: { select: { name: true } } } },
    },
  })
}

export async function getUser(actor: Actor, userId: string) {
  assertAdmin(actor)
  const prisma = await getPrisma()
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      active: true,
      createdAt: true,
      roles: {
        select: { id: true, role: true, home: { select: { name: true } }, provider: { select: { name: true } }, localAuthority: { select: { name: true } } },
        orderBy: { createdAt: 'asc' },
      },
      sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } }, select: { id: true, lastSeenAt: true, ip: true } },
    },
  })
  if (!user) throw new NotFoundError('user')
  return user
}

/** Organisations to choose from when granting a role. */
export async function organisationOptions(actor: Actor) {
  assertAdmin(actor)
  const prisma = await getPrisma()
  const [homes, providers, localAuthorities] = await Promise.all([
    prisma.home.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    prisma.provider.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    prisma.localAuthority.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ])
  return { home: homes, provider: providers, localAuthority: localAuthorities }
}

/** With a password for the first administrator (create-admin); without one, the person is invited to choose it. */
async function insertUser(tx: Tx, input: NewUser & { password?: string }, actorId: string | null) {
  if (input.password !== undefined) assertPasswordAcceptable(input.password)
  const email = normaliseEmail(input.email)
  if (await tx.user.findUnique({ where: { email } }))
    throw new ValidationError({ email: 'Someone already has an account with this e-mail address' })
  const columns = await grantColumns(tx, input.grant, 'grant.organisationId')
  const user = await tx.user.create({
    data: { name: input.name, email, passwordHash: input.password === undefined ? null : await hashPassword(input.password), roles: { create: { role: input.grant.role, ...columns } } },
  })
  await recordAudit(tx, { actorId, action: 'user.create', subjectType: 'user', subjectId: user.id, details: { roles: [input.grant.role] } })
  return user
}

export async function createUser(actor: Actor, input: NewUser) {
  assertAdmin(actor)
  const prisma = await getPrisma()
  const user = await prisma.$transaction(async (tx) => {
    const user = await insertUser(tx, input, actor.userId)
    await inviteNewUser(tx, actor.userId, user)
    return user
  })
  return { id: user.id }
}

/** For a new installation: the first system administrator, created from the command line. */
export async function createFirstAdministrator(input: { name: string; email: string; password: string }) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const admins = await tx.roleAssignment.count({ where: { role: 'SYSTEM_ADMIN' } })
    if (admins > 0) throw new ValidationError({ email: 'This installation already has a system administrator: ask them to add you' })
    return insertUser(tx, { ...input, grant: { role: 'SYSTEM_ADMIN', organisationId: null } }, null)
  })
}

export async function addRole(actor: Actor, userId: string, grant: RoleGrantInput) {
  assertAdmin(actor)
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: userId } }))) throw new NotFoundError('user')
    const columns = await grantColumns(tx, grant, 'organisationId')
    if (await tx.roleAssignment.findFirst({ where: { userId, role: grant.role, ...columns } }))
      throw new ValidationError({ role: 'This person already holds that role there' })
    await tx.roleAssignment.create({ data: { userId, role: grant.role, ...columns } })
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'user.role-add',
      subjectType: 'user',
      subjectId: userId,
      details: { role: grant.role, organisationId: grant.organisationId },
    })
  })
}

export async function removeRole(actor: Actor, roleAssignmentId: string) {
  assertAdmin(actor)
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const grant = await tx.roleAssignment.findUnique({ where: { id: roleAssignmentId } })
    if (!grant) throw new NotFoundError('role')
    if (grant.role === 'SYSTEM_ADMIN' && (await tx.roleAssignment.count({ where: { role: 'SYSTEM_ADMIN', user: { active: true } } })) <= 1)
      throw new ValidationError({ role: 'This is the last system administrator: add another before removing this role' })
    await tx.roleAssignment.delete({ where: { id: roleAssignmentId } })
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'user.role-remove',
      subjectType: 'user',
      subjectId: grant.userId,
      details: { role: grant.role as Role, organisationId: grant.homeId ?? grant.providerId ?? grant.localAuthorityId },
    })
  })
}

/** Deactivating someone ends their sessions and API tokens at once. */
export async function setUserActive(actor: Actor, userId: string, active: boolean) {
  assertAdmin(actor)
  if (userId === actor.userId && !active) throw new ValidationError({ form: 'You cannot deactivate your own account' })
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } })
    if (!user) throw new NotFoundError('user')
    await tx.user.update({ where: { id: userId }, data: { active } })
    if (!active) {
      const now = new Date()
      await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })
      await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: active ? 'user.reactivate' : 'user.deactivate',
      subjectType: 'user',
      subjectId: userId,
      details: {},
    })
  })
}

export async function revokeUserSessions(actor: Actor, userId: string) {
  assertAdmin(actor)
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const sessions = await tx.userSession.findMany({ where: { userId, revokedAt: null } })
    // "sign out everywhere" includes API tokens; row changes first, then the audit lock
    await tx.userSession.updateMany({ where: { id: { in: sessions.map((s) => s.id) } }, data: { revokedAt: new Date() } })
    await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } })
    for (const session of sessions)
      await recordAudit(tx, { actorId: actor.userId, action: 'session.revoke', subjectType: 'user', subjectId: userId, details: { sessionId: session.id } })
  })
}
