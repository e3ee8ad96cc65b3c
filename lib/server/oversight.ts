// Oversight of a home (Children's Homes (England) Regulations 2015 regs 43-46; report recommendations 4, 5, 6): the
// register of independent persons, Regulation 44 visits and their reports and actions, Regulation 45 reviews,
// Regulation 46 location assessments, the month's checks, the visitor's checklist, and the scheduled flag for a
// month that ended without a visit. Each use case: transaction, permission, scope (a home outside it is "not
// found"), write or read, audit in the same transaction. Nothing is edited in place: later rows supersede.
import { checkDocument, reportFileName } from '@/lib/domain/documents'
import { hasCurrentSafetyPlan, needsSafetyPlan } from '@/lib/domain/cse'
import { actionOverdue, independence, monthChecks, VISIT_AMENDABLE, visitAmendedValue, type Declaration, type KnownRoles, type MonthFacts } from '@/lib/domain/oversight'
import { can, type Action } from '@/lib/domain/permissions'
import { interviewStatus, STATUS_LABELS } from '@/lib/domain/return-interviews'
import type { Actor } from '@/lib/domain/roles'
import { addCalendarMonths, calendarDate, firstDayOf, formatDate, formatMonth, isoDate, lastDayOf, londonDate, londonMidnight, monthOf, shiftDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { ActionInput, AmendVisitInput, EndAppointmentInput, IndependentPersonInput, LocationShareInput, Reg45Input, Reg46Input, ReportEventInput, ReportVersionInput, ResponseInput, VisitInput } from '@/lib/validation/oversight'
import { recordAudit } from './audit'
import { cseFlagsFrom, planDays, planFlagsSelect } from './cse'
import { getPrisma, inTurn, type Tx } from './database'
import { NotFoundError, throwIfProblems, ValidationError, type FieldErrors } from './errors'
import { emailBody, initials, notify } from './notifications'
import { homeWhere } from './scope'

const homeSelect = { id: true, name: true, town: true, postcode: true, ofstedUrn: true, providerId: true, hostAuthorityId: true, provider: { select: { name: true } }, hostAuthority: { select: { id: true, name: true } } } as const

async function findHome(tx: Tx, actor: Actor, action: Action, homeId: string) {
  if (!can(actor, action)) throw new NotFoundError('home')
  const home = await tx.home.findFirst({ where: { AND: [{ id: homeId }, homeWhere(actor, action)] }, select: homeSelect })
  if (!home) throw new NotFoundError('home')
  return home
}

/** The registered person (manager or responsible individual) of the home: they act for any visitor there. */
const managesHome = async (tx: Tx, actor: Actor, homeId: string) => (await tx.home.count({ where: { AND: [{ id: homeId }, homeWhere(actor, 'oversight.manage')] } })) > 0

/** The homes whose oversight the actor reads (or, for a visitor, whose checklist). */
export async function oversightHomes(actor: Actor, action: 'oversight.read' | 'visitor.checklist' | 'reg44.record' = 'oversight.read') {
  if (!can(actor, action)) return []
  const prisma = await getPrisma()
  return prisma.home.findMany({ where: homeWhere(actor, action), orderBy: { name: 'asc' }, select: homeSelect })
}

/** Short name for what a visitor may see: "Ellie M.". */
const shortName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName.charAt(0)}.`

/** Placements at the home on a day (or overlapping a period). */
const placedAt = (homeId: string, from: string, to = from) => ({ homeId, startDate: { lte: calendarDate(to) }, OR: [{ endDate: null }, { endDate: { gte: calendarDate(from) } }] })

// ---- the register (Reg 43)

/** What Haven knows of the person from their account: staff roles at the provider's homes, the responsible
 * individual, and IRO or social worker of a child placed at the home today. */
async function knownRoles(tx: Tx, person: { userId: string | null; email: string | null }, home: { id: string; providerId: string }, today: string): Promise<KnownRoles> {
  const user = person.userId
    ? await tx.user.findUnique({ where: { id: person.userId }, select: { id: true } })
    : person.email
      ? await tx.user.findUnique({ where: { email: person.email }, select: { id: true } })
      : null
  if (!user) return { staffAt: [], responsibleIndividual: false, allocatedTo: [] }
  const [roles, children] = await inTurn(
    () => tx.roleAssignment.findMany({ where: { userId: user.id, OR: [{ role: { in: ['CARE_WORKER', 'REGISTERED_MANAGER'] }, home: { providerId: home.providerId } }, { role: 'RESPONSIBLE_INDIVIDUAL', providerId: home.providerId }] }, select: { role: true, home: { select: { name: true } } } }),
    () => tx.child.findMany({ where: { OR: [{ iroId: user.id }, { socialWorkerId: user.id }], placements: { some: placedAt(home.id, today) } }, select: { firstName: true, lastName: true, iroId: true } }),
  )
  return {
    staffAt: [...new Set(roles.filter((r) => r.home).map((r) => r.home!.name))],
    responsibleIndividual: roles.some((r) => r.role === 'RESPONSIBLE_INDIVIDUAL'),
    allocatedTo: children.map((c) => ({ initials: initials(c), role: c.iroId === user.id ? ('IRO' as const) : ('social worker' as const) })),
  }
}

const declarationOf = (p: Declaration) => ({ notPaidStaff: p.notPaidStaff, notCarePlanning: p.notCarePlanning, notCommissionerOrFunder: p.notCommissionerOrFunder, noFinancialInterest: p.noFinancialInterest, notResponsibleIndividual: p.notResponsibleIndividual, noConnection: p.noConnection })

async function peopleWithIndependence(tx: Tx, home: { id: string; providerId: string }, today: string) {
  const people = await tx.independentPerson.findMany({ where: { homeId: home.id }, orderBy: { appointedOn: 'desc' } })
  const authorities = await tx.localAuthority.findMany({ where: { id: { in: people.map((p) => p.approvedByAuthorityId).filter((x): x is string => !!x) } }, select: { id: true, name: true } })
  const result = []
  for (const p of people)
    result.push({
      id: p.id,
      name: p.name,
      organisation: p.organisation,
      userId: p.userId,
      appointedBy: p.appointedBy,
      appointedOn: isoDate(p.appointedOn),
      approvedBy: authorities.find((a) => a.id === p.approvedByAuthorityId)?.name ?? null,
      approvedOn: p.approvedOn ? isoDate(p.approvedOn) : null,
      connectionDetails: p.connectionDetails,
      endedOn: p.endedOn ? isoDate(p.endedOn) : null,
      endReason: p.endReason,
      ...independence(declarationOf(p), await knownRoles(tx, p, home, today)),
    })
  return result
}

/** Registers an independent person with their declaration; whether they are independent is worked out, never typed. */
export async function registerIndependentPerson(actor: Actor, homeId: string, input: IndependentPersonInput, now = new Date()) {
  if (input.appointedOn > londonDate(now)) throw new ValidationError({ appointedOn: 'The appointment date cannot be in the future' })
  if (input.approvedOn && input.approvedOn > londonDate(now)) throw new ValidationError({ approvedOn: 'The approval date cannot be in the future' })
  if (!input.noConnection && !input.connectionDetails) throw new ValidationError({ connectionDetails: 'Describe the connection that may cast doubt on their impartiality' })
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const home = await findHome(tx, actor, 'oversight.manage', homeId)
    if (input.approvedByAuthorityId && ![home.hostAuthorityId, ...(await placingAuthorityIds(tx, home.id, londonDate(now)))].includes(input.approvedByAuthorityId))
      throw new ValidationError({ approvedByAuthorityId: 'Select the host authority or a placing authority of a child at the home' })
    const user = input.email ? await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }) : null
    const person = await tx.independentPerson.create({
      data: { ...input, homeId, userId: user?.id ?? null, appointedOn: calendarDate(input.appointedOn), approvedOn: input.approvedOn ? calendarDate(input.approvedOn) : null, createdAt: now, createdById: actor.userId },
    })
    const result = independence(declarationOf(input), await knownRoles(tx, { userId: person.userId, email: person.email }, home, londonDate(now)))
    await recordAudit(tx, { actorId: actor.userId, action: 'oversight.register', subjectType: 'home', subjectId: homeId, details: { independentPersonId: person.id, independent: result.independent } })
    return { id: person.id, ...result }
  })
}

/** One person on the home's register, with independence worked out as of today (for ending their appointment). */
export async function getIndependentPerson(actor: Actor, personId: string, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const entry = await tx.independentPerson.findUnique({ where: { id: personId }, select: { homeId: true } })
    if (!entry) throw new NotFoundError('independent person')
    const home = await findHome(tx, actor, 'oversight.manage', entry.homeId)
    const person = (await peopleWithIndependence(tx, home, londonDate(now))).find((p) => p.id === personId)!
    await recordAudit(tx, { actorId: actor.userId, action: 'oversight.people', subjectType: 'home', subjectId: home.id, details: { independentPersonId: personId } })
    return { home, person }
  })
}

/** Ends an independent person's appointment, once, with the date and why. The entry stays on the register with
 * their visits; a changed declaration is a new registration and this one ended. */
export async function endAppointment(actor: Actor, personId: string, input: EndAppointmentInput, now = new Date()) {
  if (input.endedOn > londonDate(now)) throw new ValidationError({ endedOn: 'The end date cannot be in the future' })
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const person = await tx.independentPerson.findUnique({ where: { id: personId }, include: { visits: { orderBy: { visitedOn: 'desc' }, take: 1, select: { visitedOn: true } } } })
    if (!person) throw new NotFoundError('independent person')
    await findHome(tx, actor, 'oversight.manage', person.homeId)
    if (input.endedOn < isoDate(person.appointedOn)) throw new ValidationError({ endedOn: `${person.name} was appointed on ${formatDate(person.appointedOn)}: the end cannot be before that` })
    const lastVisit = person.visits[0]?.visitedOn
    if (lastVisit && input.endedOn < isoDate(lastVisit)) throw new ValidationError({ endedOn: `${person.name} visited on ${formatDate(lastVisit)}: the end cannot be before their last visit` })
    // once only, even if two managers end it at the same moment
    const ended = await tx.independentPerson.updateMany({ where: { id: personId, endedOn: null }, data: { endedOn: calendarDate(input.endedOn), endReason: input.reason, endedAt: now, endedById: actor.userId } })
    if (ended.count !== 1) throw new ValidationError({ form: `${person.name}'s appointment has already been ended.` })
    await recordAudit(tx, { actorId: actor.userId, action: 'oversight.register-end', subjectType: 'home', subjectId: person.homeId, details: { independentPersonId: personId, endedOn: input.endedOn } })
    return { id: personId, homeId: person.homeId }
  })
}

