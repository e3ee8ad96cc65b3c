// Property: however episodes are recorded (in any order, returns interleaved with other reports), the alerts the
// per-event runs leave for "missing together" are the ones the rule finds over all the facts, and never name a pair
// whose recorded periods did not overlap or start within the window. Fixed seed, so a failure can be replayed.
import { beforeAll, describe, expect, it } from 'vitest'
import { missingTogether, type EpisodeFact } from '@/lib/domain/patterns'
import { getPrisma } from '@/lib/server/database'
import { recordReturn, reportMissing } from '@/lib/server/episodes'
import { ValidationError } from '@/lib/server/errors'
import { recomputeAllPatterns } from '@/lib/server/patterns'
import { settings } from '@/lib/settings'
import { recordReturnSchema, reportMissingSchema } from '@/lib/validation/episodes'
import { freshDatabase } from '../support/database'
import { makeChild, makePerson, makeWorld, type World } from '../support/fixtures'

const SEED = 20261203
const HISTORIES = 8
const NOW = new Date('2026-11-20T12:00:00Z') // after every episode; November is GMT, so local times are UTC
const BASE = Date.parse('2026-11-02T00:00:00Z')
const HOUR = 3_600_000

/** mulberry32: a small seeded generator, enough to vary the histories reproducibly. */
function prng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Planned = { childId: string; start: number; end: number; leaveOpen: boolean }

/** Episodes for each child that do not overlap each other, over four days, so that children's often do. */
function plan(random: () => number, childIds: string[]): Planned[] {
  return childIds.flatMap((childId) => {
    const count = 1 + Math.floor(random() * 3)
    const starts = Array.from({ length: count }, () => BASE + Math.floor(random() * 8 * 24) * 30 * 60_000).sort(
      (a, b) => a - b,
    )
    const episodes: Planned[] = []
    for (const start of starts) {
      if (episodes.length && start <= episodes.at(-1)!.end) continue
      episodes.push({ childId, start, end: start + ((1 + Math.floor(random() * 40)) * HOUR) / 2, leaveOpen: false })
    }
    if (random() < 0.25) episodes.at(-1)!.leaveOpen = true // a return not recorded yet
    return episodes
  })
}

/** Each child's episodes in a random order, reported then returned; children's steps interleaved at random. */
function recordingOrder(random: () => number, planned: Planned[]) {
  const queues = new Map<string, { kind: 'report' | 'return'; episode: Planned }[]>()
  for (const e of [...planned].sort(() => random() - 0.5)) {
    const queue = queues.get(e.childId) ?? []
    queue.push({ kind: 'report', episode: e })
    if (!e.leaveOpen) queue.push({ kind: 'return', episode: e })
    queues.set(e.childId, queue)
  }
  // an episode left open must come last for its child: no second report while one is open
  for (const queue of queues.values()) queue.sort((a, b) => Number(a.episode.leaveOpen) - Number(b.episode.leaveOpen))
  const steps: { kind: 'report' | 'return'; episode: Planned }[] = []
  while ([...queues.values()].some((q) => q.length)) {
    const waiting = [...queues.values()].filter((q) => q.length)
    steps.push(waiting[Math.floor(random() * waiting.length)].shift()!)
  }
  return steps
}

const local = (ms: number) => new Date(ms).toISOString().slice(0, 16)

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

