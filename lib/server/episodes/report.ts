// Missing episodes as they happen: "report missing", the timeline, the return, and "went with" links.
// Each is a use case (useCase()): scoped to the child, audited in the same transaction as the change.
import {
  checkDuringPlacement,
  checkNewEpisode,
  checkReturn,
  checkUpdate,
  durationMinutes,
  episodeStatus,
} from '@/lib/domain/episodes'
import { languageWarningsFor } from '@/lib/domain/language'
import { mayLinkWentWith } from '@/lib/domain/permissions'
import { formatDateTime, formatDuration, isoDate, londonDate } from '@/lib/domain/time'
import { Prisma } from '@/lib/generated/prisma/client'
import type { EpisodeUpdateInput, RecordReturn, ReportMissing } from '@/lib/validation/episodes'
import type { Actor } from '@/lib/domain/roles'
import type { Tx } from '../database'
import { NotFoundError, recordId, throwIfProblems, ValidationError } from '../errors'
import { notifyChildTeam } from '../notifications'
import { patternsAfterEvent } from '../patterns'
import { tellProtocolEmails } from '../protocol-emails'
import {
  resolveAssociate,
  resolveLocation,
  resolveVehicle,
  typedAssociate,
  typedLocation,
  typedVehicle,
} from '../places'
import { createDueInterview } from '../return-interviews'
import { episodeWhere } from '../scope'
import { useCase, type UseCase } from '../use-case'

const isOpenEpisodeClash = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002'

/** A child's placements as the episode rules read them: UK calendar days and where. */
export async function placementsOf(tx: Tx, childId: string) {
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
  const lastSeenAt = new Date(input.lastSeenAt)
  const returnedAt = input.return ? new Date(input.return.returnedAt) : null
  try {
    return await useCase(actor, 'episode.report', { subject: 'child', now }, async (uc) => {
      const { tx } = uc
      const child = await uc.find.child(childId, {
        include: { missingEpisodes: { select: { id: true, lastSeenAt: true, returnedAt: true } } },
      })
      const placements = await placementsOf(tx, childId)
      const newEpisode = { lastSeenAt, returnedAt }
      throwIfProblems(
        only(checkNewEpisode(newEpisode, { dateOfBirth: child.dateOfBirth, episodes: child.missingEpisodes }, now), {
          form: 'form',
          lastSeenAt: 'lastSeenAt',
          returnedAt: 'return.returnedAt',
        }),
      )
      if (returnedAt)
        throwIfProblems(
          only(checkReturn({ id: '', lastSeenAt, returnedAt: null, sightings: [] }, returnedAt, [], now), {
            returnedAt: 'return.returnedAt',
          }),
        )
      // reported without a return, an episode in a placement that has since ended is refused on when last seen
      throwIfProblems(
        only(checkDuringPlacement(newEpisode, { firstName: child.firstName, placements }), {
          lastSeenAt: 'lastSeenAt',
          returnedAt: returnedAt ? 'return.returnedAt' : 'lastSeenAt',
        }),
      )
      const startDay = londonDate(lastSeenAt)
      const homeId =
        placements.find((p) => p.startDate <= startDay && (p.endDate === null || startDay <= p.endDate))?.homeId ?? null
      const episode = await tx.missingEpisode.create({
        data: {
          childId,
          homeId,
          absenceType: input.absenceType,
          lastSeenAt,
          lastSeenPlace: input.lastSeenPlace,
          lastSeenWith: input.lastSeenWith,
          clothing: input.clothing,
          takenWith: input.takenWith,
          policeInformed: input.policeInformed,
          policeReference: input.policeReference,
          reportedAt: now,
          reportedById: actor.userId,
        },
      })
      if (input.wentWithEpisodeId) await linkInside(uc, episode.id, recordId(input.wentWithEpisodeId, 'episode'))
      // recommendation 11: the IRO (and the social worker) hear of every episode, within a minute
      await notifyChildTeam(
        tx,
        childId,
        {
          kind: 'episode.opened',
          title: (who) =>
            `${who} reported ${input.absenceType === 'AWAY' ? 'away from their placement without authorisation' : 'missing'}, last seen ${formatDateTime(lastSeenAt)}`,
          link: `/episodes/${episode.id}`,
        },
        now,
      )
      // the protocol's e-mail addresses; an episode reported with its return is told of the return only
      if (!input.return) await tellProtocolEmails(tx, episode, 'episode.opened', now)
      await uc.audit({
        action: 'episode.report',
        subjectType: 'episode',
        subjectId: episode.id,
        childId,
        details: { homeId, ...(input.wentWithEpisodeId ? { wentWithEpisodeId: input.wentWithEpisodeId } : {}) },
      })
      if (input.return) await writeReturn(uc, episode, input.return)
      else await patternsAfterEvent(tx, childId, now)
      return { id: episode.id }
    })
  } catch (e) {
    if (isOpenEpisodeClash(e))
      throw new ValidationError({
        form: 'This child has just been reported missing by someone else: open their episode and add to it.',
      })
    throw e
  }
}

