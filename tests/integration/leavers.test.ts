// Leavers: deactivating a person hands their children over (IRO, social worker), or tells each child's missing lead.
import { beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '@/lib/server/database'
import { childrenWithoutActiveWorker, handOverAllocations } from '@/lib/server/handover'
import { setUserActive } from '@/lib/server/users'
import { freshDatabase } from '../support/database'
import { makeChild, makeInterview, makePerson, makeWorld, problems, type World } from '../support/fixtures'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

describe('leavers', () => {
  it("hands a social worker's children and return interviews to a successor of the same role and authority, audited per child", async () => {
    const prisma = await getPrisma()
    const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Leaver Admin')
    const leaver = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Leaving Worker')
    const successor = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Taking Over')
    const elsewhere = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laTwo.id }], 'Other Authority')
    const iro = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Not A Social Worker')
    const one = await makeChild({
      homeId: world.homeA.id,
      placingAuthorityId: world.laOne.id,
      socialWorkerId: leaver.userId,
      firstName: 'Ava',
    })
    const two = await makeChild({
      homeId: world.homeB.id,
      placingAuthorityId: world.laOne.id,
      socialWorkerId: leaver.userId,
      firstName: 'Ben',
    })
    const interview = await prisma.returnInterview.update({
      where: { id: (await makeInterview(one.id, leaver.userId)).id },
      data: { serviceAuthorityId: null, assignedSocialWorkerId: leaver.userId },
    })

    // someone of another authority, or another role, cannot take them over; nothing changes
    expect(
      (await problems(setUserActive(admin, leaver.userId, false, { successorId: elsewhere.userId }))).successorId,
    ).toBe(`Select an active person who is a social worker of ${world.laOne.name}`)
    expect(
      (await problems(setUserActive(admin, leaver.userId, false, { successorId: iro.userId }))).successorId,
    ).toMatch(/social worker of/)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: leaver.userId } })).active).toBe(true)

    await setUserActive(admin, leaver.userId, false, { successorId: successor.userId })
    expect(
      (await prisma.child.findMany({ where: { id: { in: [one.id, two.id] } } })).map((c) => c.socialWorkerId),
    ).toEqual([successor.userId, successor.userId])
    expect(
      (await prisma.returnInterview.findUniqueOrThrow({ where: { id: interview.id } })).assignedSocialWorkerId,
    ).toBe(successor.userId)
    const audits = await prisma.auditEvent.findMany({ where: { action: 'child.reallocate' }, orderBy: { seq: 'asc' } })
    expect(audits.map((a) => [a.childId, a.details])).toEqual(
      expect.arrayContaining(
        [one.id, two.id].map((id) => [
          id,
          { role: 'SOCIAL_WORKER', fromUserId: leaver.userId, toUserId: successor.userId },
        ]),
      ),
    )
    const told = await prisma.notification.findMany({
      where: { recipientId: successor.userId, kind: 'allocation.handed-over' },
      orderBy: { title: 'asc' },
    })
    expect(told.map((n) => n.title)).toEqual([
      'A.T. is now allocated to you as social worker',
      'B.T. is now allocated to you as social worker',
    ])
  })

  it("with nobody chosen, each child's missing lead is told and sees the child until it is handed over", async () => {
    const prisma = await getPrisma()
    const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Leaver Admin Two')
    const leadOne = await makePerson([{ role: 'LA_MISSING_LEAD', localAuthorityId: world.laOne.id }], 'North Lead')
    const leadTwo = await makePerson([{ role: 'LA_MISSING_LEAD', localAuthorityId: world.laTwo.id }], 'South Lead')
    const leaver = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Leaving IRO')
    const child = await makeChild({
      homeId: world.homeC.id,
      placingAuthorityId: world.laOne.id,
      iroId: leaver.userId,
      firstName: 'Cara',
    })

    await setUserActive(admin, leaver.userId, false)
    const told = await prisma.notification.findMany({ where: { kind: 'allocation.vacant', childId: child.id } })
    expect(told.map((n) => [n.recipientId, n.title])).toEqual([[leadOne.userId, 'C.T. has no active IRO']])
    expect(await childrenWithoutActiveWorker(leadOne)).toEqual([
      { id: child.id, name: 'Cara Test', left: 'IRO Leaving IRO' },
    ])
    expect(await childrenWithoutActiveWorker(leadTwo)).toEqual([])

    // handed over later: the child leaves the missing lead's list and the new IRO is told
    const newIro = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'New IRO')
    expect(await handOverAllocations(admin, leaver.userId, newIro.userId)).toEqual({ children: 1 })
    expect((await prisma.child.findUniqueOrThrow({ where: { id: child.id } })).iroId).toBe(newIro.userId)
    expect(await childrenWithoutActiveWorker(leadOne)).toEqual([])
    expect(
      await prisma.notification.count({
        where: { recipientId: newIro.userId, kind: 'allocation.handed-over', childId: child.id },
      }),
    ).toBe(1)
  })
})
