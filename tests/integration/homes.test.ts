// A home's page on a real database: the homes a person works in or oversees, and every child living at the home
// (no cap leaves a child off a large home's list).
import { beforeAll, describe, expect, it } from 'vitest'
import { ForbiddenError, NotFoundError } from '@/lib/server/errors'
import { getHome, homesFor } from '@/lib/server/homes'
import { freshDatabase } from '../support/database'
import { makeChild, makePerson, makeWorld, type World } from '../support/fixtures'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

describe('homes', () => {
  it('lists the homes of the worker’s home or the provider, and no others', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }])
    const ri = await makePerson([{ role: 'RESPONSIBLE_INDIVIDUAL', providerId: world.providerOne.id }])
    const iro = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }])
    expect((await homesFor(worker)).map((h) => h.name)).toEqual(['Willow House'])
    expect((await homesFor(ri)).map((h) => h.name)).toEqual(['Birch Lodge', 'Willow House'])
    await expect(homesFor(iro)).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('shows every child living at the home, however many, and says "not found" alike for another home and none', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeB.id }])
    for (let n = 0; n < 205; n++) await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laOne.id })
    const { home, children } = await getHome(worker, world.homeB.id)
    expect(home.name).toBe('Birch Lodge')
    expect(children).toHaveLength(205)
    expect(new Set(children.map((c) => c.id)).size).toBe(205)
    const elsewhere = await getHome(worker, world.homeA.id).catch((e) => e)
    expect(elsewhere).toBeInstanceOf(NotFoundError)
    expect((await getHome(worker, 'no-such-home').catch((e) => e)).message).toBe(elsewhere.message)
  }, 60_000)
})
