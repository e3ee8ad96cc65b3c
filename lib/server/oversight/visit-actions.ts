// The recommendations of a Regulation 44 visit as actions with an owner and a due date, and the manager's responses.
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, isoDate, londonDate } from '@/lib/domain/time'
import type { ActionInput, ResponseInput } from '@/lib/validation/oversight'
import { throwIfProblems, ValidationError } from '../errors'
import { orNotFound, useCase } from '../use-case'
import { datesProblems } from './home'
import { visitFor } from './visit-access'

/** Turns a recommendation into an action with an owner and a due date. */
export async function addAction(actor: Actor, visitId: string, input: ActionInput, now = new Date()) {
  return useCase(actor, 'oversight.manage', { subject: 'visit', now }, async (uc) => {
    const { tx, audit } = uc
    const visit = await visitFor(uc, visitId)
    if (input.dueOn < isoDate(visit.visitedOn))
      throw new ValidationError({ dueOn: 'The due date cannot be before the visit' })
    const action = await tx.oversightAction.create({
      data: {
        visitId,
        homeId: visit.homeId,
        recommendation: input.recommendation,
        owner: input.owner,
        dueOn: calendarDate(input.dueOn),
        createdAt: now,
        createdById: actor.userId,
      },
    })
    await audit({
      action: 'oversight.action',
      subjectType: 'visit',
      subjectId: visitId,
      details: { actionId: action.id },
    })
    return { id: action.id }
  })
}

/** The manager's response to an action (append-only); a response marked completed closes it. */
export async function respondToAction(actor: Actor, actionId: string, input: ResponseInput, now = new Date()) {
  return useCase(actor, 'oversight.respond', { subject: 'action', now }, async ({ tx, scope, audit }) => {
    const found = await tx.oversightAction
      .findFirst({ where: { id: actionId, visit: { home: scope.home } }, select: { id: true } })
      .then(orNotFound('action'))
    // two managers completing it at once: the second waits here, then sees it completed
    await tx.$queryRaw`SELECT id FROM "OversightAction" WHERE id = ${found.id} FOR UPDATE`
    const action = await tx.oversightAction.findUniqueOrThrow({
      where: { id: found.id },
      select: {
        id: true,
        visitId: true,
        visit: { select: { visitedOn: true } },
        responses: { where: { completed: true }, select: { id: true } },
      },
    })
    if (action.responses.length) throw new ValidationError({ completed: 'This action is already completed' })
    throwIfProblems(datesProblems(isoDate(action.visit.visitedOn), londonDate(now), { respondedOn: input.respondedOn }))
    const response = await tx.oversightActionResponse.create({
      data: {
        actionId,
        text: input.text,
        completed: input.completed,
        respondedOn: calendarDate(input.respondedOn),
        createdAt: now,
        createdById: actor.userId,
      },
    })
    await audit({
      action: 'oversight.response',
      subjectType: 'visit',
      subjectId: action.visitId,
      details: { responseId: response.id, completed: input.completed },
    })
    return { id: response.id }
  })
}
