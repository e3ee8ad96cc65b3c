// Pattern alerts as the people told about them see them: the evidence within their own scope, acknowledgement,
// the IRO's decision on the child's review (part of the child's record), resolution with a reason.
import { RULE_TITLES, type RuleCode } from '@/lib/domain/patterns'
import { checkAlertDecision } from '@/lib/domain/reviews'
import { nextReviews } from './reviews'
import type { Actor } from '@/lib/domain/roles'
import { MEETING_KINDS } from '@/lib/domain/meetings'
import { calendarDate, formatDate, isoDate, londonDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { Decision } from '@/lib/validation/alerts'
import type { Prisma } from '@/lib/generated/prisma/client'
import { readableAlerts, subjectWords } from './alert-subjects'
import { inTurn, type Tx } from './database'
import { throwIfProblems, ValidationError } from './errors'
import { orNotFound, useCase } from './use-case'

/** An alert is in scope for the people told about it (its recipients) and for every reader of one of its children
 * (lib/server/alert-subjects.ts); anyone else finds nothing, as if it did not exist. Every action on alerts is held
 * only by roles that also read them. */
async function findAlert(tx: Tx, actor: Actor, alertId: string, childScope: Prisma.ChildWhereInput) {
  return tx.alert
    .findFirst({
      where: { AND: [{ id: alertId }, await readableAlerts(tx, actor, childScope)] },
      include: {
        recipients: {
          include: {
            user: {
              select: {
                id: true,
                name: true,
                roles: {
                  select: {
                    homeId: true,
                    providerId: true,
                    localAuthorityId: true,
                    home: { select: { providerId: true } },
                  },
                },
              },
            },
          },
          orderBy: { notifiedAt: 'asc' },
        },
        decisions: { orderBy: { decidedAt: 'asc' } },
        events: { orderBy: { at: 'asc' } },
      },
    })
    .then(orNotFound('alert'))
}

/** How many alerts a page of the list shows. */
export const ALERTS_PER_PAGE = 100

export type AlertListQuery = { status?: 'OPEN' | 'RESOLVED'; unacknowledged?: boolean; page?: number }

/** The alerts this person reads, a page at a time, triage first: open before resolved, critical before warnings,
 * escalated (not acknowledged in time) before the rest, then the newest evidence first; with how many in all (never
 * silently cut short). */
export async function listAlerts(actor: Actor, query: AlertListQuery = {}, now = new Date()) {
  const denied = { forbidden: 'Your roles do not include pattern alerts.' }
  return useCase(actor, 'alert.read', { denied, now }, async ({ tx, scope, audit }) => {
    // "new" alerts are those this person was told about and has not acknowledged
    const unacknowledged = { recipients: { some: { userId: actor.userId, acknowledgedAt: null } } }
    const where: Prisma.AlertWhereInput = {
      AND: [
        query.unacknowledged ? unacknowledged : await readableAlerts(tx, actor, scope.child),
        query.status ? { status: query.status } : {},
      ],
    }
    const total = await tx.alert.count({ where })
    const pages = Math.max(1, Math.ceil(total / ALERTS_PER_PAGE))
    const page = Math.min(Math.max(1, query.page ?? 1), pages)
    const alerts = await tx.alert.findMany({
      where,
      orderBy: [
        { status: 'asc' },
        { severity: 'asc' }, // 'critical' before 'warning'
        { escalatedAt: { sort: 'desc', nulls: 'last' } },
        { updatedAt: 'desc' },
        { id: 'asc' },
      ],
      skip: (page - 1) * ALERTS_PER_PAGE,
      take: ALERTS_PER_PAGE,
      select: {
        id: true,
        rule: true,
        severity: true,
        title: true,
        summary: true,
        status: true,
        openedAt: true,
        updatedAt: true,
        escalatedAt: true,
        subjectKey: true,
        childIds: true,
        recipients: { where: { userId: actor.userId }, select: { acknowledgedAt: true } },
      },
    })
    // name the children this person may see; the others stay unnamed
    const named = [...new Set(alerts.flatMap((a) => a.childIds))]
    const visible = await tx.child.findMany({
      where: { AND: [{ id: { in: named } }, scope.child] },
      select: { id: true, firstName: true, lastName: true },
    })
    const childIds = visible.map((c) => c.id)
    const names = visible.map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}` }))
    const about = await subjectWords(
      tx,
      alerts.map((a) => a.subjectKey),
      names,
    )
    await audit({
      action: 'alert.list',
      subjectType: 'alert',
      subjectId: '*',
      childIds,
      details: { count: alerts.length },
    })
    return {
      total,
      page,
      pages,
      alerts: alerts.map((a) => ({
        id: a.id,
        rule: a.rule as RuleCode,
        severity: a.severity,
        title: a.title,
        summary: a.summary,
        status: a.status,
        openedAt: a.openedAt.toISOString(),
        updatedAt: a.updatedAt.toISOString(),
        escalatedAt: a.escalatedAt?.toISOString() ?? null,
        about: about.get(a.subjectKey) ?? '',
        told: a.recipients.length > 0,
        acknowledgedAt: a.recipients[0]?.acknowledgedAt?.toISOString() ?? null,
        children: a.childIds.map((id) => names.find((c) => c.id === id)).filter((c) => c !== undefined),
        otherChildren: a.childIds.filter((id) => !visible.some((c) => c.id === id)).length,
      })),
    }
  })
}

/** One alert with its evidence, limited to what this person may see, and the IRO's review timetable for context. */
export async function getAlert(actor: Actor, alertId: string, now = new Date()) {
  return useCase(actor, 'alert.read', { subject: 'alert', now }, async ({ tx, scope, audit }) => {
    const alert = await findAlert(tx, actor, alertId, scope.child)
    const evidence = alert.evidence as { episodeIds: string[]; interviewIds?: string[]; facts?: string[] }
    const [children, episodes] = await inTurn(
      () =>
        tx.child.findMany({
          where: { AND: [{ id: { in: alert.childIds } }, scope.child] },
          select: {
            id: true,
            firstName: true,
            lastName: true,
            iroId: true,
            socialWorkerId: true,
            placements: { orderBy: { startDate: 'asc' }, take: 1, select: { startDate: true } },
            alertDecisions: { where: { bringForward: true }, select: { reviewDate: true } },
          },
        }),
      () =>
        tx.missingEpisode.findMany({
          where: { AND: [{ id: { in: evidence.episodeIds } }, scope.episode] },
          orderBy: { lastSeenAt: 'asc' },
          select: {
            id: true,
            lastSeenAt: true,
            returnedAt: true,
            lastSeenPlace: true,
            absenceType: true,
            child: { select: { firstName: true, lastName: true } },
            home: { select: { name: true } },
            locations: { select: { typedName: true, role: true } },
          },
        }),
    )
    const reviews = await nextReviews(
      tx,
      children.map((c) => c.id),
      now,
    )
    // the meetings about its children this reader sees: the alert can be resolved by pointing to one
    const meetings = await tx.meeting.findMany({
      where: { childId: { in: children.map((c) => c.id) } },
      orderBy: { heldOn: 'desc' },
      select: { id: true, childId: true, kind: true, heldOn: true },
    })
    await audit({
      action: 'alert.read',
      subjectType: 'alert',
      subjectId: alert.id,
      childId: alert.childIds.length === 1 ? alert.childIds[0] : null,
      childIds: children.map((c) => c.id),
      details: {},
    })
    const me = alert.recipients.find((r) => r.userId === actor.userId)
    // who else was told, only where the reader may know of them: a manager of another home would say where an
    // unnamed child lives. People at the reader's own organisations, and those allocated to children they may read.
    const mine = (org: {
      homeId: string | null
      providerId: string | null
      localAuthorityId: string | null
      home: { providerId: string } | null
    }) =>
      actor.grants.some(
        (g) =>
          (g.homeId && g.homeId === org.homeId) ||
          (g.providerId && (g.providerId === org.providerId || g.providerId === org.home?.providerId)) ||
          (g.localAuthorityId && g.localAuthorityId === org.localAuthorityId),
      )
    const allocated = new Set(children.flatMap((c) => [c.iroId, c.socialWorkerId]))
    const known = alert.recipients.filter(
      (r) => r.userId === actor.userId || allocated.has(r.userId) || r.user.roles.some(mine),
    )
    // facts naming children (a place, person or vehicle across children): only those the reader sees; the rest are
    // counted
    const shown = new Set(children.map((c) => c.id))
    const facts = (evidence.facts ?? []).filter((f) =>
      f.startsWith('child:') ? shown.has(f.slice('child:'.length)) : !f.startsWith('placement:') || shown.size > 0,
    )
    return {
      id: alert.id,
      rule: alert.rule as RuleCode,
      title: RULE_TITLES[alert.rule as RuleCode] ?? alert.title,
      severity: alert.severity,
      summary: alert.summary,
      status: alert.status,
      openedAt: alert.openedAt,
      resolvedAt: alert.resolvedAt,
      resolutionReason: alert.resolutionReason,
      escalatedAt: alert.escalatedAt,
      told: Boolean(me),
      acknowledgedAt: me?.acknowledgedAt ?? null,
      children: children.map((c) => ({
        id: c.id,
        name: `${c.firstName} ${c.lastName}`,
        isMine: c.iroId === actor.userId,
        review: reviews.get(c.id) ?? null,
      })),
      otherChildren: alert.childIds.length - children.length,
      episodes: episodes.map((e) => ({ ...e, child: `${e.child.firstName} ${e.child.lastName}` })),
      otherEpisodes: evidence.episodeIds.length - episodes.length,
      facts,
      recipients: known.map((r) => ({
        name: r.user.name,
        reason: r.reason,
        notifiedAt: r.notifiedAt,
        acknowledgedAt: r.acknowledgedAt,
      })),
      otherRecipients: alert.recipients.length - known.length,
      decisions: alert.decisions.filter((d) => children.some((c) => c.id === d.childId)),
      meetings: meetings.map((m) => {
        const c = children.find((x) => x.id === m.childId)!
        return {
          id: m.id,
          child: `${c.firstName} ${c.lastName}`,
          kindLabel: MEETING_KINDS[m.kind],
          heldOn: isoDate(m.heldOn),
        }
      }),
      events: alert.events.map((e) => ({
        ...e,
        byId: e.byId && known.some((r) => r.userId === e.byId) ? e.byId : null,
      })),
    }
  })
}

/** The people told about an alert acknowledge it; their inbox items about it are read from then on. */
export async function acknowledgeAlert(actor: Actor, alertId: string, now = new Date()) {
  return useCase(actor, 'alert.read', { subject: 'alert', now }, async ({ tx, scope, audit }) => {
    const alert = await findAlert(tx, actor, alertId, scope.child)
    if (!alert.recipients.some((r) => r.userId === actor.userId))
      throw new ValidationError({ form: 'Only the people told about this alert acknowledge it.' })
    await markAlertItemsRead(tx, actor, alertId, now)
    const { count } = await tx.alertRecipient.updateMany({
      where: { alertId, userId: actor.userId, acknowledgedAt: null },
      data: { acknowledgedAt: now },
    })
    // already acknowledged (a double click, a second tab): nothing new to record but that the alert was looked up
    if (count === 0) {
      await audit({ action: 'alert.read', subjectType: 'alert', subjectId: alert.id, details: {} })
      return { id: alertId }
    }
    await tx.alertEvent.create({ data: { alertId, kind: 'acknowledged', at: now, byId: actor.userId } })
    await audit({ action: 'alert.acknowledge', subjectType: 'alert', subjectId: alert.id, details: {} })
    return { id: alertId }
  })
}

/** Acknowledged or decided: the inbox items about the alert need no more attention. */
const markAlertItemsRead = (tx: Tx, actor: Actor, alertId: string, now: Date) =>
  tx.notification.updateMany({ where: { alertId, recipientId: actor.userId, readAt: null }, data: { readAt: now } })

/** The IRO's decision for one of their children: bring the review forward (to a date) or not (why, and no date). */
export async function decideOnAlert(actor: Actor, alertId: string, input: Decision, now = new Date()) {
  return useCase(actor, 'alert.decide', { subject: 'alert', now }, async ({ tx, scope, audit }) => {
    // one decision at a time per alert, so a double submit sees the first one (and a resolution, its result)
    await tx.$queryRaw`SELECT id FROM "Alert" WHERE id = ${alertId} FOR UPDATE`
    const alert = await findAlert(tx, actor, alertId, scope.child)
    // a child of this alert whom this IRO reviews (the scope of alert.decide), whether or not it exists otherwise
    const child = await tx.child.findFirst({
      where: { AND: [{ id: input.childId }, { id: { in: alert.childIds } }, { iroId: actor.userId }, scope.child] },
    })
    if (!child) throw new ValidationError({ childId: 'Choose a child in this alert whom you review' })
    const reviewDate = input.bringForward ? input.reviewDate : null
    const reason = input.reason ?? ''
    if (reviewDate && reviewDate < londonDate(now))
      throw new ValidationError({ reviewDate: 'The review cannot be brought forward to a date in the past' })
    const earlier = alert.decisions.map((d) => ({ ...d, reviewDate: d.reviewDate && isoDate(d.reviewDate) }))
    throwIfProblems(
      checkAlertDecision(
        alert,
        { childId: child.id, bringForward: input.bringForward, reviewDate, reason },
        earlier,
        now,
        settings.reviews.duplicateDecisionMinutes,
      ),
    )
    const decision = await tx.alertDecision.create({
      data: {
        alertId,
        childId: child.id,
        decidedById: actor.userId,
        decidedAt: now,
        bringForward: input.bringForward,
        reviewDate: reviewDate ? calendarDate(reviewDate) : null,
        reason,
      },
    })
    await tx.alertRecipient.updateMany({
      where: { alertId, userId: actor.userId, acknowledgedAt: null },
      data: { acknowledgedAt: now },
    })
    await markAlertItemsRead(tx, actor, alertId, now)
    await tx.alertEvent.create({
      data: {
        alertId,
        kind: 'decision',
        at: now,
        byId: actor.userId,
        note: input.bringForward ? `Review brought forward to ${input.reviewDate}` : 'Review not brought forward',
      },
    }) // the reason stays on the decision, shown with the child
    await audit({
      action: 'alert.decision',
      subjectType: 'alert',
      subjectId: alertId,
      childId: child.id,
      details: { decisionId: decision.id, bringForward: input.bringForward },
    })
    return { id: decision.id }
  })
}

/** Resolves an alert with a reason, or by pointing to the meeting about one of its children that dealt with it. */
export async function resolveAlert(
  actor: Actor,
  alertId: string,
  input: { reason?: string | null; meetingId?: string | null },
  now = new Date(),
) {
  return useCase(actor, 'alert.resolve', { subject: 'alert', now }, async ({ tx, scope, audit }) => {
    const alert = await findAlert(tx, actor, alertId, scope.child)
    let reason = input.reason ?? ''
    if (input.meetingId) {
      const meeting = await tx.meeting.findFirst({
        where: { id: input.meetingId, childId: { in: alert.childIds }, child: scope.child },
        select: { id: true, kind: true, heldOn: true },
      })
      if (!meeting) throw new ValidationError({ meetingId: 'Choose a meeting about a child in this alert' })
      await tx.meetingAlert.createMany({ data: [{ meetingId: meeting.id, alertId }], skipDuplicates: true })
      reason ||= `Dealt with at the ${MEETING_KINDS[meeting.kind].toLowerCase()} held on ${formatDate(isoDate(meeting.heldOn))}`
    }
    const resolved = await tx.alert.updateMany({
      where: { id: alertId, status: 'OPEN' },
      data: {
        status: 'RESOLVED',
        resolvedAt: now,
        resolvedById: actor.userId,
        resolutionReason: reason,
        resolvedEvidence: alert.evidence as object,
      },
    })
    if (resolved.count !== 1) throw new ValidationError({ form: 'This alert is already resolved.' })
    await tx.alertEvent.create({ data: { alertId, kind: 'resolved', at: now, byId: actor.userId, note: reason } })
    await audit({ action: 'alert.resolve', subjectType: 'alert', subjectId: alertId, details: {} })
    return { id: alertId }
  })
}
