// When the database is too busy to answer in time, and when a server is stopping. A transaction that runs past its
// time limit is rolled back and answered "Haven is busy" (API: 503 with Retry-After; a form's action: the message,
// its answers kept), never a 500; a server that is stopping is not ready, so a load balancer sends it no more.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { GET as ready } from '@/app/api/ready/route'
import { issueApiToken } from '@/lib/server/api-tokens'
import { withActor } from '@/lib/server/api'
import { getPrisma } from '@/lib/server/database'
import { describeError } from '@/lib/server/errors'
import { shutDown } from '@/lib/server/shutdown'
import { useCase } from '@/lib/server/use-case'
import type { Actor } from '@/lib/domain/roles'
import { settings } from '@/lib/settings'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makePerson, makeWorld, type World } from '../support/fixtures'
import { expectProblem } from '../support/http'

let world: World
let manager: Actor
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
  manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Busy Manager')
})

const limits = { ...settings.database }
afterEach(() => void Object.assign(settings.database, limits))

/** Renames home A, then (like a request stuck behind others) waits past the transaction's time limit to finish. */
function slowRename(actor: Actor, name: string) {
  settings.database.transactionTimeoutMs = 50
  return useCase(actor, 'home.read', { unaudited: 'a test of the time limit' }, async (uc) => {
    await uc.tx.home.update({ where: { id: world.homeA.id }, data: { name } })
    await new Promise((resolve) => setTimeout(resolve, 300))
    return uc.find.home(world.homeA.id)
  })
}

async function homeName() {
  return (await (await getPrisma()).home.findUniqueOrThrow({ where: { id: world.homeA.id } })).name
}

describe('a database too busy to answer in time', () => {
  it('answers the API 503 with Retry-After, and nothing is saved', async () => {
    const before = await homeName()
    const { token } = await issueApiToken({ email: manager.email, password: FIXTURE_PASSWORD, ip: null })
    const handler = withActor(({ actor }) => slowRename(actor, 'Renamed by a late transaction'))
    const response = await handler(
      new Request('http://127.0.0.1/api/v1/children', { headers: { Authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({}) },
    )
    const body = await expectProblem(response, 503)
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
    expect(body.detail).toBe('Haven is busy, try again in a moment; nothing was saved.')
    expect(await homeName()).toBe(before)
  })

  it('gives a form the message "Haven is busy", with no field marked wrong (runAction shows it; the text stays)', async () => {
    const error = await slowRename(manager, 'Renamed from a form').catch((e: unknown) => e)
    // what runAction (lib/server/action.ts) hands back to the form
    expect(describeError(error)).toMatchObject({
      status: 503,
      message: 'Haven is busy, try again in a moment; nothing was saved.',
      fieldErrors: {},
    })
    expect(await homeName()).not.toBe('Renamed from a form')
  })

  it('still answers 500 for a bug, and in time the same request succeeds', async () => {
    expect(describeError(new Error('a bug')).status).toBe(500)
    const renamed = await useCase(manager, 'home.read', { unaudited: 'a test of the time limit' }, (uc) =>
      uc.tx.home.update({ where: { id: world.homeA.id }, data: { name: 'Renamed in time' } }),
    )
    expect(renamed.name).toBe('Renamed in time')
  })
})

describe('a server that is stopping', () => {
  it('is ready until it stops, then answers /api/ready 503 so that the load balancer drains it', async () => {
    const before = await ready()
    expect(before.status).toBe(200)
    expect((await before.json()).checks.server).toMatchObject({ ok: true })

    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never)
    await shutDown('SIGTERM', 0)
    expect(exit).toHaveBeenCalledWith(0)

    const after = await ready()
    expect(after.status).toBe(503)
    expect(after.headers.get('Cache-Control')).toBe('no-store')
    expect(await after.json()).toMatchObject({
      status: 'not ready',
      checks: { server: { ok: false, detail: expect.stringContaining('stopping') }, database: { ok: false } },
    })
  })
})
