// Oversight of a home on a real database: the register with what Haven knows, a visit turning the month from red to
// green, actions and responses, the visitor's narrow checklist, report files checked by their bytes, and the
// scheduled flag for a month without a visit (once per home and month).
import { strToU8, zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '@/lib/server/database'
import { NotFoundError, ValidationError } from '@/lib/server/errors'
import { flagMissedVisits } from '@/lib/server/oversight/flags'
import { getOversightMonth, oversightOverview } from '@/lib/server/oversight/month'
import { endAppointment, getIndependentPerson, registerIndependentPerson } from '@/lib/server/oversight/register'
import { recordLocationShare, recordReg45, recordReg46 } from '@/lib/server/oversight/reviews'
import { visitorChecklist } from '@/lib/server/oversight/checklist'
import { addAction, respondToAction } from '@/lib/server/oversight/visit-actions'
import { amendVisit } from '@/lib/server/oversight/visit-amendments'
import { addReportVersion, getReportFile, recordReportEvent } from '@/lib/server/oversight/visit-reports'
import { getVisit, recordVisit, visitFormContext } from '@/lib/server/oversight/visits'
import {
  actionSchema,
  endAppointmentSchema,
  independentPersonSchema,
  locationShareSchema,
  reg45Schema,
  reg46Schema,
  reportEventSchema,
  responseSchema,
  visitSchema,
} from '@/lib/validation/oversight'
import { createPlanVersion, recordScreening, signOffPlan } from '@/lib/server/cse'
import { planSchema, screeningSchema } from '@/lib/validation/cse'
import { freshDatabase } from '../support/database'
import { pdf } from '../support/documents'
import { makeChild, makeEpisode, makePerson, makeWorld, type World } from '../support/fixtures'

let world: World
const now = new Date('2025-08-15T11:00:00Z')
const declared = {
  notPaidStaff: true,
  notCarePlanning: true,
  notCommissionerOrFunder: true,
  noFinancialInterest: true,
  notResponsibleIndividual: true,
  noConnection: true,
}
const person = (over: Record<string, unknown> = {}) =>
  independentPersonSchema.parse({
    name: 'Helen Brandt',
    organisation: 'Independent Visits Ltd',
    appointedBy: 'The provider’s board',
    appointedOn: '2025-01-05',
    ...declared,
    ...over,
  })
const visit = (independentPersonId: string, over: Record<string, unknown> = {}) =>
  visitSchema.parse({
    independentPersonId,
    visitedOn: '2025-07-14',
    announced: 'no',
    spokeWithChildren: 3,
    spokeWithParents: 1,
    spokeWithStaff: 4,
    checkedMissingLog: true,
    checkedReturnInterviews: true,
    checkedSafetyPlans: true,
    safeguardingOpinion: 'Children are effectively safeguarded',
    wellbeingOpinion: 'The home promotes their well-being',
    ...over,
  })
const PDF = pdf()

beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
  const prisma = await getPrisma()
  // the homes existed long before the months looked at
  await prisma.home.updateMany({ data: { createdAt: new Date('2024-01-01') } })
})

