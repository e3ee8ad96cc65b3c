// Looked-after reviews: counted from the day the child became looked after and from the reviews actually held.
import { beforeAll, describe, expect, it } from 'vitest'
import { GET as reviewsGet, POST as reviewsPost } from '@/app/api/v1/children/[id]/reviews/route'
import { issueApiToken } from '@/lib/server/api-tokens'
import { getPrisma } from '@/lib/server/database'
import { NotFoundError } from '@/lib/server/errors'
import { correctLookedAfterSince, getReviews, recordReviewHeld, reviewsDueInScope } from '@/lib/server/reviews'
import { lookedAfterSinceSchema, reviewHeldSchema } from '@/lib/validation/reviews'
import { createChild } from '@/lib/server/children'
import { newChildSchema } from '@/lib/validation/children'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makeChild, makePerson, makeWorld, problems, type World } from '../support/fixtures'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

const NOW = new Date('2026-12-03T12:00:00Z')
const review = (heldOn: string, overrides: Record<string, unknown> = {}) =>
  reviewHeldSchema.parse({ heldOn, participation: 'PN1', outcome: 'Placement continues', ...overrides })

async function setUp() {
  const iro = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Child IRO')
  const socialWorker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Child SW')
  const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Key Worker')
  // placed at this home in 2026; looked after since 2019
  const child = await makeChild({
    homeId: world.homeA.id,
    placingAuthorityId: world.laOne.id,
    iroId: iro.userId,
    socialWorkerId: socialWorker.userId,
    startDate: '2026-02-02',
  })
  return { iro, socialWorker, worker, child }
}

describe('the review timetable', () => {
  it('counts from the day the child became looked after, not from the placement here, and from each review held', async () => {
    const { iro, socialWorker, worker, child } = await setUp()
    // until corrected, Haven counts from the placement it knows: first review 20 working days after 2 February
    expect((await getReviews(worker, child.id, NOW)).next).toMatchObject({ date: '2026-03-02', overdue: true })
    await correctLookedAfterSince(
      socialWorker,
      child.id,
      lookedAfterSinceSchema.parse({ startDate: '2019-03-04', reason: 'Care order' }),
      NOW,
    )
    for (const heldOn of ['2019-03-25', '2019-07-10', '2026-05-20'])
      await recordReviewHeld(iro, child.id, review(heldOn), NOW)
    const seen = await getReviews(worker, child.id, NOW)
    expect(seen.lookedAfterSince).toBe('2019-03-04')
    expect(seen.next).toMatchObject({ date: '2026-11-20', lastHeld: '2026-05-20', overdue: true })
    expect(seen.reviews.map((r) => [r.heldOn, r.chair, r.participation])).toEqual([
      ['2026-05-20', 'Child IRO', 'PN1'],
      ['2019-07-10', 'Child IRO', 'PN1'],
      ['2019-03-25', 'Child IRO', 'PN1'],
    ])
    // the legal status held from the start moved with the corrected date
    expect(seen.legalStatuses).toEqual([{ from: '2019-03-04', legalStatus: 'C2', categoryOfNeed: null }])
    // the social worker records today's review for the IRO; the IRO still chairs it
    const { next } = await recordReviewHeld(socialWorker, child.id, review('2026-12-02', { participation: 'PN5' }), NOW)
    expect(next).toMatchObject({ date: '2027-06-02', overdue: false })
  })

  it('an IRO bringing the review forward is kept beside the timetable until a review is held', async () => {
    const { iro, child } = await setUp()
    await recordReviewHeld(iro, child.id, review('2026-02-20'), NOW)
    await recordReviewHeld(iro, child.id, review('2026-05-20'), NOW)
    const prisma = await getPrisma()
    const alert = await prisma.alert.create({
      data: {
        rule: 'repeat-missing',
        subjectKey: `child:${child.id}`,
        severity: 'warning',
        title: 'Repeat missing',
        summary: '3 in 30 days',
        evidence: {},
        childIds: [child.id],
        homeIds: [],
        openedAt: NOW,
        updatedAt: NOW,
      },
    })
    await prisma.alertDecision.create({
      data: {
        alertId: alert.id,
        childId: child.id,
        decidedById: iro.userId,
        bringForward: true,
        reviewDate: new Date('2026-09-01'),
        reason: 'Three episodes in a month',
        decidedAt: new Date('2026-07-30T10:00:00Z'),
      },
    })
    expect((await getReviews(iro, child.id, new Date('2026-08-01T12:00:00Z'))).next).toMatchObject({
      date: '2026-09-01',
      broughtForward: true,
      byTimetable: '2026-11-20',
    })
    await recordReviewHeld(iro, child.id, review('2026-09-02'), NOW)
    expect((await getReviews(iro, child.id, NOW)).next).toMatchObject({ date: '2027-03-02', broughtForward: false })
  })
})

