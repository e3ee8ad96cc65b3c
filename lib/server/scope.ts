// The scoped query helper: every read of child data goes through childWhere, which turns the actor's role grants
// (lib/domain/permissions.ts) into a WHERE clause. No grant, no rows: deny by default.
import { can, CHILD_SCOPE, grantsFor, HOME_SCOPE, type Action } from '@/lib/domain/permissions'
import type { Actor, RoleGrant } from '@/lib/domain/roles'
import { calendarDate, londonDate } from '@/lib/domain/time'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { Tx } from './database'

/** Placements open today (London), optionally narrowed further (in an AND, so an OR of the caller's stays). */
export function currentPlacement(now: Date, where: Prisma.PlacementWhereInput = {}): Prisma.PlacementWhereInput {
  const today = calendarDate(londonDate(now))
  return { AND: [where, { startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] }] }
}

function grantWhere(grant: RoleGrant, actor: Actor, now: Date): Prisma.ChildWhereInput | null {
  switch (CHILD_SCOPE[grant.role]) {
    case 'placedInMyHome':
      return grant.homeId ? { placements: { some: currentPlacement(now, { homeId: grant.homeId }) } } : null
    case 'placedInMyProvider':
      return grant.providerId
        ? { placements: { some: currentPlacement(now, { home: { providerId: grant.providerId } }) } }
        : null
    case 'allocatedIro':
      return { iroId: actor.userId }
    case 'allocatedSocialWorker':
      return { socialWorkerId: actor.userId }
    case 'myAuthority':
      return grant.localAuthorityId
        ? {
            OR: [
              { placingAuthorityId: grant.localAuthorityId },
              { placements: { some: currentPlacement(now, { areaAuthorityId: grant.localAuthorityId }) } },
            ],
          }
        : null
    case 'none':
      return null
  }
}

/** WHERE clause for the children the actor may do `action` to. */
export function childWhere(actor: Actor, action: Action, now: Date): Prisma.ChildWhereInput {
  const conditions = grantsFor(actor, action)
    .map((grant) => grantWhere(grant, actor, now))
    .filter((c): c is Prisma.ChildWhereInput => c !== null)
  return conditions.length > 0 ? { OR: conditions } : { id: { in: [] } }
}

/** The homes the actor works in under a role (for "admit to my home" rules). */
export function homeIdsFor(actor: Actor, action: Action, role: RoleGrant['role']) {
  return grantsFor(actor, action)
    .filter((g) => g.role === role && g.homeId)
    .map((g) => g.homeId!)
}

/**
 * Whose missing figures: a home's staff and its provider count the episodes that happened at their homes (wherever
 * the child lives now); everyone else counts the episodes of the children they may read.
 */
function figuresGrants(actor: Actor, action: Action) {
  const grants = grantsFor(actor, action)
  const atHome = (g: RoleGrant) => (g.role === 'CARE_WORKER' || g.role === 'REGISTERED_MANAGER') && g.homeId
  const ofProvider = (g: RoleGrant) => g.role === 'RESPONSIBLE_INDIVIDUAL' && g.providerId
  return {
    homeIds: grants.filter(atHome).map((g) => g.homeId!),
    providerIds: grants.filter(ofProvider).map((g) => g.providerId!),
    others: {
      ...actor,
      grants: grants.filter((g) => !['CARE_WORKER', 'REGISTERED_MANAGER', 'RESPONSIBLE_INDIVIDUAL'].includes(g.role)),
    },
  }
}

/** The children whose episodes the actor counts besides those at their homes: the children they may read. */
export function figuresChildWhere(actor: Actor, action: Action, now: Date): Prisma.ChildWhereInput {
  return childWhere(figuresGrants(actor, action).others, action, now)
}

/**
 * Those children's ids, read once by a caller that has several queries to scope: each then finds them by id instead
 * of applying the scope rule to every row it looks at (an LA missing lead's rule reads a child's placements).
 */
export type ReadableChildIds = string[]

export function episodeFiguresWhere(
  actor: Actor,
  action: Action,
  now: Date,
  ids?: ReadableChildIds,
): Prisma.MissingEpisodeWhereInput {
  const { homeIds, providerIds } = figuresGrants(actor, action)
  return {
    OR: [
      { homeId: { in: homeIds } },
      { home: { providerId: { in: providerIds } } },
      ids ? { childId: { in: ids } } : { child: figuresChildWhere(actor, action, now) },
    ],
  }
}

