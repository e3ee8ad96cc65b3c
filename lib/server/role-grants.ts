// Granting and removing roles (system administrators): who may hold which, the organisation told, a second
// administrator's approval where the setting asks for it, and the report of every grant and removal.
import { readsChildRecords } from '@/lib/domain/permissions'
import { ROLE_ORGANISATION, type Actor, type Role } from '@/lib/domain/roles'
import { settings } from '@/lib/settings'
import { londonMidnight, shiftDate } from '@/lib/domain/time'
import type { GrantDecision, RoleGrantInput, RoleGrantReportQuery } from '@/lib/validation/users'
import { readAuditEvent } from './audit'
import type { Tx } from './database'
import { ValidationError } from './errors'
import { notify } from './notifications'
import { ADMINS_ONLY, orNotFound, useCase, type UseCase } from './use-case'

// accounts and roles are not child data: reads of them are not audited (every change is)
export const NO_CHILD_DATA = 'accounts and roles only: no child data'

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

const organisationOf = (g: { homeId: string | null; providerId: string | null; localAuthorityId: string | null }) =>
  g.homeId ?? g.providerId ?? g.localAuthorityId

/** Who is told of a grant: the home's registered managers (for a provider role, those of the provider's homes), or the
 * authority's missing leads; never the person granted the role. */
async function tellOrganisation(
  tx: Tx,
  userId: string,
  columns: { homeId: string | null; providerId: string | null; localAuthorityId: string | null },
  now: Date,
) {
  const where = columns.localAuthorityId
    ? { role: 'LA_MISSING_LEAD' as const, localAuthorityId: columns.localAuthorityId }
    : {
        role: 'REGISTERED_MANAGER' as const,
        home: columns.homeId ? { id: columns.homeId } : { providerId: columns.providerId! },
      }
  const [recipients, name] = await Promise.all([
    tx.roleAssignment.findMany({
      where: { ...where, user: { active: true }, userId: { not: userId } },
      select: { userId: true },
    }),
    columns.homeId
      ? tx.home.findUniqueOrThrow({ where: { id: columns.homeId } }).then((h) => h.name)
      : columns.providerId
        ? tx.provider.findUniqueOrThrow({ where: { id: columns.providerId } }).then((p) => p.name)
        : tx.localAuthority.findUniqueOrThrow({ where: { id: columns.localAuthorityId! } }).then((a) => a.name),
  ])
  // minimal content: it may travel by e-mail
  const message = `A role was granted at ${name}; see Haven.`
  await notify(
    tx,
    [...new Set(recipients.map((r) => r.userId))].map((recipientId) => ({
      recipientId,
      kind: 'role.granted',
      title: `A role was granted at ${name}`,
      body: message,
      link: '/',
    })),
    now,
  )
}

/** Checks a grant and either makes it or (when a second administrator must approve it) records the request.
 * `field` prefixes the field names in errors ("grant." on the new-account form). */
export async function grantRole(
  tx: Tx,
  audit: UseCase['audit'],
  actorId: string | null,
  userId: string,
  grant: RoleGrantInput,
  field = '',
  now = new Date(),
): Promise<'granted' | 'pending'> {
  const columns = await grantColumns(tx, grant, `${field}organisationId`)
  const readsRecords = readsChildRecords(grant.role)
  if (readsRecords && actorId === userId)
    throw new ValidationError({
      [`${field}role`]: "You cannot give yourself a role that reads children's records: ask another administrator",
    })
  if (readsRecords && !grant.reason)
    throw new ValidationError({
      [`${field}reason`]: "Enter why this person needs a role that reads children's records",
    })
  if (await tx.roleAssignment.findFirst({ where: { userId, role: grant.role, ...columns } }))
    throw new ValidationError({ [`${field}role`]: 'This person already holds that role there' })
  if (await tx.roleGrantRequest.findFirst({ where: { userId, role: grant.role, ...columns, decidedAt: null } }))
    throw new ValidationError({ [`${field}role`]: 'This grant is already waiting for a second administrator' })
  if (readsRecords && actorId && settings.accounts.grantNeedsSecondAdministrator) {
    const request = await tx.roleGrantRequest.create({
      data: { userId, role: grant.role, ...columns, reason: grant.reason!, requestedById: actorId, requestedAt: now },
    })
    await audit({
      action: 'user.role-request',
      subjectType: 'user',
      subjectId: userId,
      details: { requestId: request.id, role: grant.role, organisationId: grant.organisationId, reason: grant.reason! },
      at: now,
    })
    return 'pending'
  }
  await tx.roleAssignment.create({ data: { userId, role: grant.role, ...columns } })
  await audit({
    action: 'user.role-add',
    subjectType: 'user',
    subjectId: userId,
    details: { role: grant.role, organisationId: grant.organisationId, reason: grant.reason },
    at: now,
  })
  if (readsRecords) await tellOrganisation(tx, userId, columns, now)
  return 'granted'
}

