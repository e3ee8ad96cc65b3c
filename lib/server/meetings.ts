// Strategy discussions and multi-agency meetings about a child: who took part, the child's and family's views, the
// decisions, and actions with an owner and a due date tracked to completion. Linked to the episodes and alerts that
// led to them. The rule for a missing meeting is lib/domain/meetings.ts; the scheduled flag is flagMissingMeetings.
import { currentRiskGrade } from '@/lib/domain/episodes'
import {
  actionState,
  FLAG_TITLES,
  MEETING_FIELDS,
  MEETING_KINDS,
  meetingFlags,
  type MeetingFact,
  type MeetingField,
  type MeetingKind,
} from '@/lib/domain/meetings'
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, isoDate, londonDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { CompleteActionInput, MeetingActionInput, MeetingInput } from '@/lib/validation/meetings'
import { recordAudit } from './audit'
import { getPrisma, type Tx } from './database'
import { throwIfProblems, ValidationError } from './errors'
import { emailBody, initials, notify } from './notifications'
import { orNotFound, useCase, type UseCase } from './use-case'

/** The flags due now for each of these children (a high-risk episode or a repeat-episode alert without a meeting). */
export async function meetingFlagsFor(tx: Tx, childIds: string[], now: Date) {
  const [episodes, alerts, meetings] = [
    await tx.missingEpisode.findMany({
      where: { childId: { in: childIds }, returnedAt: null, lastSeenAt: { lte: now } },
      select: { id: true, childId: true, lastSeenAt: true, updates: { select: { at: true, riskGrade: true } } },
    }),
    await tx.alert.findMany({
      where: { rule: 'repeat-missing', status: 'OPEN', childIds: { hasSome: childIds } },
      select: { id: true, openedAt: true, childIds: true },
    }),
    await tx.meeting.findMany({
      where: { childId: { in: childIds } },
      select: { childId: true, heldOn: true, episodes: true, alerts: true },
    }),
  ]
  const s = settings.meetings
  return new Map(
    childIds.map((childId) => {
      const facts: MeetingFact[] = meetings
        .filter((m) => m.childId === childId)
        .map((m) => ({
          heldOn: isoDate(m.heldOn),
          episodeIds: m.episodes.map((e) => e.episodeId),
          alertIds: m.alerts.map((a) => a.alertId),
        }))
      const flags = meetingFlags(
        {
          openEpisodes: episodes
            .filter((e) => e.childId === childId)
            .map((e) => ({ id: e.id, lastSeenAt: e.lastSeenAt, riskGrade: currentRiskGrade(e.updates) })),
          repeatAlerts: alerts.filter((a) => a.childIds.includes(childId)),
          meetings: facts,
        },
        now,
        s,
      )
      return [childId, flags.map((f) => ({ ...f, title: FLAG_TITLES[f.kind] }))]
    }),
  )
}

const meetingInclude = {
  actions: { orderBy: [{ dueOn: 'asc' as const }, { createdAt: 'asc' as const }] },
  episodes: { select: { episodeId: true } },
  alerts: { select: { alertId: true } },
  amendments: { orderBy: { createdAt: 'asc' as const } },
}

type MeetingRow = Awaited<ReturnType<Tx['meeting']['findFirstOrThrow']>> & {
  actions: Awaited<ReturnType<Tx['meetingAction']['findFirstOrThrow']>>[]
  episodes: { episodeId: string }[]
  alerts: { alertId: string }[]
  amendments: Awaited<ReturnType<Tx['meetingAmendment']['findFirstOrThrow']>>[]
}

function meetingView(m: MeetingRow, today: string, name: (id: string) => string) {
  return {
    id: m.id,
    kind: m.kind,
    kindLabel: MEETING_KINDS[m.kind],
    kinds: m.kinds,
    heldOn: isoDate(m.heldOn),
    participants: m.participants as { name: string; agency: string }[],
    childViews: m.childViews,
    familyViews: m.familyViews,
    decisions: m.decisions,
    actions: m.actions.map((a) => {
      const view = { dueOn: isoDate(a.dueOn), completedOn: a.completedOn && isoDate(a.completedOn) }
      return {
        id: a.id,
        action: a.action,
        owner: a.owner,
        ...view,
        state: actionState(view, today),
        completionNote: a.completionNote,
      }
    }),
    episodeIds: m.episodes.map((e) => e.episodeId),
    alertIds: m.alerts.map((a) => a.alertId),
    version: m.version,
    recordedBy: name(m.createdById),
    recordedAt: m.createdAt.toISOString(),
    amendments: m.amendments.map((a) => ({
      field: MEETING_FIELDS[a.field as MeetingField] ?? a.field,
      previousValue: a.previousValue,
      newValue: a.newValue,
      reason: a.reason,
      author: name(a.authorId),
      at: a.createdAt.toISOString(),
    })),
  }
}