/** The placing authorities of the children at the home on a day (or at any time in a period). */
async function placingAuthorityIds(tx: Tx, homeId: string, from: string, to = from) {
  const placements = await tx.placement.findMany({ where: placedAt(homeId, from, to), select: { child: { select: { placingAuthorityId: true } } } })
  return [...new Set(placements.map((p) => p.child.placingAuthorityId))]
}

/** Who may approve an independent person: the host authority or a placing authority of a child there now. */
export async function approvingAuthorities(actor: Actor, homeId: string, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const home = await findHome(tx, actor, 'oversight.manage', homeId)
    const ids = [home.hostAuthorityId, ...(await placingAuthorityIds(tx, homeId, londonDate(now)))]
    return { home, authorities: await tx.localAuthority.findMany({ where: { id: { in: ids } }, orderBy: { name: 'asc' }, select: { id: true, name: true } }) }
  })
}

/** What the visit form offers: the independent persons the actor may record for (a visitor: only themselves),
 * and the placing authorities of the children at the home lately (to say when the report went to each). */
export async function visitFormContext(actor: Actor, homeId: string, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const home = await findHome(tx, actor, 'reg44.record', homeId)
    const manages = await managesHome(tx, actor, homeId)
    // a visit is often recorded days later: people whose appointment ended in the last two months, and every
    // authority with a child there then (the server checks the visit's own day)
    const today = londonDate(now)
    const since = shiftDate(today, { days: -62 })
    const people = (await peopleWithIndependence(tx, home, today)).filter((p) => (manages || p.userId === actor.userId) && (!p.endedOn || p.endedOn >= since))
    const recent = await placingAuthorityIds(tx, homeId, since, today)
    const placing = await tx.localAuthority.findMany({ where: { id: { in: recent } }, orderBy: { name: 'asc' }, select: { id: true, name: true } })
    await recordAudit(tx, { actorId: actor.userId, action: 'oversight.people', subjectType: 'home', subjectId: homeId, details: { count: people.length } })
    return { home, manages, people, placing }
  })
}

// ---- Reg 44 visits

// the uploader's file name is not kept: Haven names the file (reportFileName), so no name of theirs decides how it opens
type ReportFile = { bytes: Uint8Array; fileName: string } | null

function checkFile(file: ReportFile) {
  if (!file) return null
  const checked = checkDocument(file.bytes, settings.oversight.maxReportBytes)
  if (!checked.ok) throw new ValidationError({ reportFile: checked.problem })
  return { bytes: Buffer.from(file.bytes), contentType: checked.type, sizeBytes: file.bytes.length }
}

/** The file's columns of the visit's `version`th report. */
const fileColumns = (document: ReturnType<typeof checkFile>, visitedOn: string, version: number) =>
  document ? { ...document, fileName: reportFileName(visitedOn, version, document.contentType) } : {}