/** Adds a role; 'pending' when it waits for a second administrator. */
export async function addRole(actor: Actor, userId: string, grant: RoleGrantInput, now = new Date()) {
  return useCase(actor, 'user.manage', { ...ADMINS_ONLY, now }, async ({ tx, audit }) => {
    await tx.user.findUnique({ where: { id: userId } }).then(orNotFound('user'))
    return { status: await grantRole(tx, audit, actor.userId, userId, grant, '', now) }
  })
}

/** Grants waiting for a second administrator, oldest first. */
export async function pendingGrants(actor: Actor) {
  return useCase(actor, 'user.manage', { ...ADMINS_ONLY, unaudited: NO_CHILD_DATA }, async ({ tx }) => {
    const requests = await tx.roleGrantRequest.findMany({
      where: { decidedAt: null },
      orderBy: { requestedAt: 'asc' },
      select: {
        id: true,
        role: true,
        reason: true,
        requestedAt: true,
        requestedById: true,
        user: { select: { id: true, name: true } },
        requestedBy: { select: { name: true } },
        home: { select: { name: true } },
        provider: { select: { name: true } },
        localAuthority: { select: { name: true } },
      },
    })
    return requests.map((r) => ({
      ...r,
      role: r.role,
      organisation: r.home?.name ?? r.provider?.name ?? r.localAuthority?.name ?? null,
      mine: r.requestedById === actor.userId,
    }))
  })
}

/** A second administrator approves (the role takes effect, the organisation is told) or refuses a pending grant. */
export async function decideGrant(actor: Actor, requestId: string, decision: GrantDecision, now = new Date()) {
  const denied = { forbidden: 'Only a system administrator can approve role grants.' }
  await useCase(actor, 'user.approve-grant', { denied, now }, async ({ tx, audit }) => {
    const request = await tx.roleGrantRequest
      .findFirst({ where: { id: requestId, decidedAt: null } })
      .then(orNotFound('pending role grant'))
    if (request.requestedById === actor.userId)
      throw new ValidationError({ form: 'You asked for this grant: another administrator must approve or refuse it' })
    if (request.userId === actor.userId)
      throw new ValidationError({ form: "You cannot approve a role that reads children's records for yourself" })
    const columns = {
      homeId: request.homeId,
      providerId: request.providerId,
      localAuthorityId: request.localAuthorityId,
    }
    await tx.roleGrantRequest.update({
      where: { id: requestId },
      data: {
        decidedById: actor.userId,
        decidedAt: now,
        approved: decision.approve,
        refusalReason: decision.approve ? null : decision.refusalReason,
      },
    })
    const base = { subjectType: 'user', subjectId: request.userId, at: now }
    if (!decision.approve) {
      await audit({
        ...base,
        action: 'user.role-refuse',
        details: {
          requestId,
          role: request.role,
          organisationId: organisationOf(columns),
          reason: decision.refusalReason!,
        },
      })
      return
    }
    if (!(await tx.roleAssignment.findFirst({ where: { userId: request.userId, role: request.role, ...columns } }))) {
      await tx.roleAssignment.create({ data: { userId: request.userId, role: request.role, ...columns } })
      await tellOrganisation(tx, request.userId, columns, now)
    }
    await audit({
      ...base,
      action: 'user.role-add',
      details: {
        role: request.role,
        organisationId: organisationOf(columns),
        reason: request.reason,
        requestId,
        requestedById: request.requestedById,
        approvedById: actor.userId,
      },
    })
  })
}

