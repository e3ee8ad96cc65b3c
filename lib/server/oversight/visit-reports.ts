// A Regulation 44 visit's report, in versions (written here or a file Haven checked and named), and when it was
// sent and to whom (reg 44(7)).
import { checkDocument, reportFileName } from '@/lib/domain/documents'
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, isoDate, londonDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { ReportEventInput, ReportVersionInput } from '@/lib/validation/oversight'
import { throwIfProblems, ValidationError } from '../errors'
import { orNotFound, useCase } from '../use-case'
import { datesProblems, placingAuthorityIds } from './home'
import { visitFor, ownVisitFor } from './visit-access'

// the uploader's file name is not kept: Haven names the file (reportFileName), so no name of theirs decides how it
// opens
export type ReportFile = { bytes: Uint8Array; fileName: string } | null

export function checkFile(file: ReportFile) {
  if (!file) return null
  const checked = checkDocument(file.bytes, settings.oversight.maxReportBytes)
  if (!checked.ok) throw new ValidationError({ reportFile: checked.problem })
  return { bytes: Buffer.from(file.bytes), contentType: checked.type, sizeBytes: file.bytes.length }
}

/** The file's columns of the visit's `version`th report. */
export const fileColumns = (document: ReturnType<typeof checkFile>, visitedOn: string, version: number) =>
  document ? { ...document, fileName: reportFileName(visitedOn, version, document.contentType) } : {}

/** A later version of the report (written here or a file): the earlier stays readable. */
export async function addReportVersion(
  actor: Actor,
  visitId: string,
  input: ReportVersionInput,
  file: ReportFile = null,
  now = new Date(),
) {
  const document = checkFile(file)
  if (!input.reportText && !document) throw new ValidationError({ reportText: 'Write the report or attach the file' })
  return useCase(actor, 'reg44.record', { subject: 'visit', now }, async (uc) => {
    const { tx, audit } = uc
    const visit = await ownVisitFor(uc, visitId)
    throwIfProblems(
      datesProblems(isoDate(visit.visitedOn), londonDate(now), { reportReceivedOn: input.reportReceivedOn }),
    )
    const version = (await tx.reg44Report.count({ where: { visitId } })) + 1
    const report = await tx.reg44Report.create({
      data: {
        visitId,
        text: input.reportText,
        ...fileColumns(document, isoDate(visit.visitedOn), version),
        receivedOn: calendarDate(input.reportReceivedOn),
        createdAt: now,
        createdById: actor.userId,
      },
    })
    await audit({
      action: 'reg44.report',
      subjectType: 'visit',
      subjectId: visitId,
      details: { reportId: report.id, file: Boolean(document) },
    })
    return { id: report.id }
  })
}

/** An uploaded report file, for those who read the visit, under the name Haven gives it. A file stored before the
 *  checks were as thorough is checked again, and not handed out if it fails them. */
export async function getReportFile(actor: Actor, visitId: string, reportId: string) {
  return useCase(actor, 'reg44.read', { subject: 'visit' }, async (uc) => {
    const { tx, audit } = uc
    const visit = await visitFor(uc, visitId)
    const versions = await tx.reg44Report.findMany({
      where: { visitId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true },
    })
    const report = await tx.reg44Report
      .findFirst({ where: { id: reportId, visitId, bytes: { not: null } }, select: { bytes: true } })
      .then(orNotFound('report'))
    const checked = checkDocument(report.bytes!, Infinity)
    if (!checked.ok)
      throw new ValidationError({
        reportFile: `This file was kept before Haven checked report files as closely, and it does not pass now (${checked.problem}). Ask the visitor for the report again.`,
      })
    await audit({ action: 'reg44.report-file', subjectType: 'visit', subjectId: visitId, details: { reportId } })
    const version = versions.findIndex((v) => v.id === reportId) + 1
    return {
      bytes: report.bytes!,
      contentType: checked.type,
      fileName: reportFileName(isoDate(visit.visitedOn), version, checked.type),
    }
  })
}

/** When the report went to Ofsted, a placing authority or the host authority (or the host asked): an event. The
 * independent person provides the copies (Reg 44(7)); the registered person may record them too. */
export async function recordReportEvent(actor: Actor, visitId: string, input: ReportEventInput, now = new Date()) {
  return useCase(actor, 'reg44.record', { subject: 'visit', now }, async (uc) => {
    const { tx, audit } = uc
    const visit = await ownVisitFor(uc, visitId)
    const visitedOn = isoDate(visit.visitedOn)
    throwIfProblems(datesProblems(visitedOn, londonDate(now), { on: input.on }))
    if (input.kind !== 'HOST_REQUESTED' && !(await tx.reg44Report.count({ where: { visitId } })))
      throw new ValidationError({ kind: 'Add the report before recording that it was sent' })
    let authorityId: string | null = null
    if (input.kind === 'PLACING_AUTHORITY') {
      if (!(await placingAuthorityIds(tx, visit.homeId, visitedOn)).includes(input.authorityId!))
        throw new ValidationError({
          authorityId: 'That authority had no child placed at the home on the day of the visit',
        })
      authorityId = input.authorityId
    } else if (input.kind !== 'OFSTED') authorityId = visit.home.hostAuthorityId
    const event = await tx.reg44ReportEvent.create({
      data: {
        visitId,
        kind: input.kind,
        authorityId,
        on: calendarDate(input.on),
        createdAt: now,
        createdById: actor.userId,
      },
    })
    await audit({
      action: 'reg44.report-event',
      subjectType: 'visit',
      subjectId: visitId,
      details: { eventId: event.id, kind: input.kind },
    })
    return { id: event.id }
  })
}