/** Dates about a visit: not in the future, not before the visit. */
function datesProblems(visitedOn: string, today: string, dates: Record<string, string | null>): FieldErrors {
  const problems: FieldErrors = {}
  for (const [field, value] of Object.entries(dates)) {
    if (!value) continue
    if (value > today) problems[field] = 'This date cannot be in the future'
    else if (value < visitedOn) problems[field] = 'This date cannot be before the visit'
  }
  return problems
}

/**
 * Records a visit: what the visitor did and found, the report (written here or a PDF/DOCX file), when it was
 * received and sent, and the recommendations as actions. An independent visitor records only their own visits.
 */
export async function recordVisit(actor: Actor, homeId: string, input: VisitInput, file: ReportFile = null, now = new Date()) {
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
  if (!hasReport && input.reportReceivedOn) problems.reportText = 'Write the report or attach the file, or leave the received date empty'
  if (!hasReport && (input.sentToOfstedOn || input.sentToPlacing.some((s) => s.sentOn) || input.sentToHostOn)) problems.reportText = 'A report must be received before it is sent: write it or attach the file'
  throwIfProblems(problems)
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const home = await findHome(tx, actor, 'reg44.record', homeId)
    const person = await tx.independentPerson.findFirst({ where: { id: input.independentPersonId, homeId } })
    if (!person) throw new ValidationError({ independentPersonId: 'Select an independent person registered for this home' })
    if (!(await managesHome(tx, actor, homeId)) && person.userId !== actor.userId) throw new ValidationError({ independentPersonId: 'You can record only your own visits' })
    if (input.visitedOn < isoDate(person.appointedOn)) throw new ValidationError({ visitedOn: `${person.name} was appointed on ${formatDate(person.appointedOn)}: a visit before that cannot be theirs` })
    if (person.endedOn && input.visitedOn > isoDate(person.endedOn)) throw new ValidationError({ visitedOn: `${person.name}'s appointment ended on ${formatDate(person.endedOn)}: a visit after that cannot be theirs` })
    const placing = await placingAuthorityIds(tx, homeId, input.visitedOn)
    const unknown = input.sentToPlacing.findIndex((s) => s.sentOn && !placing.includes(s.authorityId))
    if (unknown >= 0) throw new ValidationError({ [`sentToPlacing.${unknown}.authorityId`]: 'That authority had no child placed at the home on the day of the visit' })
    const result = independence(declarationOf(person), await knownRoles(tx, person, home, input.visitedOn))
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
      reportId = (await tx.reg44Report.create({ data: { visitId: visit.id, text: input.reportText, ...fileColumns(document, input.visitedOn, 1), receivedOn: calendarDate(input.reportReceivedOn!), createdAt: now, createdById: actor.userId } })).id
    const events = [
      ...(input.sentToOfstedOn ? [{ kind: 'OFSTED', authorityId: null, on: input.sentToOfstedOn }] : []),
      ...input.sentToPlacing.filter((s) => s.sentOn).map((s) => ({ kind: 'PLACING_AUTHORITY', authorityId: s.authorityId, on: s.sentOn! })),
      ...(input.hostRequestedOn ? [{ kind: 'HOST_REQUESTED', authorityId: home.hostAuthorityId, on: input.hostRequestedOn }] : []),
      ...(input.sentToHostOn ? [{ kind: 'HOST_AUTHORITY', authorityId: home.hostAuthorityId, on: input.sentToHostOn }] : []),
    ]
    if (events.length) await tx.reg44ReportEvent.createMany({ data: events.map((e) => ({ ...e, visitId: visit.id, on: calendarDate(e.on), createdAt: now, createdById: actor.userId })) })
    if (input.recommendations.length)
      await tx.oversightAction.createMany({
        data: input.recommendations.map((r) => ({ visitId: visit.id, homeId, recommendation: r.recommendation!, owner: r.owner!, dueOn: calendarDate(r.dueOn!), createdAt: now, createdById: actor.userId })),
      })
    await recordAudit(tx, { actorId: actor.userId, action: 'reg44.record', subjectType: 'home', subjectId: homeId, details: { visitId: visit.id, independent: result.independent, actions: input.recommendations.length, reportId } })
    return { id: visit.id, ...result }
  })
}

const visitInclude = {
  independentPerson: { select: { id: true, name: true, organisation: true, userId: true } },
  reports: { orderBy: { createdAt: 'desc' }, select: { id: true, text: true, fileName: true, contentType: true, sizeBytes: true, receivedOn: true, createdAt: true, createdById: true } },
  events: { orderBy: { on: 'asc' } },
  actions: { orderBy: { dueOn: 'asc' }, include: { responses: { orderBy: { createdAt: 'asc' } } } },
  amendments: { orderBy: { createdAt: 'asc' } },
} satisfies Prisma.Reg44VisitInclude

/** A visit's facts for the month's checks and the pages: who it went to, and when. */
function visitFacts(v: { visitedOn: Date; independent: boolean; independenceReasons: unknown; independentPerson: { name: string }; reports: { receivedOn: Date }[]; events: { kind: string; authorityId: string | null; on: Date }[] }, placing: { id: string; name: string }[], hostName: string): MonthFacts['visits'][number] {
  const first = (kind: string, authorityId?: string) => {
    const e = v.events.filter((x) => x.kind === kind && (!authorityId || x.authorityId === authorityId)).map((x) => isoDate(x.on)).sort()[0]
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
    host: first('HOST_REQUESTED') ? { name: hostName, requestedOn: first('HOST_REQUESTED'), sentOn: first('HOST_AUTHORITY') } : null,
  }
}

/** The day an action was completed: the first response that marked it so (responses oldest first). */
const completedOn = (responses: { completed: boolean; respondedOn: Date }[]) => {
  const done = responses.find((r) => r.completed)
  return done ? isoDate(done.respondedOn) : null
}

