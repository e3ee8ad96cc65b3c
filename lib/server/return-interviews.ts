// Independent return interviews: due automatically after every return, recorded once by the interview service (or the
// social worker), corrected only by amendment; what the child says about the home is shown only to those allowed.
import { languageWarningsFor } from '@/lib/domain/language'
import { can } from '@/lib/domain/permissions'
import { checkOutcome, interviewDueAt, interviewStatus, isOutstanding, timeliness, type CarePerson, type InterviewState } from '@/lib/domain/return-interviews'
import { ROLE_LABELS, type Actor } from '@/lib/domain/roles'
import { ageOn, calendarDate, formatDate, isoDate, londonDate, londonMidnight, shiftDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { Prisma } from '@/lib/generated/prisma/client'
import { momentField } from '@/lib/validation/fields'
import { INTERVIEW_AMENDABLE, PREVENTION_STATUSES, type InterviewAmendableField, type OutcomeInput } from '@/lib/validation/return-interviews'
import type { InterviewSummary, InterviewView } from '@/lib/validation/responses'
import { recordAudit } from './audit'
import { getPrisma, type Tx } from './database'
import { ForbiddenError, NotFoundError, throwIfProblems, ValidationError } from './errors'
import { resolveAssociate, resolveLocation, resolveVehicle, typedAssociate, typedLocation, typedVehicle } from './places'
import { patternsAfterEvent } from './patterns'
import { concernsVisibleIn, episodeFiguresWhere, interviewWhere } from './scope'

const dueSoon = () => settings.returnInterview.dueSoonHours

/** Called in the same transaction as the return: the interview is due 72 hours later, with the right people. */
export async function createDueInterview(tx: Tx, episode: { id: string; childId: string }, returnedAt: Date, id?: string) {
  const child = await tx.child.findUniqueOrThrow({ where: { id: episode.childId }, select: { placingAuthorityId: true, socialWorkerId: true, placingAuthority: { select: { returnInterviewService: true } } } })
  const service = child.placingAuthority.returnInterviewService
  return tx.returnInterview.create({
    data: {
      id, // fixed only for demo data
      episodeId: episode.id,
      childId: episode.childId,
      dueAt: interviewDueAt(returnedAt, settings.returnInterview.dueHours),
      serviceAuthorityId: service ? child.placingAuthorityId : null,
      assignedSocialWorkerId: service ? null : child.socialWorkerId,
    },
  })
}

/** When a return time is corrected, the deadline follows it. */
export async function moveInterviewDeadline(tx: Tx, episodeId: string, returnedAt: Date) {
  await tx.returnInterview.updateMany({ where: { episodeId }, data: { dueAt: interviewDueAt(returnedAt, settings.returnInterview.dueHours) } })
}

const summaryInclude = {
  child: { select: { id: true, firstName: true, lastName: true, dateOfBirth: true } },
  episode: { select: { id: true, lastSeenAt: true, returnedAt: true, home: { select: { id: true, name: true, provider: { select: { name: true } } } } } },
} satisfies Prisma.ReturnInterviewInclude

type SummaryRow = Prisma.ReturnInterviewGetPayload<{ include: typeof summaryInclude }>

const state = (i: { dueAt: Date; offeredAt: Date | null; outcome: InterviewState['outcome']; heldAt: Date | null }): InterviewState => i

function toSummary(i: SummaryRow, now: Date): InterviewSummary {
  return {
    id: i.id,
    episodeId: i.episodeId,
    child: { id: i.child.id, firstName: i.child.firstName, lastName: i.child.lastName, age: ageOn(isoDate(i.child.dateOfBirth), londonDate(now)) },
    home: i.episode.home ? { id: i.episode.home.id, name: i.episode.home.name } : null,
    lastSeenAt: i.episode.lastSeenAt.toISOString(),
    returnedAt: i.episode.returnedAt!.toISOString(),
    dueAt: i.dueAt.toISOString(),
    status: interviewStatus(state(i), now, dueSoon()),
    heldBy: i.serviceAuthorityId ? 'service' : 'social-worker',
  }
}

/** The interviews the actor may see: due, overdue, held, or all. */
export async function listInterviews(actor: Actor, query: { status: 'due' | 'overdue' | 'held' | 'all' | 'outstanding' } = { status: 'all' }, now = new Date()) {
  if (!can(actor, 'interview.read')) throw new ForbiddenError('Your roles do not include return interviews.')
  const prisma = await getPrisma()
  const rows = await prisma.$transaction(async (tx) => {
    const found = await tx.returnInterview.findMany({
      where: { AND: [interviewWhere(actor, 'interview.read', now), query.status === 'held' ? { outcome: 'HELD' } : query.status === 'all' ? {} : { outcome: null }] },
      include: summaryInclude,
      orderBy: { dueAt: 'desc' }, // the most recent first: a pile of old ones never hides today's
      take: 500,
    })
    await recordAudit(tx, { actorId: actor.userId, action: 'interview.list', subjectType: 'returnInterview', subjectId: '*', details: { count: found.length, status: query.status } })
    return found
  })
  const summaries = rows.map((r) => toSummary(r, now))
  if (query.status !== 'held' && query.status !== 'all') summaries.reverse() // due soonest first
  if (query.status === 'overdue') return summaries.filter((s) => s.status === 'overdue')
  if (query.status === 'due') return summaries.filter((s) => s.status === 'due' || s.status === 'due-soon')
  if (query.status === 'outstanding') return summaries.filter((s) => isOutstanding(s.status))
  return summaries
}

const viewInclude = {
  ...summaryInclude,
  locations: { include: { location: true } },
  associates: { include: { associate: true } },
  vehicles: { include: { vehicle: true } },
  sharings: { orderBy: { sharedAt: 'asc' } },
  followUps: { orderBy: { createdAt: 'asc' } },
  amendments: { orderBy: { createdAt: 'asc' } },
} satisfies Prisma.ReturnInterviewInclude

async function findInterview(tx: Tx, actor: Actor, action: 'interview.read' | 'interview.record', where: Prisma.ReturnInterviewWhereInput, now: Date) {
  if (!can(actor, action)) throw new NotFoundError('return interview')
  const found = await tx.returnInterview.findFirst({ where: { AND: [where, interviewWhere(actor, action, now)] }, include: viewInclude })
  if (!found) throw new NotFoundError('return interview')
  return found
}

/**
 * The people involved in the child's care, who cannot hold the interview as independent: the child's social worker,
 * and everyone with a role at the home or at its provider (any of its homes). A Regulation 44 independent visitor is
 * independent of the home by law and is not one of them.
 */
async function carePeople(tx: Tx, childId: string, homeId: string | null): Promise<CarePerson[]> {
  const child = await tx.child.findUniqueOrThrow({ where: { id: childId }, select: { socialWorker: { select: { name: true } } } })
  const people: CarePerson[] = child.socialWorker ? [{ name: child.socialWorker.name, role: 'the child’s social worker' }] : []
  const home = homeId ? await tx.home.findUnique({ where: { id: homeId }, select: { name: true, providerId: true, provider: { select: { name: true } } } }) : null
  if (!home) return people
  const roles = await tx.roleAssignment.findMany({
    where: { role: { not: 'INDEPENDENT_VISITOR' }, OR: [{ providerId: home.providerId }, { home: { providerId: home.providerId } }] },
    select: { role: true, homeId: true, user: { select: { name: true } }, home: { select: { name: true } } },
  })
  for (const r of roles) people.push({ name: r.user.name, role: `a ${ROLE_LABELS[r.role].toLowerCase()} ${r.home ? `at ${r.home.name}` : `at ${home.provider.name}`}` })
  return people
}

const mayReadConcerns = async (tx: Tx, actor: Actor, interviewId: string) => (await concernsVisibleIn(tx, actor, [interviewId])).has(interviewId)

/** The interview for a person allowed to see it; the concerns about the home only for those allowed to read them. */
export async function getInterview(actor: Actor, where: { id: string } | { episodeId: string }, now = new Date()): Promise<InterviewView> {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const i = await findInterview(tx, actor, 'interview.read', where, now)
    const concernsVisible = await mayReadConcerns(tx, actor, i.id)
    const mayRecord = can(actor, 'interview.record') && (await tx.returnInterview.count({ where: { AND: [{ id: i.id }, interviewWhere(actor, 'interview.record', now)] } })) > 0
    await recordAudit(tx, { actorId: actor.userId, action: 'interview.read', subjectType: 'returnInterview', subjectId: i.id, childId: i.childId, details: { concernsShown: concernsVisible } })
    const people = await tx.user.findMany({
      where: { id: { in: [i.outcomeRecordedById, ...i.sharings.map((s) => s.recordedById), ...i.followUps.map((f) => f.createdById), ...i.amendments.map((a) => a.authorId)].filter((x): x is string => !!x) } },
      select: { id: true, name: true },
    })
    const who = (id: string | null) => people.find((p) => p.id === id) ?? null
    return {
      ...toSummary(i, now),
      offeredAt: i.offeredAt?.toISOString() ?? null,
      offerMethod: i.offerMethod,
      outcome: i.outcome,
      notOfferedReason: i.notOfferedReason,
      heldAt: i.heldAt?.toISOString() ?? null,
      heldWhere: i.heldWhere,
      interviewerName: i.interviewerName,
      interviewerOrganisation: i.interviewerOrganisation,
      independenceDeclared: i.independenceDeclared,
      childChoseTrustedAdult: i.childChoseTrustedAdult,
      trustedAdult: i.trustedAdult,
      childSays: { whereAndWithWhom: i.whereAndWithWhom, whatHappened: i.whatHappened, whyLeft: i.whyLeft, harmed: i.harmed, feelsSafe: i.feelsSafe, whatWouldHelp: i.whatWouldHelp },
      ...(concernsVisible ? { concernsAboutHome: i.concernsAboutHome } : {}),
      concernsVisible,
      mayRecord,
      providerName: i.episode.home?.provider.name ?? null,
      outcomeRecordedAt: i.outcomeRecordedAt?.toISOString() ?? null,
      outcomeRecordedBy: who(i.outcomeRecordedById),
      // what was typed in this interview, with the ids of the records it was recognised as
      locations: i.locations.map((l) => ({ id: l.location.mergedIntoId ?? l.location.id, name: l.typedName ?? l.location.name, kind: l.location.kind, postcode: l.typedPostcode ?? l.location.postcode })),
      associates: i.associates.map((a) => ({ id: a.associate.mergedIntoId ?? a.associate.id, name: a.typedName ?? a.associate.name, description: a.typedDescription ?? a.associate.description })),
      vehicles: i.vehicles.map((v) => ({ id: v.vehicle.mergedIntoId ?? v.vehicle.id, registration: v.typedRegistration ?? v.vehicle.registration, description: v.typedDescription ?? v.vehicle.description, taxiFirm: v.typedTaxiFirm ?? v.vehicle.taxiFirm })),
      // what went to the police and referral notes can repeat what the child said about the home: the same people see them
      sharings: i.sharings.map((s) => ({ id: s.id, sharedAt: s.sharedAt.toISOString(), policeForce: s.policeForce, what: concernsVisible ? s.what : null, basis: s.basis, reason: concernsVisible ? s.reason : null, recordedBy: who(s.recordedById) })),
      followUps: i.followUps.map((f) => ({ id: f.id, kind: f.kind, reference: f.reference, note: concernsVisible ? f.note : null, createdAt: f.createdAt.toISOString(), createdBy: who(f.createdById) })),
      preventionInterview: i.preventionInterview,
      preventionInterviewDate: i.preventionInterviewDate ? isoDate(i.preventionInterviewDate) : null,
      // a correction to the concerns is as private as the concerns
      amendments: i.amendments
        .filter((a) => concernsVisible || a.field !== 'concernsAboutHome')
        .map((a) => ({ id: a.id, field: a.field, previousValue: a.previousValue as string | null, newValue: a.newValue as string | null, reason: a.reason, author: who(a.authorId), createdAt: a.createdAt.toISOString() })),
      version: i.version,
    }
  })
}

