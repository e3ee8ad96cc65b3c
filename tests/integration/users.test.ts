import { beforeAll, describe, expect, it } from 'vitest'
import { authenticate, loadActor } from '@/lib/server/accounts'
import { getPrisma } from '@/lib/server/database'
import { ValidationError } from '@/lib/server/errors'
import { addRole, createFirstAdministrator, createUser, removeRole, setUserActive } from '@/lib/server/users'
import { newUserSchema } from '@/lib/validation/users'
import { freshDatabase } from '../support/database'
import { makeWorld, type World } from '../support/fixtures'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

describe('people and roles', () => {
  it('the first administrator is created once, from the command line, with a strong enough password', async () => {
    await expect(createFirstAdministrator({ name: 'First Admin', email: 'first@haven.test', password: 'short' })).rejects.toThrow(ValidationError)
    const admin = await createFirstAdministrator({ name: 'First Admin', email: 'First@Haven.test', password: 'a long enough password' })
    expect(admin.email).toBe('first@haven.test')
    expect((await authenticate({ email: 'first@haven.test', password: 'a long enough password', ip: '127.0.0.1' })).id).toBe(admin.id)
    await expect(createFirstAdministrator({ name: 'Second', email: 'second@haven.test', password: 'another long password' })).rejects.toThrow(ValidationError)
  })

  it('an administrator creates a person with a role in an organisation, and adds another role', async () => {
    const prisma = await getPrisma()
    const admin = (await loadActor(prisma, (await prisma.user.findUniqueOrThrow({ where: { email: 'first@haven.test' } })).id))!
    const { id } = await createUser(admin, newUserSchema.parse({ name: 'New Worker', email: 'new.worker@haven.test', password: 'twelve chars ok', grant: { role: 'CARE_WORKER', organisationId: world.homeA.id } }))
    await expect(createUser(admin, newUserSchema.parse({ name: 'Dup', email: 'NEW.worker@haven.test', password: 'twelve chars ok', grant: { role: 'IRO', organisationId: world.laOne.id } }))).rejects.toThrow(ValidationError)
    // a role must be held in the right kind of organisation
    await expect(addRole(admin, id, { role: 'IRO', organisationId: world.homeA.id })).rejects.toThrow(ValidationError)
    await addRole(admin, id, { role: 'IRO', organisationId: world.laOne.id })
    await expect(addRole(admin, id, { role: 'IRO', organisationId: world.laOne.id })).rejects.toThrow('Some answers need correcting')
    const worker = (await loadActor(prisma, id))!
    expect(worker.grants.map((g) => [g.role, g.homeId ?? g.localAuthorityId])).toEqual([
      ['CARE_WORKER', world.homeA.id],
      ['IRO', world.laOne.id],
    ])
  })

  it('keeps at least one administrator, and an administrator cannot deactivate themself', async () => {
    const prisma = await getPrisma()
    const adminUser = await prisma.user.findUniqueOrThrow({ where: { email: 'first@haven.test' }, include: { roles: true } })
    const admin = (await loadActor(prisma, adminUser.id))!
    await expect(removeRole(admin, adminUser.roles[0].id)).rejects.toThrow(ValidationError)
    await expect(setUserActive(admin, admin.userId, false)).rejects.toThrow(ValidationError)
  })
})
