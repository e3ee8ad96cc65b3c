// Private things stay private, on every page and route, for every role in the demo data: the CSE page, the
// chronology, the alerts and the printable pages decide what they show the way the API does.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/domain/roles'
import { loadActor } from '@/lib/server/accounts'
import { getAlert, listAlerts } from '@/lib/server/alerts'
import { listChildren } from '@/lib/server/children'
import { getChronology } from '@/lib/server/chronology'
import { getCseOverview } from '@/lib/server/cse'
import { getPrisma } from '@/lib/server/database'
import { ForbiddenError, NotFoundError } from '@/lib/server/errors'
import { recomputeAllPatterns } from '@/lib/server/patterns'
import { getInterview } from '@/lib/server/return-interviews'
import { loadDemoData } from '@/prisma/demo-data'
import { freshDatabase } from '../support/database'

const NOTE = 'Disclosed gifts and older men' // the demo's follow-up notes asking for a CSE screening
let readers: Actor[]

beforeAll(async () => {
  await freshDatabase()
  await loadDemoData()
  await recomputeAllPatterns()
  const prisma = await getPrisma()
  readers = (
    await Promise.all(
      (await prisma.user.findMany({ where: { id: { startsWith: 'demo-user-' } }, select: { id: true } })).map((u) =>
        loadActor(prisma, u.id),
      ),
    )
  ).filter((a): a is Actor => !!a)
}, 120_000)

// "not found" or "your roles do not include": nothing to show this reader
const orNull = <T>(p: Promise<T>) =>
  p.catch((e) => {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) return null
    throw e
  })
const childrenOf = async (actor: Actor) => (await orNull(listChildren(actor)))?.children ?? []

describe('field visibility, for every role', () => {
  it(
    'the CSE page shows a follow-up note exactly when the return interview (API) does',
    { timeout: 300_000 },
    async () => {
      let hidden = 0
      let shown = 0
      for (const actor of readers) {
        for (const child of await childrenOf(actor)) {
          const cse = await orNull(getCseOverview(actor, child.id))
          for (const request of cse?.screeningRequests ?? []) {
            const interview = await orNull(getInterview(actor, { id: request.interviewId }))
            const viaApi = interview?.followUps.find((f) => f.id === request.id)?.note ?? null
            expect(request.note, `${actor.name}, ${child.id}`).toBe(viaApi)
            if (request.note) shown++
            else hidden++
          }
        }
      }
      expect(hidden).toBeGreaterThan(0)
      expect(shown).toBeGreaterThan(0)
      // the home's staff and provider do not read it
      for (const id of ['demo-user-care', 'demo-user-manager', 'demo-user-ri-harbour', 'demo-user-birch-cw']) {
        const actor = readers.find((r) => r.userId === id)
        if (!actor) continue
        for (const child of await childrenOf(actor))
          expect(JSON.stringify(await orNull(getCseOverview(actor, child.id)))).not.toContain(NOTE)
      }
    },
  )

  it(
    'the chronology links only to alerts the reader can open, and shows no private note',
    { timeout: 300_000 },
    async () => {
      let links = 0
      for (const actor of readers) {
        for (const child of await childrenOf(actor)) {
          const chronology = await orNull(getChronology(actor, child.id))
          if (!chronology) continue
          expect(JSON.stringify(chronology.entries)).not.toContain(NOTE)
          for (const link of new Set(
            chronology.entries.map((e) => e.link).filter((l): l is string => !!l?.startsWith('/alerts/')),
          )) {
            links++
            await expect(getAlert(actor, link.slice('/alerts/'.length)), `${actor.name} ${link}`).resolves.toBeDefined()
          }
        }
      }
      expect(links).toBeGreaterThan(0)
    },
  )

  it(
    'an alert names no child and no person the reader may not know of: others are counted',
    { timeout: 300_000 },
    async () => {
      const prisma = await getPrisma()
      const users = await prisma.user.findMany({
        select: {
          name: true,
          roles: {
            select: { homeId: true, providerId: true, localAuthorityId: true, home: { select: { providerId: true } } },
          },
        },
      })
      let counted = 0
      let factsChecked = 0
      for (const actor of readers) {
        const list = await orNull(listAlerts(actor))
        for (const { id } of list?.alerts ?? []) {
          const alert = await getAlert(actor, id)
          const shown = new Set(alert.children.map((c) => c.id))
          for (const fact of alert.facts.filter((f) => f.startsWith('child:'))) {
            factsChecked++
            expect(shown.has(fact.slice('child:'.length)), `${actor.name}: ${fact}`).toBe(true)
          }
          const readable = await prisma.child.findMany({
            where: { id: { in: [...shown] } },
            select: { iroId: true, socialWorkerId: true },
          })
          const allocated = new Set(readable.flatMap((c) => [c.iroId, c.socialWorkerId]))
          const allocatedNames = new Set(
            (
              await prisma.user.findMany({
                where: { id: { in: [...allocated].filter((x): x is string => !!x) } },
                select: { name: true },
              })
            ).map((u) => u.name),
          )
          for (const r of alert.recipients) {
            const person = users.find((u) => u.name === r.name)!
            const sameOrganisation = person.roles.some((role) =>
              actor.grants.some(
                (g) =>
                  (g.homeId && g.homeId === role.homeId) ||
                  (g.providerId && (g.providerId === role.providerId || g.providerId === role.home?.providerId)) ||
                  (g.localAuthorityId && g.localAuthorityId === role.localAuthorityId),
              ),
            )
            expect(
              sameOrganisation || allocatedNames.has(r.name) || r.name === actor.name,
              `${actor.name} sees ${r.name} on ${alert.title}`,
            ).toBe(true)
          }
          counted += alert.otherRecipients
        }
      }
      expect(factsChecked).toBeGreaterThan(0)
      expect(counted).toBeGreaterThan(0)
    },
  )

  it('the printable police summary keeps the follow-up notes from the home, like the interview page', async () => {
    const prisma = await getPrisma()
    const followUp = await prisma.interviewFollowUp.findFirstOrThrow({
      where: { note: NOTE },
      select: { interviewId: true },
    })
    for (const actor of readers) {
      const interview = await orNull(getInterview(actor, { id: followUp.interviewId }))
      if (!interview) continue
      const notes = interview.followUps.map((f) => f.note)
      expect(notes.includes(NOTE), actor.name).toBe(interview.concernsVisible)
    }
  })
})
