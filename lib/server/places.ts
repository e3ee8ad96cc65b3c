// Locations, associates and vehicles named in episodes and interviews. A record stands for one real place, person or
// vehicle; it is linked automatically only when it is certainly the same (the same name and postcode, the same full
// registration, the same name and description). Anything less is a merge suggestion for a person to decide. Each
// link keeps what was typed for that child, so one child's record never shows words written for another.
import {
  associateKey,
  associateNameKey,
  formatRegistration,
  fullRegistration,
  locationKey,
  probablySame,
  registrationKey,
  vehicleKey,
} from '@/lib/domain/places'
import type { Actor } from '@/lib/domain/roles'
import { Prisma } from '@/lib/generated/prisma/client'
import { inTurn, type Tx } from './database'
import { NotFoundError, ValidationError } from './errors'
import { patternsAfterEvent } from './patterns'
import { openUseCase, useCase } from './use-case'

type LocationInput = { name: string | null; kind?: string | null; postcode?: string | null }
type AssociateInput = { name: string | null; description: string | null }
type VehicleInput = { registration: string | null; description: string | null; taxiFirm: string | null }

/** Records are merged one level deep (merging re-points earlier merges), so the kept record is one step away. */
const kept = (row: { id: string; mergedIntoId: string | null }) => row.mergedIntoId ?? row.id

export async function resolveLocation(tx: Tx, input: LocationInput, actorId: string) {
  const name = input.name!.trim()
  const key = locationKey(name, input.postcode)
  const match = await tx.location.findFirst({ where: { matchKey: key }, orderBy: { createdAt: 'asc' } })
  if (match) return kept(match)
  const created = await tx.location.create({
    data: {
      name,
      kind: (input.kind as never) ?? 'OTHER',
      postcode: input.postcode?.toUpperCase() ?? null,
      matchKey: key,
      createdById: actorId,
    },
  })
  return created.id
}

export async function resolveAssociate(tx: Tx, input: AssociateInput, actorId: string) {
  const key = associateKey(input)
  const match = await tx.associate.findFirst({ where: { matchKey: key }, orderBy: { createdAt: 'asc' } })
  if (match) return kept(match)
  return (
    await tx.associate.create({
      data: { name: input.name, description: input.description, matchKey: key, createdById: actorId },
    })
  ).id
}

export async function resolveVehicle(tx: Tx, input: VehicleInput, actorId: string) {
  const key = vehicleKey(input)
  // only a full registration identifies a vehicle; a description ("silver car") is a new record every time
  const match = fullRegistration(input.registration)
    ? await tx.vehicle.findFirst({ where: { matchKey: key }, orderBy: { createdAt: 'asc' } })
    : null
  if (match) return kept(match)
  return (
    await tx.vehicle.create({
      data: {
        registration: input.registration ? formatRegistration(input.registration) : null,
        description: input.description,
        taxiFirm: input.taxiFirm,
        matchKey: key,
        createdById: actorId,
      },
    })
  ).id
}

/** Link data that keeps what was typed beside the record it was recognised as. */
export const typedLocation = (input: LocationInput) => ({
  typedName: input.name?.trim() ?? null,
  typedPostcode: input.postcode?.toUpperCase() ?? null,
})
export const typedAssociate = (input: AssociateInput) => ({
  typedName: input.name,
  typedDescription: input.description,
})
export const typedVehicle = (input: VehicleInput) => ({
  typedRegistration: input.registration ? formatRegistration(input.registration) : null,
  typedDescription: input.description,
  typedTaxiFirm: input.taxiFirm,
})

export type PlaceKind = 'location' | 'associate' | 'vehicle'
export type PlaceRecord = {
  id: string
  label: string
  detail: string
  matchKey: string
  episodes: number
  children: number
}

type Link = { typed: string[]; episode: { id: string; childId: string } }

/**
 * The places, people and vehicles named in episodes the actor can see, each with how many episodes and children
 * name it, and pairs that are probably the same and worth merging. Details come from what was typed in the
 * episodes this person can see, never from other children's records.
 */
export async function listPlaces(actor: Actor, now = new Date()) {
  const denied = { forbidden: "Your roles do not include seeing children's missing episodes." }
  return useCase(actor, 'episode.read', { denied, now }, async ({ tx, scope, audit }) => {
    const { childIds, ...places } = await placesIn(tx, scope.episode, scope.child)
    // who looked at the places, people and vehicles linked to children, as for any read of their records
    const details = { places: places.location.length, people: places.associate.length, vehicles: places.vehicle.length }
    await audit({ action: 'place.list', subjectType: 'place', subjectId: '*', childIds, details })
    return places
  })
}

