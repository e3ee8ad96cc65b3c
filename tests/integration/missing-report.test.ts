// The missing-episode report on the demo data: figures match the records, filters narrow them, each reader counts
// only their own episodes, the API and CSV give the same tables, and reading it is audited.
import { beforeAll, describe, expect, it } from 'vitest'
import { GET as reportRoute } from '@/app/api/v1/reports/missing/route'
import { issueApiToken } from '@/lib/server/api-tokens'
import { getPrisma } from '@/lib/server/database'
import { ForbiddenError, NotFoundError } from '@/lib/server/errors'
import { londonDate, londonMidnight, shiftDate } from '@/lib/domain/time'
import { missingReport, missingReportCsv } from '@/lib/server/missing-report'
import { childWhere } from '@/lib/server/scope'
import { missingReportQuerySchema } from '@/lib/validation/reports'
import { monthsOf } from '@/lib/domain/missing-report'
import { DEMO_PASSWORD } from '@/prisma/demo-accounts'
import { loadDemoData } from '@/prisma/demo-data'
import { freshDatabase } from '../support/database'
import { actor } from '../support/fixtures'

const today = londonDate(new Date())
const lastYear = { from: shiftDate(today, { years: -1, days: 1 }), to: today }
const query = (q: Record<string, string> = {}) => missingReportQuerySchema.parse({ ...lastYear, ...q })
const since = londonMidnight(lastYear.from)
const table = (report: Awaited<ReturnType<typeof missingReport>>, id: string) => report.tables.find((t) => t.id === id)!
const sum = (rows: Record<string, string | number>[], key: string) => rows.reduce((n, r) => n + Number(r[key]), 0)

beforeAll(async () => {
  await freshDatabase()
  await loadDemoData()
})

