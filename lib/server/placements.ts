// Starting and ending a child's placements. Dates never overlap (SSDA903 episodes); starting a new placement
// ends the open one on the same day (REC X1).
import { mayEndPlacement } from '@/lib/domain/permissions'
import { checkEndAgainstEpisodes, checkNewPlacement, checkPlacementEnd } from '@/lib/domain/placements'
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, isoDate, londonDate } from '@/lib/domain/time'
import { Prisma } from '@/lib/generated/prisma/client'
import type { PlacementEnd, PlacementStart, Reg41NoticeInput } from '@/lib/validation/children'
import type { AreaNotice } from '@/lib/validation/alerts'
import { placementData, resolvePlacementSetting } from './placement-setting'
import { ForbiddenError, throwIfProblems, ValidationError } from './errors'
import { patternsAfterEvent } from './patterns'
import { orNotFound, useCase } from './use-case'

const asDates = (p: { id: string; startDate: Date; endDate: Date | null }) => ({
  id: p.id,
  startDate: isoDate(p.startDate),
  endDate: p.endDate ? isoDate(p.endDate) : null,
})

const changedMeanwhile = () =>
  new ValidationError({
    form: "Someone else has just changed this child's placements. Reload the page to see the change; what you typed is still here.",
  })

export async function startPlacement(actor: Actor, childId: string, input: PlacementStart, now = new Date()) {
  const today = londonDate(now)
  return useCase(actor, 'placement.start', { subject: 'child', now }, async ({ tx, find, audit }) => {
    const child = await find.child(childId, { include: { placements: { orderBy: { startDate: 'desc' } } } })
    throwIfProblems(
      checkNewPlacement(
        input,
        { dateOfBirth: isoDate(child.dateOfBirth), placements: child.placements.map(asDates) },
        today,
      ),
    )
    const setting = await resolvePlacementSetting(tx, actor, 'placement.start', input, child.placingAuthorityId, '')
    const open = child.placements.find((p) => p.endDate === null)
    if (open) {
      const ended = await tx.placement.updateMany({
        where: { id: open.id, endDate: null },
        data: { endDate: calendarDate(input.startDate), endReason: 'X1', endedAt: now, endedById: actor.userId },
      })
      if (ended.count !== 1) throw changedMeanwhile()
    }
    const placement = await tx.placement.create({
      data: { ...placementData(input, setting), childId, createdById: actor.userId },
    })
    await patternsAfterEvent(tx, childId, now)
    await audit({
      action: 'placement.start',
      subjectType: 'placement',
      subjectId: placement.id,
      childId,
      details: open ? { endedPlacementId: open.id } : {},
    })
    return { id: placement.id }
  }).catch((e) => {
    // the database's one-open-placement index refused a second open placement made at the same moment
    throw e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002' ? changedMeanwhile() : e
  })
}

export async function endPlacement(actor: Actor, placementId: string, input: PlacementEnd, now = new Date()) {
  return useCase(actor, 'placement.end', { subject: 'placement', now }, async ({ tx, scope, audit }) => {
    const placement = await tx.placement
      .findFirst({ where: { id: placementId, child: scope.child } })
      .then(orNotFound('placement'))
    if (!mayEndPlacement(actor, placement))
      throw new ForbiddenError('Only the manager of the home or the social worker can end this placement.')
    throwIfProblems(checkPlacementEnd(asDates(placement), input.endDate, londonDate(now)))
    const episodes = await tx.missingEpisode.findMany({
      where: { childId: placement.childId },
      select: { lastSeenAt: true, returnedAt: true },
    })
    throwIfProblems(checkEndAgainstEpisodes(asDates(placement), input.endDate, episodes))
    const updated = await tx.placement.updateMany({
      where: { id: placementId, endDate: null }, // nobody else ended it meanwhile
      data: { endDate: calendarDate(input.endDate), endReason: input.endReason, endedAt: now, endedById: actor.userId },
    })
    if (updated.count !== 1)
      throw new ValidationError({ endDate: 'This placement has just been ended by someone else' })
    await patternsAfterEvent(tx, placement.childId, now)
    await audit({
      action: 'placement.end',
      subjectType: 'placement',
      subjectId: placementId,
      childId: placement.childId,
      details: { endDate: input.endDate, endReason: input.endReason },
    })
    return { id: placementId }
  })
}

