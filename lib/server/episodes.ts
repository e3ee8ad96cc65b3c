// Missing episodes: report, follow on a timeline, record the return, correct by amendment, review and close.
// Every read and write is scoped to the child (episodeWhere) and audited in the same transaction.
import {
  AMENDABLE_FIELDS,
  checkAmendedTimes,
  checkDuringPlacement,
  checkNewEpisode,
  checkReturn,
  checkUpdate,
  currentRiskGrade,
  durationMinutes,
  episodeStatus,
  type AmendableField,
} from '@/lib/domain/episodes'
import { languageWarningsFor } from '@/lib/domain/language'
import { can } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, formatDateTime, formatDuration, isoDate, londonDate } from '@/lib/domain/time'
import { Prisma } from '@/lib/generated/prisma/client'
import type { AmendEpisode, EpisodeUpdateInput, RecordReturn, ReportMissing } from '@/lib/validation/episodes'
import { ABSENCE_TYPES, RETURN_METHODS } from '@/lib/validation/episodes'
import { momentField } from '@/lib/validation/fields'
import type { EpisodeSummary, EpisodeView } from '@/lib/validation/responses'
import { recordAudit } from './audit'
import { getPrisma, type Tx } from './database'
import { ForbiddenError, NotFoundError, recordId, throwIfProblems, ValidationError } from './errors'
import { resolveAssociate, resolveLocation, resolveVehicle, typedAssociate, typedLocation, typedVehicle } from './places'
import { createDueInterview, moveInterviewDeadline } from './return-interviews'
import { notifyChildTeam } from './notifications'
import { patternsAfterEvent } from './patterns'
import { childWhere, episodeWhere } from './scope'

const person = { select: { id: true, name: true } } as const
const canonicalName = { select: { id: true, name: true, kind: true, postcode: true, mergedIntoId: true } } as const

const episodeInclude = {
  child: { select: { id: true, firstName: true, lastName: true } },
  home: { select: { id: true, name: true } },
  reportedBy: person,
  updates: { include: { author: person }, orderBy: { at: 'asc' } },
  amendments: { include: { author: person }, orderBy: { createdAt: 'asc' } },
  linksFrom: { select: { other: { select: { id: true, childId: true, child: { select: { firstName: true, lastName: true } } } } } },
  linksTo: { select: { episode: { select: { id: true, childId: true, child: { select: { firstName: true, lastName: true } } } } } },
  locations: { include: { location: canonicalName } },
  associates: { include: { associate: { select: { id: true, name: true, description: true, mergedIntoId: true } } } },
  vehicles: { include: { vehicle: { select: { id: true, registration: true, description: true, taxiFirm: true, mergedIntoId: true } } } },
  grabPackShares: { orderBy: { sharedAt: 'asc' } },
} satisfies Prisma.MissingEpisodeInclude

type EpisodeRow = Prisma.MissingEpisodeGetPayload<{ include: typeof episodeInclude }>

const iso = (d: Date | null) => (d ? d.toISOString() : null)