describe('the missing-episode report', () => {
  it("a manager's figures are the episodes at their home, and every table adds up to them", async () => {
    const prisma = await getPrisma()
    const report = await missingReport(await actor('demo-user-manager'), query())
    const atWillow = await prisma.missingEpisode.findMany({
      where: { homeId: 'demo-home-willow', lastSeenAt: { gte: since } },
      select: { absenceType: true, childId: true, returnedAt: true },
    })
    expect(atWillow.length).toBeGreaterThan(10)
    expect(report.options.homes.map((h) => h.name)).toEqual(['Willow House'])
    expect(report.totals).toMatchObject({
      episodes: atWillow.length,
      missing: atWillow.filter((e) => e.absenceType === 'MISSING').length,
      children: new Set(atWillow.map((e) => e.childId)).size,
    })
    const byMonth = table(report, 'by-month').rows
    expect(sum(byMonth, 'missing') + sum(byMonth, 'away')).toBe(atWillow.length)
    expect(sum(table(report, 'duration').rows, 'episodes')).toBe(atWillow.length)
    expect(sum(table(report, 'time-of-day').rows, 'episodes')).toBe(atWillow.length)
    expect(sum(table(report, 'day-of-week').rows, 'episodes')).toBe(atWillow.length)
    expect(sum(table(report, 'repeat-children').rows, 'children')).toBe(report.totals.children)
    expect(sum(table(report, 'return-interviews').rows, 'returns')).toBe(atWillow.filter((e) => e.returnedAt).length)
    // Ellie and Aaliyah are screened at significant risk (Aaliyah with no plan yet)
    expect(table(report, 'cse').rows[0]).toMatchObject({ level: 'Significant risk' })
    expect(Number(table(report, 'cse').rows[0].withoutPlan)).toBeGreaterThanOrEqual(1)
  })

  it('a care worker sees their own home and cannot ask for another', async () => {
    const care = await actor('demo-user-care')
    expect((await missingReport(care, query())).options.homes.map((h) => h.id)).toEqual(['demo-home-willow'])
    await expect(missingReport(care, query({ home: 'demo-home-birch' }))).rejects.toBeInstanceOf(NotFoundError)
    await expect(missingReport(care, query({ authority: 'demo-la-west' }))).rejects.toBeInstanceOf(NotFoundError)
    await expect(missingReport(await actor('demo-user-admin'), query())).rejects.toBeInstanceOf(ForbiddenError)
  })

  it("a missing lead's and an IRO's figures are the episodes of the children they may read, by their scope's rule", async () => {
    const prisma = await getPrisma()
    const now = new Date()
    for (const id of ['demo-user-lead', 'demo-user-iro']) {
      const reader = await actor(id)
      const report = await missingReport(reader, query(), now)
      // the scope's rule applied to every episode, as the report did before it looked the children up by id
      const child = childWhere(reader, 'report.missing', now)
      const episodes = await prisma.missingEpisode.findMany({
        where: { child, lastSeenAt: { gte: since } },
        select: { childId: true },
      })
      expect(episodes.length, id).toBeGreaterThan(0)
      expect(report.totals, id).toMatchObject({
        episodes: episodes.length,
        children: new Set(episodes.map((e) => e.childId)).size,
      })
      const homes = await prisma.home.findMany({ where: { placements: { some: { child } } }, orderBy: { name: 'asc' } })
      expect(
        report.options.homes.map((h) => h.id),
        id,
      ).toEqual(homes.map((h) => h.id))
      const authorities = await prisma.localAuthority.findMany({
        where: { childrenPlaced: { some: child } },
        orderBy: { name: 'asc' },
      })
      expect(
        report.options.authorities.map((a) => a.id),
        id,
      ).toEqual(authorities.map((a) => a.id))
    }
  })

  it("the responsible individual sees the provider's homes, one at a time if asked", async () => {
    const ri = await actor('demo-user-ri')
    const all = await missingReport(ri, query())
    expect(all.options.homes.map((h) => h.name).sort()).toEqual(['Birch Lodge', 'Willow House'])
    const birch = await missingReport(ri, query({ home: 'demo-home-birch' }))
    expect(table(birch, 'by-home').rows.map((r) => r.name)).toEqual(['Birch Lodge'])
    expect(birch.totals.episodes).toBe(
      await (
        await getPrisma()
      ).missingEpisode.count({ where: { homeId: 'demo-home-birch', lastSeenAt: { gte: since } } }),
    )
    expect(birch.totals.episodes).toBeLessThan(all.totals.episodes)
  })

  it('filters by placing authority, sex and age band', async () => {
    const prisma = await getPrisma()
    const lead = await actor('demo-user-lead')
    const boys = await missingReport(lead, query({ sex: 'MALE' }))
    const girls = await missingReport(lead, query({ sex: 'FEMALE' }))
    const everyone = await missingReport(lead, query())
    expect(boys.totals.episodes).toBeGreaterThan(0)
    expect(boys.totals.episodes + girls.totals.episodes).toBe(everyone.totals.episodes)
    const north = await missingReport(lead, query({ authority: 'demo-la-north' }))
    expect(table(north, 'by-authority').rows.map((r) => r.name)).toEqual(['Northshire County Council'])
    expect(north.totals.episodes).toBe(
      await prisma.missingEpisode.count({
        where: { child: { placingAuthorityId: 'demo-la-north' }, lastSeenAt: { gte: since } },
      }),
    )
    const bands = await Promise.all(
      ['under-11', '11-13', '14-15', '16-17', '18-plus'].map(
        async (ageBand) => (await missingReport(lead, query({ ageBand }))).totals.episodes,
      ),
    )
    expect(bands.reduce((a, b) => a + b, 0)).toBe(everyone.totals.episodes)
    expect(bands[3]).toBeGreaterThan(0) // 16-17 year olds go missing too, and are counted apart
  })

  it('is one audited read per report', async () => {
    const prisma = await getPrisma()
    const before = await prisma.auditEvent.count({ where: { action: 'report.missing', actorId: 'demo-user-iro' } })
    await missingReport(await actor('demo-user-iro'), query({ sex: 'FEMALE' }))
    const events = await prisma.auditEvent.findMany({
      where: { action: 'report.missing', actorId: 'demo-user-iro' },
      orderBy: { seq: 'desc' },
    })
    expect(events.length).toBe(before + 1)
    expect(events[0].details).toMatchObject({ sex: 'FEMALE', from: lastYear.from })
  })

  it('downloads a table as CSV with the columns as shown', async () => {
    const { filename, body } = await missingReportCsv(await actor('demo-user-manager'), query(), 'by-home')
    expect(filename).toBe(`missing-by-home-${lastYear.from}-to-${lastYear.to}.csv`)
    const lines = body.split('\r\n')
    expect(lines[0]).toMatch(/^Home,Missing,Away without authorisation,All episodes,Children,\w{3} \d{4},/)
    expect(lines[0].split(',')).toHaveLength(5 + monthsOf(lastYear).length) // and a column for each month
    const willow = lines[1].split(',')
    expect(willow[0]).toBe('Willow House')
    expect(willow.slice(5).reduce((n, c) => n + Number(c), 0)).toBe(Number(willow[3])) // the months add up to the total
  })

  it('the API gives the same figures, CSV on request, 422 naming the field, 404 for a home out of scope', async () => {
    const { token } = await issueApiToken({ email: 'manager@demo.haven.test', password: DEMO_PASSWORD, ip: null })
    const call = (q: string) =>
      reportRoute(
        new Request(`http://127.0.0.1/api/v1/reports/missing?${q}`, { headers: { Authorization: `Bearer ${token}` } }),
        { params: Promise.resolve({}) },
      )
    const json = await (await call(`from=${lastYear.from}&to=${lastYear.to}`)).json()
    expect(json.totals).toEqual((await missingReport(await actor('demo-user-manager'), query())).totals)
    const csv = await call(`from=${lastYear.from}&to=${lastYear.to}&table=day-of-week`)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    expect((await csv.text()).split('\r\n')[1]).toMatch(/^Monday,\d+$/)
    const bad = await call(`from=${lastYear.from}&to=${lastYear.to}&ageBand=teenager`)
    expect(bad.status).toBe(422)
    expect((await bad.json()).errors[0].field).toBe('ageBand')
    const reversed = await call(`from=${lastYear.to}&to=${lastYear.from}`)
    expect((await reversed.json()).errors[0]).toMatchObject({
      field: 'to',
      detail: 'The end of the period cannot be before its start',
    })
    expect((await call(`from=${lastYear.from}&to=${lastYear.to}&home=demo-home-cedar`)).status).toBe(404)
    expect((await call(`from=${lastYear.from}&to=${lastYear.to}&table=everything`)).status).toBe(422)
  })
})
