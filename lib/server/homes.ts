// A home's page: who lives there now (for "report missing" in one tap) and who is missing from it.
import type { Actor } from '@/lib/domain/roles'
import type { HomePhoneInput } from '@/lib/validation/homes'
import { currentEpisodes } from './episodes'
import { listChildren } from './children'
import { readTogether, useCase } from './use-case'

const denied = { forbidden: 'Your roles do not include a home.' }
const homeSelect = { id: true, name: true, town: true, postcode: true, ofstedUrn: true } as const

/** The homes the actor works in or oversees. */
export async function homesFor(actor: Actor) {
  const unaudited = 'the names and addresses of homes: no child data'
  return useCase(actor, 'home.read', { denied, unaudited }, ({ tx, scope }) =>
    tx.home.findMany({ where: scope.home, orderBy: { name: 'asc' }, select: homeSelect }),
  )
}

/** The page a page at a time (each page audited as the children list is), so no child living there is left off. */
const PAGE = 200

/** The home, who lives there and who is missing from it: three use cases, one transaction (readTogether). */
export async function getHome(actor: Actor, homeId: string, now = new Date()) {
  const unaudited = 'the home itself; the children and episodes shown are read (and audited) by their own use cases'
  return readTogether(async () => {
    const home = await useCase(actor, 'home.read', { denied, subject: 'home', now, unaudited }, ({ find }) =>
      find.home(homeId, { select: { ...homeSelect, phone: true, providerId: true, hostAuthorityId: true } }),
    )
    const children = []
    for (let page = 1; ; page++) {
      const list = await listChildren(actor, { homeId, perPage: PAGE, page }, now)
      children.push(...list.children)
      if (page >= list.pages) break
    }
    const { open } = await currentEpisodes(actor, now)
    return { home, children, missingNow: open.filter((e) => e.home?.id === homeId) }
  })
}

/**
 * Sets or removes the home's phone number, the number other agencies ring about a child day and night (the missing
 * protocol's e-mails to people outside Haven give it): the home's registered manager or its provider's responsible
 * individual; any other home is "not found". Audited with how it changed.
 */
export async function setHomePhone(actor: Actor, homeId: string, input: HomePhoneInput, now = new Date()) {
  return useCase(actor, 'home.phone', { subject: 'home', now }, async ({ tx, find, audit }) => {
    const home = await find.home(homeId, { select: { id: true, name: true, phone: true } })
    const change = home.phone === input.phone ? 'unchanged' : !input.phone ? 'removed' : home.phone ? 'changed' : 'set'
    if (change !== 'unchanged') await tx.home.update({ where: { id: homeId }, data: { phone: input.phone } })
    await audit({ action: 'home.phone', subjectType: 'home', subjectId: homeId, details: { change } })
    return { ...home, phone: input.phone }
  })
}