/** The child's meetings, newest first, and what is flagged as needing one. */
export async function listMeetings(actor: Actor, childId: string, now = new Date()) {
  return useCase(actor, 'meeting.read', { subject: 'child', now }, async ({ tx, find, audit }) => {
    await find.child(childId, { select: { id: true } })
    const rows = await tx.meeting.findMany({
      where: { childId },
      orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }],
      include: meetingInclude,
    })
    const people = await tx.user.findMany({
      where: { id: { in: rows.flatMap((r) => [r.createdById, ...r.amendments.map((a) => a.authorId)]) } },
      select: { id: true, name: true },
    })
    const name = (id: string) => people.find((p) => p.id === id)?.name ?? 'Someone no longer in Haven'
    const flags = (await meetingFlagsFor(tx, [childId], now)).get(childId)!
    await audit({
      action: 'meeting.list',
      subjectType: 'child',
      subjectId: childId,
      childId,
      details: { count: rows.length },
    })
    return {
      meetings: rows.map((m) => meetingView(m, londonDate(now), name)),
      flags: flags.map((f) => ({ kind: f.kind, subjectId: f.subjectId, title: f.title, due: f.due.toISOString() })),
    }
  })
}

/** Due dates come on or after the meeting. */
function actionProblems(actions: MeetingActionInput[], heldOn: string, prefix: (i: number) => string) {
  return Object.fromEntries(
    actions.flatMap((a, i) =>
      a.dueOn < heldOn ? [[prefix(i), 'The action cannot be due before the meeting was held']] : [],
    ),
  )
}

/** Records a meeting with its actions, linked to the child's episodes and alerts that led to it. */
export async function recordMeeting(actor: Actor, childId: string, input: MeetingInput, now = new Date()) {
  return useCase(actor, 'meeting.record', { subject: 'child', now }, async ({ tx, find, scope, audit }) => {
    await find.child(childId, { select: { id: true } })
    const today = londonDate(now)
    if (input.heldOn > today) throw new ValidationError({ heldOn: 'The meeting cannot be held in the future' })
    throwIfProblems(actionProblems(input.actions, input.heldOn, (i) => `actions.${i}.dueOn`))
    const episodeIds = [...new Set(input.episodeIds)]
    const alertIds = [...new Set(input.alertIds)]
    const episodes = await tx.missingEpisode.count({
      where: { AND: [{ id: { in: episodeIds } }, { childId }, scope.episode] },
    })
    if (episodes !== episodeIds.length) throw new ValidationError({ episodeIds: 'Choose episodes of this child' })
    const alerts = await tx.alert.count({ where: { id: { in: alertIds }, childIds: { has: childId } } })
    if (alerts !== alertIds.length) throw new ValidationError({ alertIds: 'Choose alerts about this child' })
    const meeting = await tx.meeting.create({
      data: {
        childId,
        kind: input.kind as MeetingKind,
        kinds: input.kinds,
        heldOn: calendarDate(input.heldOn),
        participants: input.participants,
        childViews: input.childViews,
        familyViews: input.familyViews,
        decisions: input.decisions,
        createdById: actor.userId,
        createdAt: now,
        actions: {
          create: input.actions.map((a) => ({
            action: a.action,
            owner: a.owner,
            dueOn: calendarDate(a.dueOn),
            createdById: actor.userId,
            createdAt: now,
          })),
        },
        episodes: { create: episodeIds.map((episodeId) => ({ episodeId })) },
        alerts: { create: alertIds.map((alertId) => ({ alertId })) },
      },
    })
    await audit({
      action: 'meeting.record',
      subjectType: 'meeting',
      subjectId: meeting.id,
      childId,
      details: { meetingId: meeting.id, kind: input.kind, actions: input.actions.length },
    })
    return { id: meeting.id }
  })
}

/** A meeting of a child in the use case's scope; "not found" otherwise. */
const meetingIn = ({ tx, scope }: UseCase, meetingId: string) =>
  tx.meeting
    .findFirst({ where: { id: meetingId, child: scope.child }, select: { id: true, childId: true, heldOn: true } })
    .then(orNotFound('meeting'))

/** An action agreed later for a meeting already recorded. */
export async function addMeetingAction(actor: Actor, meetingId: string, input: MeetingActionInput, now = new Date()) {
  return useCase(actor, 'meeting.record', { subject: 'meeting', now }, async (uc) => {
    const meeting = await meetingIn(uc, meetingId)
    throwIfProblems(actionProblems([input], isoDate(meeting.heldOn), () => 'dueOn'))
    const action = await uc.tx.meetingAction.create({
      data: {
        meetingId,
        action: input.action,
        owner: input.owner,
        dueOn: calendarDate(input.dueOn),
        createdById: actor.userId,
        createdAt: now,
      },
    })
    await uc.audit({
      action: 'meeting.action',
      subjectType: 'meeting',
      subjectId: meetingId,
      childId: meeting.childId,
      details: { meetingId, actionId: action.id },
    })
    return { id: action.id, state: actionState({ dueOn: input.dueOn, completedOn: null }, londonDate(now)) }
  })
}

