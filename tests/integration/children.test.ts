import { beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { childrenNeedingAttention, createChild, getChild, listChildren } from '@/lib/server/children'
import { getPrisma } from '@/lib/server/database'
import { NotFoundError, ValidationError } from '@/lib/server/errors'
import { endPlacement, startPlacement } from '@/lib/server/placements'
import { newChildSchema, placementStartSchema } from '@/lib/validation/children'
import { freshDatabase } from '../support/database'
import { makeChild, makeEpisode, makePerson, makeWorld, type World } from '../support/fixtures'
import { calendarDate } from '@/lib/domain/time'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

const childInput = (overrides: Record<string, unknown> = {}, placement: Record<string, unknown> = {}) =>
  newChildSchema.parse({
    firstName: 'Maya',
    lastName: 'Field',
    dateOfBirth: '2011-09-09',
    sex: 'FEMALE',
    ethnicity: 'MWBC',
    disability: 'NOT_KNOWN',
    legalStatus: 'C2',
    placingAuthorityId: world.laOne.id,
    ...overrides,
    placement: { homeId: world.homeA.id, startDate: '2026-01-05', placeCode: 'K2', placeProvider: 'PR4', ...placement },
  })

const fieldErrors = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (e) {
    if (e instanceof ValidationError) return e.fieldErrors
    throw e
  }
  throw new Error('expected a validation error')
}

describe('adding a child', () => {
  it('a manager admits a child to their home; out of area is worked out from the home', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeB.id }], 'Admitting Manager')
    const { id } = await createChild(manager, childInput({}, { homeId: world.homeB.id }))
    const child = await getChild(manager, id)
    expect(child.placements).toHaveLength(1)
    expect(child.placements[0]).toMatchObject({
      home: { name: 'Birch Lodge' },
      outOfArea: true,
      areaAuthority: { id: world.laTwo.id },
    })
  })

  it('refuses a future or adult date of birth, and an IRO from another authority, by field', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Careful Manager')
    expect(await fieldErrors(createChild(manager, childInput({ dateOfBirth: '2099-01-01' })))).toMatchObject({
      dateOfBirth: 'Date of birth cannot be in the future',
    })
    expect((await fieldErrors(createChild(manager, childInput({ dateOfBirth: '2000-01-01' })))).dateOfBirth).toMatch(
      /under 18/,
    )
    const otherIro = await makePerson([{ role: 'IRO', localAuthorityId: world.laTwo.id }], 'Far IRO')
    expect(await fieldErrors(createChild(manager, childInput({ iroId: otherIro.userId })))).toEqual({
      iroId: 'Select an IRO of the placing local authority',
    })
    const notAnIro = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Not An IRO')
    expect((await fieldErrors(createChild(manager, childInput({ iroId: notAnIro.userId })))).iroId).toBeDefined()
  })

  it('a social worker adding a child becomes their allocated social worker and can record other settings', async () => {
    const socialWorker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Adding SW')
    const { id } = await createChild(
      socialWorker,
      childInput(
        {},
        {
          homeId: null,
          settingName: 'Station Hotel',
          settingPostcode: 'ts1 1aa',
          areaAuthorityId: world.laTwo.id,
          placeCode: 'K3',
          bedAndBreakfast: true,
        },
      ),
    )
    const child = await getChild(socialWorker, id)
    expect(child.socialWorker?.id).toBe(socialWorker.userId)
    expect(child.placements[0]).toMatchObject({
      settingName: 'Station Hotel',
      settingPostcode: 'TS1 1AA',
      outOfArea: true,
      bedAndBreakfast: true,
    })
    expect(child.placements[0].concerns.map((c) => c.level)).toContain('critical')
  })
})