/** The offer, before the interview happens (or is declined). */
export async function recordOffer(actor: Actor, interviewId: string, input: { offeredAt: string; offerMethod: string }, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const i = await findInterview(tx, actor, 'interview.record', { id: interviewId }, now)
    if (i.outcome || i.offeredAt) throw new ValidationError({ form: 'The offer or the outcome has already been recorded: correct it with an amendment.' })
    const offeredAt = new Date(input.offeredAt)
    throwIfProblems(checkOutcome({ outcome: 'DECLINED', offeredAt, heldAt: null, interviewerOrganisation: null, independenceDeclared: false, childChoseTrustedAdult: false, trustedAdult: null }, { returnedAt: i.episode.returnedAt!, providerName: null, now }))
    const offered = await tx.returnInterview.updateMany({
      where: { id: interviewId, offeredAt: null, outcome: null },
      data: { offeredAt, offerMethod: input.offerMethod as never, offerRecordedById: actor.userId, version: { increment: 1 } },
    })
    if (offered.count !== 1) throw new ValidationError({ form: 'Someone else has just recorded this. Reload to see it.' })
    await recordAudit(tx, { actorId: actor.userId, action: 'interview.offer', subjectType: 'returnInterview', subjectId: interviewId, childId: i.childId, details: {} })
    return { id: interviewId }
  })
}