/** Marks an action completed, once, with what was done. */
export async function completeMeetingAction(
  actor: Actor,
  meetingId: string,
  actionId: string,
  input: CompleteActionInput,
  now = new Date(),
) {
  return useCase(actor, 'meeting.action', { subject: 'meeting', now }, async (uc) => {
    const meeting = await meetingIn(uc, meetingId)
    if (input.completedOn > londonDate(now) || input.completedOn < isoDate(meeting.heldOn))
      throw new ValidationError({ completedOn: 'The date is on or after the meeting and not in the future' })
    const done = await uc.tx.meetingAction.updateMany({
      where: { id: actionId, meetingId, completedOn: null },
      data: { completedOn: calendarDate(input.completedOn), completionNote: input.note, completedById: actor.userId },
    })
    if (done.count !== 1) {
      await uc.tx.meetingAction.findFirst({ where: { id: actionId, meetingId } }).then(orNotFound('action'))
      throw new ValidationError({ form: 'This action is already completed.' })
    }
    await uc.audit({
      action: 'meeting.action-complete',
      subjectType: 'meeting',
      subjectId: meetingId,
      childId: meeting.childId,
      details: { meetingId, actionId },
    })
    return { id: actionId, state: 'done' as const }
  })
}

/** For the dashboard: the actor's children needing a meeting, and meeting actions overdue. */
export async function meetingsDueInScope(actor: Actor, now = new Date()) {
  return useCase(actor, 'meeting.read', { now }, async ({ tx, scope, audit }) => {
    const children = await tx.child.findMany({
      where: scope.child,
      select: { id: true, firstName: true, lastName: true },
    })
    const flags = await meetingFlagsFor(
      tx,
      children.map((c) => c.id),
      now,
    )
    const today = londonDate(now)
    const overdue = await tx.meetingAction.findMany({
      where: { completedOn: null, dueOn: { lt: calendarDate(today) }, meeting: { child: scope.child } },
      orderBy: { dueOn: 'asc' },
      select: { id: true, action: true, owner: true, dueOn: true, meeting: { select: { childId: true, kind: true } } },
    })
    const child = (id: string) => children.find((c) => c.id === id)!
    const needing = children.flatMap((c) => flags.get(c.id)!.map((f) => ({ child: c, ...f })))
    const childIds = [...new Set([...needing.map((n) => n.child.id), ...overdue.map((a) => a.meeting.childId)])]
    await audit({
      action: 'meeting.due',
      subjectType: 'child',
      subjectId: '*',
      childIds,
      details: { count: needing.length + overdue.length },
    })
    return {
      needing,
      overdueActions: overdue.map((a) => ({
        id: a.id,
        action: a.action,
        owner: a.owner,
        dueOn: isoDate(a.dueOn),
        kindLabel: MEETING_KINDS[a.meeting.kind],
        child: child(a.meeting.childId),
      })),
    }
  })
}

/** The scheduled flag: every child with a high-risk episode or repeat-episode alert past its time without a meeting
 * is told to their social worker, IRO and the placing authority's missing lead, once per episode or alert (the flag's
 * unique kind and subject make a repeat run do nothing). A system job: no actor, audited as the system. */
export async function flagMissingMeetings(now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    // only children with something that could need a meeting
    const candidates = await tx.child.findMany({
      where: {
        OR: [
          { missingEpisodes: { some: { returnedAt: null, updates: { some: { riskGrade: 'HIGH' } } } } },
          {
            id: {
              in: (
                await tx.alert.findMany({
                  where: { rule: 'repeat-missing', status: 'OPEN' },
                  select: { childIds: true },
                })
              ).flatMap((a) => a.childIds),
            },
          },
        ],
      },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        iroId: true,
        socialWorkerId: true,
        placingAuthorityId: true,
      },
    })
    const flags = await meetingFlagsFor(
      tx,
      candidates.map((c) => c.id),
      now,
    )
    let flagged = 0
    for (const child of candidates) {
      for (const flag of flags.get(child.id)!) {
        const inserted =
          await tx.$executeRaw`INSERT INTO "MeetingFlag" (id, "childId", kind, "subjectId", "createdAt") VALUES (${`meeting-flag-${flag.kind}-${flag.subjectId}`}, ${child.id}, ${flag.kind}, ${flag.subjectId}, ${now}) ON CONFLICT DO NOTHING`
        if (!inserted) continue
        flagged++
        const leads = await tx.roleAssignment.findMany({
          where: { user: { active: true }, role: 'LA_MISSING_LEAD', localAuthorityId: child.placingAuthorityId },
          select: { userId: true },
        })
        const recipients = [child.socialWorkerId, child.iroId, ...leads.map((l) => l.userId)]
        const who = initials(child)
        await notify(
          tx,
          [...new Set(recipients.filter((id): id is string => Boolean(id)))].map((recipientId) => ({
            recipientId,
            kind: `meeting.${flag.kind}`,
            link: `/children/${child.id}/meetings`,
            title: `${who}: ${flag.title}`,
            body: emailBody(who),
            childId: child.id,
          })),
          now,
        )
        await recordAudit(tx, {
          actorId: null,
          action: 'meeting.flag',
          subjectType: 'child',
          subjectId: child.id,
          childId: child.id,
          details: { job: 'missing-meetings', kind: flag.kind, subjectId: flag.subjectId },
        })
      }
    }
    return flagged
  })
}