/** A visit with its reports (newest first), the dates it was sent, its actions and their responses. */
export async function getVisit(actor: Actor, visitId: string, now = new Date()) {
  if (!can(actor, 'reg44.read')) throw new NotFoundError('visit')
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const visit = await tx.reg44Visit.findFirst({ where: { id: visitId, home: homeWhere(actor, 'reg44.read') }, include: { ...visitInclude, home: { select: homeSelect } } })
    if (!visit) throw new NotFoundError('visit')
    const placingIds = await placingAuthorityIds(tx, visit.homeId, isoDate(visit.visitedOn))
    const authorities = await tx.localAuthority.findMany({ where: { id: { in: [...placingIds, visit.home.hostAuthorityId, ...visit.events.map((e) => e.authorityId).filter((x): x is string => !!x)] } }, select: { id: true, name: true } })
    const people = await tx.user.findMany({ where: { id: { in: [visit.createdById, ...visit.amendments.map((a) => a.authorId), ...visit.reports.map((r) => r.createdById), ...visit.actions.flatMap((a) => a.responses.map((r) => r.createdById))] } }, select: { id: true, name: true } })
    const who = (id: string) => people.find((p) => p.id === id)?.name ?? 'Unknown'
    const authorityName = (id: string | null) => authorities.find((a) => a.id === id)?.name ?? null
    await recordAudit(tx, { actorId: actor.userId, action: 'reg44.read', subjectType: 'visit', subjectId: visitId, details: {} })
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
      amendments: visit.amendments.map((a) => ({ ...a, label: VISIT_AMENDABLE[a.field as keyof typeof VISIT_AMENDABLE]?.label ?? a.field, author: who(a.authorId) })),
      events: visit.events.map((e) => ({ ...e, on: isoDate(e.on), authority: authorityName(e.authorityId) })),
      actions: visit.actions.map((a) => {
        const facts = { dueOn: isoDate(a.dueOn), completedOn: completedOn(a.responses) }
        return { ...a, ...facts, overdue: actionOverdue(facts, today), responses: a.responses.map((r) => ({ ...r, respondedOn: isoDate(r.respondedOn), createdBy: who(r.createdById) })) }
      }),
    }
  })
}

/** The home's visits, newest first (the API's list). */
export async function listVisits(actor: Actor, homeId: string) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const home = await findHome(tx, actor, 'reg44.read', homeId)
    const visits = await tx.reg44Visit.findMany({ where: { homeId }, orderBy: { visitedOn: 'desc' }, include: visitInclude })
    const placements = await homePlacements(tx, homeId)
    await recordAudit(tx, { actorId: actor.userId, action: 'reg44.list', subjectType: 'home', subjectId: homeId, details: { count: visits.length } })
    return {
      home: { id: home.id, name: home.name },
      visits: visits.map((v) => ({
        id: v.id,
        visitedOn: isoDate(v.visitedOn),
        announced: v.announced,
        visitor: { id: v.independentPerson.id, name: v.independentPerson.name, organisation: v.independentPerson.organisation },
        independent: v.independent,
        independenceReasons: v.independenceReasons as string[],
        spokeWith: { children: v.spokeWithChildren, parents: v.spokeWithParents, staff: v.spokeWithStaff },
        recordsChecked: { missingLog: v.checkedMissingLog, returnInterviews: v.checkedReturnInterviews, safetyPlans: v.checkedSafetyPlans, other: v.otherRecordsChecked },
        safeguardingOpinion: v.safeguardingOpinion,
        wellbeingOpinion: v.wellbeingOpinion,
        report: v.reports[0] ? { receivedOn: isoDate(v.reports[0].receivedOn), text: v.reports[0].text, fileName: v.reports[0].fileName, versions: v.reports.length } : null,
        sent: v.events.map((e) => ({ kind: e.kind, authorityId: e.authorityId, on: isoDate(e.on) })),
        actions: v.actions.map((a) => ({ id: a.id, recommendation: a.recommendation, owner: a.owner, dueOn: isoDate(a.dueOn), completedOn: completedOn(a.responses) })),
        status: visitFacts(v, placingOf(placements, isoDate(v.visitedOn)), home.hostAuthority.name),
      })),
    }
  })
}

async function visitFor(tx: Tx, actor: Actor, action: Action, visitId: string) {
  if (!can(actor, action)) throw new NotFoundError('visit')
  const visit = await tx.reg44Visit.findFirst({ where: { id: visitId, home: homeWhere(actor, action) }, select: { id: true, homeId: true, visitedOn: true, home: { select: { hostAuthorityId: true } }, independentPerson: { select: { userId: true } } } })
  if (!visit) throw new NotFoundError('visit')
  return visit
}

/** A visit the actor may add to: any at a home they are the registered person of; otherwise only their own. */
async function ownVisitFor(tx: Tx, actor: Actor, visitId: string) {
  const visit = await visitFor(tx, actor, 'reg44.record', visitId)
  if (!(await managesHome(tx, actor, visit.homeId)) && visit.independentPerson.userId !== actor.userId) throw new NotFoundError('visit')
  return visit
}

/** A later version of the report (written here or a file): the earlier stays readable. */
export async function addReportVersion(actor: Actor, visitId: string, input: ReportVersionInput, file: ReportFile = null, now = new Date()) {
  const document = checkFile(file)
  if (!input.reportText && !document) throw new ValidationError({ reportText: 'Write the report or attach the file' })
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const visit = await ownVisitFor(tx, actor, visitId)
    throwIfProblems(datesProblems(isoDate(visit.visitedOn), londonDate(now), { reportReceivedOn: input.reportReceivedOn }))
    const version = (await tx.reg44Report.count({ where: { visitId } })) + 1
    const report = await tx.reg44Report.create({ data: { visitId, text: input.reportText, ...fileColumns(document, isoDate(visit.visitedOn), version), receivedOn: calendarDate(input.reportReceivedOn), createdAt: now, createdById: actor.userId } })
    await recordAudit(tx, { actorId: actor.userId, action: 'reg44.report', subjectType: 'visit', subjectId: visitId, details: { reportId: report.id, file: Boolean(document) } })
    return { id: report.id }
  })
}

/** An uploaded report file, for those who read the visit, under the name Haven gives it. A file stored before the
 *  checks were as thorough is checked again, and not handed out if it fails them. */
export async function getReportFile(actor: Actor, visitId: string, reportId: string) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const visit = await visitFor(tx, actor, 'reg44.read', visitId)
    const versions = await tx.reg44Report.findMany({ where: { visitId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } })
    const report = await tx.reg44Report.findFirst({ where: { id: reportId, visitId, bytes: { not: null } }, select: { bytes: true } })
    if (!report) throw new NotFoundError('report')
    const checked = checkDocument(report.bytes!, Infinity)
    if (!checked.ok) throw new ValidationError({ reportFile: `This file was kept before Haven checked report files as closely, and it does not pass now (${checked.problem}). Ask the visitor for the report again.` })
    await recordAudit(tx, { actorId: actor.userId, action: 'reg44.report-file', subjectType: 'visit', subjectId: visitId, details: { reportId } })
    const version = versions.findIndex((v) => v.id === reportId) + 1
    return { bytes: report.bytes!, contentType: checked.type, fileName: reportFileName(isoDate(visit.visitedOn), version, checked.type) }
  })
}

/** When the report went to Ofsted, a placing authority or the host authority (or the host asked): an event. The
 * independent person provides the copies (Reg 44(7)); the registered person may record them too. */