export async function removeRole(actor: Actor, roleAssignmentId: string) {
  await useCase(actor, 'user.manage', ADMINS_ONLY, async ({ tx, audit }) => {
    const grant = await tx.roleAssignment.findUnique({ where: { id: roleAssignmentId } }).then(orNotFound('role'))
    if (
      grant.role === 'SYSTEM_ADMIN' &&
      (await tx.roleAssignment.count({ where: { role: 'SYSTEM_ADMIN', user: { active: true } } })) <= 1
    )
      throw new ValidationError({
        role: 'This is the last system administrator: add another before removing this role',
      })
    await tx.roleAssignment.delete({ where: { id: roleAssignmentId } })
    await audit({
      action: 'user.role-remove',
      subjectType: 'user',
      subjectId: grant.userId,
      details: { role: grant.role, organisationId: organisationOf(grant) },
    })
  })
}

const GRANT_EVENTS = {
  'user.role-add': 'granted',
  'user.role-remove': 'removed',
  'user.role-request': 'requested',
  'user.role-refuse': 'refused',
} as const
type GrantEventDetails = {
  role: Role
  organisationId: string | null
  reason?: string | null
  requestedById?: string
  approvedById?: string
}

/** Every role grant and removal in a period (London days, both included), from the audit trail: who, to whom, when,
 * why, and who approved it. A grant that waited for approval shows who asked for it as "by". */
export async function roleGrantReport(actor: Actor, query: RoleGrantReportQuery) {
  const denied = { forbidden: 'Only a system administrator can see the role grants report.' }
  return useCase(actor, 'report.role-grants', { denied }, async ({ tx, audit }) => {
    const stored = await tx.auditEvent.findMany({
      where: {
        action: { in: Object.keys(GRANT_EVENTS) },
        subjectType: 'user',
        at: { gte: londonMidnight(query.from), lt: londonMidnight(shiftDate(query.to, { days: 1 })) },
      },
      orderBy: { seq: 'asc' },
    })
    const events = stored.map(readAuditEvent)
    const details = (e: (typeof events)[number]) => e.details as GrantEventDetails
    const userIds = new Set(
      events.flatMap((e) =>
        [e.subjectId, e.actorId, details(e).requestedById].filter((id): id is string => Boolean(id)),
      ),
    )
    const orgIds = [...new Set(events.map((e) => details(e).organisationId).filter((id): id is string => Boolean(id)))]
    const [users, homes, providers, authorities] = await Promise.all([
      tx.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }),
      tx.home.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }),
      tx.provider.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }),
      tx.localAuthority.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }),
    ])
    const names = new Map([...users, ...homes, ...providers, ...authorities].map((r) => [r.id, r.name]))
    const person = (id: string | null | undefined) => (id ? { id, name: names.get(id) ?? 'Unknown account' } : null)
    const rows = events.map((e) => {
      const d = details(e)
      const approved = Boolean(d.approvedById)
      return {
        at: e.at.toISOString(),
        event: GRANT_EVENTS[e.action as keyof typeof GRANT_EVENTS],
        role: d.role,
        organisation: d.organisationId ? (names.get(d.organisationId) ?? null) : null,
        person: person(e.subjectId)!,
        by: approved ? person(d.requestedById) : person(e.actorId),
        reason: d.reason ?? null,
        approvedBy: approved ? person(e.actorId) : null,
      }
    })
    await audit({
      action: 'report.role-grants',
      subjectType: 'report',
      subjectId: 'role-grants',
      details: { from: query.from, to: query.to, rows: rows.length },
    })
    return { from: query.from, to: query.to, rows }
  })
}
