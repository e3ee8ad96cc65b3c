import { beforeAll, describe, expect, it } from 'vitest'
import { POST as reg41Route } from '@/app/api/v1/placements/[id]/reg41-notices/route'
import { issueApiToken } from '@/lib/server/api-tokens'
import { getChild } from '@/lib/server/children'
import { NotFoundError } from '@/lib/server/errors'
import { endPlacement, recordReg41Notice } from '@/lib/server/placements'
import { reg41NoticeSchema } from '@/lib/validation/children'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makeChild, makePerson, makeWorld, problems, type World } from '../support/fixtures'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

const notice = (overrides: Record<string, unknown> = {}) =>
  reg41NoticeSchema.parse({
    kind: 'ADMISSION',
    notifiedOn: '2024-01-10',
    method: 'SECURE_EMAIL',
    givenBy: 'Dana Okoro, registered manager',
    ...overrides,
  })

describe('Regulation 41 notices to the host authority', () => {
  it('are flagged on the child’s record while missing, recorded once each (when, how, by whom), the discharge once the placement ends', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Dana Okoro')
    const socialWorker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laTwo.id }], 'Placing SW')
    // placed at Willow House (in authority one) by authority two: out of area
    const child = await makeChild({
      homeId: world.homeA.id,
      placingAuthorityId: world.laTwo.id,
      socialWorkerId: socialWorker.userId,
    })
    const placementId = (await getChild(socialWorker, child.id)).placements[0].id
    const concerns = async () => (await getChild(socialWorker, child.id)).placements[0].concerns.map((c) => c.message)
    expect(await concerns()).toContainEqual(
      expect.stringMatching(/^No Regulation 41 notice of admission to .* is recorded/),
    )

    expect(await problems(recordReg41Notice(manager, placementId, notice({ kind: 'DISCHARGE' })))).toEqual({
      kind: 'The placement has not ended: record the discharge notice when it does',
    })
    expect(await problems(recordReg41Notice(manager, placementId, notice({ notifiedOn: '2024-01-09' })))).toEqual({
      notifiedOn: 'The notice cannot be before the admission (2024-01-10)',
    })
    await recordReg41Notice(manager, placementId, notice())
    expect(await problems(recordReg41Notice(manager, placementId, notice()))).toEqual({
      kind: 'The admission notice is already recorded',
    })
    expect((await getChild(socialWorker, child.id)).placements[0]).toMatchObject({
      reg41Notices: [
        {
          kind: 'ADMISSION',
          notifiedOn: '2024-01-10',
          method: 'SECURE_EMAIL',
          givenBy: 'Dana Okoro, registered manager',
        },
      ],
    })
    expect(await concerns()).not.toContainEqual(expect.stringMatching(/Regulation 41/))

    await endPlacement(manager, placementId, { endDate: '2024-06-01', endReason: 'E4A' })
    expect(await concerns()).toEqual([expect.stringMatching(/^No Regulation 41 notice of discharge/)])
    // through the API, as the manager
    const { token } = await issueApiToken({ email: manager.email, password: FIXTURE_PASSWORD, ip: null })
    const response = await reg41Route(
      new Request(`http://127.0.0.1/api/v1/placements/${placementId}/reg41-notices`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'DISCHARGE', notifiedOn: '2024-06-01', method: 'LETTER', givenBy: 'Dana Okoro' }),
      }),
      { params: Promise.resolve({ id: placementId }) },
    )
    expect(response.status).toBe(200)
    expect(await concerns()).toEqual([])
  })

  it('are not needed when the home’s own authority placed the child, and not recorded by another home', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Home A Manager')
    const otherManager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeC.id }], 'Home C Manager')
    const sw = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Local SW')
    const local = await makeChild({
      homeId: world.homeA.id,
      placingAuthorityId: world.laOne.id,
      socialWorkerId: sw.userId,
    })
    const placementId = (await getChild(sw, local.id)).placements[0].id
    expect(await problems(recordReg41Notice(manager, placementId, notice()))).toMatchObject({
      form: expect.stringMatching(/no Regulation 41 notice is needed/),
    })
    await expect(recordReg41Notice(otherManager, placementId, notice())).rejects.toThrow(NotFoundError)
  })
})