describe('placements', () => {
  it('starting a new one ends the open one the same day (X1), and the history never overlaps', async () => {
    const socialWorker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Moving SW')
    const child = await makeChild({
      homeId: world.homeA.id,
      placingAuthorityId: world.laOne.id,
      socialWorkerId: socialWorker.userId,
      startDate: '2025-03-01',
    })
    const move = placementStartSchema.parse({
      homeId: world.homeC.id,
      startDate: '2025-09-15',
      placeCode: 'K2',
      placeProvider: 'PR5',
      reasonForChange: 'CARPL',
    })
    await startPlacement(socialWorker, child.id, move)
    const record = await getChild(socialWorker, child.id)
    expect(record.placements.map((p) => [p.home?.name, p.startDate, p.endDate, p.endReason])).toEqual([
      ['Cedar Court', '2025-09-15', null, null],
      ['Willow House', '2025-03-01', '2025-09-15', 'X1'],
    ])
    expect(
      await fieldErrors(startPlacement(socialWorker, child.id, { ...move, startDate: '2025-09-01' })),
    ).toHaveProperty('startDate')
  })

  it('a new placement or child cannot take a code the current SSDA903 return refuses; the field says so', async () => {
    const socialWorker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Coding SW')
    const child = await makeChild({
      homeId: world.homeA.id,
      placingAuthorityId: world.laOne.id,
      socialWorkerId: socialWorker.userId,
      startDate: '2025-03-01',
    })
    const lodgings = placementStartSchema.parse({
      settingName: 'Riverside Lodgings',
      settingPostcode: 'TS1 2AB',
      areaAuthorityId: world.laOne.id,
      startDate: '2026-05-04',
      placeCode: 'P2',
      placeProvider: 'PR4',
      reasonForChange: 'CARPL',
    })
    const now = new Date('2026-06-01T09:00:00Z')
    expect(await fieldErrors(startPlacement(socialWorker, child.id, lodgings, now))).toEqual({
      placeCode: 'This placement type is no longer accepted in the SSDA903 return from 2025-26: select a current one',
    })
    expect((await getChild(socialWorker, child.id)).placements).toHaveLength(1) // nothing was recorded
    await startPlacement(socialWorker, child.id, { ...lodgings, placeCode: 'K3' }, now)
    expect((await getChild(socialWorker, child.id)).placements[0]).toMatchObject({ placeCode: 'K3', endDate: null })

    const other = childInput({ legalStatus: 'D1' }, { ...lodgings, placeCode: 'H5' })
    expect(await fieldErrors(createChild(socialWorker, other, now))).toEqual({
      'placement.placeCode':
        'This placement type is no longer accepted in the SSDA903 return from 2025-26: select a current one',
      // rule 445
      legalStatus:
        'No freeing order has been made since 30 December 2005: select the placement order (E1) if one was granted',
    })
  })

  it('after a move, the old home no longer sees the child; the new home does', async () => {
    const socialWorker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Moving SW 2')
    const oldHome = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Old Home CW')
    const newHome = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeB.id }], 'New Home CW')
    const child = await makeChild({
      homeId: world.homeA.id,
      placingAuthorityId: world.laOne.id,
      socialWorkerId: socialWorker.userId,
      startDate: '2025-03-01',
    })
    expect((await getChild(oldHome, child.id)).id).toBe(child.id)
    await startPlacement(
      socialWorker,
      child.id,
      placementStartSchema.parse({
        homeId: world.homeB.id,
        startDate: '2025-10-01',
        placeCode: 'K2',
        placeProvider: 'PR4',
        reasonForChange: 'CHILD',
      }),
    )
    await expect(getChild(oldHome, child.id)).rejects.toThrow(NotFoundError)
    expect((await getChild(newHome, child.id)).id).toBe(child.id)
  })

  it("a manager cannot place a child in a home they do not manage, and cannot end another home's placement", async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Limited Manager')
    const child = await makeChild({
      homeId: world.homeA.id,
      placingAuthorityId: world.laOne.id,
      startDate: '2025-03-01',
    })
    expect(
      await fieldErrors(
        startPlacement(
          manager,
          child.id,
          placementStartSchema.parse({
            homeId: world.homeC.id,
            startDate: '2025-04-01',
            placeCode: 'K2',
            placeProvider: 'PR4',
            reasonForChange: 'CARPL',
          }),
        ),
      ),
    ).toEqual({
      homeId: 'You can only place a child in a home you manage',
    })
    const elsewhere = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laTwo.id })
    await expect(
      endPlacement(manager, elsewhere.placements[0].id, { endDate: '2025-01-01', endReason: 'E4A' }),
    ).rejects.toThrow(NotFoundError)
  })

  it('cannot be ended twice', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Ending Manager')
    const child = await makeChild({
      homeId: world.homeA.id,
      placingAuthorityId: world.laOne.id,
      startDate: '2025-03-01',
    })
    const socialWorker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Ending SW')
    await getPrisma().then((p) =>
      p.child.update({ where: { id: child.id }, data: { socialWorkerId: socialWorker.userId } }),
    )
    await endPlacement(manager, child.placements[0].id, { endDate: '2025-04-01', endReason: 'E4A' })
    expect(
      await fieldErrors(
        endPlacement(socialWorker, child.placements[0].id, { endDate: '2025-04-02', endReason: 'E4A' }),
      ),
    ).toEqual({
      endDate: 'This placement already ended on 1 Apr 2025',
    })
  })

  it('cannot end while the child is missing, or before an episode during it ended', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Ending Manager')
    const child = await makeChild({
      homeId: world.homeA.id,
      placingAuthorityId: world.laOne.id,
      startDate: '2025-03-01',
    })
    const open = await makeEpisode(child.id, { lastSeenAt: '2025-05-10T20:00:00Z', reportedById: manager.userId })
    expect(
      await fieldErrors(endPlacement(manager, child.placements[0].id, { endDate: '2025-05-20', endReason: 'E4A' })),
    ).toEqual({
      endDate:
        'The child is recorded as missing or away since 10 May 2025, 21:00: record their return first (at the latest on the day the placement ends)',
    })
    const prisma = await getPrisma()
    await prisma.missingEpisode.update({
      where: { id: open.id },
      data: { returnedAt: new Date('2025-05-12T09:00:00Z'), returnMethod: 'RETURNED_ALONE' },
    })
    expect(
      await fieldErrors(endPlacement(manager, child.placements[0].id, { endDate: '2025-05-11', endReason: 'E4A' })),
    ).toEqual({
      endDate: 'There is an episode until 12 May 2025, 10:00: the placement cannot end before 12 May 2025',
    })
    await endPlacement(manager, child.placements[0].id, { endDate: '2025-05-12', endReason: 'E4A' })
  })
})