describe('missing together, over random recording orders', () => {
  it(
    'per-event alerts equal the rule over all the facts, and only pairs whose recorded periods met',
    { timeout: 90_000 },
    async () => {
      const prisma = await getPrisma()
      const random = prng(SEED)
      const s = settings.patterns
      let alerted = 0 // steps with an open alert: the histories must reach the rule, not pass for want of pairs
      for (let history = 0; history < HISTORIES; history++) {
        const home = await prisma.home.create({
          data: {
            name: `Home ${history}`,
            providerId: world.providerOne.id,
            hostAuthorityId: world.laOne.id,
            ofstedUrn: `SCP${SEED}${history}`,
            addressLine1: '1 Test Street',
            town: 'Testtown',
            postcode: 'TE1 1ST',
          },
        })
        const worker = await makePerson([{ role: 'CARE_WORKER', homeId: home.id }], `Worker ${history}`)
        const children = await Promise.all(
          Array.from({ length: 2 + Math.floor(random() * 3) }, () =>
            makeChild({ homeId: home.id, placingAuthorityId: world.laOne.id }),
          ),
        )
        const ids = new Map<Planned, string>()
        const returnedWithReport = new Set<Planned>()
        const trail: string[] = [] // what was recorded, to say in a failure
        for (const step of recordingOrder(
          random,
          plan(
            random,
            children.map((c) => c.id),
          ),
        )) {
          const e = step.episode
          trail.push(`${step.kind} ${children.findIndex((c) => c.id === e.childId)} ${local(e.start)}-${local(e.end)}`)
          const report = (withReturn: boolean) =>
            reportMissing(
              worker,
              e.childId,
              reportMissingSchema.parse({
                absenceType: 'MISSING',
                lastSeenAt: local(e.start),
                lastSeenPlace: 'The home',
                policeInformed: 'yes',
                ...(withReturn ? { return: { returnedAt: local(e.end), returnMethod: 'RETURNED_ALONE' } } : {}),
              }),
              NOW,
            )
          if (step.kind === 'report') {
            // an episode may not be open from before one of the child's recorded episodes: such a back-dated one is
            // recorded with its return, in one go (as the form's "already back" does)
            const opened = await report(false).catch(async (error) => {
              if (!(error instanceof ValidationError)) throw error
              returnedWithReport.add(e)
              return report(true)
            })
            ids.set(e, opened.id)
          } else if (!returnedWithReport.has(e))
            await recordReturn(
              worker,
              ids.get(e)!,
              recordReturnSchema.parse({ returnedAt: local(e.end), returnMethod: 'RETURNED_ALONE' }),
              NOW,
            )

          const episodes: EpisodeFact[] = await prisma.missingEpisode.findMany({
            where: { homeId: home.id },
            select: { id: true, childId: true, homeId: true, lastSeenAt: true, returnedAt: true },
          })
          const alerts = await prisma.alert.findMany({
            where: { rule: 'missing-together', status: 'OPEN', homeIds: { has: home.id } },
            select: { subjectKey: true, evidence: true },
          })
          const open = Object.fromEntries(
            alerts.map((a) => [a.subjectKey, [...(a.evidence as { episodeIds: string[] }).episodeIds].sort()]),
          )
          const expected = Object.fromEntries(
            missingTogether(episodes, NOW, s).map((f) => [f.subjectKey, [...f.evidence.episodeIds].sort()]),
          )
          expect(open, trail.join('\n')).toEqual(expected)
          if (alerts.length) alerted++
          // and independently of the rule: each pair met, by the records, on enough occasions
          const met = (x: EpisodeFact, y: EpisodeFact) => {
            const [a, b] = x.lastSeenAt <= y.lastSeenAt ? [x, y] : [y, x]
            // a return not recorded yet says a is missing now: b met it only if b is missing now too
            return (
              b.lastSeenAt.getTime() - a.lastSeenAt.getTime() <= s.togetherWindowMinutes * 60_000 ||
              (a.returnedAt ? b.lastSeenAt < a.returnedAt : !b.returnedAt)
            )
          }
          for (const key of Object.keys(open)) {
            const [, , first, second] = key.split(':')
            const occasions = episodes
              .filter((x) => x.childId === first)
              .flatMap((x) => episodes.filter((y) => y.childId === second && met(x, y)))
            expect(occasions.length, `${key}\n${trail.join('\n')}`).toBeGreaterThanOrEqual(s.togetherOccasions)
          }
        }
        // the scheduled full run finds nothing to change
        const before = await prisma.alert.findMany({
          where: { rule: 'missing-together', homeIds: { has: home.id } },
          select: { id: true, status: true, evidence: true },
          orderBy: { id: 'asc' },
        })
        await recomputeAllPatterns(NOW)
        expect(
          await prisma.alert.findMany({
            where: { rule: 'missing-together', homeIds: { has: home.id } },
            select: { id: true, status: true, evidence: true },
            orderBy: { id: 'asc' },
          }),
          trail.join('\n'),
        ).toEqual(before)
      }
      expect(alerted).toBeGreaterThan(3)
    },
  )
})
