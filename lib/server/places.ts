// Locations, associates and vehicles named in episodes: one record per real place, person or vehicle, however it
// was typed, so that patterns across children and homes can be counted. Duplicates are merged, never deleted.
import { can } from '@/lib/domain/permissions'
import { associateKey, formatRegistration, locationKey, probablySame, vehicleKey } from '@/lib/domain/places'
import type { Actor } from '@/lib/domain/roles'
import { recordAudit } from './audit'
import { getPrisma, type Tx } from './database'
import { ForbiddenError, NotFoundError, ValidationError } from './errors'
import { episodeWhere } from './scope'

type LocationInput = { name: string | null; kind?: string | null; postcode?: string | null }
type AssociateInput = { name: string | null; description: string | null }
type VehicleInput = { registration: string | null; description: string | null; taxiFirm: string | null }

const MAX_MERGE_DEPTH = 20

/** Follows merges to the record that stands for all of them. */
async function canonicalId(find: (id: string) => Promise<{ id: string; mergedIntoId: string | null } | null>, id: string) {
  let current = id
  for (let i = 0; i < MAX_MERGE_DEPTH; i++) {
    const row = await find(current)
    if (!row?.mergedIntoId) return current
    current = row.mergedIntoId
  }
  return current
}

export async function resolveLocation(tx: Tx, input: LocationInput, actorId: string) {
  const name = input.name!.trim()
  const key = locationKey(name, input.postcode)
  const namePart = key.split('|')[0]
  // the same name with or without a postcode is the same place, unless both have different postcodes
  const match =
    (await tx.location.findFirst({ where: { matchKey: key }, orderBy: { createdAt: 'asc' } })) ??
    (await tx.location.findFirst({
      where: input.postcode ? { matchKey: namePart } : { OR: [{ matchKey: namePart }, { matchKey: { startsWith: `${namePart}|` } }] },
      orderBy: { createdAt: 'asc' },
    }))
  if (match) return canonicalId((id) => tx.location.findUnique({ where: { id } }), match.id)
  const created = await tx.location.create({
    data: { name, kind: (input.kind as never) ?? 'OTHER', postcode: input.postcode?.toUpperCase() ?? null, matchKey: key, createdById: actorId },
  })
  return created.id
}

export async function resolveAssociate(tx: Tx, input: AssociateInput, actorId: string) {
  const key = associateKey(input)
  const match = await tx.associate.findFirst({ where: { matchKey: key }, orderBy: { createdAt: 'asc' } })
  if (match) return canonicalId((id) => tx.associate.findUnique({ where: { id } }), match.id)
  return (await tx.associate.create({ data: { name: input.name, description: input.description, matchKey: key, createdById: actorId } })).id
}

export async function resolveVehicle(tx: Tx, input: VehicleInput, actorId: string) {
  const key = vehicleKey(input)
  const match = await tx.vehicle.findFirst({ where: { matchKey: key }, orderBy: { createdAt: 'asc' } })
  if (match) return canonicalId((id) => tx.vehicle.findUnique({ where: { id } }), match.id)
  return (
    await tx.vehicle.create({
      data: { registration: input.registration ? formatRegistration(input.registration) : null, description: input.description, taxiFirm: input.taxiFirm, matchKey: key, createdById: actorId },
    })
  ).id
}

export type PlaceKind = 'location' | 'associate' | 'vehicle'
export type PlaceRecord = { id: string; label: string; detail: string; matchKey: string; episodes: number; children: number }

/**
 * The places, people and vehicles named in episodes the actor can see, each with how many episodes and children
 * name it, and pairs that are probably the same and worth merging.
 */