describe('oversight', () => {
  it('works out independence from the declaration and from what Haven knows, never from a tick box', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Reg Manager')
    const staff = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeB.id }], 'Provider Staff')
    const clear = await registerIndependentPerson(manager, world.homeA.id, person(), now)
    expect(clear).toMatchObject({ independent: true, reasons: [] })
    const employed = await registerIndependentPerson(
      manager,
      world.homeA.id,
      person({ name: 'Gary Fox', email: staff.email }),
      now,
    )
    expect(employed.independent).toBe(false)
    expect(employed.reasons[0]).toMatch(/staff role for the provider at Birch Lodge/)
    const iro = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Child Iro')
    await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id, iroId: iro.userId })
    expect(
      (await registerIndependentPerson(manager, world.homeA.id, person({ name: 'An Iro', email: iro.email }), now))
        .reasons[0],
    ).toMatch(/IRO of .*involved in care planning/)
    await expect(
      registerIndependentPerson(manager, world.homeA.id, person({ noConnection: false }), now),
    ).rejects.toMatchObject({ fieldErrors: { connectionDetails: expect.any(String) } })
    await expect(registerIndependentPerson(manager, world.homeB.id, person(), now)).rejects.toBeInstanceOf(
      NotFoundError,
    )
  })

  it('turns a finished month without a visit from red to green once an independent visit is recorded and its report sent', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeC.id }], 'Cedar Manager')
    const child = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laOne.id, firstName: 'Ellie' })
    const reporter = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeC.id }], 'Cedar Worker')
    await makeEpisode(child.id, {
      reportedById: reporter.userId,
      lastSeenAt: '2025-07-03T20:00:00Z',
      returnedAt: '2025-07-04T02:00:00Z',
    })
    await recordReg45(
      manager,
      world.homeC.id,
      reg45Schema.parse({
        completedOn: '2025-05-01',
        viewsChildren: true,
        viewsStaff: true,
        report: 'Care is good',
        sentToOfstedOn: '2025-05-20',
      }),
      now,
    )
    await recordReg46(
      manager,
      world.homeC.id,
      reg46Schema.parse({
        assessedOn: '2025-03-01',
        policeForce: 'Northshire Police',
        policeOfficer: 'PC Lin',
        consultedOn: '2025-02-20',
        hotSpots: 'None known',
        actions: 'Review in a year',
      }),
      now,
    )
    await recordLocationShare(
      manager,
      world.homeC.id,
      locationShareSchema.parse({ sharedOn: '2025-03-01', sharedWith: 'Northshire Police missing persons unit' }),
      now,
    )

    const before = await getOversightMonth(manager, world.homeC.id, '2025-07', now)
    expect(
      await (
        await getPrisma()
      ).auditEvent.count({ where: { actorId: manager.userId, action: 'oversight.read', subjectId: world.homeC.id } }),
    ).toBe(1)
    expect(before.level).toBe('red')
    expect(before.checks.find((c) => c.code === 'visit')).toMatchObject({
      level: 'red',
      reason: expect.stringContaining('No Regulation 44 visit'),
    })
    expect(before.figures.episodes.thisMonth).toBe(1)
    const monthRead = await (
      await getPrisma()
    ).auditEvent.findFirstOrThrow({ where: { actorId: manager.userId, action: 'oversight.read' } })
    expect(monthRead.childIds).toContain(child.id)

    const { id: personId } = await registerIndependentPerson(manager, world.homeC.id, person(), now)
    const recorded = await recordVisit(
      manager,
      world.homeC.id,
      visit(personId, {
        reportText: 'Visited; spoke with three children.',
        reportReceivedOn: '2025-07-20',
        sentToOfstedOn: '2025-07-21',
        sentToPlacing: [{ authorityId: world.laOne.id, sentOn: '2025-07-21' }],
        recommendations: [{ recommendation: 'Fix the fire door', owner: 'Manager', dueOn: '2025-09-01' }],
      }),
      null,
      now,
    )
    expect(recorded.independent).toBe(true)
    const after = await getOversightMonth(manager, world.homeC.id, '2025-07', now)
    expect(after.checks.map((c) => [c.code, c.level])).toEqual([
      ['visit', 'green'],
      ['independence', 'green'],
      ['report', 'green'],
      ['actions', 'green'],
      ['reg45', 'green'],
      ['reg46', 'green'],
    ])
    expect(after.level).toBe('green')

    // an action past its due date with no completed response makes later months red; a completed response clears it
    const v = await getVisit(manager, recorded.id)
    expect(v.actions).toHaveLength(1)
    const later = new Date('2025-09-10T10:00:00Z')
    expect(
      (await getOversightMonth(manager, world.homeC.id, '2025-09', later)).checks.find((c) => c.code === 'actions')
        ?.level,
    ).toBe('red')
    await respondToAction(
      manager,
      v.actions[0].id,
      responseSchema.parse({ text: 'Being quoted for', completed: 'no', respondedOn: '2025-08-10' }),
      now,
    )
    await respondToAction(
      manager,
      v.actions[0].id,
      responseSchema.parse({ text: 'Door replaced', completed: 'yes', respondedOn: '2025-08-14' }),
      now,
    )
    await expect(
      respondToAction(
        manager,
        v.actions[0].id,
        responseSchema.parse({ text: 'Again', completed: 'yes', respondedOn: '2025-08-14' }),
        now,
      ),
    ).rejects.toBeInstanceOf(ValidationError)
    expect(
      (await getOversightMonth(manager, world.homeC.id, '2025-09', later)).checks.find((c) => c.code === 'actions')
        ?.level,
    ).toBe('green')
    expect((await getVisit(manager, recorded.id)).actions[0].responses.map((r) => r.text)).toEqual([
      'Being quoted for',
      'Door replaced',
    ])
  })

  it('keeps a non-independent visit red, and checks each date and placing authority given', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeB.id }], 'Birch Manager')
    await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laTwo.id })
    const { id } = await registerIndependentPerson(manager, world.homeB.id, person({ notPaidStaff: false }), now)
    await recordVisit(manager, world.homeB.id, visit(id), null, now)
    const month = await getOversightMonth(manager, world.homeB.id, '2025-07', now)
    expect(month.checks.find((c) => c.code === 'independence')).toMatchObject({
      level: 'red',
      reason: expect.stringContaining('employed by the provider'),
    })
    await expect(
      recordVisit(manager, world.homeB.id, visit(id, { visitedOn: '2025-09-01' }), null, now),
    ).rejects.toMatchObject({ fieldErrors: { visitedOn: 'The visit cannot be in the future' } })
    await expect(
      recordVisit(
        manager,
        world.homeB.id,
        visit(id, { reportText: 'Report', reportReceivedOn: '2025-07-01' }),
        null,
        now,
      ),
    ).rejects.toMatchObject({ fieldErrors: { reportReceivedOn: 'This date cannot be before the visit' } })
    await expect(
      recordVisit(manager, world.homeB.id, visit(id, { sentToOfstedOn: '2025-07-20' }), null, now),
    ).rejects.toMatchObject({ fieldErrors: { reportText: expect.stringContaining('received before it is sent') } })
    await expect(
      recordVisit(
        manager,
        world.homeB.id,
        visit(id, {
          reportText: 'R',
          reportReceivedOn: '2025-07-15',
          sentToPlacing: [{ authorityId: world.laOne.id, sentOn: '2025-07-16' }],
        }),
        null,
        now,
      ),
    ).rejects.toMatchObject({ fieldErrors: { 'sentToPlacing.0.authorityId': expect.any(String) } })
    await expect(recordVisit(manager, world.homeB.id, visit('no-such-person'), null, now)).rejects.toMatchObject({
      fieldErrors: { independentPersonId: expect.any(String) },
    })
  })

  it('lets a visitor record only their own visits, with a report file checked by its bytes, and read only first names and facts', async () => {
    const visitor = await makePerson([{ role: 'INDEPENDENT_VISITOR', homeId: world.homeA.id }], 'Visiting Person')
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Willow Manager')
    const own = await registerIndependentPerson(
      manager,
      world.homeA.id,
      person({ name: 'Visiting Person', email: visitor.email }),
      now,
    )
    const other = await registerIndependentPerson(manager, world.homeA.id, person({ name: 'Someone Else' }), now)
    await expect(recordVisit(visitor, world.homeA.id, visit(other.id), null, now)).rejects.toMatchObject({
      fieldErrors: { independentPersonId: 'You can record only your own visits' },
    })
    await expect(
      recordVisit(
        visitor,
        world.homeA.id,
        visit(own.id, { reportReceivedOn: '2025-07-15' }),
        { bytes: new TextEncoder().encode('MZ not a pdf'), fileName: 'report.exe' },
        now,
      ),
    ).rejects.toMatchObject({ fieldErrors: { reportFile: 'The report must be a PDF or a Word (DOCX) document' } })
    const v = await recordVisit(
      visitor,
      world.homeA.id,
      visit(own.id, { reportReceivedOn: '2025-07-15' }),
      { bytes: PDF, fileName: 'july.pdf' },
      now,
    )
    const seen = await getVisit(visitor, v.id)
    expect(seen.reports[0]).toMatchObject({
      fileName: 'reg44-report-2025-07-14-v1.pdf',
      contentType: 'application/pdf',
    })
    expect(await getReportFile(visitor, v.id, seen.reports[0].id)).toMatchObject({
      fileName: 'reg44-report-2025-07-14-v1.pdf',
      contentType: 'application/pdf',
      bytes: expect.objectContaining({ length: PDF.length }),
    })
    await addReportVersion(
      visitor,
      v.id,
      { reportText: 'Corrected: four children spoken with', reportReceivedOn: '2025-07-16' },
      null,
      new Date(now.getTime() + 60_000),
    )
    expect((await getVisit(manager, v.id)).reports.map((r) => r.text)).toEqual([
      'Corrected: four children spoken with',
      null,
    ])
    // the visitor sends the copies of their own report (Reg 44(7)), not of another's; they do not read the month view
    await recordReportEvent(visitor, v.id, reportEventSchema.parse({ kind: 'OFSTED', on: '2025-07-20' }), now)
    const othersVisit = await recordVisit(manager, world.homeA.id, visit(other.id), null, now)
    await expect(
      recordReportEvent(visitor, othersVisit.id, reportEventSchema.parse({ kind: 'OFSTED', on: '2025-07-20' }), now),
    ).rejects.toBeInstanceOf(NotFoundError)
    await expect(
      amendVisit(visitor, othersVisit.id, { field: 'consentNote', value: 'x', reason: 'y', version: 1 }, now),
    ).rejects.toBeInstanceOf(NotFoundError)
    await expect(getOversightMonth(visitor, world.homeA.id, '2025-07', now)).rejects.toBeInstanceOf(NotFoundError)
    await addAction(
      manager,
      v.id,
      actionSchema.parse({
        recommendation: 'Refresh missing-from-care training',
        owner: 'Deputy manager',
        dueOn: '2025-08-30',
      }),
      now,
    )

    const reporter = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Willow Worker')
    const child = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id, firstName: 'Aaliyah' })
    await makeEpisode(child.id, {
      reportedById: reporter.userId,
      lastSeenAt: '2025-07-08T21:00:00Z',
      returnedAt: '2025-07-09T03:00:00Z',
    })
    const checklist = await visitorChecklist(visitor, world.homeA.id, '2025-07', now)
    const aaliyah = checklist.children.find((c) => c.name === 'Aaliyah T.')!
    expect(aaliyah.episodes).toHaveLength(1)
    expect(JSON.stringify(checklist)).not.toMatch(/"lastName"|dateOfBirth|"Test"/)
    // the read names several children: the audit says which
    const checklistRead = await (
      await getPrisma()
    ).auditEvent.findFirstOrThrow({
      where: { actorId: visitor.userId, action: 'visitor.checklist' },
      orderBy: { seq: 'desc' },
    })
    expect(checklistRead.childIds).toContain(child.id)
    await expect(visitorChecklist(visitor, world.homeB.id, '2025-07', now)).rejects.toBeInstanceOf(NotFoundError)

    // every read and write above is in the audit trail, as the person who did it
    const audited = await (
      await getPrisma()
    ).auditEvent.findMany({
      where: { actorId: { in: [visitor.userId, manager.userId] } },
      select: { actorId: true, action: true, subjectId: true },
    })
    const did = (who: string, action: string) => audited.filter((a) => a.actorId === who && a.action === action).length
    expect(did(visitor.userId, 'reg44.record')).toBe(1)
    expect(did(visitor.userId, 'reg44.read')).toBeGreaterThanOrEqual(1)
    expect(did(visitor.userId, 'reg44.report-file')).toBe(1)
    expect(did(visitor.userId, 'reg44.report')).toBe(1)
    expect(did(visitor.userId, 'reg44.report-event')).toBe(1)
    expect(did(visitor.userId, 'visitor.checklist')).toBe(1)
    expect(did(manager.userId, 'oversight.register')).toBe(2)
    expect(did(manager.userId, 'oversight.action')).toBe(1)
  })

  it("refuses each report file that would run or fetch something when opened, naming the field; keeps none of the uploader's names", async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Files Manager')
    const own = await registerIndependentPerson(manager, world.homeA.id, person({ name: 'Files Visitor' }), now)
    const v = await recordVisit(manager, world.homeA.id, visit(own.id), null, now)
    const version = (bytes: Uint8Array, fileName: string, at = now) =>
      addReportVersion(manager, v.id, { reportText: null, reportReceivedOn: '2025-07-16' }, { bytes, fileName }, at)
    const refused = async (bytes: Uint8Array, fileName: string) =>
      ((await version(bytes, fileName).catch((e) => e)) as { fieldErrors: Record<string, string> }).fieldErrors
    const u8 = (text: string) => strToU8(text, true)
    const types = { '[Content_Types].xml': u8('<Types/>') }
    expect(await refused(u8('<html><script>alert(1)</script></html>'), 'Ofsted-report.pdf.hta')).toEqual({
      reportFile: 'The report must be a PDF or a Word (DOCX) document',
    })
    expect(
      await refused(zipSync({ 'evil.html': u8('<script>alert(1)</script> word/document.xml') }), 'report.docx'),
    ).toEqual({
      reportFile:
        'The report must be a PDF or a Word (DOCX) document: this file is a zip without a Word document in it',
    })
    const bomb = zipSync(
      { ...types, 'word/document.xml': u8('<w:document/>'), 'word/media/big.bin': new Uint8Array(60_000_000) },
      { level: 1 },
    )
    expect(await refused(bomb, 'report.docx')).toEqual({ reportFile: expect.stringContaining('zip bomb') })
    const xxe = zipSync({
      ...types,
      'word/document.xml': u8(
        '<!DOCTYPE d [<!ENTITY e SYSTEM "http://attacker.example/">]><w:document>&e;</w:document>',
      ),
    })
    expect(await refused(xxe, 'report.docx')).toEqual({
      reportFile: expect.stringContaining('DOCTYPE or entity declaration'),
    })
    expect(await refused(pdf('/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>'), 'report.pdf')).toEqual({
      reportFile: expect.stringContaining('JavaScript'),
    })
    expect((await getVisit(manager, v.id)).reports).toEqual([]) // nothing half-written

    await version(zipSync({ ...types, 'word/document.xml': u8('<w:document/>') }), 'report.html')
    await version(pdf(), 'x.hta', new Date(now.getTime() + 60_000))
    const reports = (await getVisit(manager, v.id)).reports
    expect(reports.map((r) => r.fileName)).toEqual([
      'reg44-report-2025-07-14-v2.pdf',
      'reg44-report-2025-07-14-v1.docx',
    ])
    expect(await getReportFile(manager, v.id, reports[0].id)).toMatchObject({
      fileName: 'reg44-report-2025-07-14-v2.pdf',
      contentType: 'application/pdf',
    })
    expect(await getReportFile(manager, v.id, reports[1].id)).toMatchObject({
      fileName: 'reg44-report-2025-07-14-v1.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    })
    // a file kept under the uploader's name before these checks is served under Haven's name, or not at all
    const prisma = await getPrisma()
    const old = await prisma.reg44Report.create({
      data: {
        visitId: v.id,
        text: null,
        bytes: u8('%PDF-1.4 <script>alert(1)</script>'),
        fileName: 'report.html',
        contentType: 'application/pdf',
        sizeBytes: 40,
        receivedOn: new Date('2025-07-16'),
        createdAt: new Date(now.getTime() + 120_000),
        createdById: manager.userId,
      },
    })
    await expect(getReportFile(manager, v.id, old.id)).rejects.toMatchObject({
      fieldErrors: { reportFile: expect.stringContaining('Ask the visitor for the report again') },
    })
  })

  it('corrects a visit with an entry that keeps the original value, who, when and why, and refuses a stale or impossible correction', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeB.id }], 'Correcting Manager')
    const { id: personId } = await registerIndependentPerson(
      manager,
      world.homeB.id,
      person({ name: 'Correct Visitor' }),
      now,
    )
    const { id } = await recordVisit(
      manager,
      world.homeB.id,
      visit(personId, { visitedOn: '2025-07-20', reportText: 'Report', reportReceivedOn: '2025-07-22' }),
      null,
      now,
    )
    await amendVisit(
      manager,
      id,
      {
        field: 'spokeWithChildren',
        value: '5',
        reason: 'Two more children spoke with her after the meeting',
        version: 1,
      },
      now,
    )
    await expect(
      amendVisit(manager, id, { field: 'spokeWithStaff', value: '2', reason: 'Typed wrongly', version: 1 }, now),
    ).rejects.toMatchObject({ fieldErrors: { form: expect.stringContaining('Someone else corrected this visit') } })
    await expect(
      amendVisit(manager, id, { field: 'visitedOn', value: '2025-07-25', reason: 'Wrong day', version: 2 }, now),
    ).rejects.toMatchObject({ fieldErrors: { value: expect.stringContaining('a visit cannot come after them') } })
    await expect(
      amendVisit(manager, id, { field: 'announced', value: 'perhaps', reason: 'Unsure', version: 2 }, now),
    ).rejects.toMatchObject({ fieldErrors: { value: 'Choose yes or no' } })
    await amendVisit(
      manager,
      id,
      { field: 'visitedOn', value: '2025-07-18', reason: 'The visit was on the Friday', version: 2 },
      now,
    )
    const v = await getVisit(manager, id)
    expect(v).toMatchObject({ visitedOn: '2025-07-18', spokeWithChildren: 5, version: 3 })
    expect(v.amendments.map((a) => [a.field, a.previousValue, a.newValue])).toEqual([
      ['spokeWithChildren', 3, 5],
      ['visitedOn', '2025-07-20', '2025-07-18'],
    ])
    const visitor = await makePerson([{ role: 'INDEPENDENT_VISITOR', homeId: world.homeB.id }], 'Not Their Visit')
    await expect(
      amendVisit(visitor, id, { field: 'consentNote', value: 'x', reason: 'y', version: 3 }, now),
    ).rejects.toBeInstanceOf(NotFoundError)
  })

  it('shows the responsible individual every home of the provider, and the LA missing lead the homes it hosts', async () => {
    const ri = await makePerson([{ role: 'RESPONSIBLE_INDIVIDUAL', providerId: world.providerOne.id }], 'The Ri')
    const lead = await makePerson([{ role: 'LA_MISSING_LEAD', localAuthorityId: world.laTwo.id }], 'The Lead')
    const riView = (await oversightOverview(ri, 3, now))!
    expect(riView.rows.map((r) => r.home.name)).toEqual(['Birch Lodge', 'Willow House'])
    expect(riView.months).toEqual(['2025-08', '2025-07', '2025-06'])
    expect(riView.rows[0].months[0].checks[0]).toMatchObject({ level: 'amber' }) // August is still running
    expect((await oversightOverview(lead, 3, now))!.rows.map((r) => r.home.name)).toEqual([
      'Birch Lodge',
      'Cedar Court',
    ])
  })

  it('flags a month that ended without a visit once, and tells the registered manager and responsible individual', async () => {
    const prisma = await getPrisma()
    const ri = await makePerson([{ role: 'RESPONSIBLE_INDIVIDUAL', providerId: world.providerOne.id }], 'Flag Ri')
    const inSeptember = new Date('2025-09-02T08:00:00Z') // August ended: no home has an August visit
    expect(await flagMissedVisits(inSeptember)).toBe(3)
    expect(await flagMissedVisits(inSeptember)).toBe(0)
    const told = await prisma.notification.findMany({
      where: { kind: 'oversight.reg44-missed', recipientId: ri.userId },
    })
    expect(told.map((n) => n.title).sort()).toEqual(
      ['Birch Lodge', 'Willow House'].map(
        (home) =>
          `No Regulation 44 visit at ${home} in August 2025: Regulation 44 asks for one at least once each month`,
      ),
    )
    for (const n of told)
      expect(n).toMatchObject({
        subject: 'Haven: something needs your attention',
        body: 'Something needs your attention in Haven.',
      })
    expect(told[0].link).toMatch(/\/homes\/.+\/oversight\?month=2025-08/)
  })

  it('flags a month whose only visit was by someone not independent, and judges the month in UK time', async () => {
    const prisma = await getPrisma()
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeB.id }], 'Birch Manager Two')
    const { id } = await registerIndependentPerson(
      manager,
      world.homeB.id,
      person({ name: 'Gareth Lowe', notPaidStaff: false }),
      now,
    )
    await recordVisit(manager, world.homeB.id, visit(id, { visitedOn: '2025-06-10' }), null, now)
    // 23:30 UTC on 30 June is 00:30 on 1 July in London: June has just ended, and Birch Lodge's only June visit
    // was by someone the provider employs
    expect(await flagMissedVisits(new Date('2025-06-30T23:30:00Z'))).toBe(3)
    const flagged = await prisma.oversightFlag.findMany({
      where: { month: '2025-06' },
      select: { home: { select: { name: true } } },
    })
    expect(flagged.map((f) => f.home.name).sort()).toEqual(['Birch Lodge', 'Cedar Court', 'Willow House'])
  })

  it('completes an action once when two managers complete it at the same moment', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeC.id }], 'Cedar Manager')
    const deputy = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeC.id }], 'Cedar Deputy')
    const { id: personId } = await registerIndependentPerson(manager, world.homeC.id, person({ name: 'Ann Cole' }), now)
    const { id } = await recordVisit(
      manager,
      world.homeC.id,
      visit(personId, {
        recommendations: [{ recommendation: 'Review the night rota', owner: 'Manager', dueOn: '2025-09-01' }],
      }),
      null,
      now,
    )
    const actionId = (await getVisit(manager, id)).actions[0].id
    const done = (who: typeof manager) =>
      respondToAction(
        who,
        actionId,
        responseSchema.parse({ text: 'Rota reviewed', completed: 'yes', respondedOn: '2025-08-14' }),
        now,
      )
    const results = await Promise.allSettled([done(manager), done(deputy)])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(await (await getPrisma()).oversightActionResponse.count({ where: { actionId, completed: true } })).toBe(1)
  })

  it('shows the visitor a past month’s CSE risks as they stood at its end, not as they are today', async () => {
    const visitor = await makePerson([{ role: 'INDEPENDENT_VISITOR', homeId: world.homeC.id }], 'Cedar Visitor')
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeC.id }], 'Cedar Plan Manager')
    const atRisk = screeningSchema.parse({ level: 'AT_RISK', indicators: [{ code: 'CARS', when: 'CURRENT' }] })
    const plan = planSchema.parse({
      actions: [{ who: 'Key worker', what: 'Evening check-in' }],
      ifMissingPlaces: 'The park',
      ifMissingPeople: 'Her aunt',
      childAgrees: 'PARTLY',
      childsWords: 'I will ring Jordan',
      policeInvolved: 'no',
      reviewDate: '2099-01-01',
      basedOnVersion: 0,
    })
    // screened in July, plan signed off in August: July had a child at risk without a plan
    const july = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laOne.id, firstName: 'Juno' })
    await recordScreening(manager, july.id, atRisk, new Date('2025-07-10T10:00:00Z'))
    const { id: planId } = await createPlanVersion(manager, july.id, plan, new Date('2025-08-04T10:00:00Z'))
    await signOffPlan(manager, planId, new Date('2025-08-05T10:00:00Z'))
    // first screened in August: nothing to flag for July
    const august = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laOne.id, firstName: 'Augusta' })
    await recordScreening(manager, august.id, atRisk, new Date('2025-08-06T10:00:00Z'))

    const inJuly = await visitorChecklist(visitor, world.homeC.id, '2025-07', now)
    expect(inJuly.cseAsOf).toBe('2025-07-31')
    expect(inJuly.children.find((c) => c.name === 'Juno T.')!.cse).toEqual([
      expect.stringMatching(/no signed-off safety plan: it was due by 2025-07-17/),
    ])
    expect(inJuly.children.find((c) => c.name === 'Augusta T.')!.cse).toEqual([])
    const inAugust = await visitorChecklist(visitor, world.homeC.id, '2025-08', now)
    expect(inAugust.cseAsOf).toBe('2025-08-15')
    expect(inAugust.children.find((c) => c.name === 'Juno T.')!.cse).toEqual([])
    expect(inAugust.children.find((c) => c.name === 'Augusta T.')!.cse).toEqual([
      expect.stringMatching(/no signed-off safety plan: it was due by 2025-08-13/),
    ])
  })

  it('ends an appointment once, keeps the entry and its visits, and refuses visits after the end', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeC.id }], 'Cedar Register Manager')
    const { id } = await registerIndependentPerson(
      manager,
      world.homeC.id,
      person({ name: 'Leaving Visitor', appointedOn: '2025-03-01' }),
      now,
    )
    await recordVisit(manager, world.homeC.id, visit(id, { visitedOn: '2025-06-12' }), null, now)
    const end = (over: Record<string, unknown>) =>
      endAppointmentSchema.parse({ endedOn: '2025-07-31', reason: 'Resigned', ...over })
    expect(() => endAppointmentSchema.parse({ endedOn: '2025-07-31', reason: ' ' })).toThrow(
      /why the appointment ended/,
    )
    await expect(endAppointment(manager, id, end({ endedOn: '2025-08-16' }), now)).rejects.toMatchObject({
      fieldErrors: { endedOn: 'The end date cannot be in the future' },
    })
    await expect(endAppointment(manager, id, end({ endedOn: '2025-06-01' }), now)).rejects.toMatchObject({
      fieldErrors: { endedOn: 'Leaving Visitor visited on 12 Jun 2025: the end cannot be before their last visit' },
    })
    const elsewhere = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Willow Other Manager')
    // another home's register and no register at all: "not found" in the same words
    const outOfScope = await endAppointment(elsewhere, id, end({}), now).catch((e) => e)
    expect(outOfScope).toBeInstanceOf(NotFoundError)
    expect((await endAppointment(manager, 'no-such-person', end({}), now).catch((e) => e)).message).toBe(
      outOfScope.message,
    )
    expect((await getIndependentPerson(elsewhere, id, now).catch((e) => e)).message).toBe(outOfScope.message)
    expect((await getIndependentPerson(manager, 'no-such-person', now).catch((e) => e)).message).toBe(
      outOfScope.message,
    )
    expect((await getIndependentPerson(manager, id, now)).person.name).toBe('Leaving Visitor')

    await endAppointment(manager, id, end({}), now)
    await expect(endAppointment(manager, id, end({ reason: 'Again' }), now)).rejects.toMatchObject({
      fieldErrors: { form: "Leaving Visitor's appointment has already been ended." },
    })
    await expect(
      recordVisit(manager, world.homeC.id, visit(id, { visitedOn: '2025-08-04' }), null, now),
    ).rejects.toMatchObject({
      fieldErrors: {
        visitedOn: "Leaving Visitor's appointment ended on 31 Jul 2025: a visit after that cannot be theirs",
      },
    })
    // a visit in the appointment, recorded late, still can be
    await recordVisit(manager, world.homeC.id, visit(id, { visitedOn: '2025-07-20' }), null, now)
    const month = await getOversightMonth(manager, world.homeC.id, '2025-07', now)
    expect(month.people.find((p) => p.id === id)).toMatchObject({ endedOn: '2025-07-31', endReason: 'Resigned' })
    expect(month.visits.map((v) => v.visitor)).toContain('Leaving Visitor')
    // offered on the visit form for two months after the end, then no longer
    expect((await visitFormContext(manager, world.homeC.id, now)).people.map((p) => p.name)).toContain(
      'Leaving Visitor',
    )
    expect(
      (await visitFormContext(manager, world.homeC.id, new Date('2025-10-15T10:00:00Z'))).people.map((p) => p.name),
    ).not.toContain('Leaving Visitor')
    const audited = await (
      await getPrisma()
    ).auditEvent.count({ where: { actorId: manager.userId, action: 'oversight.register-end' } })
    expect(audited).toBe(1)
  })

  it('refuses a visit before the person was appointed, and a month not started yet', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeC.id }], 'Cedar Manager Two')
    const { id: personId } = await registerIndependentPerson(
      manager,
      world.homeC.id,
      person({ name: 'Late Appointee', appointedOn: '2025-07-20' }),
      now,
    )
    await expect(
      recordVisit(manager, world.homeC.id, visit(personId, { visitedOn: '2025-07-14' }), null, now),
    ).rejects.toMatchObject({
      fieldErrors: { visitedOn: 'Late Appointee was appointed on 20 Jul 2025: a visit before that cannot be theirs' },
    })
    await expect(getOversightMonth(manager, world.homeC.id, '2025-09', now)).rejects.toMatchObject({
      fieldErrors: { month: expect.stringContaining('has not started yet') },
    })
  })
})
