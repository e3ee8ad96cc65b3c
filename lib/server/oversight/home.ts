// What every part of a home's oversight shares: how a home is shown, who manages it, which children were placed
// there on a day and their placing authorities, and the date checks for anything that follows a visit.
import { can } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, isoDate } from '@/lib/domain/time'
import type { Tx } from '../database'
import type { FieldErrors } from '../errors'
import { homeWhere } from '../scope'
import { useCase } from '../use-case'

export const homeSelect = {
  id: true,
  name: true,
  town: true,
  postcode: true,
  ofstedUrn: true,
  providerId: true,
  hostAuthorityId: true,
  provider: { select: { name: true } },
  hostAuthority: { select: { id: true, name: true } },
} as const

/** The registered person (manager or responsible individual) of the home: they act for any visitor there. (A role
 * refinement inside another action's use case, so it asks the oversight.manage scope itself.) */
export const managesHome = async ({ tx, actor }: { tx: Tx; actor: Actor }, homeId: string) =>
  (await tx.home.count({ where: { AND: [{ id: homeId }, homeWhere(actor, 'oversight.manage')] } })) > 0

/** The homes whose oversight the actor reads (or, for a visitor, whose checklist). */
export async function oversightHomes(
  actor: Actor,
  action: 'oversight.read' | 'visitor.checklist' | 'reg44.record' = 'oversight.read',
) {
  if (!can(actor, action)) return []
  return useCase(actor, action, { unaudited: 'the names and addresses of homes: no child data' }, ({ tx, scope }) =>
    tx.home.findMany({ where: scope.home, orderBy: { name: 'asc' }, select: homeSelect }),
  )
}

/** Placements at the home on a day (or overlapping a period). */
export const placedAt = (homeId: string, from: string, to = from) => ({
  homeId,
  startDate: { lte: calendarDate(to) },
  OR: [{ endDate: null }, { endDate: { gte: calendarDate(from) } }],
})

/** The placing authorities of the children at the home on a day (or at any time in a period). */
export async function placingAuthorityIds(tx: Tx, homeId: string, from: string, to = from) {
  const placements = await tx.placement.findMany({
    where: placedAt(homeId, from, to),
    select: { child: { select: { placingAuthorityId: true } } },
  })
  return [...new Set(placements.map((p) => p.child.placingAuthorityId))]
}

/** Every placement the home has had, with the child's placing authority (for who a visit's report goes to). */
export type HomePlacement = {
  startDate: Date
  endDate: Date | null
  child: { placingAuthority: { id: string; name: string } }
}
export const homePlacements = (tx: Tx, homeId: string): Promise<HomePlacement[]> =>
  tx.placement.findMany({
    where: { homeId },
    select: {
      startDate: true,
      endDate: true,
      child: { select: { placingAuthority: { select: { id: true, name: true } } } },
    },
  })

/** The placing authorities of the home's children on a day, by name. */
export function placingOf(placements: HomePlacement[], day: string) {
  const on = placements
    .filter((p) => isoDate(p.startDate) <= day && (!p.endDate || isoDate(p.endDate) >= day))
    .map((p) => p.child.placingAuthority)
  return [...new Map(on.map((a) => [a.id, a])).values()].sort((a, b) => a.name.localeCompare(b.name))
}

/** Dates about a visit: not in the future, not before the visit. */
export function datesProblems(visitedOn: string, today: string, dates: Record<string, string | null>): FieldErrors {
  const problems: FieldErrors = {}
  for (const [field, value] of Object.entries(dates)) {
    if (!value) continue
    if (value > today) problems[field] = 'This date cannot be in the future'
    else if (value < visitedOn) problems[field] = 'This date cannot be before the visit'
  }
  return problems
}