async function toView(tx: Tx, e: EpisodeRow, actor: Actor, now: Date): Promise<EpisodeView> {
  // "went with": name the other child only if this person may see them
  const linked = [...e.linksFrom.map((l) => l.other), ...e.linksTo.map((l) => l.episode)]
  const visibleChildren = new Set(
    (await tx.child.findMany({ where: { AND: [{ id: { in: linked.map((l) => l.childId) } }, childWhere(actor, 'child.read', now)] }, select: { id: true } })).map((c) => c.id),
  )
  const users = await tx.user.findMany({ where: { id: { in: [e.returnRecordedById, e.closedById, ...e.grabPackShares.map((s) => s.sharedById)].filter((x): x is string => !!x) } }, select: { id: true, name: true } })
  const userName = (id: string | null) => users.find((u) => u.id === id) ?? null
  // ids of the records now standing for each place, person and vehicle; the words are what was typed for this child
  const locations = e.locations.map((l) => ({ role: l.role, place: { id: l.location.mergedIntoId ?? l.location.id, name: l.typedName ?? l.location.name, kind: l.location.kind, postcode: l.typedPostcode ?? l.location.postcode } }))
  const place = (p: (typeof locations)[number]['place']) => p
  const associates = e.associates.map((a) => ({ id: a.associate.mergedIntoId ?? a.associate.id, name: a.typedName ?? a.associate.name, description: a.typedDescription ?? a.associate.description }))
  const vehicles = e.vehicles.map((v) => ({ id: v.vehicle.mergedIntoId ?? v.vehicle.id, registration: v.typedRegistration ?? v.vehicle.registration, description: v.typedDescription ?? v.vehicle.description, taxiFirm: v.typedTaxiFirm ?? v.vehicle.taxiFirm }))
  const found = locations.find((l) => l.role === 'FOUND')
  return {
    id: e.id,
    child: e.child,
    home: e.home,
    status: episodeStatus(e),
    absenceType: e.absenceType,
    lastSeenAt: e.lastSeenAt.toISOString(),
    lastSeenPlace: e.lastSeenPlace,
    lastSeenWith: e.lastSeenWith,
    clothing: e.clothing,
    policeInformed: e.policeInformed,
    policeReference: e.policeReference,
    policeRiskGrade: currentRiskGrade(e.updates),
    reportedAt: e.reportedAt.toISOString(),
    reportedBy: e.reportedBy,
    durationMinutes: Math.round(durationMinutes(e, now)),
    return: e.returnedAt
      ? {
          returnedAt: e.returnedAt.toISOString(),
          method: e.returnMethod!,
          methodOther: e.returnMethodOther,
          foundLocation: found ? place(found.place) : null,
          visitedLocations: locations.filter((l) => l.role === 'VISITED').map((l) => place(l.place)),
          associates: associates.map((a) => ({ id: a.id, name: a.name, description: a.description })),
          vehicles: vehicles.map((v) => ({ id: v.id, registration: v.registration, description: v.description, taxiFirm: v.taxiFirm })),
          injuries: e.injuries,
          hungry: e.hungry ?? false,
          tired: e.tired ?? false,
          intoxicated: e.intoxicated ?? false,
          signsOfHarm: e.signsOfHarm,
          medicalAttention: e.medicalAttention,
          whoInformed: e.whoInformed,
          recordedAt: iso(e.returnRecordedAt)!,
          recordedBy: userName(e.returnRecordedById),
        }
      : null,
    review: e.closedAt ? { closedAt: e.closedAt.toISOString(), closedBy: userName(e.closedById), note: e.reviewNote ?? '' } : null,
    updates: e.updates.map((u) => ({ id: u.id, kind: u.kind, at: u.at.toISOString(), text: u.text, riskGrade: u.riskGrade, author: u.author, createdAt: u.createdAt.toISOString() })),
    amendments: e.amendments.map((a) => ({
      id: a.id,
      field: a.field,
      previousValue: a.previousValue as string | boolean | null,
      newValue: a.newValue as string | boolean | null,
      reason: a.reason,
      author: a.author,
      createdAt: a.createdAt.toISOString(),
    })),
    wentWith: linked.map((l) => ({
      episodeId: visibleChildren.has(l.childId) ? l.id : null,
      childId: visibleChildren.has(l.childId) ? l.childId : null,
      name: visibleChildren.has(l.childId) ? `${l.child.firstName} ${l.child.lastName}` : 'Another child (not in your view)',
    })),
    grabPackShares: e.grabPackShares.map((s) => ({ sharedAt: s.sharedAt.toISOString(), policeForce: s.policeForce, reference: s.reference, sharedBy: userName(s.sharedById) })),
    version: e.version,
  }
}

