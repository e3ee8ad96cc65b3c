// Data protection: who saw a child (every list, report and export names each child it showed), the access reports,
// subject access exports, and retention.
import { unzipSync, strFromU8 } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { GET as childrenGet } from '@/app/api/v1/children/route'
import { GET as accessReportGet } from '@/app/api/v1/children/[id]/access-report/route'
import { GET as personReportGet } from '@/app/api/v1/admin/people/[id]/access-report/route'
import { GET as exportGet } from '@/app/api/v1/children/[id]/subject-access-export/route'
import { GET as staffExportGet } from '@/app/api/v1/admin/people/[id]/subject-access-export/route'
import { issueApiToken } from '@/lib/server/api-tokens'
import { getChildAccessReport } from '@/lib/server/access-report'
import { verifyAuditChain } from '@/lib/server/audit'
import { listChildren } from '@/lib/server/children'
import { getPrisma } from '@/lib/server/database'
import { currentEpisodes } from '@/lib/server/episodes/view'
import { childrenWithoutActiveWorker } from '@/lib/server/handover'
import { annexAFigures } from '@/lib/server/ofsted'
import { visitorChecklist } from '@/lib/server/oversight/checklist'
import { decideRetention, listRetentionDue, runRetentionJob } from '@/lib/server/retention'
import { ssda903Return } from '@/lib/server/ssda903'
import { CHILD_RECORD_KINDS } from '@/lib/server/subject-access'
import { londonDate, monthOf } from '@/lib/domain/time'
import { loadDemoData } from '@/prisma/demo-data'
import { freshDatabase } from '../support/database'
import {
  FIXTURE_PASSWORD,
  makeChild,
  makeEpisode,
  makePerson,
  makeWorld,
  problems,
  type World,
} from '../support/fixtures'
import { expectProblem } from '../support/http'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

const bearer = async (person: { email: string }) => {
  const { token } = await issueApiToken({ email: person.email, password: FIXTURE_PASSWORD, ip: null })
  return { headers: { Authorization: `Bearer ${token}` } }
}
const get = (path: string, auth: object) => new Request(`http://haven.test${path}`, auth)
const params = (id: string) => ({ params: Promise.resolve({ id }) })