/** The places, people and vehicles named in the episodes `visible` selects or on the missing protocols of the
 * `children`, and the children those episodes and protocols are about. */
async function placesIn(tx: Tx, visible: Prisma.MissingEpisodeWhereInput, children: Prisma.ChildWhereInput) {
  const episode = { select: { id: true, childId: true } }
  const named = {
    OR: [{ episodes: { some: { episode: visible } } }, { protocols: { some: { protocol: { child: children } } } }],
  }
  const protocols = { where: { protocol: { child: children } }, select: { protocol: { select: { childId: true } } } }
  const [locations, associates, vehicles] = await inTurn(
    () =>
      tx.location.findMany({
        where: named,
        select: {
          id: true,
          mergedIntoId: true,
          protocols,
          episodes: { where: { episode: visible }, select: { typedName: true, typedPostcode: true, episode } },
        },
      }),
    () =>
      tx.associate.findMany({
        where: named,
        select: {
          id: true,
          mergedIntoId: true,
          protocols,
          episodes: { where: { episode: visible }, select: { typedName: true, typedDescription: true, episode } },
        },
      }),
    () =>
      tx.vehicle.findMany({
        where: named,
        select: {
          id: true,
          mergedIntoId: true,
          protocols,
          episodes: {
            where: { episode: visible },
            select: { typedRegistration: true, typedDescription: true, typedTaxiFirm: true, episode },
          },
        },
      }),
  )
  type Row = { id: string; mergedIntoId: string | null; links: Link[]; protocols: { protocol: { childId: string } }[] }
  const group = (rows: Row[]) => {
    const byKept = new Map<string, { episodes: Set<string>; children: Set<string>; typed: Set<string> }>()
    for (const row of rows) {
      const entry = byKept.get(kept(row)) ?? { episodes: new Set(), children: new Set(), typed: new Set() }
      for (const l of row.links) {
        entry.episodes.add(l.episode.id)
        entry.children.add(l.episode.childId)
        for (const t of l.typed) entry.typed.add(t)
      }
      for (const p of row.protocols) entry.children.add(p.protocol.childId)
      byKept.set(kept(row), entry)
    }
    return byKept
  }
  const texts = (...values: (string | null)[]) => values.filter((v): v is string => Boolean(v))
  const locationGroups = group(
    locations.map((l) => ({ ...l, links: l.episodes.map((e) => ({ episode: e.episode, typed: texts(e.typedName) })) })),
  )
  const associateGroups = group(
    associates.map((a) => ({
      ...a,
      links: a.episodes.map((e) => ({ episode: e.episode, typed: texts(e.typedDescription) })),
    })),
  )
  const vehicleGroups = group(
    vehicles.map((v) => ({
      ...v,
      links: v.episodes.map((e) => ({ episode: e.episode, typed: texts(e.typedDescription, e.typedTaxiFirm) })),
    })),
  )
  const [keptLocations, keptAssociates, keptVehicles] = await inTurn(
    () => tx.location.findMany({ where: { id: { in: [...locationGroups.keys()] } } }),
    () => tx.associate.findMany({ where: { id: { in: [...associateGroups.keys()] } } }),
    () => tx.vehicle.findMany({ where: { id: { in: [...vehicleGroups.keys()] } } }),
  )
  const counted = (groups: ReturnType<typeof group>, id: string) => {
    const g = groups.get(id)!
    return { episodes: g.episodes.size, children: g.children.size, detail: [...g.typed].slice(0, 3).join('; ') }
  }
  const records: Record<PlaceKind, PlaceRecord[]> = {
    location: keptLocations.map((l) => ({
      id: l.id,
      label: l.name,
      matchKey: l.matchKey,
      ...counted(locationGroups, l.id),
      detail: l.postcode ?? '',
    })),
    associate: keptAssociates.map((a) => ({
      id: a.id,
      label: a.name ?? 'Name not known',
      matchKey: associateNameKey(a.matchKey),
      ...counted(associateGroups, a.id),
    })),
    vehicle: keptVehicles.map((v) => ({
      id: v.id,
      label: v.registration ?? 'Registration not known',
      matchKey: v.registration ? `reg:${registrationKey(v.registration)}` : v.matchKey,
      ...counted(vehicleGroups, v.id),
    })),
  }
  for (const list of Object.values(records))
    list.sort((a, b) => b.children - a.children || b.episodes - a.episodes || a.label.localeCompare(b.label))
  const suggestions = (Object.entries(records) as [PlaceKind, PlaceRecord[]][]).flatMap(([kind, list]) =>
    list.flatMap((a, i) =>
      list
        .slice(i + 1)
        .filter((b) =>
          kind === 'associate'
            ? a.matchKey !== 'name:' && a.matchKey === b.matchKey
            : probablySame(a.matchKey, b.matchKey),
        )
        .map((b) => ({ kind, a, b })),
    ),
  )
  const childIds = [
    ...new Set(
      [...locations, ...associates, ...vehicles].flatMap((r) => [
        ...r.episodes.map((l) => l.episode.childId),
        ...r.protocols.map((p) => p.protocol.childId),
      ]),
    ),
  ]
  return { ...records, suggestions, childIds }
}