export async function listPlaces(actor: Actor, now = new Date()) {
  if (!can(actor, 'episode.read')) throw new ForbiddenError("Your roles do not include seeing children's missing episodes.")
  const prisma = await getPrisma()
  const visible = episodeWhere(actor, 'episode.read', now)
  const links = { where: { episode: visible }, select: { episode: { select: { id: true, childId: true } } } }
  const named = { episodes: { some: { episode: visible } } }
  const [locations, associates, vehicles] = await Promise.all([
    prisma.location.findMany({ where: named, select: { id: true, mergedIntoId: true, episodes: links } }),
    prisma.associate.findMany({ where: named, select: { id: true, mergedIntoId: true, episodes: links } }),
    prisma.vehicle.findMany({ where: named, select: { id: true, mergedIntoId: true, episodes: links } }),
  ])
  // merges are one level deep (mergePlaces re-points earlier merges): count each record under the one kept
  const group = (rows: { id: string; mergedIntoId: string | null; episodes: { episode: { id: string; childId: string } }[] }[]) => {
    const byCanonical = new Map<string, { episodes: Set<string>; children: Set<string> }>()
    for (const row of rows) {
      const entry = byCanonical.get(row.mergedIntoId ?? row.id) ?? { episodes: new Set(), children: new Set() }
      for (const l of row.episodes) entry.episodes.add(l.episode.id), entry.children.add(l.episode.childId)
      byCanonical.set(row.mergedIntoId ?? row.id, entry)
    }
    return byCanonical
  }
  const [locationCounts, associateCounts, vehicleCounts] = [group(locations), group(associates), group(vehicles)]
  const [canonicalLocations, canonicalAssociates, canonicalVehicles] = await Promise.all([
    prisma.location.findMany({ where: { id: { in: [...locationCounts.keys()] } } }),
    prisma.associate.findMany({ where: { id: { in: [...associateCounts.keys()] } } }),
    prisma.vehicle.findMany({ where: { id: { in: [...vehicleCounts.keys()] } } }),
  ])
  const counted = (counts: Map<string, { episodes: Set<string>; children: Set<string> }>, id: string) => ({
    episodes: counts.get(id)!.episodes.size,
    children: counts.get(id)!.children.size,
  })
  const records: Record<PlaceKind, PlaceRecord[]> = {
    location: canonicalLocations.map((l) => ({ id: l.id, label: l.name, detail: l.postcode ?? '', matchKey: l.matchKey, ...counted(locationCounts, l.id) })),
    associate: canonicalAssociates.map((a) => ({ id: a.id, label: a.name ?? 'Name not known', detail: a.description ?? '', matchKey: a.matchKey, ...counted(associateCounts, a.id) })),
    vehicle: canonicalVehicles.map((v) => ({ id: v.id, label: v.registration ?? 'Registration not known', detail: [v.description, v.taxiFirm].filter(Boolean).join(', '), matchKey: v.matchKey, ...counted(vehicleCounts, v.id) })),
  }
  for (const list of Object.values(records)) list.sort((a, b) => b.children - a.children || b.episodes - a.episodes || a.label.localeCompare(b.label))
  const suggestions = (Object.entries(records) as [PlaceKind, PlaceRecord[]][]).flatMap(([kind, list]) =>
    list.flatMap((a, i) => list.slice(i + 1).filter((b) => probablySame(a.matchKey, b.matchKey)).map((b) => ({ kind, a, b }))),
  )
  return { ...records, suggestions }
}

/** Merges one record into another: every episode naming either now counts as naming the one kept. */
export async function mergePlaces(actor: Actor, input: { kind: PlaceKind; keepId: string; mergeId: string }, now = new Date()) {
  if (!can(actor, 'place.merge')) throw new ForbiddenError('Only registered managers and LA missing leads can merge records.')
  if (input.keepId === input.mergeId) throw new ValidationError({ mergeId: 'Choose two different records' })
  // both must be records this person sees now (through their episodes), not ones already merged away
  const seen = new Set((await listPlaces(actor, now))[input.kind].map((r) => r.id))
  if (!seen.has(input.keepId) || !seen.has(input.mergeId)) throw new NotFoundError('record')
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const data = { mergedIntoId: input.keepId }
    const earlier = { mergedIntoId: input.mergeId }
    if (input.kind === 'location') {
      await tx.location.update({ where: { id: input.mergeId }, data })
      await tx.location.updateMany({ where: earlier, data })
    } else if (input.kind === 'associate') {
      await tx.associate.update({ where: { id: input.mergeId }, data })
      await tx.associate.updateMany({ where: earlier, data })
    } else {
      await tx.vehicle.update({ where: { id: input.mergeId }, data })
      await tx.vehicle.updateMany({ where: earlier, data })
    }
    await recordAudit(tx, { actorId: actor.userId, action: 'place.merge', subjectType: input.kind, subjectId: input.keepId, details: { mergedId: input.mergeId } })
  })
}
