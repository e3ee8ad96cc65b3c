// Leavers: the children allocated to a person (as IRO or social worker) are handed to someone of the same role and
// authority, or, until someone is chosen, each child's placing authority's missing lead is told and sees the child on
// their dashboard (CPPCR 2010 reg 45: every looked-after child has an IRO; Children Act 1989 s22C: a social worker).
// Return interviews are held by the authority's service, or by the child's social worker when it has none: those
// move with the children.
import { holds, ROLE_LABELS, type Actor } from '@/lib/domain/roles'
import type { Tx } from './database'
import { ValidationError } from './errors'
import { initials, notify } from './notifications'
import { ADMINS_ONLY, orNotFound, useCase, type UseCase } from './use-case'

type AllocationRole = 'IRO' | 'SOCIAL_WORKER'
const ROLE_WORDS: Record<AllocationRole, string> = { IRO: 'IRO', SOCIAL_WORKER: 'social worker' }

/** The children allocated to the person, each with the role they hold it in. */
async function allocatedChildren(tx: Tx, userId: string) {
  const children = await tx.child.findMany({
    where: { OR: [{ iroId: userId }, { socialWorkerId: userId }] },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      placingAuthorityId: true,
      iroId: true,
      socialWorkerId: true,
      placingAuthority: { select: { name: true } },
    },
    orderBy: { id: 'asc' },
  })
  return children.flatMap((c) =>
    (['IRO', 'SOCIAL_WORKER'] as const)
      .filter((role) => (role === 'IRO' ? c.iroId : c.socialWorkerId) === userId)
      .map((role) => ({ child: c, role })),
  )
}

/** Each role and authority a successor must hold: the same role in each child's placing authority. */
function needs(allocations: Awaited<ReturnType<typeof allocatedChildren>>) {
  const seen = new Map<string, { role: AllocationRole; localAuthorityId: string; authority: string }>()
  for (const { child, role } of allocations)
    seen.set(`${role}|${child.placingAuthorityId}`, {
      role,
      localAuthorityId: child.placingAuthorityId,
      authority: child.placingAuthority.name,
    })
  return [...seen.values()]
}

/** Active people, other than the leaver, who hold every role and authority needed. */
async function successorCandidates(tx: Tx, userId: string, needed: ReturnType<typeof needs>) {
  if (!needed.length) return []
  return tx.user.findMany({
    where: {
      id: { not: userId },
      active: true,
      AND: needed.map((n) => ({ roles: { some: { role: n.role, localAuthorityId: n.localAuthorityId } } })),
    },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  })
}

/** For the person's page: what they hold, and who could take it over. */
export async function allocationsOf(actor: Actor, userId: string) {
  const counts = 'how many children, not which: no child data'
  return useCase(actor, 'user.manage', { ...ADMINS_ONLY, unaudited: counts }, async ({ tx }) => {
    const allocations = await allocatedChildren(tx, userId)
    const needed = needs(allocations)
    return {
      iro: allocations.filter((a) => a.role === 'IRO').length,
      socialWorker: allocations.filter((a) => a.role === 'SOCIAL_WORKER').length,
      needed: needed.map((n) => `${ROLE_LABELS[n.role]}, ${n.authority}`),
      candidates: await successorCandidates(tx, userId, needed),
    }
  })
}

/** Moves every child (and their return interviews still to record) to the successor: audited per child, the successor
 * told of each. Returns how many children moved. */
