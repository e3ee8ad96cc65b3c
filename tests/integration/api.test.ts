// The API route handlers, called as Next calls them, on a real database.
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { POST as issueToken, DELETE as revokeToken } from '@/app/api/v1/auth/token/route'
import { GET as getChildRoute } from '@/app/api/v1/children/[id]/route'
import { POST as startPlacementRoute } from '@/app/api/v1/children/[id]/placements/route'
import { GET as listChildrenRoute, POST as createChildRoute } from '@/app/api/v1/children/route'
import { GET as openApi } from '@/app/api/v1/openapi.json/route'
import { POST as acknowledgeRoute } from '@/app/api/v1/alerts/[id]/acknowledge/route'
import { POST as decisionRoute } from '@/app/api/v1/alerts/[id]/decision/route'
import { POST as resolveRoute } from '@/app/api/v1/alerts/[id]/resolve/route'
import { GET as alertRoute } from '@/app/api/v1/alerts/[id]/route'
import { GET as alertsRoute } from '@/app/api/v1/alerts/route'
import { GET as notificationsRoute } from '@/app/api/v1/notifications/route'
import { GET as chronologyRoute } from '@/app/api/v1/children/[id]/chronology/route'
import { GET as screeningsRoute, POST as screeningRoute } from '@/app/api/v1/children/[id]/cse-screenings/route'
import { GET as plansRoute, POST as planRoute } from '@/app/api/v1/children/[id]/safety-plans/route'
import { POST as signOffRoute } from '@/app/api/v1/safety-plans/[id]/sign-off/route'
import { POST as amendRoute } from '@/app/api/v1/missing-episodes/[id]/amendments/route'
import { POST as closeRoute } from '@/app/api/v1/missing-episodes/[id]/close/route'
import { POST as endPlacementRoute } from '@/app/api/v1/placements/[id]/end/route'
import { GET as childEpisodes, POST as reportRoute } from '@/app/api/v1/children/[id]/missing-episodes/route'
import { GET as episodeRoute } from '@/app/api/v1/missing-episodes/[id]/route'
import { POST as updateRoute } from '@/app/api/v1/missing-episodes/[id]/updates/route'
import { POST as returnRoute } from '@/app/api/v1/missing-episodes/[id]/return/route'
import { GET as visitsRoute, POST as recordVisitRoute } from '@/app/api/v1/homes/[id]/reg44-visits/route'
import { GET as oversightRoute } from '@/app/api/v1/homes/[id]/oversight/route'
import { GET as missingReportRoute } from '@/app/api/v1/reports/missing/route'
import { getPrisma } from '@/lib/server/database'
import {
  childListSchema,
  childRecordSchema,
  episodeListSchema,
  episodeViewSchema,
  tokenSchema,
} from '@/lib/validation/responses'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makeChild, makePerson, makeWorld, type World } from '../support/fixtures'
import { expectProblem } from '../support/http'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

const url = (path: string) => `http://127.0.0.1${path}`
const noParams = { params: Promise.resolve({}) as Promise<Record<string, never>> }
const withId = (id: string) => ({ params: Promise.resolve({ id }) })

async function tokenFor(email: string) {
  const response = await issueToken(
    new Request(url('/api/v1/auth/token'), {
      method: 'POST',
      body: JSON.stringify({ email, password: FIXTURE_PASSWORD }),
    }),
  )
  expect(response.status).toBe(201)
  return tokenSchema.parse(await response.json()).token
}