async function findEpisode(tx: Tx, actor: Actor, action: Parameters<typeof episodeWhere>[1], episodeId: string, now: Date) {
  if (!can(actor, action)) throw new NotFoundError('episode')
  const episode = await tx.missingEpisode.findFirst({ where: { AND: [{ id: episodeId }, episodeWhere(actor, action, now)] }, include: episodeInclude })
  if (!episode) throw new NotFoundError('episode')
  return episode
}

/** One episode, if the actor may see its child. */
export async function getEpisode(actor: Actor, episodeId: string, now = new Date()): Promise<EpisodeView> {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const episode = await findEpisode(tx, actor, 'episode.read', episodeId, now)
    await recordAudit(tx, { actorId: actor.userId, action: 'episode.read', subjectType: 'episode', subjectId: episode.id, childId: episode.childId, details: {} })
    return toView(tx, episode, actor, now)
  })
}

function toSummary(e: { id: string; absenceType: 'MISSING' | 'AWAY'; lastSeenAt: Date; returnedAt: Date | null; closedAt: Date | null; lastSeenPlace: string; child: { id: string; firstName: string; lastName: string }; home: { id: string; name: string } | null }, now: Date): EpisodeSummary {
  return {
    id: e.id,
    child: e.child,
    home: e.home,
    status: episodeStatus(e),
    absenceType: e.absenceType,
    lastSeenAt: e.lastSeenAt.toISOString(),
    lastSeenPlace: e.lastSeenPlace,
    returnedAt: iso(e.returnedAt),
    durationMinutes: Math.round(durationMinutes(e, now)),
  }
}

const summarySelect = {
  id: true,
  absenceType: true,
  lastSeenAt: true,
  returnedAt: true,
  closedAt: true,
  lastSeenPlace: true,
  child: { select: { id: true, firstName: true, lastName: true } },
  home: { select: { id: true, name: true } },
} as const

/** A child's episodes, newest first (the child's missing history). */
export async function listChildEpisodes(actor: Actor, childId: string, now = new Date()): Promise<EpisodeSummary[]> {
  if (!can(actor, 'episode.read')) throw new NotFoundError('child')
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const child = await tx.child.findFirst({ where: { AND: [{ id: childId }, childWhere(actor, 'episode.read', now)] }, select: { id: true } })
    if (!child) throw new NotFoundError('child')
    const episodes = await tx.missingEpisode.findMany({ where: { childId }, orderBy: { lastSeenAt: 'desc' }, select: summarySelect })
    await recordAudit(tx, { actorId: actor.userId, action: 'episode.list', subjectType: 'child', subjectId: childId, childId, details: { count: episodes.length } })
    return episodes.map((e) => toSummary(e, now))
  })
}

/** Open and unreviewed episodes in the actor's scope, for dashboards. */
export async function currentEpisodes(actor: Actor, now = new Date()) {
  if (!can(actor, 'episode.read')) return { open: [], toReview: [] }
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const scope = episodeWhere(actor, 'episode.read', now)
    // every child missing now (one open episode each); the most recent returns waiting for review
    const open = await tx.missingEpisode.findMany({ where: { AND: [scope, { returnedAt: null }] }, orderBy: { lastSeenAt: 'asc' }, select: summarySelect, take: 500 })
    const toReview = await tx.missingEpisode.findMany({ where: { AND: [scope, { returnedAt: { not: null }, closedAt: null }] }, orderBy: { returnedAt: 'desc' }, select: summarySelect, take: 100 })
    await recordAudit(tx, { actorId: actor.userId, action: 'episode.list', subjectType: 'episode', subjectId: '*', details: { count: open.length + toReview.length } })
    return { open: open.map((e) => toSummary(e, now)), toReview: toReview.map((e) => toSummary(e, now)) }
  })
}

const isOpenEpisodeClash = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002'