export async function recordReportEvent(actor: Actor, visitId: string, input: ReportEventInput, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const visit = await ownVisitFor(tx, actor, visitId)
    const visitedOn = isoDate(visit.visitedOn)
    throwIfProblems(datesProblems(visitedOn, londonDate(now), { on: input.on }))
    if (input.kind !== 'HOST_REQUESTED' && !(await tx.reg44Report.count({ where: { visitId } }))) throw new ValidationError({ kind: 'Add the report before recording that it was sent' })
    let authorityId: string | null = null
    if (input.kind === 'PLACING_AUTHORITY') {
      if (!(await placingAuthorityIds(tx, visit.homeId, visitedOn)).includes(input.authorityId!)) throw new ValidationError({ authorityId: 'That authority had no child placed at the home on the day of the visit' })
      authorityId = input.authorityId
    } else if (input.kind !== 'OFSTED') authorityId = visit.home.hostAuthorityId
    const event = await tx.reg44ReportEvent.create({ data: { visitId, kind: input.kind, authorityId, on: calendarDate(input.on), createdAt: now, createdById: actor.userId } })
    await recordAudit(tx, { actorId: actor.userId, action: 'reg44.report-event', subjectType: 'visit', subjectId: visitId, details: { eventId: event.id, kind: input.kind } })
    return { id: event.id }
  })
}

/** A correction to the visit: the original value stays readable beside the new one, with who, when and why.
 * The registered person corrects any visit of their home; an independent visitor their own. */
export async function amendVisit(actor: Actor, visitId: string, input: AmendVisitInput, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    await ownVisitFor(tx, actor, visitId)
    const visit = await tx.reg44Visit.findUniqueOrThrow({ where: { id: visitId }, include: { independentPerson: true, home: { select: { id: true, providerId: true } }, reports: { select: { receivedOn: true } }, events: { select: { on: true } }, actions: { select: { dueOn: true } } } })
    const stale = new ValidationError({ form: 'Someone else corrected this visit while you were working on it. Reload the page to see their change; what you typed is still here.' })
    if (visit.version !== input.version) throw stale
    const result = visitAmendedValue(input.field, input.value, londonDate(now))
    if ('problem' in result) throw new ValidationError({ value: result.problem })
    const data: Prisma.Reg44VisitUpdateManyMutationInput = { version: { increment: 1 } }
    if (input.field === 'visitedOn') {
      const day = result.value as string
      if (day < isoDate(visit.independentPerson.appointedOn)) throw new ValidationError({ value: `${visit.independentPerson.name} was appointed on ${formatDate(visit.independentPerson.appointedOn)}: a visit before that cannot be theirs` })
      const later = [...visit.reports.map((r) => r.receivedOn), ...visit.events.map((e) => e.on), ...visit.actions.map((a) => a.dueOn)].map(isoDate).filter((d) => d < day)
      if (later.length) throw new ValidationError({ value: `The report, a copy sent or an action's due date is before that day (${later.sort()[0]}): a visit cannot come after them` })
      // independence is as it was on the day: worked out again for the corrected day
      const checked = independence(declarationOf(visit.independentPerson), await knownRoles(tx, visit.independentPerson, visit.home, day))
      Object.assign(data, { visitedOn: calendarDate(day), independent: checked.independent, independenceReasons: checked.reasons })
    } else data[input.field] = result.value as never
    const previous = input.field === 'visitedOn' ? isoDate(visit.visitedOn) : visit[input.field]
    const updated = await tx.reg44Visit.updateMany({ where: { id: visitId, version: input.version }, data })
    if (updated.count !== 1) throw stale
    const amendment = await tx.reg44VisitAmendment.create({ data: { visitId, field: input.field, previousValue: (previous ?? null) as Prisma.InputJsonValue, newValue: (result.value ?? null) as Prisma.InputJsonValue, reason: input.reason, authorId: actor.userId, createdAt: now } })
    await recordAudit(tx, { actorId: actor.userId, action: 'reg44.amend', subjectType: 'visit', subjectId: visitId, details: { field: input.field, amendmentId: amendment.id } })
    return { id: amendment.id, field: VISIT_AMENDABLE[input.field].label }
  })
}

/** Turns a recommendation into an action with an owner and a due date. */
export async function addAction(actor: Actor, visitId: string, input: ActionInput, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const visit = await visitFor(tx, actor, 'oversight.manage', visitId)
    if (input.dueOn < isoDate(visit.visitedOn)) throw new ValidationError({ dueOn: 'The due date cannot be before the visit' })
    const action = await tx.oversightAction.create({ data: { visitId, homeId: visit.homeId, recommendation: input.recommendation, owner: input.owner, dueOn: calendarDate(input.dueOn), createdAt: now, createdById: actor.userId } })
    await recordAudit(tx, { actorId: actor.userId, action: 'oversight.action', subjectType: 'visit', subjectId: visitId, details: { actionId: action.id } })
    return { id: action.id }
  })
}

/** The manager's response to an action (append-only); a response marked completed closes it. */
export async function respondToAction(actor: Actor, actionId: string, input: ResponseInput, now = new Date()) {
  if (!can(actor, 'oversight.respond')) throw new NotFoundError('action')
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const found = await tx.oversightAction.findFirst({ where: { id: actionId, visit: { home: homeWhere(actor, 'oversight.respond') } }, select: { id: true } })
    if (!found) throw new NotFoundError('action')
    // two managers completing it at once: the second waits here, then sees it completed
    await tx.$queryRaw`SELECT id FROM "OversightAction" WHERE id = ${found.id} FOR UPDATE`
    const action = await tx.oversightAction.findUniqueOrThrow({ where: { id: found.id }, select: { id: true, visitId: true, visit: { select: { visitedOn: true } }, responses: { where: { completed: true }, select: { id: true } } } })
    if (action.responses.length) throw new ValidationError({ completed: 'This action is already completed' })
    throwIfProblems(datesProblems(isoDate(action.visit.visitedOn), londonDate(now), { respondedOn: input.respondedOn }))
    const response = await tx.oversightActionResponse.create({ data: { actionId, text: input.text, completed: input.completed, respondedOn: calendarDate(input.respondedOn), createdAt: now, createdById: actor.userId } })
    await recordAudit(tx, { actorId: actor.userId, action: 'oversight.response', subjectType: 'visit', subjectId: action.visitId, details: { responseId: response.id, completed: input.completed } })
    return { id: response.id }
  })
}

// ---- Reg 45, Reg 46, location shared

export async function recordReg45(actor: Actor, homeId: string, input: Reg45Input, now = new Date()) {
  const today = londonDate(now)
  if (input.completedOn > today) throw new ValidationError({ completedOn: 'The review cannot be completed in the future' })
  throwIfProblems(datesProblems(input.completedOn, today, { sentToOfstedOn: input.sentToOfstedOn }))
  if (!input.viewsChildren && !input.viewsParents && !input.viewsPlacingAuthorities && !input.viewsStaff) throw new ValidationError({ viewsChildren: 'Say whose views were sought (Regulation 45(2))' })
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    await findHome(tx, actor, 'oversight.manage', homeId)
    const review = await tx.reg45Review.create({ data: { ...input, homeId, completedOn: calendarDate(input.completedOn), sentToOfstedOn: input.sentToOfstedOn ? calendarDate(input.sentToOfstedOn) : null, createdAt: now, createdById: actor.userId } })
    await recordAudit(tx, { actorId: actor.userId, action: 'reg45.record', subjectType: 'home', subjectId: homeId, details: { reviewId: review.id } })
    return { id: review.id }
  })
}