describe('who saw this child', () => {
  it("finds every child each list, report and export showed in that child's access report", async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Home Manager')
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Night Worker')
    const lead = await makePerson([{ role: 'LA_MISSING_LEAD', localAuthorityId: world.laOne.id }], 'Missing Lead')
    const leaver = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Leaving IRO')
    const at = { homeId: world.homeA.id, placingAuthorityId: world.laOne.id, iroId: leaver.userId }
    const [amy, ben] = [await makeChild({ ...at, firstName: 'Amy' }), await makeChild({ ...at, firstName: 'Ben' })]
    const elsewhere = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laTwo.id })
    for (const c of [amy, ben])
      await makeEpisode(c.id, { reportedById: worker.userId, lastSeenAt: '2025-06-01T20:00Z' })
    await (await getPrisma()).user.update({ where: { id: leaver.userId }, data: { active: false } })

    // each read, by whom, and the event it must leave in both children's reports
    const reads: [string, string, () => Promise<unknown>][] = [
      ['Night Worker', 'child.list', () => listChildren(worker)],
      ['Night Worker', 'episode.list', () => currentEpisodes(worker)],
      ['Missing Lead', 'report.annex-a', () => annexAFigures(lead)],
      ['Missing Lead', 'export.ssda903', () => ssda903Return(lead, { year: 2025, authorityId: world.laOne.id })],
      ['Missing Lead', 'child.list', () => childrenWithoutActiveWorker(lead)],
      [
        'Home Manager',
        'visitor.checklist',
        () => visitorChecklist(manager, world.homeA.id, monthOf(londonDate(new Date()))),
      ],
    ]
    for (const [, , read] of reads) await read()
    // the API's list too
    const api = await childrenGet(get('/api/v1/children', await bearer(worker)))
    expect(api.status).toBe(200)

    const auth = await bearer(manager)
    for (const child of [amy, ben]) {
      const response = await accessReportGet(get(`/api/v1/children/${child.id}/access-report`, auth), params(child.id))
      expect(response.status).toBe(200)
      const report = (await response.json()) as { entries: { person: string; action: string; words: string }[] }
      const seen = report.entries.map((e) => `${e.person} ${e.action}`)
      for (const [person, action] of reads)
        expect(seen, `${child.firstName}: ${action}`).toContain(`${person} ${action}`)
      // in plain words, with the page it happened on
      expect(report.entries).toContainEqual(
        expect.objectContaining({ person: 'Night Worker', words: 'saw the child in a list of children' }),
      )
    }
    // the child in another home was in none of those reads, and is not the manager's to ask about
    const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Data Protection Admin')
    const theirs = await getChildAccessReport(admin, elsewhere.id)
    expect(theirs.entries.filter((e) => e.person !== 'Data Protection Admin')).toEqual([])
    expect(theirs.child.name).toMatch(/^[A-Z]\.[A-Z]\.$/) // the administrator sees initials only
    await expectProblem(
      await accessReportGet(get(`/api/v1/children/${elsewhere.id}/access-report`, auth), params(elsewhere.id)),
      404,
    )

    // everything the care worker read, for an investigation: each child named, and that report is itself audited
    const person = await personReportGet(
      get(`/api/v1/admin/people/${worker.userId}/access-report`, await bearer(admin)),
      params(worker.userId),
    )
    expect(person.status).toBe(200)
    const { entries } = (await person.json()) as { entries: { action: string; children: { id: string }[] }[] }
    const listed = entries.find((e) => e.action === 'child.list')!.children.map((c) => c.id)
    expect(listed).toEqual(expect.arrayContaining([amy.id, ben.id]))
    const again = await getChildAccessReport(manager, amy.id)
    expect(again.entries.map((e) => `${e.person} ${e.action}`)).toEqual(
      expect.arrayContaining(['Data Protection Admin audit.person-access', 'Home Manager audit.child-access']),
    )
    // a period that does not exist is refused, naming the field
    await expectProblem(
      await accessReportGet(get(`/api/v1/children/${amy.id}/access-report?to=2025-13-40`, auth), params(amy.id)),
      422,
    )
  })
})

