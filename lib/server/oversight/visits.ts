// Regulation 44 visits (Children's Homes (England) Regulations 2015 reg 44; report recommendation 4): the visit and
// what it found. Its report files are in visit-reports.ts, corrections in visit-amendments.ts, the recommendations'
// actions in visit-actions.ts. An independent visitor records only their own visits; the registered person records
// any visit of their home. Nothing is edited in place: later rows supersede.
import { actionOverdue, VISIT_AMENDABLE, type MonthFacts } from '@/lib/domain/oversight'
import { independence } from '@/lib/domain/independent-person'
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, formatDate, isoDate, londonDate, shiftDate } from '@/lib/domain/time'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { VisitInput } from '@/lib/validation/oversight'
import { throwIfProblems, ValidationError } from '../errors'
import { orNotFound, useCase } from '../use-case'
import { datesProblems, homePlacements, homeSelect, managesHome, placingAuthorityIds, placingOf } from './home'
import { declarationOf, knownRoles, peopleWithIndependence } from './register'
import { checkFile, fileColumns, type ReportFile } from './visit-reports'

/** What the visit form offers: the independent persons the actor may record for (a visitor: only themselves),
 * and the placing authorities of the children at the home lately (to say when the report went to each). */
export async function visitFormContext(actor: Actor, homeId: string, now = new Date()) {
  return useCase(actor, 'reg44.record', { subject: 'home', now }, async (uc) => {
    const { tx, find, audit } = uc
    const home = await find.home(homeId, { select: homeSelect })
    const manages = await managesHome(uc, homeId)
    // a visit is often recorded days later: people whose appointment ended in the last two months, and every
    // authority with a child there then (the server checks the visit's own day)
    const today = londonDate(now)
    const since = shiftDate(today, { days: -62 })
    const register = await peopleWithIndependence(tx, home, today)
    const people = register.people.filter(
      (p) => (manages || p.userId === actor.userId) && (!p.endedOn || p.endedOn >= since),
    )
    const recent = await placingAuthorityIds(tx, homeId, since, today)
    const placing = await tx.localAuthority.findMany({
      where: { id: { in: recent } },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    })
    await audit({
      action: 'oversight.people',
      subjectType: 'home',
      subjectId: homeId,
      childIds: register.childIds,
      details: { count: people.length },
    })
    return { home, manages, people, placing }
  })
}

/**
 * Records a visit: what the visitor did and found, the report (written here or a PDF/DOCX file), when it was
 * received and sent, and the recommendations as actions. An independent visitor records only their own visits.
 */