/** A child's placements as the episode rules read them: UK calendar days and where. */
async function placementsOf(tx: Tx, childId: string) {
  const placements = await tx.placement.findMany({
    where: { childId },
    select: { startDate: true, endDate: true, homeId: true, settingName: true, home: { select: { name: true } } },
  })
  return placements.map((p) => ({
    startDate: isoDate(p.startDate),
    endDate: p.endDate ? isoDate(p.endDate) : null,
    where: p.home?.name ?? p.settingName ?? 'another setting',
    homeId: p.homeId,
  }))
}

/** Only the problems with some fields, renamed as the request names them (e.g. returnedAt -> return.returnedAt). */
function only(problems: Record<string, string>, fields: Record<string, string>) {
  return Object.fromEntries(Object.entries(problems).flatMap(([k, v]) => (k in fields ? [[fields[k], v]] : [])))
}

/** "Report missing": the first minute's facts; everything else can be added later. A back-dated episode comes with
 * its return, so it is never open alongside a later one. */
export async function reportMissing(actor: Actor, childId: string, input: ReportMissing, now = new Date()) {
  if (!can(actor, 'episode.report')) throw new NotFoundError('child')
  const prisma = await getPrisma()
  const lastSeenAt = new Date(input.lastSeenAt)
  const returnedAt = input.return ? new Date(input.return.returnedAt) : null
  try {
    return await prisma.$transaction(async (tx) => {
      const child = await tx.child.findFirst({
        where: { AND: [{ id: childId }, childWhere(actor, 'episode.report', now)] },
        include: { missingEpisodes: { select: { id: true, lastSeenAt: true, returnedAt: true } } },
      })
      if (!child) throw new NotFoundError('child')
      const placements = await placementsOf(tx, childId)
      const newEpisode = { lastSeenAt, returnedAt }
      throwIfProblems(only(checkNewEpisode(newEpisode, { dateOfBirth: child.dateOfBirth, episodes: child.missingEpisodes }, now), { form: 'form', lastSeenAt: 'lastSeenAt', returnedAt: 'return.returnedAt' }))
      if (returnedAt) throwIfProblems(only(checkReturn({ id: '', lastSeenAt, returnedAt: null, sightings: [] }, returnedAt, [], now), { returnedAt: 'return.returnedAt' }))
      // reported without a return, an episode in a placement that has since ended is refused on when last seen
      throwIfProblems(only(checkDuringPlacement(newEpisode, { firstName: child.firstName, placements }), { lastSeenAt: 'lastSeenAt', returnedAt: returnedAt ? 'return.returnedAt' : 'lastSeenAt' }))
      const startDay = londonDate(lastSeenAt)
      const homeId = placements.find((p) => p.startDate <= startDay && (p.endDate === null || startDay <= p.endDate))?.homeId ?? null
      const episode = await tx.missingEpisode.create({
        data: {
          childId,
          homeId,
          absenceType: input.absenceType,
          lastSeenAt,
          lastSeenPlace: input.lastSeenPlace,
          lastSeenWith: input.lastSeenWith,
          clothing: input.clothing,
          policeInformed: input.policeInformed,
          policeReference: input.policeReference,
          reportedAt: now,
          reportedById: actor.userId,
        },
      })
      if (input.wentWithEpisodeId) await linkInside(tx, actor, episode.id, recordId(input.wentWithEpisodeId, 'episode'), now)
      // recommendation 11: the IRO (and the social worker) hear of every episode, within a minute
      await notifyChildTeam(tx, childId, {
        kind: 'episode.opened',
        title: (who) => `${who} reported ${input.absenceType === 'AWAY' ? 'away from their placement without authorisation' : 'missing'}, last seen ${formatDateTime(lastSeenAt)}`,
        link: `/episodes/${episode.id}`,
      }, now)
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'episode.report',
        subjectType: 'episode',
        subjectId: episode.id,
        childId,
        details: { homeId, ...(input.wentWithEpisodeId ? { wentWithEpisodeId: input.wentWithEpisodeId } : {}) },
      })
      if (input.return) await writeReturn(tx, actor, episode, input.return, now)
      else await patternsAfterEvent(tx, childId, now)
      return { id: episode.id }
    })
  } catch (e) {
    if (isOpenEpisodeClash(e)) throw new ValidationError({ form: 'This child has just been reported missing by someone else: open their episode and add to it.' })
    throw e
  }
}

