// A home's phone number on a real database: set, changed and removed by the home's registered manager or the
// provider's responsible individual (anyone else: "not found"), kept in its written form, audited, shown with the
// home and the child's missing protocol, and the same through PUT /api/v1/homes/{id}/phone.
import { beforeAll, describe, expect, it } from 'vitest'
import { POST as issueToken } from '@/app/api/v1/auth/token/route'
import { GET as protocolsRoute } from '@/app/api/v1/children/[id]/missing-protocols/route'
import { GET as oversightRoute } from '@/app/api/v1/homes/[id]/oversight/route'
import { PUT as phoneRoute } from '@/app/api/v1/homes/[id]/phone/route'
import { mayActOnHome } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { getPrisma } from '@/lib/server/database'
import { NotFoundError } from '@/lib/server/errors'
import { getHome, setHomePhone } from '@/lib/server/homes'
import { getMissingProtocols } from '@/lib/server/missing-protocols'
import { homePhoneSavedSchema, homePhoneSchema } from '@/lib/validation/homes'
import { tokenSchema } from '@/lib/validation/responses'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makeChild, makePerson, makeWorld, type World } from '../support/fixtures'
import { expectProblem } from '../support/http'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

const phone = (typed: string | null) => homePhoneSchema.parse({ phone: typed })
const phoneOf = async (homeId: string) =>
  (await (await getPrisma()).home.findUniqueOrThrow({ where: { id: homeId } })).phone
const changes = async (homeId: string) =>
  (
    await (
      await getPrisma()
    ).auditEvent.findMany({ where: { action: 'home.phone', subjectId: homeId }, orderBy: { seq: 'asc' } })
  ).map((e) => e.details)

/** What happens when the person tries to set the home's number: ok, or "not found". */
async function attempt(actor: Actor, homeId: string) {
  try {
    await setHomePhone(actor, homeId, phone('0161 496 0999'))
    return 'ok'
  } catch (e) {
    if (e instanceof NotFoundError) return 'not-found'
    throw e
  }
}

describe("a home's phone number", () => {
  it('is set in its written form, changed and removed by the registered manager, each change audited', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Mo Manager')
    expect((await getHome(manager, world.homeA.id)).home.phone).toBeNull()

    expect(await setHomePhone(manager, world.homeA.id, phone('+44 (0)114 496 0123'))).toEqual({
      id: world.homeA.id,
      name: 'Willow House',
      phone: '0114 496 0123',
    })
    expect((await getHome(manager, world.homeA.id)).home.phone).toBe('0114 496 0123')
    await setHomePhone(manager, world.homeA.id, phone('0114 496 0123'))
    await setHomePhone(manager, world.homeA.id, phone('01632960123'))
    expect(await phoneOf(world.homeA.id)).toBe('01632 960123')
    await setHomePhone(manager, world.homeA.id, phone(''))
    expect(await phoneOf(world.homeA.id)).toBeNull()
    expect(await changes(world.homeA.id)).toEqual([
      { change: 'set' },
      { change: 'unchanged' },
      { change: 'changed' },
      { change: 'removed' },
    ])
  })

  it('is set by the home’s manager and the provider’s responsible individual only; for anyone else “not found”', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }])
    const ri = await makePerson([{ role: 'RESPONSIBLE_INDIVIDUAL', providerId: world.providerOne.id }])
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }])
    const lead = await makePerson([{ role: 'LA_MISSING_LEAD', localAuthorityId: world.laOne.id }])
    const expected: [Actor, string, string][] = [
      [manager, world.homeA.id, 'ok'],
      [manager, world.homeB.id, 'not-found'], // another home of the same provider
      [ri, world.homeA.id, 'ok'],
      [ri, world.homeB.id, 'ok'],
      [ri, world.homeC.id, 'not-found'], // another provider's home
      [worker, world.homeA.id, 'not-found'],
      [lead, world.homeA.id, 'not-found'], // the authority hosting it
    ]
    const prisma = await getPrisma()
    for (const [actor, homeId, outcome] of expected) {
      expect(await attempt(actor, homeId), `${actor.grants[0].role} at ${homeId}`).toBe(outcome)
      // the page shows the form exactly when the use case would take it
      const home = await prisma.home.findUniqueOrThrow({ where: { id: homeId } })
      expect(mayActOnHome(actor, 'home.phone', home), `${actor.grants[0].role} at ${homeId}: the form`).toBe(
        outcome === 'ok',
      )
    }
    expect(await attempt(manager, 'no-such-home')).toBe('not-found')
  })

  it('is refused when it is not a UK number, naming the field, and nothing changes', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeB.id }])
    await setHomePhone(manager, world.homeB.id, phone('0161 496 0102'))
    const parsed = homePhoneSchema.safeParse({ phone: '0845 496 0123' })
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['phone'], message: expect.stringMatching(/^Phone number:/) })
    expect(await phoneOf(world.homeB.id)).toBe('0161 496 0102')
  })

  it("is shown to the home's manager on the child's missing protocol: none yet, then the number", async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeC.id }])
    const child = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laOne.id })
    let protocols = await getMissingProtocols(manager, child.id)
    expect(protocols.home).toMatchObject({ id: world.homeC.id, name: 'Cedar Court', phone: null })
    expect(mayActOnHome(manager, 'home.phone', protocols.home!)).toBe(true)
    await setHomePhone(manager, world.homeC.id, phone('020 7946 0103'))
    protocols = await getMissingProtocols(manager, child.id)
    expect(protocols.home?.phone).toBe('020 7946 0103')
  })
})