export async function recordVisit(
  actor: Actor,
  homeId: string,
  input: VisitInput,
  file: ReportFile = null,
  now = new Date(),
) {
  const today = londonDate(now)
  const document = checkFile(file)
  if (input.visitedOn > today) throw new ValidationError({ visitedOn: 'The visit cannot be in the future' })
  const problems = datesProblems(input.visitedOn, today, {
    reportReceivedOn: input.reportReceivedOn,
    sentToOfstedOn: input.sentToOfstedOn,
    hostRequestedOn: input.hostRequestedOn,
    sentToHostOn: input.sentToHostOn,
    ...Object.fromEntries(input.sentToPlacing.map((s, n) => [`sentToPlacing.${n}.sentOn`, s.sentOn])),
  })
  input.recommendations.forEach((r, n) => {
    if (r.dueOn! < input.visitedOn) problems[`recommendations.${n}.dueOn`] = 'The due date cannot be before the visit'
  })
  const hasReport = Boolean(input.reportText || document)
  if (hasReport && !input.reportReceivedOn) problems.reportReceivedOn = 'Enter the date the report was received'
  if (!hasReport && input.reportReceivedOn)
    problems.reportText = 'Write the report or attach the file, or leave the received date empty'
  if (!hasReport && (input.sentToOfstedOn || input.sentToPlacing.some((s) => s.sentOn) || input.sentToHostOn))
    problems.reportText = 'A report must be received before it is sent: write it or attach the file'
  throwIfProblems(problems)
  return useCase(actor, 'reg44.record', { subject: 'home', now }, async (uc) => {
    const { tx, find, audit } = uc
    const home = await find.home(homeId, { select: homeSelect })
    const person = await tx.independentPerson.findFirst({ where: { id: input.independentPersonId, homeId } })
    if (!person)
      throw new ValidationError({ independentPersonId: 'Select an independent person registered for this home' })
    if (!(await managesHome(uc, homeId)) && person.userId !== actor.userId)
      throw new ValidationError({ independentPersonId: 'You can record only your own visits' })
    if (input.visitedOn < isoDate(person.appointedOn))
      throw new ValidationError({
        visitedOn: `${person.name} was appointed on ${formatDate(person.appointedOn)}: a visit before that cannot be theirs`,
      })
    if (person.endedOn && input.visitedOn > isoDate(person.endedOn))
      throw new ValidationError({
        visitedOn: `${person.name}'s appointment ended on ${formatDate(person.endedOn)}: a visit after that cannot be theirs`,
      })
    const placing = await placingAuthorityIds(tx, homeId, input.visitedOn)
    const unknown = input.sentToPlacing.findIndex((s) => s.sentOn && !placing.includes(s.authorityId))
    if (unknown >= 0)
      throw new ValidationError({
        [`sentToPlacing.${unknown}.authorityId`]:
          'That authority had no child placed at the home on the day of the visit',
      })
    const { childIds, ...known } = await knownRoles(tx, person, home, input.visitedOn)
    const result = independence(declarationOf(person), known)
    const visit = await tx.reg44Visit.create({
      data: {
        homeId,
        independentPersonId: person.id,
        visitedOn: calendarDate(input.visitedOn),
        announced: input.announced,
        spokeWithChildren: input.spokeWithChildren,
        spokeWithParents: input.spokeWithParents,
        spokeWithStaff: input.spokeWithStaff,
        consentNote: input.consentNote,
        checkedMissingLog: input.checkedMissingLog,
        checkedReturnInterviews: input.checkedReturnInterviews,
        checkedSafetyPlans: input.checkedSafetyPlans,
        otherRecordsChecked: input.otherRecordsChecked,
        safeguardingOpinion: input.safeguardingOpinion,
        wellbeingOpinion: input.wellbeingOpinion,
        independent: result.independent,
        independenceReasons: result.reasons,
        createdAt: now,
        createdById: actor.userId,
      },
    })
    let reportId: string | null = null
    if (hasReport)
      reportId = (
        await tx.reg44Report.create({
          data: {
            visitId: visit.id,
            text: input.reportText,
            ...fileColumns(document, input.visitedOn, 1),
            receivedOn: calendarDate(input.reportReceivedOn!),
            createdAt: now,
            createdById: actor.userId,
          },
        })
      ).id
    const events = [
      ...(input.sentToOfstedOn ? [{ kind: 'OFSTED', authorityId: null, on: input.sentToOfstedOn }] : []),
      ...input.sentToPlacing
        .filter((s) => s.sentOn)
        .map((s) => ({ kind: 'PLACING_AUTHORITY', authorityId: s.authorityId, on: s.sentOn! })),
      ...(input.hostRequestedOn
        ? [{ kind: 'HOST_REQUESTED', authorityId: home.hostAuthorityId, on: input.hostRequestedOn }]
        : []),
      ...(input.sentToHostOn
        ? [{ kind: 'HOST_AUTHORITY', authorityId: home.hostAuthorityId, on: input.sentToHostOn }]
        : []),
    ]
    if (events.length)
      await tx.reg44ReportEvent.createMany({
        data: events.map((e) => ({
          ...e,
          visitId: visit.id,
          on: calendarDate(e.on),
          createdAt: now,
          createdById: actor.userId,
        })),
      })
    if (input.recommendations.length)
      await tx.oversightAction.createMany({
        data: input.recommendations.map((r) => ({
          visitId: visit.id,
          homeId,
          recommendation: r.recommendation!,
          owner: r.owner!,
          dueOn: calendarDate(r.dueOn!),
          createdAt: now,
          createdById: actor.userId,
        })),
      })
    await audit({
      action: 'reg44.record',
      subjectType: 'home',
      subjectId: homeId,
      childIds,
      details: { visitId: visit.id, independent: result.independent, actions: input.recommendations.length, reportId },
    })
    return { id: visit.id, ...result }
  })
}