/** A timeline entry: a call, a place checked, a sighting, a police risk grade. Appended, never changed. */
export async function addEpisodeUpdate(actor: Actor, episodeId: string, input: EpisodeUpdateInput, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const episode = await findEpisode(tx, actor, 'episode.update', episodeId, now)
    const at = new Date(input.at)
    throwIfProblems(checkUpdate(episode, at, now))
    const update = await tx.episodeUpdate.create({
      data: { episodeId, kind: input.kind, at, text: input.text ?? '', riskGrade: input.kind === 'POLICE_RISK_GRADE' ? input.riskGrade : null, authorId: actor.userId, createdAt: now },
    })
    await recordAudit(tx, { actorId: actor.userId, action: 'episode.update', subjectType: 'episode', subjectId: episodeId, childId: episode.childId, details: { updateId: update.id, kind: input.kind } })
    return { id: update.id, warnings: languageWarningsFor(input, ['text']) }
  })
}

/** The return: when, how, where they were, with whom, vehicles seen, their condition, who was told. */
export async function recordReturn(actor: Actor, episodeId: string, input: RecordReturn, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const episode = await findEpisode(tx, actor, 'episode.return', episodeId, now)
    if (episode.returnedAt) throw new ValidationError({ form: 'The return has already been recorded: correct it with an amendment if it is wrong.' })
    const returnedAt = new Date(input.returnedAt)
    const others = await tx.missingEpisode.findMany({ where: { childId: episode.childId, id: { not: episodeId } }, select: { id: true, lastSeenAt: true, returnedAt: true } })
    const sightings = episode.updates.filter((u) => u.kind === 'SIGHTING').map((u) => u.at)
    throwIfProblems(checkReturn({ ...episode, sightings }, returnedAt, others, now))
    const child = { firstName: episode.child.firstName, placements: await placementsOf(tx, episode.childId) }
    throwIfProblems(only(checkDuringPlacement({ lastSeenAt: episode.lastSeenAt, returnedAt }, child), { returnedAt: 'returnedAt' }))
    return writeReturn(tx, actor, episode, input, now)
  })
}