describe('recording a review', () => {
  it('refuses impossible dates, naming the field', async () => {
    const { iro, child } = await setUp()
    expect((await problems(recordReviewHeld(iro, child.id, review('2026-12-04'), NOW))).heldOn).toMatch('future')
    expect((await problems(recordReviewHeld(iro, child.id, review('2026-01-05'), NOW))).heldOn).toMatch(
      'became looked after on 2 Feb 2026',
    )
    await recordReviewHeld(iro, child.id, review('2026-03-01'), NOW)
    expect((await problems(recordReviewHeld(iro, child.id, review('2026-03-01'), NOW))).heldOn).toMatch(
      'recorded already',
    )
    expect(() => reviewHeldSchema.parse({ heldOn: '2026-02-30', participation: 'PN9', outcome: '' })).toThrow(
      /real date[\s\S]*how the child took part[\s\S]*Enter the outcome/,
    )
  })

  it('refuses a looked-after date after the child was placed, or before they were born', async () => {
    const { socialWorker, child } = await setUp()
    const correct = (startDate: string) =>
      correctLookedAfterSince(
        socialWorker,
        child.id,
        lookedAfterSinceSchema.parse({ startDate, reason: 'Court order' }),
        NOW,
      )
    expect((await problems(correct('2026-03-01'))).startDate).toMatch('placed on 2 Feb 2026')
    expect((await problems(correct('2009-01-01'))).startDate).toMatch('before they were born')
  })

  it('an IRO or social worker not allocated to the child finds nothing, as if it did not exist', async () => {
    const { child } = await setUp()
    const otherIro = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Other IRO')
    await expect(recordReviewHeld(otherIro, child.id, review('2026-03-01'), NOW)).rejects.toBeInstanceOf(NotFoundError)
    await expect(getReviews(otherIro, child.id, NOW)).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('adding a child', () => {
  it('records the day they became looked after (blank: the placement start), never later than the placement', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Home Manager')
    const child = (lookedAfterSince: string) =>
      newChildSchema.parse({
        firstName: 'Nia',
        lastName: 'Test',
        dateOfBirth: '2012-02-02',
        sex: 'FEMALE',
        ethnicity: 'WBRI',
        disability: 'NOT_KNOWN',
        legalStatus: 'C2',
        placingAuthorityId: world.laOne.id,
        lookedAfterSince,
        placement: { homeId: world.homeA.id, startDate: '2026-10-01', placeCode: 'K2', placeProvider: 'PR4' },
      })
    const since2020 = await createChild(manager, child('2020-06-15'), NOW)
    expect((await getReviews(manager, since2020.id, NOW)).lookedAfterSince).toBe('2020-06-15')
    const fromPlacement = await createChild(manager, child(''), NOW)
    expect((await getReviews(manager, fromPlacement.id, NOW)).lookedAfterSince).toBe('2026-10-01')
    expect((await problems(createChild(manager, child('2026-10-02'), NOW))).lookedAfterSince).toMatch(
      'placed on 1 Oct 2026: they were looked after by then',
    )
  })
})

describe("the IRO's list", () => {
  it('lists only their children, overdue first, then the soonest due', async () => {
    const { iro, child: overdue } = await setUp()
    const soon = await makeChild({
      homeId: world.homeA.id,
      placingAuthorityId: world.laOne.id,
      iroId: iro.userId,
      startDate: '2026-11-20',
    })
    const later = await makeChild({
      homeId: world.homeA.id,
      placingAuthorityId: world.laOne.id,
      iroId: iro.userId,
      startDate: '2026-11-02',
    })
    await recordReviewHeld(iro, later.id, review('2026-11-25'), NOW) // second review due 25 February
    await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id }) // someone else's
    const due = await reviewsDueInScope(iro, NOW)
    expect(due.map((d) => [d.child.id, d.next.date, d.next.overdue])).toEqual([
      [overdue.id, '2026-03-02', true],
      [soon.id, '2026-12-18', false],
      [later.id, '2027-02-25', false],
    ])
  })
})

describe('API', () => {
  it('GET and POST /api/v1/children/{id}/reviews', async () => {
    const { iro, child } = await setUp()
    const { token } = await issueApiToken({ email: iro.email, password: FIXTURE_PASSWORD, ip: null })
    const context = { params: Promise.resolve({ id: child.id }) }
    const url = `http://127.0.0.1/api/v1/children/${child.id}/reviews`
    const created = await reviewsPost(
      new Request(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify({ heldOn: '2026-03-01', participation: 'PN2', outcome: 'Plan continues' }),
      }),
      context,
    )
    expect(created.status).toBe(201)
    const bad = await reviewsPost(
      new Request(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify({ heldOn: '2026-03-01', participation: 'PN2', outcome: 'Again' }),
      }),
      context,
    )
    expect(bad.status).toBe(422)
    expect((await bad.json()).errors).toEqual([
      { field: 'heldOn', detail: 'A review held on this day is recorded already' },
    ])
    const read = await reviewsGet(new Request(url, { headers: { Authorization: `Bearer ${token}` } }), context)
    const body = await read.json()
    expect(body.reviews).toHaveLength(1)
    expect(body.next.date).toBe('2026-06-01')
  })
})
