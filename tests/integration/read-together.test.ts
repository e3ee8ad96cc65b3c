// A page that reads through several use cases commits once: its use cases run in one transaction (readTogether), each
// still checking its permission and scope and writing its own audit event, so every child read stays audited. A read
// that fails takes the page's other reads, and their events, with it: nothing is shown, nothing is recorded as shown.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import ChildPage from '@/app/children/[id]/page'
import type { Actor } from '@/lib/domain/roles'
import { getChild } from '@/lib/server/children'
import { getPrisma } from '@/lib/server/database'
import { NotFoundError } from '@/lib/server/errors'
import { getHome } from '@/lib/server/homes'
import { listChildEpisodes } from '@/lib/server/episodes'
import { readTogether } from '@/lib/server/use-case'
import { freshDatabase } from '../support/database'
import { stringsIn } from '../support/elements'
import { makeChild, makeEpisode, makePerson, makeWorld, type World } from '../support/fixtures'

// the signed-in person, as the session check would find them (tested in accounts.test.ts)
const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }))
vi.mock('@/lib/server/current-actor', () => ({ requireActor: async () => signedIn.actor }))

let world: World
let manager: Actor
let childId: string
let name: string
let other: string
beforeEach(async () => {
  await freshDatabase()
  world = await makeWorld()
  manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Together Manager')
  signedIn.actor = manager
  ;({ id: childId, firstName: name } = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id }))
  other = (await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laOne.id })).id
  await makeEpisode(childId, { reportedById: manager.userId })
})

/** The audit events written since `after`, with the transaction that wrote each. */
async function eventsSince(after: bigint) {
  const prisma = await getPrisma()
  return prisma.auditEvent.findMany({
    where: { seq: { gt: after } },
    orderBy: { seq: 'asc' },
    select: { action: true, childId: true, childIds: true, xid: true },
  })
}
const lastSeq = async () =>
  (await (await getPrisma()).auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } }))?.seq ?? 0n

describe('reads together', () => {
  it("a child's page writes each use case's audit event, all in one transaction", async () => {
    const before = await lastSeq()
    const page = stringsIn(await ChildPage({ params: Promise.resolve({ id: childId }) }))
    expect(page).toContain(name) // the child's name is on the page
    const events = await eventsSince(before)
    expect(events.map((e) => e.action).sort()).toEqual(
      ['child.read', 'child.review-decisions', 'cse.read', 'episode.list', 'review.read'].sort(),
    )
    for (const event of events) expect([event.childId, ...event.childIds]).toContain(childId)
    expect(new Set(events.map((e) => e.xid)).size).toBe(1)
  })

  it("a home's page: the home, its children and who is missing, in one transaction", async () => {
    const before = await lastSeq()
    const { children, missingNow } = await getHome(manager, world.homeA.id)
    expect(children.map((c) => c.id)).toEqual([childId])
    expect(missingNow.map((e) => e.child.id)).toEqual([childId])
    const events = await eventsSince(before)
    expect(events.map((e) => e.action).sort()).toEqual(['child.list', 'episode.list'])
    expect(new Set(events.map((e) => e.xid)).size).toBe(1)
  })

  it('a read that fails fails them all, and leaves no event of the reads it took with it', async () => {
    const before = await lastSeq()
    const failed = await readTogether(async () => {
      await getChild(manager, childId)
      await listChildEpisodes(manager, childId)
      return getChild(manager, other) // another home's child: not found
    }).catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(NotFoundError)
    expect(await eventsSince(before)).toEqual([])
    // the same reads alone are each audited as before
    await getChild(manager, childId)
    expect((await eventsSince(before)).map((e) => e.action)).toEqual(['child.read'])
  })

  it("still refuses a read outside the person's scope as not found, inside or out", async () => {
    await expect(readTogether(() => getChild(manager, other))).rejects.toBeInstanceOf(NotFoundError)
    await expect(getChild(manager, other)).rejects.toBeInstanceOf(NotFoundError)
  })
})