/** Writes a checked return, its places, people and vehicles, the interview due, and tells the child's team. */
async function writeReturn(tx: Tx, actor: Actor, episode: { id: string; childId: string; lastSeenAt: Date }, input: RecordReturn, now: Date) {
  const episodeId = episode.id
  const returnedAt = new Date(input.returnedAt)
  const updated = await tx.missingEpisode.updateMany({
    where: { id: episodeId, returnedAt: null },
    data: {
      returnedAt,
      returnMethod: input.returnMethod,
      returnMethodOther: input.returnMethod === 'OTHER' ? input.returnMethodOther : null,
      injuries: input.injuries,
      hungry: input.hungry,
      tired: input.tired,
      intoxicated: input.intoxicated,
      signsOfHarm: input.signsOfHarm,
      medicalAttention: input.medicalAttention,
      whoInformed: input.whoInformed,
      returnRecordedAt: now,
      returnRecordedById: actor.userId,
      version: { increment: 1 },
    },
  })
  if (updated.count !== 1) throw new ValidationError({ form: 'Someone else has just recorded this return. Reload the episode to see it.' })
  if (input.foundLocation?.name)
    await tx.episodeLocation.create({ data: { episodeId, role: 'FOUND', locationId: await resolveLocation(tx, input.foundLocation, actor.userId), ...typedLocation(input.foundLocation) } })
  for (const visited of input.visitedLocations)
    await tx.episodeLocation.create({ data: { episodeId, role: 'VISITED', locationId: await resolveLocation(tx, visited, actor.userId), ...typedLocation(visited) } })
  for (const associate of input.associates)
    await tx.episodeAssociate.create({ data: { episodeId, associateId: await resolveAssociate(tx, associate, actor.userId), ...typedAssociate(associate) } })
  for (const vehicle of input.vehicles)
    await tx.episodeVehicle.create({ data: { episodeId, vehicleId: await resolveVehicle(tx, vehicle, actor.userId), ...typedVehicle(vehicle) } })
  const interview = await createDueInterview(tx, episode, returnedAt) // every return: an independent interview within 72 hours
  const minutesAway = Math.round(durationMinutes({ lastSeenAt: episode.lastSeenAt, returnedAt }, now))
  await notifyChildTeam(tx, episode.childId, {
    kind: 'episode.returned',
    title: (who) => `${who} came back ${formatDateTime(returnedAt)} after ${formatDuration(minutesAway)}; the return interview is due by ${formatDateTime(interview.dueAt)}`,
    link: `/episodes/${episodeId}`,
  }, now)
  await patternsAfterEvent(tx, episode.childId, now)
  await recordAudit(tx, { actorId: actor.userId, action: 'episode.return', subjectType: 'episode', subjectId: episodeId, childId: episode.childId, details: { returnedAt: returnedAt.toISOString() } })
  return {
    id: episodeId,
    durationMinutes: minutesAway,
    warnings: languageWarningsFor(input, ['signsOfHarm', 'injuries', 'medicalAttention', 'whoInformed']),
  }
}

const stale = () =>
  new ValidationError({ form: 'Someone else changed this episode while you were working on it. Reload the page to see their change; what you typed is still here.' })

/** The new value for an amended field, as stored, or a problem with it. */
function amendedValue(field: AmendableField, raw: string, returned: boolean): { value: string | Date | null } | { problem: string } {
  const text = raw.trim()
  if ((field === 'returnedAt' || field === 'returnMethod' || field === 'injuries' || field === 'signsOfHarm' || field === 'medicalAttention' || field === 'whoInformed') && !returned)
    return { problem: 'The return has not been recorded yet: record it first' }
  switch (field) {
    case 'absenceType':
      return (ABSENCE_TYPES as readonly string[]).includes(text) ? { value: text } : { problem: 'Choose missing (MISSING) or away (AWAY)' }
    case 'returnMethod':
      return (RETURN_METHODS as readonly string[]).includes(text) ? { value: text } : { problem: 'Choose how the child came back' }
    case 'lastSeenAt':
    case 'returnedAt': {
      const parsed = momentField('the new time').safeParse(text)
      return parsed.success ? { value: new Date(parsed.data) } : { problem: parsed.error.issues[0].message }
    }
    case 'lastSeenPlace':
      return text ? { value: text } : { problem: 'Enter where the child was last seen' }
    default:
      return { value: text || null }
  }
}