export async function handOver({ tx, audit }: UseCase, userId: string, successorId: string, now: Date) {
  const allocations = await allocatedChildren(tx, userId)
  const needed = needs(allocations)
  const fits = (await successorCandidates(tx, userId, needed)).some((c) => c.id === successorId)
  if (!fits)
    throw new ValidationError({
      successorId: `Select an active person who is ${needed.map((n) => `${n.role === 'IRO' ? 'an' : 'a'} ${ROLE_WORDS[n.role]} of ${n.authority}`).join(' and ')}`,
    })
  // row changes first, then the audit chain's lock (as every use case)
  for (const { child, role } of allocations)
    await tx.child.update({
      where: { id: child.id },
      data: role === 'IRO' ? { iroId: successorId } : { socialWorkerId: successorId },
    })
  await tx.returnInterview.updateMany({
    where: { assignedSocialWorkerId: userId, outcomeRecordedAt: null },
    data: { assignedSocialWorkerId: successorId },
  })
  await notify(
    tx,
    allocations.map(({ child, role }) => ({
      recipientId: successorId,
      kind: 'allocation.handed-over',
      title: `${initials(child)} is now allocated to you as ${ROLE_WORDS[role]}`,
      body: `${initials(child)} was handed over to you as ${ROLE_WORDS[role]}. See Haven.`,
      link: `/children/${child.id}`,
      childId: child.id,
    })),
    now,
  )
  for (const { child, role } of allocations)
    await audit({
      action: 'child.reallocate',
      subjectType: 'child',
      subjectId: child.id,
      childId: child.id,
      details: { role, fromUserId: userId, toUserId: successorId },
      at: now,
    })
  return new Set(allocations.map((a) => a.child.id)).size
}

/** Nobody chosen yet: each child's placing authority's missing leads are told, and see the child on their dashboard
 * until someone is allocated. */
export async function flagToMissingLeads(tx: Tx, userId: string, now: Date) {
  const allocations = await allocatedChildren(tx, userId)
  const leads = await tx.roleAssignment.findMany({
    where: {
      role: 'LA_MISSING_LEAD',
      localAuthorityId: { in: allocations.map((a) => a.child.placingAuthorityId) },
      user: { active: true },
    },
    select: { userId: true, localAuthorityId: true },
  })
  await notify(
    tx,
    allocations.flatMap(({ child, role }) =>
      leads
        .filter((l) => l.localAuthorityId === child.placingAuthorityId)
        .map((l) => ({
          recipientId: l.userId,
          kind: 'allocation.vacant',
          title: `${initials(child)} has no active ${ROLE_WORDS[role]}`,
          body: `The ${ROLE_WORDS[role]} of ${initials(child)} has left. A system administrator hands their children over; see Haven.`,
          link: `/children/${child.id}`,
          childId: child.id,
        })),
    ),
    now,
  )
  return new Set(allocations.map((a) => a.child.id)).size
}

/** Hands a person's children over later (for example a leaver deactivated before a successor was known). */
export async function handOverAllocations(actor: Actor, userId: string, successorId: string, now = new Date()) {
  return useCase(actor, 'user.manage', { ...ADMINS_ONLY, now }, async (uc) => {
    await uc.tx.user.findUnique({ where: { id: userId } }).then(orNotFound('user'))
    const children = await handOver(uc, userId, successorId, now)
    await uc.audit({
      action: 'user.hand-over',
      subjectType: 'user',
      subjectId: userId,
      details: { successorId, children },
      at: now,
    })
    return { children }
  })
}

/** The missing lead's dashboard item: children their authority placed whose IRO or social worker has left. */
export async function childrenWithoutActiveWorker(actor: Actor) {
  const authorities = actor.grants
    .filter((g) => g.role === 'LA_MISSING_LEAD' && g.localAuthorityId)
    .map((g) => g.localAuthorityId!)
  if (!holds(actor, 'LA_MISSING_LEAD') || !authorities.length) return []
  // a list of children like any other: scoped, and each child listed is in the audit event
  const children = await useCase(actor, 'child.list', {}, async ({ tx, scope, audit }) => {
    const found = await tx.child.findMany({
      where: {
        AND: [
          scope.child,
          { placingAuthorityId: { in: authorities } },
          { OR: [{ iro: { active: false } }, { socialWorker: { active: false } }] },
        ],
      },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        iro: { select: { name: true, active: true } },
        socialWorker: { select: { name: true, active: true } },
      },
      orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
    })
    const childIds = found.map((c) => c.id)
    const details = { count: childIds.length, searched: false }
    await audit({ action: 'child.list', subjectType: 'child', subjectId: '*', childIds, details })
    return found
  })
  return children.map((c) => ({
    id: c.id,
    name: `${c.firstName} ${c.lastName}`,
    left: [
      c.iro?.active === false && `IRO ${c.iro.name}`,
      c.socialWorker?.active === false && `social worker ${c.socialWorker.name}`,
    ]
      .filter(Boolean)
      .join(' and '),
  }))
}
