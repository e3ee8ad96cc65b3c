// Which alerts a person reads, and what each is about in words. Every reader of a child reads that child's alerts
// (scoped as the child is); the people told about an alert read it too, with the children outside their scope
// unnamed. Only the people told acknowledge it.
import type { Prisma } from '@/lib/generated/prisma/client'
import type { Actor } from '@/lib/domain/roles'
import type { Tx } from './database'

/** The alerts this person reads: told about them, or about a child they may read. */
export async function readableAlerts(tx: Tx, actor: Actor, childScope: Prisma.ChildWhereInput) {
  const children = await tx.child.findMany({ where: childScope, select: { id: true } })
  const told: Prisma.AlertWhereInput = { recipients: { some: { userId: actor.userId } } }
  if (!children.length) return told
  return { OR: [told, { childIds: { hasSome: children.map((c) => c.id) } }] } satisfies Prisma.AlertWhereInput
}

type Named = { id: string; name: string }

/** What each alert is about, in words: the place, person or vehicle, or the children it names (those the reader may
 * see; "a child" for the others). Keyed by the alert's subject key. */
export async function subjectWords(tx: Tx, subjectKeys: string[], visible: Named[]) {
  const ids = (kind: string) => subjectKeys.filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1))
  const [places, people, vehicles] = await Promise.all([
    tx.location.findMany({ where: { id: { in: ids('location') } }, select: { id: true, name: true, postcode: true } }),
    tx.associate.findMany({
      where: { id: { in: ids('associate') } },
      select: { id: true, name: true, description: true },
    }),
    tx.vehicle.findMany({
      where: { id: { in: ids('vehicle') } },
      select: { id: true, registration: true, description: true },
    }),
  ])
  const child = (id: string) => visible.find((c) => c.id === id)?.name ?? 'a child outside your view'
  const words = new Map<string, string>()
  for (const p of places) words.set(`location:${p.id}`, [p.name, p.postcode].filter(Boolean).join(', '))
  for (const p of people) words.set(`associate:${p.id}`, p.name || p.description || 'a person not named')
  for (const v of vehicles)
    words.set(`vehicle:${v.id}`, [v.registration, v.description].filter(Boolean).join(', ') || 'a vehicle')
  for (const key of subjectKeys) {
    if (key.startsWith('child:')) words.set(key, child(key.slice('child:'.length)))
    // pair:<home>:<child>:<child>
    if (key.startsWith('pair:')) words.set(key, key.split(':').slice(2).map(child).join(' and '))
  }
  return words
}