/** A correction: the old value stays readable beside the new one, with who changed it, when and why. */
export async function amendEpisode(actor: Actor, episodeId: string, input: AmendEpisode, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const episode = await findEpisode(tx, actor, 'episode.amend', episodeId, now)
    if (episode.version !== input.version) throw stale()
    const result = amendedValue(input.field, input.value, episode.returnedAt !== null)
    if ('problem' in result) throw new ValidationError({ value: result.problem })
    if (input.field === 'lastSeenAt' || input.field === 'returnedAt') {
      const others = await tx.missingEpisode.findMany({ where: { childId: episode.childId, id: { not: episodeId } }, select: { id: true, lastSeenAt: true, returnedAt: true } })
      const sightings = episode.updates.filter((u) => u.kind === 'SIGHTING').map((u) => u.at)
      const child = await tx.child.findUniqueOrThrow({ where: { id: episode.childId }, select: { dateOfBirth: true } })
      const change = { [input.field]: result.value as Date }
      const problems = checkAmendedTimes({ ...episode, sightings, updateTimes: episode.updates.map((u) => u.at), dateOfBirth: child.dateOfBirth }, change, others, now)
      if (Object.keys(problems).length) throw new ValidationError({ value: Object.values(problems)[0] })
      // the corrected times still fall within the child's placements (a return only when there is one)
      const times = { lastSeenAt: change.lastSeenAt ?? episode.lastSeenAt, returnedAt: change.returnedAt ?? episode.returnedAt }
      const placed = checkDuringPlacement(times, { firstName: episode.child.firstName, placements: await placementsOf(tx, episode.childId) })
      const placementProblem = input.field === 'lastSeenAt' ? (placed.lastSeenAt ?? (times.returnedAt && placed.returnedAt)) : placed.returnedAt
      if (placementProblem) throw new ValidationError({ value: placementProblem })
      const interview = await tx.returnInterview.findUnique({ where: { episodeId }, select: { heldAt: true } })
      if (input.field === 'returnedAt' && interview?.heldAt && interview.heldAt < (result.value as Date))
        throw new ValidationError({ value: 'The return interview is recorded as held before this time: correct that first' })
    }
    const previous = episode[input.field]
    const asJson = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null)) as Prisma.InputJsonValue
    const updated = await tx.missingEpisode.updateMany({
      where: { id: episodeId, version: input.version },
      data: { [input.field]: result.value, version: { increment: 1 } },
    })
    if (updated.count !== 1) throw stale()
    if (input.field === 'returnedAt') await moveInterviewDeadline(tx, episodeId, result.value as Date)
    if (input.field === 'lastSeenAt' || input.field === 'returnedAt') await patternsAfterEvent(tx, episode.childId, now)
    const amendment = await tx.episodeAmendment.create({
      data: { episodeId, field: input.field, previousValue: asJson(previous), newValue: asJson(result.value), reason: input.reason, authorId: actor.userId, createdAt: now },
    })
    await recordAudit(tx, { actorId: actor.userId, action: 'episode.amend', subjectType: 'episode', subjectId: episodeId, childId: episode.childId, details: { field: input.field, amendmentId: amendment.id } })
    return { id: amendment.id, field: AMENDABLE_FIELDS[input.field] }
  })
}

/** The registered manager reviews a returned episode and closes it. */
export async function closeEpisode(actor: Actor, episodeId: string, input: { reviewNote: string; version: number }, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const episode = await findEpisode(tx, actor, 'episode.close', episodeId, now)
    // the registered manager of the home reviews; with no Haven home (a B&B, say), the child's social worker does
    const mayClose = episode.homeId
      ? actor.grants.some((g) => g.role === 'REGISTERED_MANAGER' && g.homeId === episode.homeId)
      : (await tx.child.count({ where: { id: episode.childId, socialWorkerId: actor.userId } })) > 0 && actor.grants.some((g) => g.role === 'SOCIAL_WORKER')
    if (!mayClose) throw new ForbiddenError(episode.homeId ? "Only the registered manager of the child's home can close this episode." : "Only the child's social worker can close this episode.")
    if (!episode.returnedAt) throw new ValidationError({ form: 'Record the return before closing the episode.' })
    if (episode.closedAt) throw new ValidationError({ form: 'This episode has already been reviewed and closed.' })
    if (episode.version !== input.version) throw stale()
    const updated = await tx.missingEpisode.updateMany({
      where: { id: episodeId, version: input.version },
      data: { closedAt: now, closedById: actor.userId, reviewNote: input.reviewNote, version: { increment: 1 } },
    })
    if (updated.count !== 1) throw stale()
    await recordAudit(tx, { actorId: actor.userId, action: 'episode.close', subjectType: 'episode', subjectId: episodeId, childId: episode.childId, details: {} })
    return { id: episodeId }
  })
}