/** A timeline entry: a call, a place checked, a sighting, a police risk grade. Appended, never changed. */
export async function addEpisodeUpdate(actor: Actor, episodeId: string, input: EpisodeUpdateInput, now = new Date()) {
  return useCase(actor, 'episode.update', { subject: 'episode', now }, async ({ tx, find, audit }) => {
    const episode = await find.episode(episodeId)
    const at = new Date(input.at)
    throwIfProblems(checkUpdate(episode, at, now))
    const update = await tx.episodeUpdate.create({
      data: {
        episodeId,
        kind: input.kind,
        at,
        text: input.text ?? '',
        riskGrade: input.kind === 'POLICE_RISK_GRADE' ? input.riskGrade : null,
        authorId: actor.userId,
        createdAt: now,
      },
    })
    await audit({
      action: 'episode.update',
      subjectType: 'episode',
      subjectId: episodeId,
      childId: episode.childId,
      details: { updateId: update.id, kind: input.kind },
    })
    return { id: update.id, warnings: languageWarningsFor(input, ['text']) }
  })
}

/** The return: when, how, where they were, with whom, vehicles seen, their condition, who was told. */
export async function recordReturn(actor: Actor, episodeId: string, input: RecordReturn, now = new Date()) {
  return useCase(actor, 'episode.return', { subject: 'episode', now }, async (uc) => {
    const { tx } = uc
    const episode = await uc.find.episode(episodeId, {
      include: { updates: true, child: { select: { firstName: true } } },
    })
    if (episode.returnedAt)
      throw new ValidationError({
        form: 'The return has already been recorded: correct it with an amendment if it is wrong.',
      })
    const returnedAt = new Date(input.returnedAt)
    const others = await tx.missingEpisode.findMany({
      where: { childId: episode.childId, id: { not: episodeId } },
      select: { id: true, lastSeenAt: true, returnedAt: true },
    })
    const sightings = episode.updates.filter((u) => u.kind === 'SIGHTING').map((u) => u.at)
    throwIfProblems(checkReturn({ ...episode, sightings }, returnedAt, others, now))
    const child = { firstName: episode.child.firstName, placements: await placementsOf(tx, episode.childId) }
    throwIfProblems(
      only(checkDuringPlacement({ lastSeenAt: episode.lastSeenAt, returnedAt }, child), { returnedAt: 'returnedAt' }),
    )
    return writeReturn(uc, episode, input)
  })
}