export const visitInclude = {
  independentPerson: { select: { id: true, name: true, organisation: true, userId: true } },
  reports: {
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      text: true,
      fileName: true,
      contentType: true,
      sizeBytes: true,
      receivedOn: true,
      createdAt: true,
      createdById: true,
    },
  },
  events: { orderBy: { on: 'asc' } },
  actions: { orderBy: { dueOn: 'asc' }, include: { responses: { orderBy: { createdAt: 'asc' } } } },
  amendments: { orderBy: { createdAt: 'asc' } },
} satisfies Prisma.Reg44VisitInclude

/** A visit's facts for the month's checks and the pages: who it went to, and when. */
export function visitFacts(
  v: {
    visitedOn: Date
    independent: boolean
    independenceReasons: unknown
    independentPerson: { name: string }
    reports: { receivedOn: Date }[]
    events: { kind: string; authorityId: string | null; on: Date }[]
  },
  placing: { id: string; name: string }[],
  hostName: string,
): MonthFacts['visits'][number] {
  const first = (kind: string, authorityId?: string) => {
    const e = v.events
      .filter((x) => x.kind === kind && (!authorityId || x.authorityId === authorityId))
      .map((x) => isoDate(x.on))
      .sort()[0]
    return e ?? null
  }
  const received = v.reports.map((r) => isoDate(r.receivedOn)).sort()[0] ?? null
  return {
    visitedOn: isoDate(v.visitedOn),
    visitor: v.independentPerson.name,
    independent: v.independent,
    reasons: v.independenceReasons as string[],
    reportReceivedOn: received,
    sentToOfstedOn: first('OFSTED'),
    placingAuthorities: placing.map((a) => ({ name: a.name, sentOn: first('PLACING_AUTHORITY', a.id) })),
    host: first('HOST_REQUESTED')
      ? { name: hostName, requestedOn: first('HOST_REQUESTED'), sentOn: first('HOST_AUTHORITY') }
      : null,
  }
}

/** The day an action was completed: the first response that marked it so (responses oldest first). */
export const completedOn = (responses: { completed: boolean; respondedOn: Date }[]) => {
  const done = responses.find((r) => r.completed)
  return done ? isoDate(done.respondedOn) : null
}

