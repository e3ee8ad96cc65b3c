// The places, people and vehicles a child's missing protocol names as known to them, as links to Haven's records
// (lib/server/places.ts). A record is chosen from those the person can already see (named in episodes or on
// protocols of children in their scope) or added by typing it, recognised the same way as in an episode. Each link
// keeps what was typed for this child; what is not a record yet stays in the protocol's own text.
import type { Actor } from '@/lib/domain/roles'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { KnownRecordInput } from '@/lib/validation/missing-protocols'
import { inTurn, type Tx } from './database'
import { ValidationError } from './errors'
import {
  resolveAssociate,
  resolveLocation,
  resolveVehicle,
  typedLocation,
  typedVehicle,
  type PlaceKind,
} from './places'
import { useCase } from './use-case'

export type KnownRecord = { kind: PlaceKind; id: string; label: string; detail: string | null }

const kept = (row: { id: string; mergedIntoId: string | null }) => row.mergedIntoId ?? row.id

/** The records this person may link to a protocol: those named in episodes or protocols they can see, merged ones
 * as the record kept. Labels come from the record itself, never from what was typed for another child. */
async function choosable(
  tx: Tx,
  scope: { episode: Prisma.MissingEpisodeWhereInput; child: Prisma.ChildWhereInput },
): Promise<{ records: KnownRecord[]; childIds: string[] }> {
  const seen = {
    OR: [
      { episodes: { some: { episode: scope.episode } } },
      { protocols: { some: { protocol: { child: scope.child } } } },
    ],
  }
  // the children whose episodes and protocols name them: the list is a read of those children's records too
  const select = {
    id: true,
    mergedIntoId: true,
    episodes: { where: { episode: scope.episode }, select: { episode: { select: { childId: true } } } },
    protocols: { where: { protocol: { child: scope.child } }, select: { protocol: { select: { childId: true } } } },
  }
  const [locations, associates, vehicles] = await inTurn(
    () => tx.location.findMany({ where: seen, select }),
    () => tx.associate.findMany({ where: seen, select }),
    () => tx.vehicle.findMany({ where: seen, select }),
  )
  const ids = (rows: { id: string; mergedIntoId: string | null }[]) => [...new Set(rows.map(kept))]
  const [l, a, v] = await inTurn(
    () => tx.location.findMany({ where: { id: { in: ids(locations) } }, orderBy: { name: 'asc' } }),
    () => tx.associate.findMany({ where: { id: { in: ids(associates) } }, orderBy: { name: 'asc' } }),
    () => tx.vehicle.findMany({ where: { id: { in: ids(vehicles) } }, orderBy: { registration: 'asc' } }),
  )
  const childIds = [...locations, ...associates, ...vehicles].flatMap((r) => [
    ...r.episodes.map((e) => e.episode.childId),
    ...r.protocols.map((p) => p.protocol.childId),
  ])
  const records = [
    ...l.map((r) => ({ kind: 'location' as const, id: r.id, label: r.name, detail: r.postcode })),
    ...a.map((r) => ({ kind: 'associate' as const, id: r.id, label: r.name ?? 'Name not known', detail: null })),
    ...v.map((r) => ({
      kind: 'vehicle' as const,
      id: r.id,
      label: r.registration ?? 'Registration not known',
      detail: null,
    })),
  ]
  return { records, childIds: [...new Set(childIds)] }
}

/** The records a person writing a child's protocol may choose from. */
export async function knownRecordChoices(actor: Actor, childId: string, now = new Date()) {
  return useCase(actor, 'protocol.write', { subject: 'child', now }, async ({ tx, find, scope, audit }) => {
    await find.child(childId, { select: { id: true } })
    const { records, childIds } = await choosable(tx, scope)
    const count = (kind: PlaceKind) => records.filter((r) => r.kind === kind).length
    await audit({
      action: 'protocol.records',
      subjectType: 'child',
      subjectId: childId,
      childIds: [...new Set([childId, ...childIds])],
      details: { places: count('location'), people: count('associate'), vehicles: count('vehicle') },
    })
    return records
  })
}

/** Links a new protocol version to the records it names: chosen ones must be visible to the writer; typed ones are
 * recognised or added. */
export async function linkKnownRecords(
  tx: Tx,
  scope: { episode: Prisma.MissingEpisodeWhereInput; child: Prisma.ChildWhereInput },
  protocolId: string,
  input: KnownRecordInput[],
  actorId: string,
) {
  const visible = input.some((r) => r.recordId) ? (await choosable(tx, scope)).records : []
  for (const [position, r] of input.entries()) {
    let id: string
    let typed: { typedName: string | null; typedDetail: string | null } = { typedName: null, typedDetail: null }
    if (r.recordId) {
      if (!visible.some((v) => v.kind === r.kind && v.id === r.recordId))
        throw new ValidationError({ [`knownRecords.${position}.recordId`]: 'Choose one of the records in the list' })
      id = r.recordId
    } else if (r.kind === 'location') {
      const location = { name: r.name, postcode: r.detail }
      id = await resolveLocation(tx, location, actorId)
      const { typedName, typedPostcode } = typedLocation(location)
      typed = { typedName, typedDetail: typedPostcode }
    } else if (r.kind === 'associate') {
      const associate = { name: r.name, description: r.detail }
      id = await resolveAssociate(tx, associate, actorId)
      typed = { typedName: r.name, typedDetail: r.detail }
    } else {
      const vehicle = { registration: r.name, description: r.detail, taxiFirm: null }
      id = await resolveVehicle(tx, vehicle, actorId)
      typed = { typedName: typedVehicle(vehicle).typedRegistration, typedDetail: r.detail }
    }
    await tx.protocolPlace.create({ data: { protocolId, position, [`${r.kind}Id`]: id, ...typed } })
  }
}

/** Each protocol's known records, in order: the record kept after any merge, with what was typed for this child. */
export async function knownRecordsOf(tx: Tx, protocolIds: string[]) {
  const record = { select: { id: true, mergedIntoId: true } }
  const rows = await tx.protocolPlace.findMany({
    where: { protocolId: { in: protocolIds } },
    orderBy: { position: 'asc' },
    select: {
      protocolId: true,
      typedName: true,
      typedDetail: true,
      location: { select: { id: true, mergedIntoId: true, name: true, postcode: true } },
      associate: { select: { ...record.select, name: true } },
      vehicle: { select: { ...record.select, registration: true } },
    },
  })
  return (protocolId: string): KnownRecord[] =>
    rows
      .filter((r) => r.protocolId === protocolId)
      .map((r) => {
        const kind: PlaceKind = r.location ? 'location' : r.associate ? 'associate' : 'vehicle'
        const rec = (r.location ?? r.associate ?? r.vehicle)!
        const own = r.location
          ? { label: r.location.name, detail: r.location.postcode }
          : r.associate
            ? { label: r.associate.name ?? 'Name not known', detail: null }
            : { label: r.vehicle!.registration ?? 'Registration not known', detail: null }
        return { kind, id: kept(rec), label: r.typedName ?? own.label, detail: r.typedDetail ?? own.detail }
      })
}

/** Where a known record is shown with the children and episodes that name it. */
export const knownRecordHref = (r: { kind: PlaceKind; id: string }) => `/places#${r.kind}-${r.id}`