describe('subject access', () => {
  it(
    "holds every record of a demo child, corrections included, and nothing of another child's",
    { timeout: 180_000 },
    async () => {
      await loadDemoData()
      const prisma = await getPrisma()
      // the demo child with the most episodes
      const [busiest, ...others] = await prisma.child.findMany({
        where: { id: { startsWith: 'demo-' } },
        orderBy: { missingEpisodes: { _count: 'desc' } },
        include: { placements: { orderBy: { startDate: 'desc' }, take: 1 } },
      })
      const manager = await makePerson(
        [{ role: 'REGISTERED_MANAGER', homeId: busiest.placements[0].homeId! }],
        'SAR Manager',
      )
      const response = await exportGet(
        get(`/api/v1/children/${busiest.id}/subject-access-export`, await bearer(manager)),
        params(busiest.id),
      )
      expect(response.status).toBe(200)
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="haven-subject-access-/)
      const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
      const json = strFromU8(files['record.json'])
      const html = strFromU8(files['record.html'])
      const sections = (JSON.parse(json) as { sections: { kind: string; records: { id?: string }[] }[] }).sections
      expect(sections.map((s) => s.kind)).toEqual(CHILD_RECORD_KINDS.map((k) => k.kind))

      // every row Haven holds about the child is in it, by id
      const child = { childId: busiest.id }
      const episode = { episode: child }
      const interview = { interview: child }
      const ids = [
        ...(await prisma.placement.findMany({ where: child })),
        ...(await prisma.missingEpisode.findMany({ where: child })),
        ...(await prisma.episodeUpdate.findMany({ where: episode })),
        ...(await prisma.episodeAmendment.findMany({ where: episode })),
        ...(await prisma.returnInterview.findMany({ where: child })),
        ...(await prisma.interviewAmendment.findMany({ where: interview })),
        ...(await prisma.interviewFollowUp.findMany({ where: interview })),
        ...(await prisma.cseScreening.findMany({ where: child })),
        ...(await prisma.safetyPlan.findMany({ where: child })),
        ...(await prisma.grabPack.findMany({ where: child })),
        ...(await prisma.lookedAfterReview.findMany({ where: child })),
        ...(await prisma.periodOfCare.findMany({ where: child })),
        ...(await prisma.notifiableEvent.findMany({ where: child })),
        ...(await prisma.alert.findMany({ where: { childIds: { has: busiest.id } } })),
      ].map((r) => r.id)
      expect(ids.length).toBeGreaterThan(5)
      for (const id of ids) expect(json, id).toContain(id)
      for (const id of ids.slice(0, 5)) expect(html).toContain(id)

      // nothing of another child: not their id, name, nor any of their episodes
      for (const other of others) {
        expect(json).not.toContain(other.id)
        expect(html).not.toContain(`${other.firstName} ${other.lastName}`)
      }
      const theirEpisodes = await prisma.missingEpisode.findMany({ where: { childId: { not: busiest.id } } })
      for (const e of theirEpisodes) expect(json).not.toContain(e.id)
      // the export is in the child's access report
      expect((await getChildAccessReport(manager, busiest.id)).entries[0].action).toBe('child.subject-access')
    },
  )

  it('gives a member of staff their own data, never their password or tokens, to an administrator only', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Staff Subject')
    const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Staff Export Admin')
    const path = `/api/v1/admin/people/${worker.userId}/subject-access-export`
    await expectProblem(await staffExportGet(get(path, await bearer(worker)), params(worker.userId)), 403)
    const response = await staffExportGet(get(path, await bearer(admin)), params(worker.userId))
    expect(response.status).toBe(200)
    const json = strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))['record.json'])
    expect(json).toContain(worker.email)
    expect(json).toContain('CARE_WORKER')
    const user = await (await getPrisma()).user.findUniqueOrThrow({ where: { id: worker.userId } })
    expect(json).not.toContain(user.passwordHash!)
    expect(json).not.toContain('tokenHash')
  })
})

describe('retention', () => {
  it('lists case records past the 75th birthday and old sign-in records; erasing keeps the audit chain whole', async () => {
    const prisma = await getPrisma()
    const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Retention Admin')
    const now = new Date('2026-12-03T12:00:00Z')
    const at = { homeId: world.homeB.id, placingAuthorityId: world.laTwo.id }
    const [old, turning, young] = [await makeChild(at), await makeChild(at), await makeChild(at)]
    const born = (c: { id: string }, d: string) =>
      prisma.child.update({ where: { id: c.id }, data: { dateOfBirth: new Date(d) } })
    await born(old, '1950-01-01') // 75 in 2025
    await born(turning, '1951-12-04') // 75 tomorrow
    await born(young, '2010-05-04')
    await prisma.signInAttempt.createMany({
      data: [
        { email: 'old@haven.test', ip: '10.0.0.1', succeeded: false, at: new Date('2026-08-01T00:00Z') },
        { email: 'new@haven.test', ip: '10.0.0.1', succeeded: true, at: new Date('2026-11-30T00:00Z') },
      ],
    })

    const job = await runRetentionJob(now)
    expect(job.signInAttempts).toBe(1) // 1 August is more than 90 days before 3 December
    expect(await prisma.signInAttempt.count({ where: { email: 'new@haven.test' } })).toBe(1)
    const due = (await listRetentionDue(admin, now)).map((d) => d.childId)
    expect(due).toContain(old.id)
    expect(due).not.toContain(turning.id)
    expect(due).not.toContain(young.id)

    expect(await problems(decideRetention(admin, young.id, { decision: 'ERASE', reason: 'Test' }, now))).toHaveProperty(
      'decision',
    )
    await decideRetention(admin, old.id, { decision: 'ERASE', reason: 'Past the period; no hold' }, now)
    expect(await prisma.child.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ firstName: 'Erased' })
    expect((await listRetentionDue(admin, now)).map((d) => d.childId)).not.toContain(old.id)
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true })
  })
})