/** The interview itself (or why it did not happen): recorded once. */
export async function recordOutcome(actor: Actor, where: { id: string } | { episodeId: string }, input: OutcomeInput, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const i = await findInterview(tx, actor, 'interview.record', where, now)
    if (i.outcome) throw new ValidationError({ form: 'The outcome has already been recorded: correct it with an amendment.' })
    // an offer already recorded stands (corrections are amendments); otherwise the outcome brings its own
    const offeredAt = i.offeredAt ?? (input.offeredAt ? new Date(input.offeredAt) : null)
    if (input.outcome !== 'NOT_OFFERED' && !offeredAt) throw new ValidationError({ offeredAt: 'Enter when the interview was offered' })
    const heldAt = input.outcome === 'HELD' && input.heldAt ? new Date(input.heldAt) : null
    throwIfProblems(
      checkOutcome(
        { outcome: input.outcome, offeredAt, heldAt, interviewerName: input.interviewerName, interviewerOrganisation: input.interviewerOrganisation, independenceDeclared: input.independenceDeclared, childChoseTrustedAdult: input.childChoseTrustedAdult, trustedAdult: input.trustedAdult },
        { returnedAt: i.episode.returnedAt!, providerName: i.episode.home?.provider.name ?? null, now, carePeople: input.outcome === 'HELD' && !input.childChoseTrustedAdult ? await carePeople(tx, i.childId, i.episode.home?.id ?? null) : [] },
      ),
    )
    const held = input.outcome === 'HELD'
    const updated = await tx.returnInterview.updateMany({
      where: { id: i.id, outcome: null },
      data: {
        outcome: input.outcome,
        offeredAt,
        offerMethod: (i.offerMethod ?? input.offerMethod) as never,
        notOfferedReason: input.outcome === 'NOT_OFFERED' ? input.notOfferedReason : null,
        heldAt,
        heldWhere: held ? input.heldWhere : null,
        interviewerName: held ? input.interviewerName : null,
        interviewerOrganisation: held ? input.interviewerOrganisation : null,
        independenceDeclared: held ? input.independenceDeclared : null,
        childChoseTrustedAdult: held ? input.childChoseTrustedAdult : null,
        trustedAdult: held && input.childChoseTrustedAdult ? input.trustedAdult : null,
        whereAndWithWhom: input.whereAndWithWhom,
        whatHappened: input.whatHappened,
        whyLeft: input.whyLeft,
        harmed: input.harmed,
        feelsSafe: input.feelsSafe,
        whatWouldHelp: input.whatWouldHelp,
        concernsAboutHome: input.concernsAboutHome,
        outcomeRecordedAt: now,
        outcomeRecordedById: actor.userId,
        version: { increment: 1 },
      },
    })
    if (updated.count !== 1) throw new ValidationError({ form: 'Someone else has just recorded this interview. Reload to see it; what you typed is still here.' })
    for (const place of input.locations)
      await tx.interviewLocation.create({ data: { interviewId: i.id, locationId: await resolveLocation(tx, place, actor.userId), ...typedLocation(place) } })
    for (const person of input.associates)
      await tx.interviewAssociate.create({ data: { interviewId: i.id, associateId: await resolveAssociate(tx, person, actor.userId), ...typedAssociate(person) } })
    for (const car of input.vehicles) await tx.interviewVehicle.create({ data: { interviewId: i.id, vehicleId: await resolveVehicle(tx, car, actor.userId), ...typedVehicle(car) } })
    await patternsAfterEvent(tx, i.childId, now)
    await recordAudit(tx, { actorId: actor.userId, action: 'interview.outcome', subjectType: 'returnInterview', subjectId: i.id, childId: i.childId, details: { outcome: input.outcome } })
    return { id: i.id, warnings: languageWarningsFor(input, ['whereAndWithWhom', 'whatHappened', 'whyLeft', 'harmed', 'feelsSafe', 'whatWouldHelp', 'concernsAboutHome', 'notOfferedReason']) }
  })
}