/** A visit with its reports (newest first), the dates it was sent, its actions and their responses. */
export async function getVisit(actor: Actor, visitId: string, now = new Date()) {
  return useCase(actor, 'reg44.read', { subject: 'visit', now }, async ({ tx, scope, audit }) => {
    const visit = await tx.reg44Visit
      .findFirst({
        where: { id: visitId, home: scope.home },
        include: { ...visitInclude, home: { select: homeSelect } },
      })
      .then(orNotFound('visit'))
    const placingIds = await placingAuthorityIds(tx, visit.homeId, isoDate(visit.visitedOn))
    const authorities = await tx.localAuthority.findMany({
      where: {
        id: {
          in: [
            ...placingIds,
            visit.home.hostAuthorityId,
            ...visit.events.map((e) => e.authorityId).filter((x): x is string => !!x),
          ],
        },
      },
      select: { id: true, name: true },
    })
    const people = await tx.user.findMany({
      where: {
        id: {
          in: [
            visit.createdById,
            ...visit.amendments.map((a) => a.authorId),
            ...visit.reports.map((r) => r.createdById),
            ...visit.actions.flatMap((a) => a.responses.map((r) => r.createdById)),
          ],
        },
      },
      select: { id: true, name: true },
    })
    const who = (id: string) => people.find((p) => p.id === id)?.name ?? 'Unknown'
    const authorityName = (id: string | null) => authorities.find((a) => a.id === id)?.name ?? null
    await audit({ action: 'reg44.read', subjectType: 'visit', subjectId: visitId, details: {} })
    const placing = authorities.filter((a) => placingIds.includes(a.id))
    const today = londonDate(now)
    return {
      ...visit,
      visitedOn: isoDate(visit.visitedOn),
      recordedBy: who(visit.createdById),
      independenceReasons: visit.independenceReasons as string[],
      placingAuthorities: placing,
      facts: visitFacts(visit, placing, visit.home.hostAuthority.name),
      reports: visit.reports.map((r) => ({ ...r, receivedOn: isoDate(r.receivedOn), createdBy: who(r.createdById) })),
      amendments: visit.amendments.map((a) => ({
        ...a,
        label: VISIT_AMENDABLE[a.field as keyof typeof VISIT_AMENDABLE]?.label ?? a.field,
        author: who(a.authorId),
      })),
      events: visit.events.map((e) => ({ ...e, on: isoDate(e.on), authority: authorityName(e.authorityId) })),
      actions: visit.actions.map((a) => {
        const facts = { dueOn: isoDate(a.dueOn), completedOn: completedOn(a.responses) }
        return {
          ...a,
          ...facts,
          overdue: actionOverdue(facts, today),
          responses: a.responses.map((r) => ({
            ...r,
            respondedOn: isoDate(r.respondedOn),
            createdBy: who(r.createdById),
          })),
        }
      }),
    }
  })
}

/** The home's visits, newest first (the API's list). */
export async function listVisits(actor: Actor, homeId: string) {
  return useCase(actor, 'reg44.read', { subject: 'home' }, async ({ tx, find, audit }) => {
    const home = await find.home(homeId, { select: homeSelect })
    const visits = await tx.reg44Visit.findMany({
      where: { homeId },
      orderBy: { visitedOn: 'desc' },
      include: visitInclude,
    })
    const placements = await homePlacements(tx, homeId)
    await audit({ action: 'reg44.list', subjectType: 'home', subjectId: homeId, details: { count: visits.length } })
    return {
      home: { id: home.id, name: home.name },
      visits: visits.map((v) => ({
        id: v.id,
        visitedOn: isoDate(v.visitedOn),
        announced: v.announced,
        visitor: {
          id: v.independentPerson.id,
          name: v.independentPerson.name,
          organisation: v.independentPerson.organisation,
        },
        independent: v.independent,
        independenceReasons: v.independenceReasons as string[],
        spokeWith: { children: v.spokeWithChildren, parents: v.spokeWithParents, staff: v.spokeWithStaff },
        recordsChecked: {
          missingLog: v.checkedMissingLog,
          returnInterviews: v.checkedReturnInterviews,
          safetyPlans: v.checkedSafetyPlans,
          other: v.otherRecordsChecked,
        },
        safeguardingOpinion: v.safeguardingOpinion,
        wellbeingOpinion: v.wellbeingOpinion,
        report: v.reports[0]
          ? {
              receivedOn: isoDate(v.reports[0].receivedOn),
              text: v.reports[0].text,
              fileName: v.reports[0].fileName,
              versions: v.reports.length,
            }
          : null,
        sent: v.events.map((e) => ({ kind: e.kind, authorityId: e.authorityId, on: isoDate(e.on) })),
        actions: v.actions.map((a) => ({
          id: a.id,
          recommendation: a.recommendation,
          owner: a.owner,
          dueOn: isoDate(a.dueOn),
          completedOn: completedOn(a.responses),
        })),
        status: visitFacts(v, placingOf(placements, isoDate(v.visitedOn)), home.hostAuthority.name),
      })),
    }
  })
}
