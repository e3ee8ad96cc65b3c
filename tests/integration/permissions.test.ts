// The permission matrix: every role x every action x a child in scope and a child out of scope,
// run against the real use cases and a real database. The expected table is written out by hand on purpose.
import { beforeAll, describe, expect, it } from 'vitest'
import { ACTIONS, type Action } from '@/lib/domain/permissions'
import { ROLES, type Role } from '@/lib/domain/roles'
import { verifyAudit } from '@/lib/server/audit'
import { createChild, getChild, listChildren } from '@/lib/server/children'
import { getPrisma } from '@/lib/server/database'
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors'
import { endPlacement, startPlacement } from '@/lib/server/placements'
import { listUsers } from '@/lib/server/users'
import { newChildSchema } from '@/lib/validation/children'
import { freshDatabase } from '../support/database'
import { makeChild, makePerson, makeWorld, type World } from '../support/fixtures'

type Outcome = 'ok' | 'forbidden' | 'not-found' | 'invalid'
type Row = Record<Action, [inScope: Outcome, outOfScope: Outcome]>

const none: [Outcome, Outcome] = ['forbidden', 'forbidden']
const reader = {
  'child.list': ['ok', 'ok'],
  'child.read': ['ok', 'not-found'],
  'child.create': none,
  'placement.start': ['not-found', 'not-found'],
  'placement.end': ['not-found', 'not-found'],
  'user.manage': none,
  'audit.verify': none,
} satisfies Row
const placer = {
  ...reader,
  'child.create': ['ok', 'invalid'],
  'placement.start': ['ok', 'not-found'],
  'placement.end': ['ok', 'not-found'],
} satisfies Row
const noChildren = {
  ...reader,
  'child.list': none,
  'child.read': ['not-found', 'not-found'],
} satisfies Row

const EXPECTED: Record<Role, Row> = {
  CARE_WORKER: reader,
  REGISTERED_MANAGER: placer,
  RESPONSIBLE_INDIVIDUAL: reader,
  IRO: reader,
  SOCIAL_WORKER: placer,
  RETURN_INTERVIEW_PRACTITIONER: noChildren,
  INDEPENDENT_VISITOR: noChildren,
  LA_MISSING_LEAD: reader,
  SYSTEM_ADMIN: { ...noChildren, 'user.manage': ['ok', 'ok'], 'audit.verify': ['ok', 'ok'] },
}

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run()
    return 'ok'
  } catch (e) {
    if (e instanceof ForbiddenError) return 'forbidden'
    if (e instanceof NotFoundError) return 'not-found'
    if (e instanceof ValidationError) return 'invalid'
    throw e
  }
}

let world: World
let day = 0 // each new placement starts on a later day
const nextDate = () => new Date(Date.UTC(2025, 0, 1 + day++)).toISOString().slice(0, 10)

beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

function grantFor(role: Role) {
  switch (role) {
    case 'CARE_WORKER':
    case 'REGISTERED_MANAGER':
    case 'INDEPENDENT_VISITOR':
      return { role, homeId: world.homeA.id }
    case 'RESPONSIBLE_INDIVIDUAL':
      return { role, providerId: world.providerOne.id }
    case 'SYSTEM_ADMIN':
      return { role }
    default:
      return { role, localAuthorityId: world.laOne.id }
  }
}

describe.each(ROLES)('%s', (role) => {
  it.each(ACTIONS)('%s: in scope and out of scope', async (action) => {
    const actor = await makePerson([grantFor(role)], `Matrix ${role}`)
    const other = await makePerson([{ role: 'IRO', localAuthorityId: world.laTwo.id }], 'Other IRO')
    // in scope for this role: placed in home A (provider one, area one) by authority one, allocated to the actor
    const mine = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id, iroId: actor.userId, socialWorkerId: actor.userId })
    // out of scope for everyone above: another provider's home, in and placed by authority two
    const theirs = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laTwo.id, iroId: other.userId })
    const prisma = await getPrisma()

    const newChild = (homeId: string, placingAuthorityId: string) =>
      newChildSchema.parse({
        firstName: 'New',
        lastName: 'Child',
        dateOfBirth: '2012-02-02',
        sex: 'MALE',
        ethnicity: 'BCRB',
        disability: 'NOT_KNOWN',
        legalStatus: 'C2',
        placingAuthorityId,
        placement: { homeId, startDate: nextDate(), placeCode: 'K2', placeProvider: 'PR4' },
      })
    const start = () => ({ homeId: world.homeA.id, startDate: nextDate(), placeCode: 'K2', placeProvider: 'PR4', bedAndBreakfast: false, reasonForChange: 'CARPL', settingName: null, settingPostcode: null, areaAuthorityId: null })
    const end = { endDate: nextDate(), endReason: 'E4A' }

    const attempt: Record<Action, (inScope: boolean) => Promise<unknown>> = {
      'child.list': async (inScope) => {
        const ids = (await listChildren(actor)).map((c) => c.id)
        // listing "in scope" means my child is listed; "out of scope" means theirs is not
        if (inScope ? !ids.includes(mine.id) : ids.includes(theirs.id)) throw new Error(`wrong children listed: ${ids}`)
      },
      'child.read': (inScope) => getChild(actor, (inScope ? mine : theirs).id),
      'child.create': async (inScope) => {
        const before = await prisma.child.count()
        try {
          await createChild(actor, inScope ? newChild(world.homeA.id, world.laOne.id) : newChild(world.homeC.id, world.laTwo.id))
        } catch (e) {
          expect(await prisma.child.count(), 'nothing half-written').toBe(before)
          throw e
        }
      },
      'placement.start': (inScope) => startPlacement(actor, (inScope ? mine : theirs).id, start()),
      'placement.end': (inScope) => endPlacement(actor, (inScope ? mine : theirs).placements[0].id, end),
      'user.manage': () => listUsers(actor),
      'audit.verify': () => verifyAudit(actor),
    }
    const [expectedIn, expectedOut] = EXPECTED[role][action]
    expect(await outcome(() => attempt[action](true)), 'in scope').toBe(expectedIn)
    expect(await outcome(() => attempt[action](false)), 'out of scope').toBe(expectedOut)
  })
})

it('covers every role and every action', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort())
  for (const role of ROLES) expect(Object.keys(EXPECTED[role]).sort()).toEqual([...ACTIONS].sort())
})
