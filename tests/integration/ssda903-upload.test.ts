import { beforeAll, describe, expect, it } from 'vitest'
import { GET as detailsGet, PUT as detailsPut } from '@/app/api/v1/children/[id]/return-details/route'
import { POST as uploadRoute } from '@/app/api/v1/exports/ssda903/upload/route'
import { issueApiToken } from '@/lib/server/api-tokens'
import { loadActor } from '@/lib/server/accounts'
import { ssda903Return } from '@/lib/server/ssda903'
import { getPrisma } from '@/lib/server/database'
import { isoDate } from '@/lib/domain/time'
import { DEMO_PASSWORD } from '@/prisma/demo-accounts'
import { loadDemoData } from '@/prisma/demo-data'
import { freshDatabase } from '../support/database'
import { caseManagementExport, type FixtureChild } from '../support/ssda903-fixture'

const thisYear = () => {
  const today = new Date().toISOString().slice(0, 10)
  return Number(today.slice(0, 4)) - (today.slice(5) < '04-01' ? 1 : 0)
}
let token: string
const bearer = () => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' })

beforeAll(async () => {
  await freshDatabase()
  await loadDemoData()
  token = (await issueApiToken({ email: 'missing.lead@demo.haven.test', password: DEMO_PASSWORD, ip: null })).token
}, 180_000) // the demo data takes a while to load on a busy machine

async function northChildren(): Promise<FixtureChild[]> {
  const rows = await (
    await getPrisma()
  ).child.findMany({
    where: { placingAuthorityId: 'demo-la-north' },
    orderBy: { id: 'asc' },
    include: { placements: { orderBy: { startDate: 'asc' } } },
  })
  return rows.map((c) => ({
    id: c.id,
    authorityRef: c.authorityRef,
    firstName: c.firstName,
    lastName: c.lastName,
    dateOfBirth: isoDate(c.dateOfBirth),
    placements: c.placements.map((p) => ({ start: isoDate(p.startDate), end: p.endDate && isoDate(p.endDate) })),
  }))
}

const upload = (body: object, query = '') =>
  uploadRoute(
    new Request(`http://127.0.0.1/api/v1/exports/ssda903/upload${query}`, {
      method: 'POST',
      headers: bearer(),
      body: JSON.stringify({ year: thisYear(), authority: 'demo-la-north', ...body }),
    }),
    { params: Promise.resolve({}) },
  )

describe("the authority's own return brought in", () => {
  it('matches by reference, proposes a match by date of birth and name to confirm, reports what differs, and keys the Missing table by the authority’s CHILD', async () => {
    const prisma = await getPrisma()
    const children = await northChildren()
    const [noRef, otherDob, lateStart] = children
    // the authority's reference was never recorded in Haven for one child
    await prisma.child.update({ where: { id: noRef.id }, data: { authorityRef: null } })
    const files = caseManagementExport(
      children.map((c) => (c.id === noRef.id ? { ...c, authorityRef: null } : c)),
      200,
      { [otherDob.id]: 'dob', [lateStart.id]: 'episode-start' },
    )
    const first = await upload(files)
    expect(first.status).toBe(200)
    const report = await first.json()
    expect(report.counts.header).toBe(200)
    expect(report.matched.some((m: { child: { id: string } }) => m.child.id === noRef.id)).toBe(false)
    expect(report.proposals).toEqual([
      expect.objectContaining({
        child: expect.objectContaining({ id: noRef.id }),
        reason: 'Same date of birth and name',
      }),
    ])
    const proposal = report.proposals[0]
    expect(report.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ child: expect.objectContaining({ id: otherDob.id }), field: 'DOB' }),
      ]),
    )
    const missingRows = report.missing as { CHILD: string }[]
    expect(missingRows.length).toBeGreaterThan(0)
    expect(missingRows.every((m) => /^N\d+$/.test(m.CHILD))).toBe(true)

    // confirmed by the lead: now matched, and that child's rows are keyed by the authority's CHILD
    const second = await (
      await upload({ ...files, confirmed: [{ childId: noRef.id, child: proposal.authorityChild }] })
    ).json()
    expect(second.matched).toEqual(
      expect.arrayContaining([{ child: proposal.child, authorityChild: proposal.authorityChild, by: 'confirmed' }]),
    )
    expect(second.proposals).toEqual([])

    const csv = await upload(files, '?table=missing')
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    expect((await csv.text()).split('\r\n')[0]).toBe('CHILD,DOB,MISSING,MIS_START,MIS_END')

    // nothing uploaded is kept: the audit holds counts only
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'export.ssda903-upload' },
      orderBy: { seq: 'desc' },
    })
    expect(event.details).toMatchObject({ headerRows: 200, matched: expect.any(Number) })
    expect(JSON.stringify(event.details)).not.toContain(proposal.authorityChild)
  })

  it('refuses a file without the DfE’s columns, naming it', async () => {
    const response = await upload({ header: 'ID,BIRTH\r\n1,01/01/2012\r\n', episodes: 'CHILD,DECOM,DEC,REC\r\n' })
    expect(response.status).toBe(422)
    expect((await response.json()).errors).toEqual([
      expect.objectContaining({ field: 'header', detail: 'The Header CSV has no CHILD, DOB column' }),
    ])
  })
})