/** Places named in several of the home's children's episodes over the pattern look-back (Haven's own recurring
 * places; recommendation 5 asks that known hot spots inform where homes are and how they keep children safe). */
export async function recurringPlaces(tx: Tx, homeId: string, now: Date) {
  const rows = await tx.$queryRawUnsafe<{ name: string; postcode: string | null; episodes: number; children: number }[]>(
    `SELECT k.name, k.postcode, count(DISTINCT e.id)::int AS episodes, count(DISTINCT e."childId")::int AS children
       FROM "EpisodeLocation" x JOIN "MissingEpisode" e ON e.id = x."episodeId" JOIN "Location" l ON l.id = x."locationId"
       JOIN "Location" k ON k.id = COALESCE(l."mergedIntoId", l.id)
      WHERE e."homeId" = $1 AND e."lastSeenAt" >= $2
      GROUP BY k.id, k.name, k.postcode HAVING count(DISTINCT e.id) >= $3
      ORDER BY children DESC, episodes DESC, k.name`,
    homeId,
    new Date(now.getTime() - settings.patterns.lookbackDays * 86_400_000),
    settings.oversight.recurringPlaceEpisodes,
  )
  return rows
}

/** What a new location assessment starts from: the places Haven's records show recurring for the home's children. */
export async function reg46Context(actor: Actor, homeId: string, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const home = await findHome(tx, actor, 'oversight.manage', homeId)
    const [assessments, shares] = await inTurn(
      () => tx.reg46Assessment.findMany({ where: { homeId }, orderBy: { assessedOn: 'desc' } }),
      () => tx.homeLocationShare.findMany({ where: { homeId }, orderBy: { sharedOn: 'desc' } }),
    )
    await recordAudit(tx, { actorId: actor.userId, action: 'reg46.read', subjectType: 'home', subjectId: homeId, details: { assessments: assessments.length } })
    return {
      home,
      recurringPlaces: await recurringPlaces(tx, homeId, now),
      assessments: assessments.map((a) => ({ ...a, assessedOn: isoDate(a.assessedOn), consultedOn: isoDate(a.consultedOn) })),
      shares: shares.map((s) => ({ id: s.id, sharedOn: isoDate(s.sharedOn), sharedWith: s.sharedWith })),
    }
  })
}

export async function recordReg46(actor: Actor, homeId: string, input: Reg46Input, now = new Date()) {
  const today = londonDate(now)
  if (input.assessedOn > today) throw new ValidationError({ assessedOn: 'The assessment cannot be in the future' })
  if (input.consultedOn > today) throw new ValidationError({ consultedOn: 'The consultation cannot be in the future' })
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    await findHome(tx, actor, 'oversight.manage', homeId)
    const places = await recurringPlaces(tx, homeId, now)
    const assessment = await tx.reg46Assessment.create({ data: { ...input, homeId, assessedOn: calendarDate(input.assessedOn), consultedOn: calendarDate(input.consultedOn), recurringPlaces: places, createdAt: now, createdById: actor.userId } })
    await recordAudit(tx, { actorId: actor.userId, action: 'reg46.record', subjectType: 'home', subjectId: homeId, details: { assessmentId: assessment.id, recurringPlaces: places.length } })
    return { id: assessment.id }
  })
}

export async function recordLocationShare(actor: Actor, homeId: string, input: LocationShareInput, now = new Date()) {
  if (input.sharedOn > londonDate(now)) throw new ValidationError({ sharedOn: 'The date cannot be in the future' })
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    await findHome(tx, actor, 'oversight.manage', homeId)
    const share = await tx.homeLocationShare.create({ data: { homeId, sharedOn: calendarDate(input.sharedOn), sharedWith: input.sharedWith, createdAt: now, createdById: actor.userId } })
    await recordAudit(tx, { actorId: actor.userId, action: 'oversight.location-share', subjectType: 'home', subjectId: homeId, details: { shareId: share.id } })
    return { id: share.id }
  })
}

// ---- the month's checks and figures

type HomePlacement = { startDate: Date; endDate: Date | null; child: { placingAuthority: { id: string; name: string } } }
const homePlacements = (tx: Tx, homeId: string): Promise<HomePlacement[]> =>
  tx.placement.findMany({ where: { homeId }, select: { startDate: true, endDate: true, child: { select: { placingAuthority: { select: { id: true, name: true } } } } } })
function placingOf(placements: HomePlacement[], day: string) {
  const on = placements.filter((p) => isoDate(p.startDate) <= day && (!p.endDate || isoDate(p.endDate) >= day)).map((p) => p.child.placingAuthority)
  return [...new Map(on.map((a) => [a.id, a])).values()].sort((a, b) => a.name.localeCompare(b.name))
}

/** Everything the month's checks look at, for one home, loaded once for any number of months. */
async function homeFacts(tx: Tx, homeId: string) {
  const { hostAuthority } = await tx.home.findUniqueOrThrow({ where: { id: homeId }, select: { hostAuthority: { select: { name: true } } } })
  const [visits, actions, reg45, reg46, placements] = await inTurn(
    () => tx.reg44Visit.findMany({ where: { homeId }, orderBy: { visitedOn: 'asc' }, include: { independentPerson: { select: { name: true } }, reports: { select: { receivedOn: true } }, events: { select: { kind: true, authorityId: true, on: true } } } }),
    () => tx.oversightAction.findMany({ where: { homeId }, include: { visit: { select: { visitedOn: true } }, responses: { where: { completed: true }, orderBy: { createdAt: 'asc' }, take: 1, select: { completed: true, respondedOn: true } } } }),
    () => tx.reg45Review.findMany({ where: { homeId }, select: { completedOn: true, sentToOfstedOn: true } }),
    () => tx.reg46Assessment.findMany({ where: { homeId }, select: { assessedOn: true } }),
    () => homePlacements(tx, homeId),
  )
  const facts: MonthFacts = {
    visits: visits.map((v) => visitFacts(v, placingOf(placements, isoDate(v.visitedOn)), hostAuthority.name)),
    actions: actions.map((a) => ({ recommendation: a.recommendation, raisedOn: isoDate(a.visit.visitedOn), dueOn: isoDate(a.dueOn), completedOn: completedOn(a.responses) })),
    reg45: reg45.map((r) => ({ completedOn: isoDate(r.completedOn), sentToOfstedOn: r.sentToOfstedOn ? isoDate(r.sentToOfstedOn) : null })),
    reg46: reg46.map((a) => ({ assessedOn: isoDate(a.assessedOn) })),
  }
  return { facts, visits }
}