async function linkInside(tx: Tx, actor: Actor, episodeId: string, otherEpisodeId: string, now: Date) {
  if (episodeId === otherEpisodeId) throw new ValidationError({ otherEpisodeId: 'Choose another child’s episode' })
  const pair = await tx.missingEpisode.findMany({
    where: { AND: [{ id: { in: [episodeId, otherEpisodeId] } }, episodeWhere(actor, 'episode.link', now)] },
    select: { id: true, childId: true, homeId: true, lastSeenAt: true, returnedAt: true },
  })
  const a = pair.find((e) => e.id === episodeId)
  const b = pair.find((e) => e.id === otherEpisodeId)
  if (!a || !b) throw new NotFoundError('episode')
  if (a.childId === b.childId) throw new ValidationError({ otherEpisodeId: 'Choose another child’s episode' })
  if (!a.homeId || a.homeId !== b.homeId) throw new ValidationError({ otherEpisodeId: 'Only children of the same home can be linked as going missing together' })
  const overlap = a.lastSeenAt < (b.returnedAt ?? now) && b.lastSeenAt < (a.returnedAt ?? now)
  if (!overlap) throw new ValidationError({ otherEpisodeId: 'These episodes were not at the same time' })
  const [first, second] = [a.id, b.id].sort()
  if (await tx.episodeLink.findUnique({ where: { episodeId_otherId: { episodeId: first, otherId: second } } }))
    throw new ValidationError({ otherEpisodeId: 'These episodes are already linked' })
  await tx.episodeLink.create({ data: { episodeId: first, otherId: second, createdById: actor.userId } })
  return { a, b }
}

/** "Went with": links two children's episodes from the same home at the same time. */
export async function linkEpisodes(actor: Actor, episodeId: string, otherEpisodeId: string, now = new Date()) {
  if (!can(actor, 'episode.link')) throw new NotFoundError('episode')
  const prisma = await getPrisma()
  return prisma
    .$transaction(async (tx) => {
      const { a } = await linkInside(tx, actor, episodeId, otherEpisodeId, now)
      await patternsAfterEvent(tx, a.childId, now)
      await recordAudit(tx, { actorId: actor.userId, action: 'episode.link', subjectType: 'episode', subjectId: episodeId, childId: a.childId, details: { otherEpisodeId } })
      return { id: episodeId }
    })
    .catch((e) => {
      if (isOpenEpisodeClash(e)) throw new ValidationError({ otherEpisodeId: 'These episodes are already linked' }) // a double click
      throw e
    })
}

/** Children of the same home who could have gone with this child: their episode at the same time, if any. */
export async function wentWithCandidates(actor: Actor, episodeId: string, now = new Date()) {
  const prisma = await getPrisma()
  const episode = await prisma.missingEpisode.findFirst({ where: { AND: [{ id: episodeId }, episodeWhere(actor, 'episode.link', now)] } })
  if (!episode?.homeId) return []
  const day = calendarDate(londonDate(episode.lastSeenAt))
  const children = await prisma.$transaction(async (tx) => {
    const found = await tx.child.findMany({
    where: {
      AND: [
        { id: { not: episode.childId } },
        childWhere(actor, 'episode.link', now),
        { placements: { some: { homeId: episode.homeId, startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }] } } },
      ],
    },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      missingEpisodes: {
        where: { lastSeenAt: { lt: episode.returnedAt ?? now }, OR: [{ returnedAt: null }, { returnedAt: { gt: episode.lastSeenAt } }] },
        select: { id: true, lastSeenAt: true },
        take: 1,
      },
    },
    orderBy: { firstName: 'asc' },
    })
    await recordAudit(tx, { actorId: actor.userId, action: 'episode.list', subjectType: 'episode', subjectId: episodeId, childId: episode.childId, details: { count: found.length } })
    return found
  })
  return children.map((c) => ({ childId: c.id, name: `${c.firstName} ${c.lastName}`, episodeId: c.missingEpisodes[0]?.id ?? null }))
}
