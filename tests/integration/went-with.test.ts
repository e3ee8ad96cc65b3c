import { beforeAll, describe, expect, it } from 'vitest'
import { POST as linkRoute } from '@/app/api/v1/missing-episodes/[id]/went-with/route'
import { POST as undoRoute } from '@/app/api/v1/missing-episodes/[id]/went-with/undo/route'
import { issueApiToken } from '@/lib/server/api-tokens'
import { getPrisma } from '@/lib/server/database'
import {
  getEpisode,
  getEpisodeForPage,
  linkEpisodes,
  recordReturn,
  reportMissing,
  undoWentWith,
} from '@/lib/server/episodes'
import { NotFoundError } from '@/lib/server/errors'
import { recordReturnSchema, reportMissingSchema } from '@/lib/validation/episodes'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makeChild, makePerson, makeWorld, problems, type World } from '../support/fixtures'
import { expectProblem } from '../support/http'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

const report = (lastSeenAt: string) =>
  reportMissingSchema.parse({ absenceType: 'MISSING', lastSeenAt, lastSeenPlace: 'Willow House', policeInformed: 'no' })

/** Two children of one home missing at the same time, and a care worker and a worker of another home. */
async function twoMissing() {
  const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Night Worker')
  const elsewhere = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeB.id }], 'Other Home Worker')
  const one = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
  const two = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
  const a = await reportMissing(worker, one.id, report('2026-11-20T22:30'))
  const b = await reportMissing(worker, two.id, report('2026-11-20T22:35'))
  return { worker, elsewhere, a, b, two }
}

describe('undoing "went with"', () => {
  it('marks the link undone (never deleted), shows both on the timeline, audits it, and allows linking again', async () => {
    const { worker, a, b, two } = await twoMissing()
    await linkEpisodes(worker, a.id, b.id)
    await undoWentWith(worker, a.id, b.id)
    expect((await getEpisode(worker, a.id)).wentWith).toEqual([])
    expect((await getEpisode(worker, b.id)).wentWith).toEqual([])
    const prisma = await getPrisma()
    const links = await prisma.episodeLink.findMany({ where: { OR: [{ episodeId: a.id }, { otherId: a.id }] } })
    expect(links).toHaveLength(1)
    expect(links[0]).toMatchObject({ undoneById: worker.userId, sequence: 1 })
    expect(links[0].undoneAt).not.toBeNull()
    const page = await getEpisodeForPage(worker, a.id)
    expect(page.wentWith.map((e) => e.title)).toEqual([
      `Went with ${two.firstName} ${two.lastName}`,
      `Corrected: did not go with ${two.firstName} ${two.lastName} (the link was made by mistake and undone)`,
    ])
    const audited = await prisma.auditEvent.findFirst({
      where: { actorId: worker.userId, action: 'episode.unlink', subjectId: a.id },
      select: { details: true },
    })
    expect(audited?.details).toEqual({ otherEpisodeId: b.id })
    // a second press finds nothing to undo
    expect((await problems(undoWentWith(worker, a.id, b.id))).otherEpisodeId).toMatch(/not linked/)
    // linked again after all: a new link beside the undone one
    await linkEpisodes(worker, b.id, a.id)
    expect((await getEpisode(worker, a.id)).wentWith.map((w) => w.episodeId)).toEqual([b.id])
    expect(await prisma.episodeLink.count({ where: { OR: [{ episodeId: a.id }, { otherId: a.id }] } })).toBe(2)
  })

  it('is not found outside the worker’s home, and is refused once the episode is closed', async () => {
    const { worker, elsewhere, a, b } = await twoMissing()
    await linkEpisodes(worker, a.id, b.id)
    await expect(undoWentWith(elsewhere, a.id, b.id)).rejects.toThrow(NotFoundError)
    const prisma = await getPrisma()
    await prisma.missingEpisode.update({
      where: { id: a.id },
      data: { returnedAt: new Date('2026-11-21T06:00Z'), closedAt: new Date('2026-11-22T10:00Z') },
    })
    expect((await problems(undoWentWith(worker, a.id, b.id))).otherEpisodeId).toMatch(/closed/)
    expect((await getEpisode(worker, a.id)).wentWith).toHaveLength(1)
  })

  it('is not offered to link once the child is back', async () => {
    const { worker, a, b } = await twoMissing()
    await recordReturn(
      worker,
      a.id,
      recordReturnSchema.parse({ returnedAt: '2026-11-21T06:00', returnMethod: 'RETURNED_ALONE' }),
    )
    expect((await problems(linkEpisodes(worker, a.id, b.id))).otherEpisodeId).toMatch(/back/)
  })
})

describe('"went with" through the API', () => {
  type Route = typeof linkRoute
  const post = async (route: Route, person: { email: string }, episodeId: string, body: unknown) => {
    const { token } = await issueApiToken({ email: person.email, password: FIXTURE_PASSWORD, ip: null })
    const path = route === linkRoute ? 'went-with' : 'went-with/undo'
    return route(
      new Request(`http://haven.test/api/v1/missing-episodes/${episodeId}/${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({ id: episodeId }) },
    )
  }

  it('links and undoes as the episode page does: the same rules, and outside the home is not found', async () => {
    const { worker, elsewhere, a, b } = await twoMissing()
    const linked = await post(linkRoute, worker, a.id, { otherEpisodeId: b.id })
    expect(linked.status).toBe(200)
    expect(await linked.json()).toEqual({ id: a.id })
    expect((await getEpisode(worker, b.id)).wentWith.map((w) => w.episodeId)).toEqual([a.id])

    // a worker of another home: not found, and the link stands
    await expectProblem(await post(undoRoute, elsewhere, a.id, { otherEpisodeId: b.id }), 404)
    expect((await getEpisode(worker, a.id)).wentWith).toHaveLength(1)
    // the other episode must be named
    const unnamed = await expectProblem(await post(undoRoute, worker, a.id, {}), 422)
    expect(unnamed.errors?.map((e) => e.field)).toEqual(['otherEpisodeId'])

    const undone = await post(undoRoute, worker, a.id, { otherEpisodeId: b.id })
    expect(undone.status).toBe(200)
    expect(await undone.json()).toEqual({ id: a.id })
    expect((await getEpisode(worker, a.id)).wentWith).toEqual([])
    const prisma = await getPrisma()
    expect(
      await prisma.episodeLink.findFirst({ where: { OR: [{ episodeId: a.id }, { otherId: a.id }] } }),
    ).toMatchObject({ undoneById: worker.userId })
    // a second press: nothing left to undo, named on the field
    const again = await expectProblem(await post(undoRoute, worker, a.id, { otherEpisodeId: b.id }), 422)
    expect(again.errors).toEqual([{ field: 'otherEpisodeId', detail: expect.stringMatching(/not linked/) }])
  })
})
