// The one way into a use case: scope, permission and audit by construction.
import { beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '@/lib/server/database'
import { ForbiddenError, NotFoundError } from '@/lib/server/errors'
import { useCase } from '@/lib/server/use-case'
import { freshDatabase } from '../support/database'
import { makeChild, makePerson, makeWorld, type World } from '../support/fixtures'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

describe('useCase', () => {
  it('finds a child in scope, and says "not found" in the same words for one out of scope and one that does not exist', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }])
    const mine = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    const elsewhere = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laTwo.id })
    const read = (childId: string) =>
      useCase(worker, 'child.read', { subject: 'child' }, async ({ find, audit }) => {
        const child = await find.child(childId, { select: { id: true, firstName: true } })
        await audit({ action: 'child.read', subjectType: 'child', subjectId: child.id, childId: child.id, details: {} })
        return child
      })
    expect((await read(mine.id)).firstName).toBe(mine.firstName)
    const outOfScope = await read(elsewhere.id).catch((e) => e)
    const missing = await read('no-such-child').catch((e) => e)
    expect(outOfScope).toBeInstanceOf(NotFoundError)
    expect(missing.message).toBe(outOfScope.message)
  })

  it('refuses a role without the action before touching the database: "not found" for a child record, 403 for a whole-service action', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }])
    let ran = false
    const body = async () => {
      ran = true
    }
    await expect(useCase(worker, 'plan.signoff', { subject: 'safety plan' }, body)).rejects.toThrow(
      'No safety plan was found',
    )
    await expect(
      useCase(worker, 'export.ssda903', { denied: { forbidden: 'Only the authority can export.' } }, body),
    ).rejects.toBeInstanceOf(ForbiddenError)
    expect(ran).toBe(false)
  })

  it('rolls back and fails a use case that wrote no audit event', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }])
    const child = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    const prisma = await getPrisma()
    const forgetful = useCase(worker, 'episode.report', {}, async ({ tx }) => {
      await tx.child.update({ where: { id: child.id }, data: { firstName: 'Changed' } })
    })
    await expect(forgetful).rejects.toThrow('wrote no audit event')
    expect((await prisma.child.findUniqueOrThrow({ where: { id: child.id } })).firstName).toBe(child.firstName)
  })

  it('audits under the actor, in the same transaction as the change', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }])
    const child = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    const prisma = await getPrisma()
    const failing = useCase(worker, 'child.read', {}, async ({ audit }) => {
      await audit({ action: 'child.read', subjectType: 'child', subjectId: child.id, childId: child.id, details: {} })
      throw new Error('something after the audit failed')
    })
    await expect(failing).rejects.toThrow('something after')
    expect(await prisma.auditEvent.count({ where: { childId: child.id, actorId: worker.userId } })).toBe(0)
    await useCase(worker, 'child.read', {}, ({ audit }) =>
      audit({ action: 'child.read', subjectType: 'child', subjectId: child.id, childId: child.id, details: {} }),
    )
    expect(await prisma.auditEvent.count({ where: { childId: child.id, actorId: worker.userId } })).toBe(1)
  })
})