describe('scope beyond the matrix', () => {
  it('an LA missing lead sees children their authority placed, and children another authority placed in their area', async () => {
    const lead = await makePerson([{ role: 'LA_MISSING_LEAD', localAuthorityId: world.laTwo.id }], 'Area Lead')
    const placedByUs = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laTwo.id })
    const placedHereByOthers = await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laOne.id })
    const neither = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    const ids = (await listChildren(lead)).children.map((c) => c.id)
    expect(ids).toContain(placedByUs.id)
    expect(ids).toContain(placedHereByOthers.id)
    expect(ids).not.toContain(neither.id)
  })

  it('a responsible individual sees every home of their provider and none of another', async () => {
    const ri = await makePerson([{ role: 'RESPONSIBLE_INDIVIDUAL', providerId: world.providerOne.id }], 'Provider RI')
    const inA = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    const inB = await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laTwo.id })
    const inC = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laTwo.id })
    const ids = (await listChildren(ri)).children.map((c) => c.id)
    expect(ids).toEqual(expect.arrayContaining([inA.id, inB.id]))
    expect(ids).not.toContain(inC.id)
  })

  it('a person with two roles sees both scopes', async () => {
    const both = await makePerson(
      [
        { role: 'CARE_WORKER', homeId: world.homeC.id },
        { role: 'IRO', localAuthorityId: world.laOne.id },
      ],
      'Two Hats',
    )
    const atHome = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laTwo.id })
    const reviewed = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id, iroId: both.userId })
    const ids = (await listChildren(both)).children.map((c) => c.id)
    expect(ids).toEqual(expect.arrayContaining([atHome.id, reviewed.id]))
  })

  it('lists a long caseload a page at a time with how many in all, each child on exactly one page', async () => {
    const iro = await makePerson([{ role: 'IRO', localAuthorityId: world.laTwo.id }], 'Caseload IRO')
    for (let n = 0; n < 130; n++)
      await makeChild({
        homeId: world.homeB.id,
        placingAuthorityId: world.laTwo.id,
        iroId: iro.userId,
        firstName: `Pat${String(n).padStart(3, '0')}`,
      })
    const first = await listChildren(iro)
    expect(first).toMatchObject({ total: 130, page: 1, pages: 2 })
    expect(first.children).toHaveLength(100)
    const second = await listChildren(iro, { page: 2 })
    expect(second.children.map((c) => c.firstName).at(-1)).toBe('Pat129')
    expect(new Set([...first.children, ...second.children].map((c) => c.id)).size).toBe(130)
    expect(await listChildren(iro, { page: 7 })).toMatchObject({ page: 2 })
    // the dashboard's placements that need attention look at every child in view, not the first page
    const last = second.children.at(-1)!
    await (await getPrisma()).placement.updateMany({ where: { childId: last.id }, data: { bedAndBreakfast: true } })
    expect((await listChildren(iro, { mayNeedAttention: true })).children.map((c) => c.firstName)).toEqual(['Pat129'])
    expect((await listChildren(iro, { homeId: world.homeA.id })).total).toBe(0)
  })

  it('the placements that need attention are every one in view, however many: none dropped past a page', async () => {
    const iro = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Busy IRO')
    const prisma = await getPrisma()
    const ids = Array.from({ length: 505 }, () => randomUUID())
    await prisma.child.createMany({
      data: ids.map((id, n) => ({
        id,
        firstName: `Bea${String(n).padStart(3, '0')}`,
        lastName: 'Test',
        dateOfBirth: calendarDate('2010-05-04'),
        sex: 'FEMALE' as const,
        ethnicity: 'WBRI',
        legalStatus: 'C2',
        placingAuthorityId: world.laOne.id,
        iroId: iro.userId,
      })),
    })
    await prisma.placement.createMany({
      data: ids.map((childId) => ({
        childId,
        homeId: world.homeB.id,
        areaAuthorityId: world.laTwo.id,
        outOfArea: true,
        startDate: calendarDate('2024-01-10'),
        placeCode: 'K2',
        placeProvider: 'PR4',
        bedAndBreakfast: true,
      })),
    })
    const shown = await childrenNeedingAttention(iro)
    expect(shown).toHaveLength(505)
    expect(shown.at(-1)!.firstName).toBe('Bea504')
    // a read of many children: the audit names each one
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { actorId: iro.userId, action: 'child.list' },
      orderBy: { seq: 'desc' },
    })
    expect(new Set(event.childIds)).toEqual(new Set(ids))
  })

  it('searches by name within scope only', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeB.id }], 'Searching CW')
    await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laOne.id, firstName: 'Zebedee' })
    await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laOne.id, firstName: 'Zebedeo' })
    expect((await listChildren(worker, { search: 'zebede' })).children.map((c) => c.firstName)).toEqual(['Zebedee'])
  })

  it('searches for %, _ and \\ as themselves, not as wildcards that match every child', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeB.id }], 'Wildcard CW')
    await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laOne.id, firstName: 'Wild' })
    await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laOne.id, firstName: 'Under_score' })
    await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laOne.id, firstName: 'Back\\slash' })
    expect((await listChildren(worker, { search: '%' })).total).toBe(0)
    expect((await listChildren(worker, { search: '_' })).children.map((c) => c.firstName)).toEqual(['Under_score'])
    expect((await listChildren(worker, { search: 'd_r' })).total).toBe(0)
    expect((await listChildren(worker, { search: '\\' })).children.map((c) => c.firstName)).toEqual(['Back\\slash'])
    expect((await listChildren(worker, { search: 'wil%' })).total).toBe(0)
    // the children page passes the address's ?search= as it is: a NUL there gave a 500
    expect((await listChildren(worker, { search: 'qqq\u0000' })).total).toBe(0)
    expect((await listChildren(worker, { search: '\u0000wild\u0007' })).children.map((c) => c.firstName)).toEqual([
      'Wild',
    ])
  })
})
