// Where a new placement can go: the homes and areas this actor may place a child in (a registered manager their own
// homes; a social worker anywhere), the placement's columns, and what the add-child and placement forms offer.
import { grantsFor } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { calendarDate } from '@/lib/domain/time'
import type { PlacementStart } from '@/lib/validation/children'
import { getPrisma, type Tx } from './database'
import { ValidationError } from './errors'

/**
 * Where a new placement goes and whether this actor may put the child there: a registered manager places only in
 * a home they manage; a social worker anywhere. Returns the placement's area and out-of-area flag.
 */
export async function resolvePlacementSetting(
  tx: Tx,
  actor: Actor,
  action: 'child.create' | 'placement.start',
  placement: PlacementStart,
  placingAuthorityId: string,
  fieldPrefix: string,
) {
  const field = (name: string) => (fieldPrefix ? `${fieldPrefix}.${name}` : name)
  const grants = grantsFor(actor, action)
  const managedHomes = grants.filter((g) => g.role === 'REGISTERED_MANAGER').map((g) => g.homeId)
  const socialWorker = grants.some((g) => g.role === 'SOCIAL_WORKER')
  let areaAuthorityId = placement.areaAuthorityId
  if (placement.homeId) {
    const home = await tx.home.findUnique({ where: { id: placement.homeId } })
    if (!home) throw new ValidationError({ [field('homeId')]: 'Select a home from the list' })
    if (!socialWorker && !managedHomes.includes(home.id))
      throw new ValidationError({ [field('homeId')]: 'You can only place a child in a home you manage' })
    areaAuthorityId = home.hostAuthorityId
  } else {
    if (!socialWorker)
      throw new ValidationError({ [field('homeId')]: 'You can only place a child in a home you manage' })
    const area = await tx.localAuthority.findUnique({ where: { id: areaAuthorityId ?? '' } })
    if (!area)
      throw new ValidationError({ [field('areaAuthorityId')]: 'Select the local authority area from the list' })
  }
  return { areaAuthorityId: areaAuthorityId!, outOfArea: areaAuthorityId !== placingAuthorityId }
}

export function placementData(placement: PlacementStart, setting: { areaAuthorityId: string; outOfArea: boolean }) {
  return {
    homeId: placement.homeId,
    settingName: placement.homeId ? null : placement.settingName,
    settingPostcode: placement.homeId ? null : (placement.settingPostcode?.toUpperCase() ?? null),
    areaAuthorityId: setting.areaAuthorityId,
    outOfArea: setting.outOfArea,
    startDate: calendarDate(placement.startDate),
    placeCode: placement.placeCode,
    bedAndBreakfast: placement.bedAndBreakfast,
    emergency: placement.emergency,
    placeProvider: placement.placeProvider,
    reasonForChange: placement.reasonForChange,
  }
}

/** What the add-child and placement forms offer this actor: homes, authorities, IROs and social workers. Not a use
 * case: it reads no child's record, only the organisations and staff a form can choose from. The homes offered follow
 * the role refinement of createChild (TODO(lead) there): a manager's own homes, any home for a social worker. */
export async function placementFormOptions(actor: Actor) {
  const prisma = await getPrisma()
  const grants = [...grantsFor(actor, 'child.create'), ...grantsFor(actor, 'placement.start')]
  const anyHome = grants.some((g) => g.role === 'SOCIAL_WORKER')
  const managed = grants.filter((g) => g.role === 'REGISTERED_MANAGER' && g.homeId).map((g) => g.homeId!)
  const [homes, authorities, staff] = await Promise.all([
    prisma.home.findMany({
      where: anyHome ? {} : { id: { in: managed } },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, town: true, provider: { select: { name: true } } },
    }),
    prisma.localAuthority.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    prisma.roleAssignment.findMany({
      where: { role: { in: ['IRO', 'SOCIAL_WORKER'] }, user: { active: true } },
      select: { role: true, localAuthorityId: true, user: { select: { id: true, name: true } } },
      orderBy: { user: { name: 'asc' } },
    }),
  ])
  const people = (role: 'IRO' | 'SOCIAL_WORKER') =>
    staff
      .filter((s) => s.role === role)
      .map((s) => ({ id: s.user.id, name: s.user.name, localAuthorityId: s.localAuthorityId }))
  return {
    homes: homes.map((h) => ({ id: h.id, name: `${h.name}, ${h.town} (${h.provider.name})` })),
    authorities,
    iros: people('IRO'),
    socialWorkers: people('SOCIAL_WORKER'),
    defaultAuthorityId: grants.find((g) => g.role === 'SOCIAL_WORKER')?.localAuthorityId ?? null,
  }
}