const stale = () => new ValidationError({ form: 'Someone else changed this interview while you were working on it. Reload to see their change; what you typed is still here.' })

/** A correction, with the old value kept beside it. */
export async function amendInterview(actor: Actor, interviewId: string, input: { field: InterviewAmendableField; value: string; reason: string; version: number }, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const i = await findInterview(tx, actor, 'interview.record', { id: interviewId }, now)
    if (i.version !== input.version) throw stale()
    if (!i.outcome) throw new ValidationError({ form: 'Record the interview first; corrections come after.' })
    if (input.field === 'concernsAboutHome' && !(await mayReadConcerns(tx, actor, i.id))) throw new NotFoundError('return interview')
    // a correction cannot make someone involved in the child's care the independent interviewer
    if ((input.field === 'interviewerOrganisation' || input.field === 'interviewerName') && i.outcome === 'HELD' && !i.childChoseTrustedAdult) {
      const corrected = { interviewerName: i.interviewerName, interviewerOrganisation: i.interviewerOrganisation, [input.field]: input.value }
      const problems = checkOutcome(
        { outcome: 'HELD', offeredAt: null, heldAt: i.heldAt, ...corrected, independenceDeclared: true, childChoseTrustedAdult: false, trustedAdult: null },
        { returnedAt: i.episode.returnedAt!, providerName: i.episode.home?.provider.name ?? null, now, carePeople: await carePeople(tx, i.childId, i.episode.home?.id ?? null) },
      )
      const problem = problems.interviewerName ?? problems.interviewerOrganisation
      if (problem) throw new ValidationError({ value: problem })
    }
    let value: string | Date | null = input.value.trim() || null
    if (input.field === 'heldAt') {
      if (i.outcome !== 'HELD') throw new ValidationError({ value: 'The interview is not recorded as held' })
      const parsed = momentField('the time it was held').safeParse(input.value)
      if (!parsed.success) throw new ValidationError({ value: parsed.error.issues[0].message })
      value = new Date(parsed.data)
      const problems = checkOutcome(
        { outcome: 'HELD', offeredAt: i.offeredAt, heldAt: value, interviewerOrganisation: null, independenceDeclared: true, childChoseTrustedAdult: false, trustedAdult: null },
        { returnedAt: i.episode.returnedAt!, providerName: null, now },
      )
      if (problems.heldAt) throw new ValidationError({ value: problems.heldAt })
    }
    if (input.field === 'preventionInterview' && !(PREVENTION_STATUSES as readonly string[]).includes(String(value)))
      throw new ValidationError({ value: 'Choose DONE, DECLINED or NOT_DONE' })
    const previous = i[input.field]
    const updated = await tx.returnInterview.updateMany({ where: { id: interviewId, version: input.version }, data: { [input.field]: value, version: { increment: 1 } } })
    if (updated.count !== 1) throw stale()
    const json = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null)) as Prisma.InputJsonValue
    const amendment = await tx.interviewAmendment.create({
      data: { interviewId, field: input.field, previousValue: json(previous), newValue: json(value), reason: input.reason, authorId: actor.userId, createdAt: now },
    })
    await recordAudit(tx, { actorId: actor.userId, action: 'interview.amend', subjectType: 'returnInterview', subjectId: interviewId, childId: i.childId, details: { field: input.field, amendmentId: amendment.id } })
    return { id: amendment.id, field: INTERVIEW_AMENDABLE[input.field] }
  })
}