describe('PUT /api/v1/homes/{id}/phone', () => {
  const url = (path: string) => `http://127.0.0.1${path}`
  const withId = (id: string) => ({ params: Promise.resolve({ id }) })
  async function auth(email: string) {
    const response = await issueToken(
      new Request(url('/api/v1/auth/token'), {
        method: 'POST',
        body: JSON.stringify({ email, password: FIXTURE_PASSWORD }),
      }),
    )
    return { Authorization: `Bearer ${tokenSchema.parse(await response.json()).token}` }
  }
  const put = async (headers: Record<string, string>, homeId: string, body: unknown) =>
    phoneRoute(
      new Request(url(`/api/v1/homes/${homeId}/phone`), { method: 'PUT', headers, body: JSON.stringify(body) }),
      withId(homeId),
    )

  it('sets, refuses with the field named, removes, and says "not found" for a home out of scope', async () => {
    const ri = await makePerson([{ role: 'RESPONSIBLE_INDIVIDUAL', providerId: world.providerTwo.id }], 'Ria Api')
    const headers = await auth(ri.email)

    const saved = await put(headers, world.homeC.id, { phone: '+44 114 496 0103' })
    expect(saved.status).toBe(200)
    expect(homePhoneSavedSchema.parse(await saved.json())).toEqual({
      id: world.homeC.id,
      name: 'Cedar Court',
      phone: '0114 496 0103',
    })

    const wrong = await expectProblem(await put(headers, world.homeC.id, { phone: '0114 496 012' }), 422)
    expect(wrong.errors).toEqual([{ field: 'phone', detail: expect.stringMatching(/^Phone number: /) }])
    await expectProblem(await put(headers, world.homeC.id, {}), 422)
    expect(await phoneOf(world.homeC.id)).toBe('0114 496 0103')

    // the home's GET answer (its oversight month) carries the number
    const month = await (
      await oversightRoute(
        new Request(url(`/api/v1/homes/${world.homeC.id}/oversight?month=2025-07`), { headers }),
        withId(world.homeC.id),
      )
    ).json()
    expect(month.home).toMatchObject({ id: world.homeC.id, phone: '0114 496 0103' })

    // the child's missing protocols answer is as before: the home is for the page
    const child = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laOne.id })
    const protocols = await (
      await protocolsRoute(
        new Request(url(`/api/v1/children/${child.id}/missing-protocols`), { headers }),
        withId(child.id),
      )
    ).json()
    expect(protocols).not.toHaveProperty('home')

    const removed = await put(headers, world.homeC.id, { phone: null })
    expect(await removed.json()).toMatchObject({ phone: null })
    expect(await phoneOf(world.homeC.id)).toBeNull()

    await expectProblem(await put(headers, world.homeA.id, { phone: '0114 496 0101' }), 404)
    expect(await phoneOf(world.homeA.id)).not.toBe('0114 496 0101')
  })

  it('is refused to a care worker at the home as "not found"', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Cal Api')
    const problem = await expectProblem(
      await put(await auth(worker.email), world.homeA.id, { phone: '0114 496 0101' }),
      404,
    )
    expect(problem.detail).not.toMatch(/permission|role/i)
  })
})