/** The homes those figures can be about: the actor's homes, and where the children they may read live or lived. */
export function figuresHomesWhere(
  actor: Actor,
  action: Action,
  now: Date,
  ids?: ReadableChildIds,
): Prisma.HomeWhereInput {
  const { homeIds, providerIds } = figuresGrants(actor, action)
  return {
    OR: [
      { id: { in: homeIds } },
      { providerId: { in: providerIds } },
      { placements: { some: ids ? { childId: { in: ids } } : { child: figuresChildWhere(actor, action, now) } } },
    ],
  }
}

/** The placing authorities of the children those figures can be about. */
export function figuresAuthoritiesWhere(
  actor: Actor,
  action: Action,
  now: Date,
  ids?: ReadableChildIds,
): Prisma.LocalAuthorityWhereInput {
  const { homeIds, providerIds } = figuresGrants(actor, action)
  const placedAt: Prisma.PlacementWhereInput = {
    OR: [{ homeId: { in: homeIds } }, { home: { providerId: { in: providerIds } } }],
  }
  return {
    childrenPlaced: {
      some: {
        OR: [{ placements: { some: placedAt } }, ids ? { id: { in: ids } } : figuresChildWhere(actor, action, now)],
      },
    },
  }
}

/** Episodes are read and written with their child: the same scope. */
export function episodeWhere(actor: Actor, action: Action, now: Date): Prisma.MissingEpisodeWhereInput {
  return { child: childWhere(actor, action, now) }
}

/**
 * Return interviews: with their child for most roles; for a return interview practitioner, the interviews of their
 * authority's service only (they have no wider view of the child).
 */
export function interviewWhere(actor: Actor, action: Action, now: Date): Prisma.ReturnInterviewWhereInput {
  const services = grantsFor(actor, action)
    .filter((g) => g.role === 'RETURN_INTERVIEW_PRACTITIONER' && g.localAuthorityId)
    .map((g) => g.localAuthorityId!)
  return {
    OR: [
      { child: childWhere(actor, action, now) },
      ...(services.length ? [{ serviceAuthorityId: { in: services } }] : []),
    ],
  }
}

/** Who reads what a child says about the home: their IRO, their social worker, their placing authority's missing
 * lead, and the practitioner's service. Never through a home or provider role. */
export function concernsWhere(actor: Actor): Prisma.ReturnInterviewWhereInput {
  const or: Prisma.ReturnInterviewWhereInput[] = []
  for (const g of grantsFor(actor, 'interview.concerns')) {
    if (g.role === 'IRO') or.push({ child: { iroId: actor.userId } })
    if (g.role === 'SOCIAL_WORKER') or.push({ child: { socialWorkerId: actor.userId } })
    if (g.role === 'LA_MISSING_LEAD' && g.localAuthorityId)
      or.push({ child: { placingAuthorityId: g.localAuthorityId } })
    if (g.role === 'RETURN_INTERVIEW_PRACTITIONER' && g.localAuthorityId)
      or.push({ serviceAuthorityId: g.localAuthorityId })
  }
  return or.length ? { OR: or } : { id: { in: [] } }
}

/**
 * Of these return interviews, those whose private fields the actor may read: the concerns about the home, what went
 * to the police and why, the follow-up notes (they can repeat what the child said about the home). The one place
 * that decides it, for every page and route.
 */
export async function concernsVisibleIn(tx: Tx, actor: Actor, interviewIds: string[]): Promise<Set<string>> {
  if (!interviewIds.length || !can(actor, 'interview.concerns')) return new Set()
  const rows = await tx.returnInterview.findMany({
    where: { AND: [{ id: { in: interviewIds } }, concernsWhere(actor)] },
    select: { id: true },
  })
  return new Set(rows.map((r) => r.id))
}

/** WHERE clause for the local authorities whose work the actor does `action` for (an LA missing lead's authority). */
export function authorityWhere(actor: Actor, action: Action): Prisma.LocalAuthorityWhereInput {
  const ids = grantsFor(actor, action)
    .map((g) => g.localAuthorityId)
    .filter((id): id is string => !!id)
  return { id: { in: ids } }
}

/** WHERE clause for the homes the actor may do `action` to (oversight: lib/domain/permissions.ts HOME_SCOPE). */
export function homeWhere(actor: Actor, action: Action): Prisma.HomeWhereInput {
  const conditions = grantsFor(actor, action).flatMap((g): Prisma.HomeWhereInput[] => {
    switch (HOME_SCOPE[g.role]) {
      case 'myHome':
        return g.homeId ? [{ id: g.homeId }] : []
      case 'myProvider':
        return g.providerId ? [{ providerId: g.providerId }] : []
      case 'hostedInMyArea':
        return g.localAuthorityId ? [{ hostAuthorityId: g.localAuthorityId }] : []
      case 'none':
        return []
    }
  })
  return conditions.length > 0 ? { OR: conditions } : { id: { in: [] } }
}
