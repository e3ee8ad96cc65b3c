import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { GET as exportRoute } from '@/app/api/v1/exports/ssda903/route'
import { issueApiToken } from '@/lib/server/api-tokens'
import { getPrisma } from '@/lib/server/database'
import { ForbiddenError, NotFoundError } from '@/lib/server/errors'
import { ssda903Csv, ssda903Return } from '@/lib/server/ssda903'
import { DEMO_PASSWORD } from '@/prisma/demo-accounts'
import { loadDemoData } from '@/prisma/demo-data'
import { freshDatabase } from '../support/database'
import { actor } from '../support/fixtures'

const thisYear = () => {
  const today = new Date().toISOString().slice(0, 10)
  return Number(today.slice(0, 4)) - (today.slice(5) < '04-01' ? 1 : 0) // the collection year we are in
}

beforeAll(async () => {
  await freshDatabase()
  await loadDemoData()
}, 180_000) // the demo data takes a while to load on a busy machine

describe('the SSDA903 return', () => {
  it("the demo data's tables pass every rule of the last complete and the current collection year", async () => {
    // each authority with a missing lead in the demo: the south one's placements include supported accommodation
    const leads = { 'demo-la-north': 'demo-user-lead', 'demo-la-south': 'demo-user-lead-s' }
    for (const [authorityId, lead] of Object.entries(leads))
      for (const year of [thisYear() - 1, thisYear()])
        expect((await ssda903Return(await actor(lead), { year, authorityId })).failures, authorityId).toEqual([])
    const result = await ssda903Return(await actor('demo-user-lead'), {
      year: thisYear(),
      authorityId: 'demo-la-north',
    })
    // keyed by the authority's own references, with the year's SEX codes, UPNs and categories of need
    expect(result.tables.header.every((h) => /^N\d+$/.test(h.CHILD) && ['M', 'F'].includes(h.SEX) && h.UPN)).toBe(true)
    expect(result.tables.episodes.every((e) => /^N\d$/.test(e.CIN) && / \d[A-Z]{2}$/.test(e.PL_POST))).toBe(true)
    expect(result.tables.missing.length).toBeGreaterThan(5)
    expect(
      result.tables.missing.every((m) => /^\d{2}\/\d{2}\/\d{4}$/.test(m.MIS_START) && ['M', 'A'].includes(m.MISSING)),
    ).toBe(true)
    expect(result.tables.missing.some((m) => m.MIS_END === '')).toBe(true) // an episode still open
    const csv = ssda903Csv('missing', result.tables.missing)
    expect(csv.split('\r\n')[0]).toBe('CHILD,DOB,MISSING,MIS_START,MIS_END')
    expect(ssda903Csv('episodes', result.tables.episodes).split('\r\n')[0]).toBe(
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
    )
    expect(ssda903Csv('header', result.tables.header).split('\r\n')[0]).toBe('CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB')
    // only the authority's own children
    const north = await (
      await getPrisma()
    ).child.findMany({ where: { placingAuthorityId: 'demo-la-north' }, select: { id: true } })
    expect(result.tables.header.length).toBe(
      await (
        await getPrisma()
      ).child.count({ where: { id: { in: north.map((c) => c.id) }, placements: { some: {} } } }),
    )
    // the export is audited with every child it holds
    const event = await (
      await getPrisma()
    ).auditEvent.findFirstOrThrow({
      where: { action: 'export.ssda903', actorId: 'demo-user-lead' },
      orderBy: { seq: 'desc' },
    })
    expect(event.childIds.length).toBe(result.tables.header.length)
  })

  it('downloads the three tables in one zip, each CSV as it downloads on its own', async () => {
    const lead = await actor('demo-user-lead')
    const result = await ssda903Return(lead, { year: thisYear(), authorityId: 'demo-la-north' })
    const { token } = await issueApiToken({ email: 'missing.lead@demo.haven.test', password: DEMO_PASSWORD, ip: null })
    const response = await exportRoute(
      new Request(`http://127.0.0.1/api/v1/exports/ssda903?year=${thisYear()}&authority=demo-la-north&table=all`, {
        headers: { Authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({}) },
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/zip')
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="ssda903-${thisYear()}.zip"`)
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
    expect(Object.keys(files).sort()).toEqual([
      `ssda903-${thisYear()}-episodes.csv`,
      `ssda903-${thisYear()}-header.csv`,
      `ssda903-${thisYear()}-missing.csv`,
    ])
    for (const t of ['header', 'episodes', 'missing'] as const)
      expect(strFromU8(files[`ssda903-${thisYear()}-${t}.csv`])).toBe(ssda903Csv(t, result.tables[t]))
  })

  it('names the child of each failing row, and downloads the tables marked not ready with the failures', async () => {
    const prisma = await getPrisma()
    // an episode left open after the child's placement ended (a placement that ended this collection year)
    const yearStart = new Date(`${thisYear()}-04-01T00:00:00Z`)
    const ended = await prisma.placement.findFirstOrThrow({
      where: {
        child: { placingAuthorityId: 'demo-la-north' },
        endDate: { gte: new Date(yearStart.getTime() + 10 * 86_400_000), lte: new Date(Date.now() - 10 * 86_400_000) },
        startDate: { lte: yearStart },
      },
      include: { child: true },
    })
    const child = ended.child
    const inEarlier = new Date(ended.endDate!.getTime() - 2 * 86_400_000)
    await prisma.missingEpisode.create({
      data: {
        childId: child.id,
        absenceType: 'MISSING',
        lastSeenAt: inEarlier,
        lastSeenPlace: 'Old home',
        policeInformed: true,
        reportedById: 'demo-user-care',
        reportedAt: inEarlier,
      },
    })
    const lead = await actor('demo-user-lead')
    const { failures } = await ssda903Return(lead, { year: thisYear(), authorityId: 'demo-la-north' })
    const mine = failures.filter((f) => f.childId === child.id && f.table === 'missing')
    expect(mine[0]).toMatchObject({
      name: `${child.firstName} ${child.lastName}`,
      authorityRef: child.authorityRef,
      child: child.authorityRef,
    })
    expect(mine[0]).toMatchObject({
      rule: ended.endReason === 'X1' ? '575' : '577',
      fix: expect.stringMatching(/^Record when the child returned/),
    })
    // and every later episode of the child now starts while it is open
    expect(mine.slice(1).every((f) => f.rule === '574' && f.problem.endsWith('and one of them is still open'))).toBe(
      true,
    )

    const { token } = await issueApiToken({ email: 'missing.lead@demo.haven.test', password: DEMO_PASSWORD, ip: null })
    const call = (q: string) =>
      exportRoute(
        new Request(`http://127.0.0.1/api/v1/exports/ssda903?${q}`, { headers: { Authorization: `Bearer ${token}` } }),
        { params: Promise.resolve({}) },
      )
    const zip = await call(`year=${thisYear()}&authority=demo-la-north&table=all`)
    expect(zip.headers.get('content-disposition')).toBe(`attachment; filename="ssda903-${thisYear()}-not-ready.zip"`)
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()))
    const failuresCsv = strFromU8(files[`ssda903-${thisYear()}-failures-not-ready.csv`])
    expect(failuresCsv).toContain(`${child.firstName} ${child.lastName}`)
    expect(Object.keys(files)).toContain(`ssda903-${thisYear()}-missing-not-ready.csv`)
    const report = await (await call(`year=${thisYear()}&authority=demo-la-north`)).json()
    expect(report.readyToSubmit).toBe(false)
    expect(report.failures.length).toBe(failures.length)
    const bad = await call('year=25&authority=demo-la-north')
    expect(bad.status).toBe(422)
    expect((await bad.json()).errors[0].field).toBe('year')
  })

  it('is the placing authority’s missing lead’s, for their own authority only', async () => {
    await expect(
      ssda903Return(await actor('demo-user-lead'), { year: thisYear(), authorityId: 'demo-la-south' }),
    ).rejects.toBeInstanceOf(NotFoundError)
    // another authority's return is "not found" in the same words as an authority that does not exist
    const other = await ssda903Return(await actor('demo-user-lead'), {
      year: thisYear(),
      authorityId: 'demo-la-south',
    }).catch((e) => e)
    const none = await ssda903Return(await actor('demo-user-lead'), {
      year: thisYear(),
      authorityId: 'no-such-authority',
    }).catch((e) => e)
    expect(none).toBeInstanceOf(NotFoundError)
    expect(none.message).toBe(other.message)
    await expect(
      ssda903Return(await actor('demo-user-manager'), { year: thisYear(), authorityId: 'demo-la-north' }),
    ).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('writes a missing period in UK dates: a summer evening is the next day in UTC', async () => {
    const prisma = await getPrisma()
    const year = thisYear() - 1
    const lead = await actor('demo-user-lead')
    const [first] = (await ssda903Return(lead, { year, authorityId: 'demo-la-north' })).tables.header
    const child = await prisma.child.findFirstOrThrow({
      where: { OR: [{ authorityRef: first.CHILD }, { id: first.CHILD }] },
    })
    const at = (iso: string) => new Date(iso)
    await prisma.missingEpisode.create({
      data: {
        childId: child.id,
        absenceType: 'AWAY',
        lastSeenAt: at(`${year}-06-30T23:30:00Z`), // 00:30 on 1 July in London
        lastSeenPlace: 'The home',
        policeInformed: false,
        reportedById: 'demo-user-care',
        reportedAt: at(`${year}-06-30T23:40:00Z`),
        returnedAt: at(`${year}-07-01T22:30:00Z`), // 23:30 on 1 July in London
      },
    })
    const { tables } = await ssda903Return(lead, { year, authorityId: 'demo-la-north' })
    expect(tables.missing).toContainEqual({
      CHILD: first.CHILD,
      DOB: first.DOB,
      MISSING: 'A',
      MIS_START: `01/07/${year}`,
      MIS_END: `01/07/${year}`,
    })
  })
})