const monthRange = (month: string) => ({ gte: londonMidnight(firstDayOf(month)), lt: londonMidnight(firstDayOf(addCalendarMonths(month, 1))) })

/** Missing episodes this month against the three before, return interviews within 72 hours, and CSE plans. */
async function monthFigures(tx: Tx, homeId: string, month: string, asOf: string, now: Date) {
  const months = [addCalendarMonths(month, -3), addCalendarMonths(month, -2), addCalendarMonths(month, -1), month]
  const episodes = await tx.missingEpisode.findMany({ where: { homeId, lastSeenAt: { gte: monthRange(months[0]).gte, lt: monthRange(month).lt } }, select: { lastSeenAt: true } })
  const byMonth = months.map((m) => ({ month: m, episodes: episodes.filter((e) => monthOf(londonDate(e.lastSeenAt)) === m).length }))
  const interviews = await tx.returnInterview.findMany({ where: { episode: { homeId }, dueAt: monthRange(month) }, select: { dueAt: true, offeredAt: true, outcome: true, heldAt: true } })
  const statuses = interviews.map((i) => interviewStatus(i, now, settings.returnInterview.dueSoonHours))
  // residents, screenings and plans as they stood at the end of the month (today, while it runs)
  const endOfDay = londonMidnight(shiftDate(asOf, { days: 1 }))
  const children = await tx.child.findMany({
    where: { placements: { some: placedAt(homeId, asOf) } },
    select: { cseScreenings: { where: { screenedAt: { lt: endOfDay } }, orderBy: { screenedAt: 'desc' }, take: 1, select: { screenedAt: true, level: true, harmIndicators: true } }, safetyPlans: { where: { createdAt: { lt: endOfDay } }, select: planFlagsSelect } },
  })
  const atRisk = children.filter((c) => c.cseScreenings[0] && needsSafetyPlan(c.cseScreenings[0]))
  const withPlan = atRisk.filter((c) => hasCurrentSafetyPlan(c.safetyPlans.map(planDays).filter((p) => !p.signedOffOn || p.signedOffOn <= asOf), asOf))
  const before = byMonth.slice(0, 3)
  return {
    episodes: { thisMonth: byMonth[3].episodes, previous: before, averageBefore: Math.round((before.reduce((n, m) => n + m.episodes, 0) / 3) * 10) / 10 },
    returnInterviews: { due: interviews.length, heldInTime: statuses.filter((s) => s === 'held').length, heldLate: statuses.filter((s) => s === 'held-late').length, overdue: statuses.filter((s) => s === 'overdue').length, other: statuses.filter((s) => !['held', 'held-late', 'overdue'].includes(s)).length },
    cse: { residents: children.length, atRisk: atRisk.length, withCurrentPlan: withPlan.length },
  }
}

export const currentMonth = (now = new Date()) => monthOf(londonDate(now))

/** The home's month: each check with its level and reason, the figures, the visits and actions, the register. */
export async function getOversightMonth(actor: Actor, homeId: string, month: string, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const home = await findHome(tx, actor, 'oversight.read', homeId)
    const today = londonDate(now)
    if (month > monthOf(today)) throw new ValidationError({ month: 'That month has not started yet: choose this month or an earlier one' })
    const { facts, visits } = await homeFacts(tx, homeId)
    const status = monthChecks(month, today, facts, settings.oversight)
    const asOf = status.inProgress ? today : lastDayOf(month)
    const [actions, reg45, reg46, shares, people] = await inTurn(
      () => tx.oversightAction.findMany({ where: { homeId, visit: { visitedOn: { lte: calendarDate(asOf) } } }, orderBy: { dueOn: 'asc' }, include: { visit: { select: { id: true, visitedOn: true } }, responses: { orderBy: { createdAt: 'asc' } } } }),
      () => tx.reg45Review.findMany({ where: { homeId }, orderBy: { completedOn: 'desc' }, take: 3 }),
      () => tx.reg46Assessment.findMany({ where: { homeId }, orderBy: { assessedOn: 'desc' }, take: 2 }),
      () => tx.homeLocationShare.findMany({ where: { homeId }, orderBy: { sharedOn: 'desc' }, take: 3 }),
      () => peopleWithIndependence(tx, home, today),
    )
    const figures = await monthFigures(tx, homeId, month, asOf, now)
    await recordAudit(tx, { actorId: actor.userId, action: 'oversight.read', subjectType: 'home', subjectId: homeId, details: { month } })
    return {
      home,
      month,
      ...status,
      figures,
      visits: visits.filter((v) => monthOf(isoDate(v.visitedOn)) === month).map((v) => ({ id: v.id, visitedOn: isoDate(v.visitedOn), visitor: v.independentPerson.name, independent: v.independent, announced: v.announced })),
      actions: actions
        .map((a) => ({ id: a.id, visitId: a.visit.id, visitedOn: isoDate(a.visit.visitedOn), recommendation: a.recommendation, owner: a.owner, dueOn: isoDate(a.dueOn), completedOn: completedOn(a.responses), responses: a.responses.length }))
        .filter((a) => !a.completedOn || a.completedOn >= firstDayOf(month)),
      reg45: reg45.map((r) => ({ id: r.id, completedOn: isoDate(r.completedOn), sentToOfstedOn: r.sentToOfstedOn ? isoDate(r.sentToOfstedOn) : null, views: { children: r.viewsChildren, parents: r.viewsParents, placingAuthorities: r.viewsPlacingAuthorities, staff: r.viewsStaff }, report: r.report })),
      reg46: reg46.map((a) => ({ ...a, assessedOn: isoDate(a.assessedOn), consultedOn: isoDate(a.consultedOn), recurringPlaces: a.recurringPlaces as { name: string; postcode: string | null; episodes: number; children: number }[] })),
      locationShares: shares.map((s) => ({ id: s.id, sharedOn: isoDate(s.sharedOn), sharedWith: s.sharedWith })),
      people,
    }
  })
}

/** Each home the actor oversees, for each of the last `months` months (newest first): level and reasons. */
export async function oversightOverview(actor: Actor, months = 6, now = new Date()) {
  if (!can(actor, 'oversight.read')) return null
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const homes = await tx.home.findMany({ where: homeWhere(actor, 'oversight.read'), orderBy: { name: 'asc' }, select: homeSelect })
    const today = londonDate(now)
    const list = Array.from({ length: months }, (_, n) => addCalendarMonths(monthOf(today), -n))
    const rows = []
    for (const home of homes) {
      const { facts } = await homeFacts(tx, home.id)
      rows.push({ home, months: list.map((month) => ({ month, ...monthChecks(month, today, facts, settings.oversight) })) })
    }
    await recordAudit(tx, { actorId: actor.userId, action: 'oversight.overview', subjectType: 'report', subjectId: 'oversight', details: { homes: homes.length, months } })
    return { months: list, rows }
  })
}