/** A CSE screening or safeguarding referral started because of what the child said. */
export async function addFollowUp(actor: Actor, interviewId: string, input: { kind: 'CSE_SCREENING' | 'SAFEGUARDING_REFERRAL'; reference: string | null; note: string | null }, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const i = await findInterview(tx, actor, 'interview.record', { id: interviewId }, now)
    const followUp = await tx.interviewFollowUp.create({ data: { interviewId, kind: input.kind, reference: input.reference, note: input.note, createdAt: now, createdById: actor.userId } })
    await recordAudit(tx, { actorId: actor.userId, action: 'interview.follow-up', subjectType: 'returnInterview', subjectId: interviewId, childId: i.childId, details: { kind: input.kind, followUpId: followUp.id } })
    return { id: followUp.id }
  })
}

/** What was shared with the police from the interview (recommendation 10), when, with which force and why. */
export async function recordPoliceSharing(
  actor: Actor,
  interviewId: string,
  input: { sharedAt: string; policeForce: string; what: string; basis: 'CONSENT' | 'SAFEGUARDING_WITHOUT_CONSENT'; reason: string | null },
  now = new Date(),
) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const i = await findInterview(tx, actor, 'interview.record', { id: interviewId }, now)
    const sharedAt = new Date(input.sharedAt)
    if (sharedAt < i.episode.returnedAt! || sharedAt.getTime() > now.getTime() + 5 * 60_000) throw new ValidationError({ sharedAt: 'The time must be after the return and not in the future' })
    const sharing = await tx.policeSharing.create({ data: { interviewId, sharedAt, policeForce: input.policeForce, what: input.what, basis: input.basis, reason: input.reason, recordedById: actor.userId, createdAt: now } })
    await recordAudit(tx, { actorId: actor.userId, action: 'interview.police-sharing', subjectType: 'returnInterview', subjectId: interviewId, childId: i.childId, details: { sharingId: sharing.id, basis: input.basis } })
    return { id: sharing.id }
  })
}