const TABLES: Record<PlaceKind, string> = { location: 'Location', associate: 'Associate', vehicle: 'Vehicle' }

/** Merges one record into another: every episode naming either now counts as naming the one kept. */
export async function mergePlaces(
  actor: Actor,
  input: { kind: PlaceKind; keepId: string; mergeId: string },
  now = new Date(),
) {
  const denied = { forbidden: 'Only registered managers and LA missing leads can merge records.' }
  await useCase(actor, 'place.merge', { denied, now }, async ({ tx, audit }) => {
    if (input.keepId === input.mergeId) throw new ValidationError({ mergeId: 'Choose two different records' })
    // both must be records this person sees now (through the episodes they may read)
    const { scope } = openUseCase(tx, actor, 'episode.read', now)
    const seen = new Set((await placesIn(tx, scope.episode, scope.child))[input.kind].map((r) => r.id))
    if (!seen.has(input.keepId) || !seen.has(input.mergeId)) throw new NotFoundError('record')
    // lock both rows, then check again that neither has been merged meanwhile (two merges at once must not chain)
    const locked = await tx.$queryRaw<{ id: string; mergedIntoId: string | null }[]>(
      Prisma.sql`SELECT id, "mergedIntoId" FROM ${Prisma.raw(`"${TABLES[input.kind]}"`)} WHERE id IN (${input.keepId}, ${input.mergeId}) ORDER BY id FOR UPDATE`,
    )
    if (locked.length !== 2 || locked.some((r) => r.mergedIntoId))
      throw new ValidationError({ form: 'One of these has just been merged by someone else. Reload the page.' })
    const table = Prisma.raw(`"${TABLES[input.kind]}"`)
    await tx.$executeRaw(
      Prisma.sql`UPDATE ${table} SET "mergedIntoId" = ${input.keepId} WHERE id = ${input.mergeId} OR "mergedIntoId" = ${input.mergeId}`,
    )
    // a merge can make one record shared by several children: look again at every child it names
    const named = await tx.missingEpisode.findMany({
      where: {
        [input.kind === 'location' ? 'locations' : input.kind === 'associate' ? 'associates' : 'vehicles']: {
          some: { [`${input.kind}Id`]: { in: [input.keepId, input.mergeId] } },
        },
      },
      select: { childId: true },
      distinct: ['childId'],
    })
    for (const { childId } of named) await patternsAfterEvent(tx, childId, now)
    // the merged-away record's alert carries on as the kept record's: close it, saying why
    for (const alert of await tx.alert.findMany({
      where: { subjectKey: `${input.kind}:${input.mergeId}`, status: 'OPEN' },
      select: { id: true },
    })) {
      const reason = `Merged into the record kept (${input.keepId}); its alert carries on`
      await tx.alert.update({
        where: { id: alert.id },
        data: {
          status: 'RESOLVED',
          resolvedAt: now,
          resolvedById: actor.userId,
          resolutionReason: reason,
          updatedAt: now,
        },
      })
      await tx.alertEvent.create({
        data: { alertId: alert.id, kind: 'resolved', at: now, byId: actor.userId, note: reason },
      })
    }
    await audit({
      action: 'place.merge',
      subjectType: input.kind,
      subjectId: input.keepId,
      details: { mergedId: input.mergeId },
    })
  })
}