describe('API', () => {
  it('lists and reads children with exactly the page scope', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Api Worker')
    const mine = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    const theirs = await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laOne.id })
    const auth = { Authorization: `Bearer ${await tokenFor(worker.email)}` }

    const list = childListSchema.parse(
      await (await listChildrenRoute(new Request(url('/api/v1/children'), { headers: auth }), noParams)).json(),
    )
    expect(list.children.map((c) => c.id)).toEqual([mine.id])

    const record = childRecordSchema.parse(
      await (
        await getChildRoute(new Request(url(`/api/v1/children/${mine.id}`), { headers: auth }), withId(mine.id))
      ).json(),
    )
    expect(record.placements[0].home?.name).toBe('Willow House')

    const hidden = await expectProblem(
      await getChildRoute(new Request(url(`/api/v1/children/${theirs.id}`), { headers: auth }), withId(theirs.id)),
      404,
    )
    expect(hidden.detail).toBe('No child was found with that reference, or you do not have access to it.')
  })

  it('needs a valid token, and a revoked token stops at once', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Api Revoker')
    const noToken = await listChildrenRoute(new Request(url('/api/v1/children')), noParams)
    expect((await expectProblem(noToken, 401)).detail).toMatch(/Bearer/)
    expect(noToken.headers.get('www-authenticate')).toBe('Bearer')
    const auth = { Authorization: `Bearer ${await tokenFor(worker.email)}` }
    expect(
      (await revokeToken(new Request(url('/api/v1/auth/token'), { method: 'DELETE', headers: auth }), noParams)).status,
    ).toBe(204)
    await expectProblem(await listChildrenRoute(new Request(url('/api/v1/children'), { headers: auth }), noParams), 401)
  })

  it('answers bad input with problem details naming each field', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Api Manager')
    const auth = { Authorization: `Bearer ${await tokenFor(manager.email)}`, 'Content-Type': 'application/json' }
    const notJson = await createChildRoute(
      new Request(url('/api/v1/children'), { method: 'POST', headers: auth, body: '{oops' }),
      noParams,
    )
    expect((await expectProblem(notJson, 422)).errors).toEqual([
      { field: 'body', detail: 'The request body must be JSON' },
    ])

    const empty = await expectProblem(
      await createChildRoute(
        new Request(url('/api/v1/children'), { method: 'POST', headers: auth, body: '{}' }),
        noParams,
      ),
      422,
    )
    expect(empty.errors).toEqual(
      expect.arrayContaining([
        { field: 'firstName', detail: 'Enter the first name' },
        { field: 'placement', detail: expect.any(String) },
      ]),
    )

    const wrongPassword = await issueToken(
      new Request(url('/api/v1/auth/token'), {
        method: 'POST',
        body: JSON.stringify({ email: manager.email, password: 'wrong wrong' }),
      }),
    )
    expect((await expectProblem(wrongPassword, 401)).detail).toBe('The e-mail address or password is not right.')
  })

  it('refuses NUL bytes and control characters in ids and text with 422 naming the field (they gave 500)', async () => {
    const socialWorker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Api NUL SW')
    const child = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    const auth = { Authorization: `Bearer ${await tokenFor(socialWorker.email)}`, 'Content-Type': 'application/json' }
    const post = (path: string, body: unknown) =>
      new Request(url(path), { method: 'POST', headers: auth, body: JSON.stringify(body) })
    const newChild = {
      firstName: 'Nul',
      lastName: 'Child',
      dateOfBirth: '2012-06-06',
      sex: 'MALE',
      ethnicity: 'BAFR',
      disability: 'NOT_DISABLED',
      legalStatus: 'V2',
      placingAuthorityId: `${world.laOne.id}\u0000`,
      placement: { homeId: world.homeA.id, startDate: '2025-05-05', placeCode: 'K2', placeProvider: 'PR4' },
    }
    const badId = await expectProblem(await createChildRoute(post('/api/v1/children', newChild), noParams), 422)
    expect(badId.errors).toEqual([{ field: 'placingAuthorityId', detail: 'Select the placing local authority' }])
    const badText = await expectProblem(
      await createChildRoute(
        post('/api/v1/children', { ...newChild, placingAuthorityId: world.laOne.id, lastName: 'Ch\u0000ild' }),
        noParams,
      ),
      422,
    )
    expect(badText.errors).toEqual([
      { field: 'lastName', detail: expect.stringMatching(/^Last name has a hidden control character/) },
    ])
    const screening = { level: 'NOT_AT_RISK', sourceInterviewId: 'ri\u0000' }
    const badSource = await expectProblem(
      await screeningRoute(post(`/api/v1/children/${child.id}/cse-screenings`, screening), withId(child.id)),
      422,
    )
    expect(badSource.errors).toEqual([
      { field: 'sourceInterviewId', detail: 'Choose the return interview from the list' },
    ])
    expect(await (await getPrisma()).child.count({ where: { firstName: 'Nul' } })).toBe(0)
  })

  it('bounds a report period to 5 years, naming the field (from=0001-01-01&to=9999-12-31 gave 19.6 MB)', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Api Report Worker')
    const auth = { Authorization: `Bearer ${await tokenFor(worker.email)}` }
    const report = (query: string) =>
      missingReportRoute(new Request(url(`/api/v1/reports/missing?${query}`), { headers: auth }), noParams)
    const absurd = await expectProblem(await report('from=0001-01-01&to=9999-12-31'), 422)
    expect(absurd.errors!.map((e: { field: string }) => e.field)).toEqual(['from', 'to']) // years out of range, each named
    const tooLong = await expectProblem(await report('from=1990-01-01&to=2099-12-31'), 422)
    expect(tooLong.errors).toEqual([
      { field: 'to', detail: 'The period can be at most 5 years long: bring the end of the period nearer its start' },
    ])
    await expectProblem(await report('from=2020-01-01&to=2025-01-01'), 422)
    expect((await report('from=2020-01-01&to=2024-12-31')).status).toBe(200)
  })

  it('adds a child and starts a placement through the same use cases as the pages', async () => {
    const socialWorker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Api SW')
    const auth = { Authorization: `Bearer ${await tokenFor(socialWorker.email)}` }
    const created = await createChildRoute(
      new Request(url('/api/v1/children'), {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          firstName: 'Api',
          lastName: 'Child',
          dateOfBirth: '2012-06-06',
          sex: 'MALE',
          ethnicity: 'BAFR',
          disability: 'NOT_DISABLED',
          legalStatus: 'V2',
          placingAuthorityId: world.laOne.id,
          placement: { homeId: world.homeA.id, startDate: '2025-05-05', placeCode: 'K2', placeProvider: 'PR4' },
        }),
      }),
      noParams,
    )
    expect(created.status).toBe(201)
    const { id } = await created.json()
    expect(created.headers.get('location')).toBe(`/api/v1/children/${id}`)
    const overlapping = await startPlacementRoute(
      new Request(url(`/api/v1/children/${id}/placements`), {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          homeId: world.homeB.id,
          startDate: '2025-05-01',
          placeCode: 'K2',
          placeProvider: 'PR4',
          reasonForChange: 'CARPL',
        }),
      }),
      withId(id),
    )
    expect((await expectProblem(overlapping, 422)).errors?.[0].field).toBe('startDate')
    const moved = await startPlacementRoute(
      new Request(url(`/api/v1/children/${id}/placements`), {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          homeId: world.homeB.id,
          startDate: '2025-09-15',
          placeCode: 'K2',
          placeProvider: 'PR4',
          reasonForChange: 'CARPL',
        }),
      }),
      withId(id),
    )
    expect(moved.status).toBe(201)
  })

  it('reports, follows and closes out a missing episode through the same use cases, in scope only', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Api Night Worker')
    const child = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    const elsewhere = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laTwo.id })
    const auth = { Authorization: `Bearer ${await tokenFor(worker.email)}` }
    const post = (path: string, body: unknown) =>
      new Request(url(path), { method: 'POST', headers: auth, body: JSON.stringify(body) })

    const created = await reportRoute(
      post(`/api/v1/children/${child.id}/missing-episodes`, {
        absenceType: 'AWAY',
        lastSeenAt: '2026-07-01T21:30:00+01:00',
        lastSeenPlace: 'Willow House',
        policeInformed: false,
      }),
      withId(child.id),
    )
    expect(created.status).toBe(201)
    const { id } = await created.json()
    const invalid = await expectProblem(
      await updateRoute(
        post(`/api/v1/missing-episodes/${id}/updates`, { kind: 'POLICE_RISK_GRADE', at: '2026-07-01T22:00' }),
        withId(id),
      ),
      422,
    )
    expect(invalid.errors).toEqual([{ field: 'riskGrade', detail: 'Select the police risk grade' }])
    expect(
      (
        await updateRoute(
          post(`/api/v1/missing-episodes/${id}/updates`, {
            kind: 'SIGHTING',
            at: '2026-07-01T23:00',
            text: 'Seen at the park',
          }),
          withId(id),
        )
      ).status,
    ).toBe(201)
    const early = await expectProblem(
      await returnRoute(
        post(`/api/v1/missing-episodes/${id}/return`, {
          returnedAt: '2026-07-01T22:30',
          returnMethod: 'RETURNED_ALONE',
        }),
        withId(id),
      ),
      422,
    )
    expect(early.errors?.[0]).toMatchObject({ field: 'returnedAt', detail: expect.stringMatching(/last sighting/) })
    expect(
      (
        await returnRoute(
          post(`/api/v1/missing-episodes/${id}/return`, {
            returnedAt: '2026-07-02T01:00',
            returnMethod: 'RETURNED_ALONE',
            foundLocation: { name: 'Riverside Park' },
          }),
          withId(id),
        )
      ).status,
    ).toBe(201)

    const episode = episodeViewSchema.parse(
      await (
        await episodeRoute(new Request(url(`/api/v1/missing-episodes/${id}`), { headers: auth }), withId(id))
      ).json(),
    )
    expect(episode).toMatchObject({
      status: 'returned',
      absenceType: 'AWAY',
      lastSeenAt: '2026-07-01T20:30:00.000Z',
      durationMinutes: 210,
      return: { foundLocation: { name: 'Riverside Park' } },
    })
    expect(
      episodeListSchema.parse(
        await (
          await childEpisodes(
            new Request(url(`/api/v1/children/${child.id}/missing-episodes`), { headers: auth }),
            withId(child.id),
          )
        ).json(),
      ).episodes,
    ).toHaveLength(1)

    await expectProblem(
      await reportRoute(
        post(`/api/v1/children/${elsewhere.id}/missing-episodes`, {
          absenceType: 'MISSING',
          lastSeenAt: '2026-07-01T21:30',
          lastSeenPlace: 'x',
          policeInformed: false,
        }),
        withId(elsewhere.id),
      ),
      404,
    )
    await expectProblem(
      await episodeRoute(new Request(url('/api/v1/missing-episodes/%00bad'), { headers: auth }), withId('\u0000bad')),
      404,
    )
  })

  it('lets the IRO see, acknowledge and decide on an alert, and read their inbox; the home reads it; others get not found', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Api Alert Worker')
    const iro = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Api IRO')
    const otherIro = await makePerson([{ role: 'IRO', localAuthorityId: world.laTwo.id }], 'Api Other IRO')
    const child = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id, iroId: iro.userId })
    const workerAuth = { Authorization: `Bearer ${await tokenFor(worker.email)}` }
    for (const daysAgo of [20, 13, 6]) {
      const day = new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10)
      const created = await reportRoute(
        new Request(url(`/api/v1/children/${child.id}/missing-episodes`), {
          method: 'POST',
          headers: workerAuth,
          body: JSON.stringify({
            absenceType: 'MISSING',
            lastSeenAt: `${day}T20:00:00Z`,
            lastSeenPlace: 'Willow House',
            policeInformed: true,
          }),
        }),
        withId(child.id),
      )
      const { id } = await created.json()
      await returnRoute(
        new Request(url(`/api/v1/missing-episodes/${id}/return`), {
          method: 'POST',
          headers: workerAuth,
          body: JSON.stringify({ returnedAt: `${day}T23:00:00Z`, returnMethod: 'RETURNED_ALONE' }),
        }),
        withId(id),
      )
    }

    const auth = { Authorization: `Bearer ${await tokenFor(iro.email)}` }
    const post = (path: string, body?: unknown) =>
      new Request(url(path), {
        method: 'POST',
        headers: auth,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    const { alerts } = await (
      await alertsRoute(new Request(url('/api/v1/alerts?status=OPEN'), { headers: auth }), noParams)
    ).json()
    const alert = alerts.find((a: { rule: string }) => a.rule === 'repeat-missing')
    expect(alert).toMatchObject({ status: 'OPEN', acknowledgedAt: null, children: [{ id: child.id }] })
    expect(
      (
        await expectProblem(
          await alertsRoute(new Request(url('/api/v1/alerts?status=maybe'), { headers: auth }), noParams),
          422,
        )
      ).errors?.[0].field,
    ).toBe('status')
    expect(
      (
        await expectProblem(
          await alertsRoute(new Request(url('/api/v1/alerts?page=0'), { headers: auth }), noParams),
          422,
        )
      ).errors?.[0],
    ).toEqual({ field: 'page', detail: 'page must be a whole number from 1' })

    const detail = await (
      await alertRoute(new Request(url(`/api/v1/alerts/${alert.id}`), { headers: auth }), withId(alert.id))
    ).json()
    expect(detail.episodes).toHaveLength(3)
    expect((await acknowledgeRoute(post(`/api/v1/alerts/${alert.id}/acknowledge`), withId(alert.id))).status).toBe(200)

    const nulChild = await expectProblem(
      await decisionRoute(
        post(`/api/v1/alerts/${alert.id}/decision`, {
          childId: `${child.id}\u0000`,
          bringForward: true,
          reviewDate: '2026-01-01',
        }),
        withId(alert.id),
      ),
      422,
    )
    expect(nulChild.errors).toEqual([{ field: 'childId', detail: 'Select the child' }])
    const noDate = await expectProblem(
      await decisionRoute(
        post(`/api/v1/alerts/${alert.id}/decision`, { childId: child.id, bringForward: true }),
        withId(alert.id),
      ),
      422,
    )
    expect(noDate.errors).toEqual([{ field: 'reviewDate', detail: 'Enter the date the review is brought forward to' }])
    const decided = await decisionRoute(
      post(`/api/v1/alerts/${alert.id}/decision`, {
        childId: child.id,
        bringForward: true,
        reviewDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
      }),
      withId(alert.id),
    )
    expect(decided.status).toBe(201)
    expect(
      (await expectProblem(await resolveRoute(post(`/api/v1/alerts/${alert.id}/resolve`, {}), withId(alert.id)), 422))
        .errors?.[0].field,
    ).toBe('reason')

    // the IRO's inbox holds the episode notifications, initials only
    const { notifications } = await (
      await notificationsRoute(new Request(url('/api/v1/notifications'), { headers: auth }), noParams)
    ).json()
    expect(notifications.filter((n: { kind: string }) => n.kind === 'episode.opened')).toHaveLength(3)
    expect(JSON.stringify(notifications)).not.toContain(child.firstName)

    // the decision and the episodes are in the child's chronology; a filter it cannot use names the field
    const chronology = await (
      await chronologyRoute(
        new Request(url(`/api/v1/children/${child.id}/chronology?kind=alert&kind=return`), { headers: auth }),
        withId(child.id),
      )
    ).json()
    const kinds = chronology.entries.map((e: { kind: string }) => e.kind)
    expect(new Set(kinds)).toEqual(new Set(['alert', 'return']))
    expect(kinds.filter((k: string) => k === 'return')).toHaveLength(3)
    expect(
      chronology.entries.find((e: { title: string }) => e.title.startsWith('IRO: review brought forward')),
    ).toBeTruthy()
    expect(
      (
        await expectProblem(
          await chronologyRoute(
            new Request(url(`/api/v1/children/${child.id}/chronology?from=2026-13-01`), { headers: auth }),
            withId(child.id),
          ),
          422,
        )
      ).errors?.[0].field,
    ).toBe('from')

    // another authority's IRO finds nothing
    const otherAuth = { Authorization: `Bearer ${await tokenFor(otherIro.email)}` }
    await expectProblem(
      await alertRoute(new Request(url(`/api/v1/alerts/${alert.id}`), { headers: otherAuth }), withId(alert.id)),
      404,
    )
    await expectProblem(
      await acknowledgeRoute(
        new Request(url(`/api/v1/alerts/${alert.id}/acknowledge`), { method: 'POST', headers: otherAuth }),
        withId(alert.id),
      ),
      404,
    )
    // a care worker at the child's home reads the child's alert, but only the people told acknowledge it
    expect(
      (await alertRoute(new Request(url(`/api/v1/alerts/${alert.id}`), { headers: workerAuth }), withId(alert.id)))
        .status,
    ).toBe(200)
    await expectProblem(
      await acknowledgeRoute(
        new Request(url(`/api/v1/alerts/${alert.id}/acknowledge`), { method: 'POST', headers: workerAuth }),
        withId(alert.id),
      ),
      422,
    )
    await expectProblem(
      await chronologyRoute(
        new Request(url(`/api/v1/children/${child.id}/chronology`), { headers: otherAuth }),
        withId(child.id),
      ),
      404,
    )

    const resolved = await resolveRoute(
      post(`/api/v1/alerts/${alert.id}/resolve`, { reason: 'Review brought forward; plan in place' }),
      withId(alert.id),
    )
    expect(resolved.status).toBe(200)
  })

  it('corrects and closes an episode, screens and plans for a child at risk, and ends a placement', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Api Day Worker')
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Api Reviewing Manager')
    const child = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    const as = async (person: { email: string }) => {
      const auth = { Authorization: `Bearer ${await tokenFor(person.email)}` }
      return {
        get: (path: string) => new Request(url(path), { headers: auth }),
        post: (path: string, body?: unknown) =>
          new Request(url(path), { method: 'POST', headers: auth, body: JSON.stringify(body ?? {}) }),
      }
    }
    const byWorker = await as(worker)
    const byManager = await as(manager)

    const reported = await reportRoute(
      byWorker.post(`/api/v1/children/${child.id}/missing-episodes`, {
        absenceType: 'MISSING',
        lastSeenAt: '2026-06-01T21:30',
        lastSeenPlace: 'Willow House',
        policeInformed: true,
      }),
      withId(child.id),
    )
    const { id } = await reported.json()
    const returned = await returnRoute(
      byWorker.post(`/api/v1/missing-episodes/${id}/return`, {
        returnedAt: '2026-06-02T01:00',
        returnMethod: 'RETURNED_ALONE',
      }),
      withId(id),
    )
    expect(await returned.json()).toMatchObject({ id, durationMinutes: 210, warnings: [] })
    const version = async () =>
      episodeViewSchema.parse(
        await (await episodeRoute(byManager.get(`/api/v1/missing-episodes/${id}`), withId(id))).json(),
      ).version
    const amended = await amendRoute(
      byWorker.post(`/api/v1/missing-episodes/${id}/amendments`, {
        field: 'clothing',
        value: 'Blue coat',
        reason: 'Night staff remembered',
        version: await version(),
      }),
      withId(id),
    )
    expect(amended.status).toBe(201)
    const closed = await closeRoute(
      byManager.post(`/api/v1/missing-episodes/${id}/close`, {
        reviewNote: 'Talked it through with her',
        version: await version(),
      }),
      withId(id),
    )
    expect(closed.status).toBe(200)

    const screened = await screeningRoute(
      byWorker.post(`/api/v1/children/${child.id}/cse-screenings`, {
        level: 'AT_RISK',
        indicators: [{ code: 'CARS', when: 'CURRENT' }],
      }),
      withId(child.id),
    )
    expect(screened.status).toBe(201)
    const { screenings } = await (
      await screeningsRoute(byWorker.get(`/api/v1/children/${child.id}/cse-screenings`), withId(child.id))
    ).json()
    expect(screenings).toMatchObject([{ level: 'AT_RISK' }])
    const plan = {
      actions: [{ who: 'Key worker', what: 'Evening check-in' }],
      ifMissingPlaces: 'The park',
      ifMissingPeople: 'Her aunt',
      childAgrees: 'PARTLY',
      policeInvolved: 'no',
      reviewDate: '2099-01-01',
      basedOnVersion: 0,
    }
    const saved = await planRoute(byWorker.post(`/api/v1/children/${child.id}/safety-plans`, plan), withId(child.id))
    const { id: planId } = await saved.json()
    expect((await signOffRoute(byManager.post(`/api/v1/safety-plans/${planId}/sign-off`), withId(planId))).status).toBe(
      200,
    )
    const { plans } = await (
      await plansRoute(byWorker.get(`/api/v1/children/${child.id}/safety-plans`), withId(child.id))
    ).json()
    expect(plans).toMatchObject([{ id: planId, version: 1, signedOffBy: expect.any(String) }])

    const leaving = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    const record = childRecordSchema.parse(
      await (await getChildRoute(byManager.get(`/api/v1/children/${leaving.id}`), withId(leaving.id))).json(),
    )
    const placementId = record.placements[0].id
    const ended = await endPlacementRoute(
      byManager.post(`/api/v1/placements/${placementId}/end`, { endDate: '2026-06-30', endReason: 'E4A' }),
      withId(placementId),
    )
    expect(ended.status).toBe(200)
  })

  it('describes itself in OpenAPI 3.1, from the same schemas', async () => {
    const doc = await openApi().json()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/token',
        '/api/v1/children',
        '/api/v1/children/{id}',
        '/api/v1/children/{id}/missing-episodes',
        '/api/v1/missing-episodes/{id}',
        '/api/v1/missing-episodes/{id}/updates',
        '/api/v1/missing-episodes/{id}/return',
        '/api/v1/alerts',
        '/api/v1/alerts/{id}/acknowledge',
        '/api/v1/alerts/{id}/decision',
        '/api/v1/alerts/{id}/resolve',
        '/api/v1/notifications',
        '/api/v1/children/{id}/chronology',
        '/api/v1/exports/ssda903',
        '/api/v1/reports/ofsted',
        '/api/v1/homes/{id}/reg44-visits',
        '/api/v1/homes/{id}/oversight',
      ]),
    )
    // and every route Haven serves is in it
    const routes = fs
      .readdirSync('app/api/v1', { recursive: true, encoding: 'utf8' })
      .filter((f) => path.basename(f) === 'route.ts')
      .map((f) => `/api/v1/${path.dirname(f).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}'))
    expect(routes.filter((r) => r !== '/api/v1/openapi.json' && !doc.paths[r])).toEqual([])
    expect(doc.components.schemas.Reg44Visit.required).toEqual(
      expect.arrayContaining(['independentPersonId', 'visitedOn', 'safeguardingOpinion', 'wellbeingOpinion']),
    )
    expect(doc.components.schemas.NewChild.required).toEqual(
      expect.arrayContaining(['firstName', 'dateOfBirth', 'placement']),
    )
    expect(doc.components.schemas.ChildRecord.properties.placements.type).toBe('array')
    // every $ref points at a schema that exists
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1])
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref)
  })

  it('records and lists Regulation 44 visits and gives the month, in scope only, naming each bad field', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Api Oversight Manager')
    const auth = { Authorization: `Bearer ${await tokenFor(manager.email)}`, 'Content-Type': 'application/json' }
    await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    const person = await (
      await getPrisma()
    ).independentPerson.create({
      data: {
        homeId: world.homeA.id,
        name: 'Api Visitor',
        appointedBy: 'The board',
        appointedOn: new Date('2025-01-01'),
        notPaidStaff: true,
        notCarePlanning: true,
        notCommissionerOrFunder: true,
        noFinancialInterest: true,
        notResponsibleIndividual: true,
        noConnection: true,
        createdById: manager.userId,
      },
    })
    const visitsUrl = (homeId: string) => url(`/api/v1/homes/${homeId}/reg44-visits`)
    const body = {
      independentPersonId: person.id,
      visitedOn: '2025-07-14',
      announced: false,
      spokeWithChildren: 2,
      spokeWithParents: 0,
      spokeWithStaff: 3,
      safeguardingOpinion: 'Yes',
      wellbeingOpinion: 'Yes',
      reportText: 'Report',
      reportReceivedOn: '2025-07-20',
      sentToOfstedOn: '2025-07-21',
      sentToPlacing: [{ authorityId: world.laOne.id, sentOn: '2025-07-21' }],
      recommendations: [{ recommendation: 'Repair the fire door', owner: 'Manager', dueOn: '2025-09-01' }],
    }
    const created = await recordVisitRoute(
      new Request(visitsUrl(world.homeA.id), { method: 'POST', headers: auth, body: JSON.stringify(body) }),
      withId(world.homeA.id),
    )
    expect(created.status).toBe(201)
    expect(await created.json()).toMatchObject({ independent: true, reasons: [] })

    const bad = await expectProblem(
      await recordVisitRoute(
        new Request(visitsUrl(world.homeA.id), {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({
            ...body,
            visitedOn: '2025-02-30',
            spokeWithChildren: -1,
            safeguardingOpinion: '',
            recommendations: [{ recommendation: 'x' }],
          }),
        }),
        withId(world.homeA.id),
      ),
      422,
    )
    expect(bad.errors?.map((e) => e.field).sort()).toEqual([
      'recommendations.0.dueOn',
      'recommendations.0.owner',
      'safeguardingOpinion',
      'spokeWithChildren',
      'visitedOn',
    ])
    const future = await expectProblem(
      await recordVisitRoute(
        new Request(visitsUrl(world.homeA.id), {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ ...body, visitedOn: '2099-01-01' }),
        }),
        withId(world.homeA.id),
      ),
      422,
    )
    expect(future.errors).toEqual([{ field: 'visitedOn', detail: 'The visit cannot be in the future' }])

    const list = await (
      await visitsRoute(new Request(visitsUrl(world.homeA.id), { headers: auth }), withId(world.homeA.id))
    ).json()
    expect(list.visits).toHaveLength(1)
    expect(list.visits[0]).toMatchObject({
      visitedOn: '2025-07-14',
      independent: true,
      actions: [{ recommendation: 'Repair the fire door', dueOn: '2025-09-01', completedOn: null }],
    })

    const month = await (
      await oversightRoute(
        new Request(url(`/api/v1/homes/${world.homeA.id}/oversight?month=2025-07`), { headers: auth }),
        withId(world.homeA.id),
      )
    ).json()
    expect(month.month).toBe('2025-07')
    expect(month.checks.find((c: { code: string }) => c.code === 'visit')).toMatchObject({ level: 'green' })
    expect(month.checks.find((c: { code: string }) => c.code === 'reg45')).toMatchObject({
      level: 'red',
      reason: expect.stringContaining('No quality of care review recorded'),
    })
    const badMonth = await expectProblem(
      await oversightRoute(
        new Request(url(`/api/v1/homes/${world.homeA.id}/oversight?month=2025-13`), { headers: auth }),
        withId(world.homeA.id),
      ),
      422,
    )
    expect(badMonth.errors?.[0].field).toBe('month')

    // another home of the same provider is not found, on every route
    await expectProblem(
      await visitsRoute(new Request(visitsUrl(world.homeB.id), { headers: auth }), withId(world.homeB.id)),
      404,
    )
    await expectProblem(
      await recordVisitRoute(
        new Request(visitsUrl(world.homeB.id), { method: 'POST', headers: auth, body: JSON.stringify(body) }),
        withId(world.homeB.id),
      ),
      404,
    )
    await expectProblem(
      await oversightRoute(
        new Request(url(`/api/v1/homes/${world.homeB.id}/oversight`), { headers: auth }),
        withId(world.homeB.id),
      ),
      404,
    )
  })
})
