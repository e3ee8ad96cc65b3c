import { beforeAll, describe, expect, it } from 'vitest'
import { GET as ofstedRoute } from '@/app/api/v1/reports/ofsted/route'
import { issueApiToken } from '@/lib/server/api-tokens'
import { getPrisma } from '@/lib/server/database'
import { ForbiddenError } from '@/lib/server/errors'
import { annexAFigures, homeInspectionFigures } from '@/lib/server/ofsted'
import { DEMO_PASSWORD } from '@/prisma/demo-accounts'
import { loadDemoData } from '@/prisma/demo-data'
import { freshDatabase } from '../support/database'
import { actor } from '../support/fixtures'

const today = new Date().toISOString().slice(0, 10)
const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`

beforeAll(async () => {
  await freshDatabase()
  await loadDemoData()
})

describe('figures for Ofsted', () => {
  it("a home's inspection: times missing and away, how many children, residents at risk of CSE", async () => {
    const [willow] = await homeInspectionFigures(await actor('demo-user-manager'), { from: yearAgo, to: today })
    expect(willow.name).toBe('Willow House')
    const prisma = await getPrisma()
    const since = new Date(`${yearAgo}T00:00:00Z`)
    expect(willow.missing).toBe(
      await prisma.missingEpisode.count({
        where: { homeId: willow.id, absenceType: 'MISSING', lastSeenAt: { gte: since } },
      }),
    )
    expect(willow.away).toBe(
      await prisma.missingEpisode.count({
        where: { homeId: willow.id, absenceType: 'AWAY', lastSeenAt: { gte: since } },
      }),
    )
    expect(willow.missing + willow.away).toBeGreaterThan(10)
    expect(willow.residents).toBe(8)
    expect(willow.atRiskOfCse).toBeGreaterThanOrEqual(2) // Ellie Marsh and Aaliyah Grant, screened at significant risk
    expect(willow.children).toBeLessThanOrEqual(willow.residents + 2)
    // the responsible individual sees every home of the provider; nobody else gets the figures
    expect(
      (await homeInspectionFigures(await actor('demo-user-ri'), { from: yearAgo, to: today })).map((h) => h.name),
    ).toContain('Willow House')
    await expect(
      homeInspectionFigures(await actor('demo-user-care'), { from: yearAgo, to: today }),
    ).rejects.toBeInstanceOf(ForbiddenError)
  })

  it("Annex A: each child's missing and absent episodes in 12 months, and the return interview after the last missing one", async () => {
    const rows = await annexAFigures(await actor('demo-user-lead'))
    const ellie = rows.find((r) => r.name === 'Ellie Marsh')!
    expect(ellie).toMatchObject({ missingEpisodes: 3, absentEpisodes: 3 })
    const prisma = await getPrisma()
    const north = await prisma.child.count({
      where: { placingAuthorityId: 'demo-la-north', placements: { some: { endDate: null } } },
    })
    expect(rows).toHaveLength(north)
    expect(rows.some((r) => r.returnInterviewOffered === 'Y')).toBe(true)
    expect(
      rows.every(
        (r) => ['', 'Y', 'N'].includes(r.returnInterviewOffered) && ['', 'Y', 'N'].includes(r.returnInterviewAccepted),
      ),
    ).toBe(true)
    expect(rows.filter((r) => r.returnInterviewOffered !== 'Y').every((r) => r.returnInterviewAccepted === '')).toBe(
      true,
    ) // accepted only what was offered
    expect(rows.filter((r) => r.missingEpisodes === 0).every((r) => r.returnInterviewOffered === '')).toBe(true)
    // the report names each child: the audit says which
    const audited = await prisma.auditEvent.findFirstOrThrow({
      where: { actorId: 'demo-user-lead', action: 'report.annex-a' },
      orderBy: { seq: 'desc' },
    })
    expect([...audited.childIds].sort()).toEqual(rows.map((r) => r.id).sort())
    await expect(annexAFigures(await actor('demo-user-iro'))).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('through the API, with a period that names its problem', async () => {
    const { token } = await issueApiToken({ email: 'manager@demo.haven.test', password: DEMO_PASSWORD, ip: null })
    const call = (q: string) =>
      ofstedRoute(
        new Request(`http://127.0.0.1/api/v1/reports/ofsted?${q}`, { headers: { Authorization: `Bearer ${token}` } }),
        { params: Promise.resolve({}) },
      )
    const body = await (await call(`from=${yearAgo}&to=${today}`)).json()
    expect(body.homes[0].name).toBe('Willow House')
    expect(body.annexA).toBeNull()
    const bad = await call('from=2026-02-30&to=2026-03-01')
    expect(bad.status).toBe(422)
    expect((await bad.json()).errors[0].field).toBe('from')
  })
})