/** The police prevention interview (formerly "safe and well"): done, declined or not done. Once; then amendments. */
export async function recordPreventionInterview(actor: Actor, interviewId: string, input: { preventionInterview: 'DONE' | 'DECLINED' | 'NOT_DONE'; preventionInterviewDate: string | null }, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const i = await findInterview(tx, actor, 'interview.record', { id: interviewId }, now)
    if (i.preventionInterview) throw new ValidationError({ form: 'Already recorded: correct it with an amendment.' })
    if (input.preventionInterview === 'DONE' && !input.preventionInterviewDate) throw new ValidationError({ preventionInterviewDate: 'Enter the date of the police prevention interview' })
    const day = input.preventionInterviewDate
    if (day && day > londonDate(now)) throw new ValidationError({ preventionInterviewDate: 'The date cannot be in the future' })
    if (day && day < londonDate(i.episode.returnedAt!))
      throw new ValidationError({ preventionInterviewDate: `The child came back on ${formatDate(londonDate(i.episode.returnedAt!))}: the police prevention interview cannot be before that` })
    const saved = await tx.returnInterview.updateMany({
      where: { id: interviewId, preventionInterview: null },
      data: { preventionInterview: input.preventionInterview, preventionInterviewDate: input.preventionInterviewDate ? calendarDate(input.preventionInterviewDate) : null, version: { increment: 1 } },
    })
    if (saved.count !== 1) throw new ValidationError({ form: 'Someone else has just recorded this. Reload to see it.' })
    await recordAudit(tx, { actorId: actor.userId, action: 'interview.prevention', subjectType: 'returnInterview', subjectId: interviewId, childId: i.childId, details: { status: input.preventionInterview } })
    return { id: interviewId }
  })
}