describe("a child's details for the return", () => {
  const call = (method: 'GET' | 'PUT', id: string, body?: object) =>
    (method === 'GET' ? detailsGet : detailsPut)(
      new Request(`http://127.0.0.1/api/v1/children/${id}/return-details`, {
        method,
        headers: bearer(),
        body: body && JSON.stringify(body),
      }),
      { params: Promise.resolve({ id }) },
    )

  it('are corrected by the missing lead, with a UPN whose check letter is right, and the fields changed audited', async () => {
    const [child] = await northChildren()
    const before = await (await call('GET', child.id)).json()
    const wrongLetter = await call('PUT', child.id, { ...before, upn: 'B801200001001' })
    expect(wrongLetter.status).toBe(422)
    expect((await wrongLetter.json()).errors[0].field).toBe('upn')
    const badPostcode = await call('PUT', child.id, { ...before, homePostcode: '=1+2' })
    expect((await badPostcode.json()).errors[0].field).toBe('homePostcode')
    const saved = await call('PUT', child.id, {
      authorityRef: before.authorityRef,
      upn: 'un2',
      homePostcode: 'ns1 9zz',
      categoryOfNeed: 'N3',
    })
    expect(saved.status).toBe(200)
    expect(await saved.json()).toMatchObject({ upn: 'UN2', homePostcode: 'NS1 9ZZ', categoryOfNeed: 'N3' })
    const event = await (
      await getPrisma()
    ).auditEvent.findFirstOrThrow({ where: { action: 'care.return-details' }, orderBy: { seq: 'desc' } })
    expect(event.details).toEqual({ fields: ['upn', 'homePostcode', 'categoryOfNeed'] })
    // out of the lead's authority: not found
    const south = await (
      await getPrisma()
    ).child.findFirstOrThrow({
      where: { placingAuthorityId: 'demo-la-south', placements: { none: { areaAuthorityId: 'demo-la-north' } } },
    })
    expect((await call('GET', south.id)).status).toBe(404)
  })

  it('record the sex for the return apart from the child’s recorded sex: not known is written U', async () => {
    const prisma = await getPrisma()
    const [child] = await northChildren()
    const before = await (await call('GET', child.id)).json()
    expect(before.returnSex).toBeNull() // as recorded for the child
    const wrong = await call('PUT', child.id, { ...before, returnSex: 'UNSURE' })
    expect((await wrong.json()).errors[0].field).toBe('returnSex')
    const saved = await call('PUT', child.id, { ...before, returnSex: 'NOT_KNOWN' })
    expect(await saved.json()).toMatchObject({ returnSex: 'NOT_KNOWN', changed: ['returnSex'] })
    const recorded = await prisma.child.findUniqueOrThrow({ where: { id: child.id } })
    expect(['MALE', 'FEMALE']).toContain(recorded.sex) // Haven's other records keep the child's sex
    const lead = (await loadActor(
      prisma,
      (await prisma.user.findFirstOrThrow({ where: { email: 'missing.lead@demo.haven.test' } })).id,
    ))!
    const result = await ssda903Return(lead, { year: thisYear(), authorityId: 'demo-la-north' })
    const key = recorded.authorityRef ?? recorded.id
    expect(result.tables.header.find((h) => h.CHILD === key)?.SEX).toBe('U')
    expect(result.failures.filter((f) => f.rule === '101')).toEqual([])
    // back to the recorded sex: M or F again
    await call('PUT', child.id, { ...before, returnSex: null })
    const again = await ssda903Return(lead, { year: thisYear(), authorityId: 'demo-la-north' })
    expect(again.tables.header.find((h) => h.CHILD === key)?.SEX).toBe(recorded.sex === 'MALE' ? 'M' : 'F')
  })
})