/** The placing authority's record of telling the area authority (and, at a distance, approval and consultation). */
export async function recordAreaNotice(actor: Actor, placementId: string, input: AreaNotice, now = new Date()) {
  return useCase(actor, 'placement.area-notice', { subject: 'placement', now }, async ({ tx, scope, audit }) => {
    const placement = await tx.placement
      .findFirst({ where: { id: placementId, child: scope.child } })
      .then(orNotFound('placement'))
    if (!placement.outOfArea)
      throw new ValidationError({ form: 'This placement is in the placing authority’s own area.' })
    const today = londonDate(now)
    const problems: Record<string, string> = {}
    for (const field of ['areaNotifiedOn', 'directorApprovedOn', 'areaConsultedOn'] as const) {
      const value = input[field]
      if (value && value > today) problems[field] = 'The date cannot be in the future'
      if (value && placement[field]) problems[field] = 'Already recorded'
    }
    throwIfProblems(problems)
    const data = {
      ...(input.areaNotifiedOn ? { areaNotifiedOn: calendarDate(input.areaNotifiedOn) } : {}),
      ...(input.directorApprovedOn ? { directorApprovedOn: calendarDate(input.directorApprovedOn) } : {}),
      ...(input.areaConsultedOn ? { areaConsultedOn: calendarDate(input.areaConsultedOn) } : {}),
      ...(input.atDistance && !placement.atDistance ? { atDistance: true } : {}),
    }
    await tx.placement.update({ where: { id: placementId }, data })
    await patternsAfterEvent(tx, placement.childId, now)
    await audit({
      action: 'placement.area-notice',
      subjectType: 'placement',
      subjectId: placementId,
      childId: placement.childId,
      details: { field: Object.keys(data).join(',') },
    })
    return { id: placementId }
  })
}

/**
 * The home's Regulation 41 notice to the authority it is in (Children's Homes (England) Regulations 2015): of an
 * admission or a discharge, once each per placement. Scoped to the placements in the actor's own homes (the registered
 * manager's home, the responsible individual's provider), also after the child has moved on.
 */
export async function recordReg41Notice(actor: Actor, placementId: string, input: Reg41NoticeInput, now = new Date()) {
  return useCase(actor, 'placement.reg41-notice', { subject: 'placement', now }, async ({ tx, scope, audit }) => {
    const placement = await tx.placement
      .findFirst({
        // the home's own scope (its manager; the provider's responsible individual): the child may have moved on
        where: { id: placementId, home: scope.home },
        select: { id: true, childId: true, homeId: true, outOfArea: true, startDate: true, endDate: true },
      })
      .then(orNotFound('placement'))
    if (!placement.outOfArea)
      throw new ValidationError({
        form: 'The authority the home is in placed this child: no Regulation 41 notice is needed.',
      })
    const startDate = isoDate(placement.startDate)
    const endDate = placement.endDate ? isoDate(placement.endDate) : null
    if (input.notifiedOn > londonDate(now))
      throw new ValidationError({ notifiedOn: 'The date cannot be in the future' })
    if (input.kind === 'DISCHARGE' && !endDate)
      throw new ValidationError({ kind: 'The placement has not ended: record the discharge notice when it does' })
    const from = input.kind === 'DISCHARGE' ? endDate! : startDate
    if (input.notifiedOn < from)
      throw new ValidationError({
        notifiedOn: `The notice cannot be before the ${input.kind === 'DISCHARGE' ? 'discharge' : 'admission'} (${from})`,
      })
    const notice = await tx.reg41Notice.create({
      data: {
        placementId,
        kind: input.kind,
        notifiedOn: calendarDate(input.notifiedOn),
        method: input.method,
        givenBy: input.givenBy,
        recordedById: actor.userId,
        createdAt: now,
      },
    })
    await audit({
      action: 'placement.reg41-notice',
      subjectType: 'placement',
      subjectId: placementId,
      childId: placement.childId,
      details: { kind: input.kind, noticeId: notice.id },
    })
    return { id: notice.id }
  }).catch((e) => {
    // one of each kind per placement (a database index): the second is told, nothing is written twice
    throw e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002'
      ? new ValidationError({
          kind: `The ${input.kind === 'DISCHARGE' ? 'discharge' : 'admission'} notice is already recorded`,
        })
      : e
  })
}