/** Timeliness per home and per placing authority, for returns in a period, over the episodes the actor may see. */
export async function timelinessReport(actor: Actor, period: { from: string; to: string }, now = new Date()) {
  if (!can(actor, 'interview.timeliness')) throw new ForbiddenError('Your roles do not include timeliness figures.')
  const prisma = await getPrisma()
  // the period in UK days; a home's figures are its own episodes, wherever the children live now
  const rows = await prisma.returnInterview.findMany({
    where: { AND: [{ episode: episodeFiguresWhere(actor, 'interview.timeliness', now) }, { episode: { returnedAt: { gte: londonMidnight(period.from), lt: londonMidnight(shiftDate(period.to, { days: 1 })) } } }] },
    select: {
      dueAt: true,
      offeredAt: true,
      outcome: true,
      heldAt: true,
      child: { select: { placingAuthority: { select: { id: true, name: true } } } },
      episode: { select: { home: { select: { id: true, name: true } } } },
    },
  })
  const group = (key: (r: (typeof rows)[number]) => { id: string; name: string }) => {
    const groups = new Map<string, { name: string; states: InterviewState[] }>()
    for (const r of rows) {
      const k = key(r)
      groups.set(k.id, { name: k.name, states: [...(groups.get(k.id)?.states ?? []), r] })
    }
    return [...groups.entries()].map(([id, g]) => ({ id, name: g.name, ...timeliness(g.states, now, dueSoon()) })).sort((a, b) => a.name.localeCompare(b.name))
  }
  return {
    period,
    total: timeliness(rows, now, dueSoon()),
    byHome: group((r) => r.episode.home ?? { id: 'none', name: 'Not in a Haven home' }),
    byAuthority: group((r) => r.child.placingAuthority),
  }
}

/** Outstanding interviews in scope, for dashboards (due soon first). */
export async function outstandingInterviews(actor: Actor, now = new Date()) {
  if (!can(actor, 'interview.read')) return []
  return listInterviews(actor, { status: 'outstanding' }, now)
}

/** The LA missing lead sets who holds their authority's return interviews: a named service, or the social worker. */
export async function setReturnInterviewService(actor: Actor, localAuthorityId: string, input: { name: string | null }) {
  const grant = actor.grants.find((g) => g.role === 'LA_MISSING_LEAD' && g.localAuthorityId === localAuthorityId)
  if (!can(actor, 'authority.configure') || !grant) throw new NotFoundError('local authority')
  const prisma = await getPrisma()
  await prisma
    .$transaction(async (tx) => {
    if (input.name) await tx.returnInterviewService.upsert({ where: { localAuthorityId }, create: { localAuthorityId, name: input.name, updatedById: actor.userId }, update: { name: input.name, updatedAt: new Date(), updatedById: actor.userId } })
    else await tx.returnInterviewService.deleteMany({ where: { localAuthorityId } })
    await recordAudit(tx, { actorId: actor.userId, action: 'authority.configure', subjectType: 'localAuthority', subjectId: localAuthorityId, details: { returnInterviewService: input.name } })
    })
    .catch((e) => {
      if (e?.code === 'P2002') throw new ValidationError({ form: 'Someone else saved this at the same moment. Reload and try again.' })
      throw e
    })
}

export async function authoritySettings(actor: Actor) {
  const ids = actor.grants.filter((g) => g.role === 'LA_MISSING_LEAD' && g.localAuthorityId).map((g) => g.localAuthorityId!)
  const prisma = await getPrisma()
  return prisma.localAuthority.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, returnInterviewService: { select: { name: true } } } })
}