/** Writes a checked return, its places, people and vehicles, the interview due, and tells the child's team. */
async function writeReturn(
  uc: UseCase,
  episode: { id: string; childId: string; homeId: string | null; lastSeenAt: Date },
  input: RecordReturn,
) {
  const { tx, actor, now } = uc
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
  if (updated.count !== 1)
    throw new ValidationError({ form: 'Someone else has just recorded this return. Reload the episode to see it.' })
  if (input.foundLocation?.name)
    await tx.episodeLocation.create({
      data: {
        episodeId,
        role: 'FOUND',
        locationId: await resolveLocation(tx, input.foundLocation, actor.userId),
        ...typedLocation(input.foundLocation),
      },
    })
  for (const visited of input.visitedLocations)
    await tx.episodeLocation.create({
      data: {
        episodeId,
        role: 'VISITED',
        locationId: await resolveLocation(tx, visited, actor.userId),
        ...typedLocation(visited),
      },
    })
  for (const associate of input.associates)
    await tx.episodeAssociate.create({
      data: {
        episodeId,
        associateId: await resolveAssociate(tx, associate, actor.userId),
        ...typedAssociate(associate),
      },
    })
  for (const vehicle of input.vehicles)
    await tx.episodeVehicle.create({
      data: { episodeId, vehicleId: await resolveVehicle(tx, vehicle, actor.userId), ...typedVehicle(vehicle) },
    })
  // every return: an independent interview within 72 hours
  const interview = await createDueInterview(tx, episode, returnedAt)
  const minutesAway = Math.round(durationMinutes({ lastSeenAt: episode.lastSeenAt, returnedAt }, now))
  await notifyChildTeam(
    tx,
    episode.childId,
    {
      kind: 'episode.returned',
      title: (who) =>
        `${who} came back ${formatDateTime(returnedAt)} after ${formatDuration(minutesAway)}; the return interview is due by ${formatDateTime(interview.dueAt)}`,
      link: `/episodes/${episodeId}`,
    },
    now,
  )
  await tellProtocolEmails(tx, episode, 'episode.returned', now)
  await patternsAfterEvent(tx, episode.childId, now)
  await uc.audit({
    action: 'episode.return',
    subjectType: 'episode',
    subjectId: episodeId,
    childId: episode.childId,
    details: { returnedAt: returnedAt.toISOString() },
  })
  return {
    id: episodeId,
    durationMinutes: minutesAway,
    warnings: languageWarningsFor(input, ['signsOfHarm', 'injuries', 'medicalAttention', 'whoInformed']),
  }
}

/** Links two episodes the actor may link (inside a use case that reports or links). */
async function linkInside({ tx, actor, now }: UseCase, episodeId: string, otherEpisodeId: string) {
  if (episodeId === otherEpisodeId) throw new ValidationError({ otherEpisodeId: 'Choose another child’s episode' })
  const pair = await tx.missingEpisode.findMany({
    where: { AND: [{ id: { in: [episodeId, otherEpisodeId] } }, episodeWhere(actor, 'episode.link', now)] },
    select: { id: true, childId: true, homeId: true, lastSeenAt: true, returnedAt: true, closedAt: true },
  })
  const a = pair.find((e) => e.id === episodeId)
  const b = pair.find((e) => e.id === otherEpisodeId)
  if (!a || !b) throw new NotFoundError('episode')
  if (a.childId === b.childId) throw new ValidationError({ otherEpisodeId: 'Choose another child’s episode' })
  if (!a.homeId || a.homeId !== b.homeId)
    throw new ValidationError({
      otherEpisodeId: 'Only children of the same home can be linked as going missing together',
    })
  const overlap = a.lastSeenAt < (b.returnedAt ?? now) && b.lastSeenAt < (a.returnedAt ?? now)
  if (!overlap) throw new ValidationError({ otherEpisodeId: 'These episodes were not at the same time' })
  const [first, second] = [a.id, b.id].sort()
  // a pair linked again after an undo gets the next number: the undone link stays on the record
  const latest = await tx.episodeLink.findFirst({
    where: { episodeId: first, otherId: second },
    orderBy: { sequence: 'desc' },
  })
  if (latest && !latest.undoneAt) throw new ValidationError({ otherEpisodeId: 'These episodes are already linked' })
  await tx.episodeLink.create({
    data: { episodeId: first, otherId: second, createdById: actor.userId, sequence: (latest?.sequence ?? 0) + 1 },
  })
  return { a, b }
}

/** "Went with": links two children's episodes from the same home at the same time. */
export async function linkEpisodes(actor: Actor, episodeId: string, otherEpisodeId: string, now = new Date()) {
  return useCase(actor, 'episode.link', { subject: 'episode', now }, async (uc) => {
    const { a } = await linkInside(uc, episodeId, otherEpisodeId)
    if (!mayLinkWentWith(uc.actor, { status: episodeStatus(a) }))
      throw new ValidationError({
        otherEpisodeId: 'The child is back: record who they were with in the return, or correct the record',
      })
    await patternsAfterEvent(uc.tx, a.childId, now)
    await uc.audit({
      action: 'episode.link',
      subjectType: 'episode',
      subjectId: episodeId,
      childId: a.childId,
      details: { otherEpisodeId },
    })
    return { id: episodeId }
  }).catch((e) => {
    if (isOpenEpisodeClash(e)) throw new ValidationError({ otherEpisodeId: 'These episodes are already linked' }) // a double click
    throw e
  })
}
