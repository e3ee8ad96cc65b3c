// A home's page: who lives there now (for "report missing" in one tap) and who is missing from it.
import { can, grantsFor } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { getPrisma } from './database'
import { ForbiddenError, NotFoundError } from './errors'
import { currentEpisodes } from './episodes'
import { listChildren } from './children'

/** The homes the actor works in or oversees. */
export async function homesFor(actor: Actor) {
  const grants = grantsFor(actor, 'home.read')
  const prisma = await getPrisma()
  return prisma.home.findMany({
    where: { OR: [{ id: { in: grants.map((g) => g.homeId).filter((id): id is string => !!id) } }, { providerId: { in: grants.map((g) => g.providerId).filter((id): id is string => !!id) } }] },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, town: true, postcode: true, ofstedUrn: true },
  })
}

export async function getHome(actor: Actor, homeId: string, now = new Date()) {
  if (!can(actor, 'home.read')) throw new ForbiddenError('Your roles do not include a home.')
  const home = (await homesFor(actor)).find((h) => h.id === homeId)
  if (!home) throw new NotFoundError('home')
  const { children } = await listChildren(actor, { homeId, perPage: 500 }, now)
  const { open } = await currentEpisodes(actor, now)
  return { home, children, missingNow: open.filter((e) => e.home?.id === homeId) }
}
