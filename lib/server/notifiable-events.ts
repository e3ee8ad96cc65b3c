// Regulation 40 notifiable events at a home (Children's Homes (England) Regulations 2015): recorded or proposed (the
// proposals are in notifiable-event-proposals.ts), decided by the registered person (notify, or not notifiable with
// the reason), each recipient told recorded as an entry. Scoped to the home (the registered manager's home, the
// responsible individual's provider) and audited.
import { can } from '@/lib/domain/permissions'
import { eventStatus, isOverdue, notifyByDate, requiredRecipients, stillToTell } from '@/lib/domain/notifiable-events'
import type { Actor } from '@/lib/domain/roles'
import { londonDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { DecisionInput, NotifiableEventInput, NotifiedInput } from '@/lib/validation/notifiable-events'
import type { Tx } from './database'
import { ValidationError } from './errors'
import { currentPlacement } from './scope'
import { orNotFound, useCase, type UseCase } from './use-case'

const eventInclude = {
  notices: { orderBy: { at: 'asc' } },
  child: { select: { id: true, firstName: true, lastName: true, placingAuthorityId: true } },
  home: { select: { id: true, name: true, hostAuthorityId: true } },
} as const satisfies Prisma.NotifiableEventInclude
type EventRow = Prisma.NotifiableEventGetPayload<{ include: typeof eventInclude }>

/**
 * Who must be told, who is still to be told, and whether it is overdue: the rules of lib/domain/notifiable-events.ts.
 */
export function describeEvent(e: EventRow, now: Date) {
  // Haven records no secure children's homes (reg 40(1)(f)); a child with no placing authority here counts as placed
  // by another, so the home's authority is asked for too
  const placedByHostAuthority = !!e.child && e.child.placingAuthorityId === e.home.hostAuthorityId
  const required =
    e.decision === 'NOTIFY'
      ? requiredRecipients(e.kind, { placedByHostAuthority, secureHome: false }, e.otherRelevantPersons)
      : []
  const occurredOn = londonDate(e.occurredAt)
  return {
    status: eventStatus(e),
    required,
    stillToTell: stillToTell(required, e.notices),
    notifyBy: notifyByDate(occurredOn, settings.reg40.notifyWorkingDays),
    overdue: isOverdue(
      { occurredOn, decision: e.decision, completedAt: e.completedAt },
      londonDate(now),
      settings.reg40.notifyWorkingDays,
    ),
    /** everyone required told, but after the last day on time */
    toldLate: !!e.completedAt && londonDate(e.completedAt) > notifyByDate(occurredOn, settings.reg40.notifyWorkingDays),
  }
}

/**
 * A home's notifiable events that happened between `from` and `to`, as they stand at `asOf`: for the month's oversight
 * (lib/server/oversight.ts), inside its own transaction, which audits the read. No names of recipients or free text.
 */
export async function homeNotifiableEventsIn(tx: Tx, homeId: string, from: Date, to: Date, asOf: Date) {
  const events = await tx.notifiableEvent.findMany({
    where: { homeId, occurredAt: { gte: from, lt: to } },
    include: eventInclude,
    orderBy: { occurredAt: 'asc' },
  })
  return events.map((e) => {
    const d = describeEvent(e, asOf)
    return {
      id: e.id,
      kind: e.kind,
      occurredAt: e.occurredAt,
      childId: e.childId,
      status: d.status,
      notifyBy: d.notifyBy,
      overdue: d.overdue,
      toldLate: d.toldLate,
    }
  })
}

const findEvent = ({ tx, scope }: UseCase, id: string) =>
  tx.notifiableEvent
    .findFirst({ where: { id, home: scope.home }, include: eventInclude })
    .then(orNotFound('notifiable event'))

async function namesOf(tx: Tx, ids: (string | null)[]) {
  const people = await tx.user.findMany({
    where: { id: { in: ids.filter((x): x is string => !!x) } },
    select: { id: true, name: true },
  })
  return (id: string | null) => people.find((p) => p.id === id)?.name ?? null
}

async function present(tx: Tx, events: EventRow[], now: Date) {
  const who = await namesOf(
    tx,
    events.flatMap((e) => [e.recordedById, e.decidedById, e.completedById, ...e.notices.map((n) => n.toldById)]),
  )
  return events.map((e) => ({
    ...e,
    ...describeEvent(e, now),
    child: e.child ? { id: e.child.id, firstName: e.child.firstName, lastName: e.child.lastName } : null,
    home: { id: e.home.id, name: e.home.name },
    recordedBy: who(e.recordedById),
    decidedBy: who(e.decidedById),
    notices: e.notices.map((n) => ({ ...n, toldBy: who(n.toldById) })),
  }))
}

/** The home's notifiable events, newest first: proposals waiting for a decision, events to notify, the rest. */
export async function listNotifiableEvents(actor: Actor, homeId: string, now = new Date()) {
  return useCase(actor, 'reg40.read', { subject: 'home', now }, async ({ tx, find, audit }) => {
    const home = await find.home(homeId, { select: { id: true, name: true } })
    const events = await tx.notifiableEvent.findMany({
      where: { homeId },
      include: eventInclude,
      orderBy: { occurredAt: 'desc' },
    })
    const children = await tx.child.findMany({
      where: { placements: { some: currentPlacement(now, { homeId }) } },
      select: { id: true, firstName: true, lastName: true },
      orderBy: [{ firstName: 'asc' }, { lastName: 'asc' }],
    })
    const childIds = [
      ...new Set([...events.map((e) => e.childId), ...children.map((c) => c.id)].filter((x): x is string => !!x)),
    ]
    await audit({
      action: 'reg40.list',
      subjectType: 'home',
      subjectId: homeId,
      childIds,
      details: { count: events.length },
    })
    return { home, events: await present(tx, events, now), children }
  })
}

/** A child's notifiable events (for the child's CSE page), inside a use case that has already found the child. */
export async function childNotifiableEvents(tx: Tx, childId: string, now: Date) {
  const events = await tx.notifiableEvent.findMany({
    where: { childId },
    include: eventInclude,
    orderBy: { occurredAt: 'desc' },
  })
  return present(tx, events, now)
}

/** Whether a child has an event still to decide or to notify (the CSE flag "reg40-open"). */
export const openEventWhere = {
  OR: [{ decision: null }, { decision: 'NOTIFY', completedAt: null }],
} as const satisfies Prisma.NotifiableEventWhereInput

function checkDecision(
  input: { decision?: 'NOTIFY' | 'NOT_NOTIFIABLE'; decisionReason: string | null },
  actor: Actor,
  now: Date,
) {
  if (!input.decision) return {}
  return {
    decision: input.decision,
    decisionReason: input.decision === 'NOT_NOTIFIABLE' ? input.decisionReason : null,
    decidedAt: now,
    decidedById: actor.userId,
  }
}

/** The registered person records an event at the home, with their decision (or to decide later). */
export async function recordNotifiableEvent(
  actor: Actor,
  homeId: string,
  input: NotifiableEventInput,
  now = new Date(),
) {
  return useCase(actor, 'reg40.record', { subject: 'home', now }, async ({ tx, find, audit }) => {
    await find.home(homeId, { select: { id: true } })
    const occurredAt = new Date(input.occurredAt)
    if (occurredAt.getTime() > now.getTime() + 5 * 60_000)
      throw new ValidationError({ occurredAt: 'The time cannot be in the future' })
    if (input.childId) {
      // a child of this home, in the actor's scope; out of scope reads as "not found", like any child
      await find.child(input.childId, { select: { id: true } })
      if (!(await tx.placement.count({ where: { childId: input.childId, homeId } })))
        throw new ValidationError({ childId: 'Choose a child placed at this home' })
    }
    const event = await tx.notifiableEvent.create({
      data: {
        homeId,
        kind: input.kind,
        occurredAt,
        whatHappened: input.whatHappened,
        childId: input.childId,
        personConcerned: input.kind === 'STAFF_REFERRAL' ? input.personConcerned : null,
        recordedAt: now,
        recordedById: actor.userId,
        otherRelevantPersons: input.otherRelevantPersons,
        ...checkDecision(input, actor, now),
      },
    })
    await audit({
      action: 'reg40.record',
      subjectType: 'home',
      subjectId: homeId,
      childId: event.childId,
      details: { eventId: event.id, kind: event.kind, decision: event.decision ?? null },
    })
    return { id: event.id, status: eventStatus(event) }
  })
}

/** The registered person's decision on a proposal: notify (naming each other relevant person), or not notifiable. */
export async function decideNotifiableEvent(actor: Actor, eventId: string, input: DecisionInput, now = new Date()) {
  return useCase(actor, 'reg40.record', { subject: 'notifiable event', now }, async (uc) => {
    const event = await findEvent(uc, eventId)
    if (event.decision) throw new ValidationError({ form: 'This event has already been decided.' })
    const decided = await uc.tx.notifiableEvent.updateMany({
      where: { id: eventId, decision: null },
      data: { ...checkDecision(input, actor, now), otherRelevantPersons: input.otherRelevantPersons },
    })
    if (decided.count !== 1) throw new ValidationError({ form: 'This event has already been decided.' })
    await uc.audit({
      action: 'reg40.decide',
      subjectType: 'home',
      subjectId: event.homeId,
      childId: event.childId,
      details: { eventId, decision: input.decision },
    })
    return { id: eventId, status: eventStatus({ decision: input.decision, completedAt: null }) }
  })
}

/** One recipient told: who, when, how; by the person recording it. Complete once everyone required is told. */
export async function recordNotified(actor: Actor, eventId: string, input: NotifiedInput, now = new Date()) {
  return useCase(actor, 'reg40.record', { subject: 'notifiable event', now }, async (uc) => {
    const { tx, audit } = uc
    const event = await findEvent(uc, eventId)
    if (event.decision !== 'NOTIFY') throw new ValidationError({ form: 'Record your decision to notify first.' })
    const at = new Date(input.at)
    // (it may come before the event was recorded here: a manager rings Ofsted, then writes it up)
    if (at.getTime() > now.getTime() + 5 * 60_000) throw new ValidationError({ at: 'The time cannot be in the future' })
    // telling someone not named makes them one of the relevant persons the registered person chose
    const named = event.otherRelevantPersons.some((p) => p.trim().toLowerCase() === input.who.trim().toLowerCase())
    const otherRelevantPersons =
      input.recipient === 'OTHER_RELEVANT_PERSON' && !named
        ? [...event.otherRelevantPersons, input.who]
        : event.otherRelevantPersons
    const notice = await tx.notifiableEventNotice.create({
      data: {
        eventId,
        recipient: input.recipient,
        who: input.who,
        how: input.how,
        at,
        toldById: actor.userId,
        createdAt: now,
      },
    })
    const after = { ...event, otherRelevantPersons, notices: [...event.notices, notice] }
    const complete = !event.completedAt && describeEvent(after, now).stillToTell.length === 0
    await tx.notifiableEvent.update({
      where: { id: eventId },
      data: { otherRelevantPersons, ...(complete ? { completedAt: now, completedById: actor.userId } : {}) },
    })
    await audit({
      action: 'reg40.notified',
      subjectType: 'home',
      subjectId: event.homeId,
      childId: event.childId,
      details: { eventId, noticeId: notice.id, recipient: input.recipient },
    })
    return {
      id: notice.id,
      complete: complete || !!event.completedAt,
      stillToTell: describeEvent(after, now).stillToTell,
    }
  })
}

/**
 * Notifiable events overdue in the homes the actor oversees (the registered manager's home, the responsible
 * individual's provider): proposals not decided and events not told to everyone within
 * settings.reg40.notifyWorkingDays working days. For dashboards and the month's oversight; [] for other roles.
 */
export async function overdueNotifiableEvents(actor: Actor, now = new Date()) {
  if (!can(actor, 'reg40.read')) return []
  return useCase(actor, 'reg40.read', { now }, async ({ tx, scope, audit }) => {
    const open = await tx.notifiableEvent.findMany({
      where: { home: scope.home, ...openEventWhere },
      include: eventInclude,
      orderBy: { occurredAt: 'asc' },
    })
    const overdue = open.filter((e) => describeEvent(e, now).overdue)
    const childIds = [...new Set(overdue.map((e) => e.childId).filter((x): x is string => !!x))]
    await audit({
      action: 'reg40.overdue',
      subjectType: 'home',
      subjectId: '*',
      childIds,
      details: { count: overdue.length },
    })
    return overdue.map((e) => {
      const d = describeEvent(e, now)
      return {
        id: e.id,
        home: { id: e.home.id, name: e.home.name },
        kind: e.kind,
        occurredAt: e.occurredAt,
        child: e.child ? { id: e.child.id, firstName: e.child.firstName, lastName: e.child.lastName } : null,
        status: d.status,
        notifyBy: d.notifyBy,
        stillToTell: d.stillToTell.map((r) => ({ recipient: r.recipient, who: r.who })),
        href: `/homes/${e.home.id}/notifiable-events#event-${e.id}`,
      }
    })
  })
}