// ---- the visitor's checklist (first names and facts only: never a child's case record)

/** For the month: each child's missing episodes and return interview timeliness, CSE risk without a current plan,
 * and the home's open alerts. Scoped by the home, not childWhere: these are the home's own records for the month
 * (a child who has left since was still its resident then), shown as first name, initial and facts only. */
export async function visitorChecklist(actor: Actor, homeId: string, month: string, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const home = await findHome(tx, actor, 'visitor.checklist', homeId)
    const today = londonDate(now)
    const end = lastDayOf(month) < today ? lastDayOf(month) : today
    // CSE flags as they stood at the end of the month (today, while it runs), like the month view's figures
    const endOfDay = londonMidnight(shiftDate(end, { days: 1 }))
    const children = await tx.child.findMany({
      where: { placements: { some: placedAt(homeId, firstDayOf(month), end) } },
      orderBy: [{ firstName: 'asc' }, { lastName: 'asc' }],
      select: {
        id: true,
        firstName: true,
        lastName: true,
        missingEpisodes: { where: { homeId, lastSeenAt: monthRange(month) }, orderBy: { lastSeenAt: 'asc' }, select: { absenceType: true, lastSeenAt: true, returnedAt: true, returnInterview: { select: { dueAt: true, offeredAt: true, outcome: true, heldAt: true } } } },
        cseScreenings: { where: { screenedAt: { lt: endOfDay } }, orderBy: { screenedAt: 'desc' }, take: 1, select: { screenedAt: true, level: true, harmIndicators: true } },
        safetyPlans: { where: { createdAt: { lt: endOfDay } }, select: planFlagsSelect },
        reg40Tasks: { where: { createdAt: { lt: endOfDay }, OR: [{ completedAt: null }, { completedAt: { gte: endOfDay } }] }, select: { id: true } },
      },
    })
    const asOf = end === today ? now : londonMidnight(end)
    const alerts = await tx.alert.findMany({ where: { status: 'OPEN', homeIds: { has: homeId } }, orderBy: { openedAt: 'desc' }, select: { id: true, title: true, summary: true, openedAt: true, childIds: true } })
    await recordAudit(tx, { actorId: actor.userId, action: 'visitor.checklist', subjectType: 'home', subjectId: homeId, details: { month, children: children.length } })
    const nameOf = new Map(children.map((c) => [c.id, shortName(c)]))
    return {
      home: { id: home.id, name: home.name, town: home.town, ofstedUrn: home.ofstedUrn },
      month,
      cseAsOf: end,
      children: children.map((c) => ({
        name: shortName(c),
        episodes: c.missingEpisodes.map((e) => {
          const interview = e.returnInterview ? STATUS_LABELS[interviewStatus(e.returnInterview, now, settings.returnInterview.dueSoonHours)] : e.returnedAt ? 'No interview due recorded' : 'Still missing or away'
          return { type: e.absenceType, lastSeenAt: e.lastSeenAt, returnedAt: e.returnedAt, interview }
        }),
        cse: cseFlagsFrom(
          c.cseScreenings[0] ?? null,
          c.safetyPlans.map((p) => ({ ...p, signedOffAt: p.signedOffAt && p.signedOffAt < endOfDay ? p.signedOffAt : null })),
          c.reg40Tasks.length > 0,
          asOf,
        )
          .filter((f) => ['plan-due', 'plan-overdue', 'plan-review-overdue', 'reg40-open'].includes(f.code))
          .map((f) => f.message),
      })),
      alerts: alerts.map((a) => ({ title: a.title, summary: a.summary, openedAt: a.openedAt, children: a.childIds.map((id) => nameOf.get(id) ?? 'a child placed elsewhere') })),
    }
  })
}

/** The visitor's dashboard: their homes, their visits there, and this month's state. */
export async function visitorDashboard(actor: Actor, now = new Date()) {
  const homes = await oversightHomes(actor, 'reg44.record')
  const prisma = await getPrisma()
  const mine = await prisma.reg44Visit.findMany({ where: { homeId: { in: homes.map((h) => h.id) }, independentPerson: { userId: actor.userId } }, orderBy: { visitedOn: 'desc' }, take: 12, select: { id: true, visitedOn: true, homeId: true } })
  const month = currentMonth(now)
  return homes.map((h) => ({ home: h, month, visits: mine.filter((v) => v.homeId === h.id).map((v) => ({ id: v.id, visitedOn: isoDate(v.visitedOn) })), visitedThisMonth: mine.some((v) => v.homeId === h.id && monthOf(isoDate(v.visitedOn)) === month) }))
}

// ---- the scheduled flag: a month that ended without a visit (once per home and month)

/** For the month just ended: every home without a Reg 44 visit by an independent person (Reg 43) is flagged and
 * its registered managers and responsible individuals told, once (the flag's unique home and month make a repeat
 * run do nothing). */
export async function flagMissedVisits(now = new Date()) {
  const month = addCalendarMonths(currentMonth(now), -1)
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const homes = await tx.home.findMany({
      where: { reg44Visits: { none: { independent: true, visitedOn: { gte: calendarDate(firstDayOf(month)), lte: calendarDate(lastDayOf(month)) } } }, oversightFlags: { none: { month, kind: 'reg44-missed' } }, createdAt: { lt: londonMidnight(firstDayOf(month)) } },
      select: { id: true, name: true, providerId: true },
    })
    let flagged = 0
    for (const home of homes) {
      // a second run at the same moment waits for this row, then inserts nothing
      const inserted = await tx.$executeRaw`INSERT INTO "OversightFlag" (id, "homeId", month, kind, "createdAt") VALUES (${`flag-${home.id}-${month}`}, ${home.id}, ${month}, 'reg44-missed', ${now}) ON CONFLICT DO NOTHING`
      if (!inserted) continue
      flagged++
      const people = await tx.roleAssignment.findMany({ where: { user: { active: true }, OR: [{ role: 'REGISTERED_MANAGER', homeId: home.id }, { role: 'RESPONSIBLE_INDIVIDUAL', providerId: home.providerId }] }, select: { userId: true } })
      const link = `/homes/${home.id}/oversight?month=${month}`
      const when = formatMonth(month)
      await notify(tx, [...new Set(people.map((p) => p.userId))].map((recipientId) => ({ recipientId, kind: 'oversight.reg44-missed', link, title: `No Regulation 44 visit at ${home.name} in ${when}: Regulation 44 asks for one at least once each month`, body: emailBody() })), now)
      await recordAudit(tx, { actorId: null, action: 'oversight.flag', subjectType: 'home', subjectId: home.id, details: { month, kind: 'reg44-missed' } })
    }
    return flagged
  })
}

