// The independent visitor's checklist for a month (Regulation 44(4): the visitor checks the home's records): first
// names and facts only, never a child's case record; and the visitor's dashboard of their homes and visits.
import { interviewStatus, STATUS_LABELS } from '@/lib/domain/return-interviews'
import { can } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { firstDayOf, isoDate, lastDayOf, londonDate, londonMidnight, monthOf, shiftDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import { cseFlagsFrom, planFlagsSelect, screeningFlagsSelect } from '../cse'
import { useCase } from '../use-case'
import { homeSelect, placedAt } from './home'
import { currentMonth, monthRange } from './month'

/** Short name for what a visitor may see: "Ellie M.". */
const shortName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName.charAt(0)}.`

/** For the month: each child's missing episodes and return interview timeliness, CSE risk without a current plan,
 * and the home's open alerts. Scoped by the home, not childWhere: these are the home's own records for the month
 * (a child who has left since was still its resident then), shown as first name, initial and facts only. */
export async function visitorChecklist(actor: Actor, homeId: string, month: string, now = new Date()) {
  return useCase(actor, 'visitor.checklist', { subject: 'home', now }, async ({ tx, find, audit }) => {
    const home = await find.home(homeId, { select: homeSelect })
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
        missingEpisodes: {
          where: { homeId, lastSeenAt: monthRange(month) },
          orderBy: { lastSeenAt: 'asc' },
          select: {
            absenceType: true,
            lastSeenAt: true,
            returnedAt: true,
            returnInterview: { select: { dueAt: true, offeredAt: true, outcome: true, heldAt: true } },
          },
        },
        cseScreenings: {
          where: { screenedAt: { lt: endOfDay } },
          orderBy: { screenedAt: 'desc' },
          take: 1,
          select: screeningFlagsSelect,
        },
        safetyPlans: { where: { createdAt: { lt: endOfDay } }, select: planFlagsSelect },
        // a child sexual exploitation event not yet decided or not yet notified to everyone (Regulation 40)
        notifiableEvents: {
          where: {
            kind: 'SEXUAL_EXPLOITATION',
            recordedAt: { lt: endOfDay },
            NOT: {
              OR: [{ decision: 'NOT_NOTIFIABLE', decidedAt: { lt: endOfDay } }, { completedAt: { lt: endOfDay } }],
            },
          },
          select: { id: true },
        },
      },
    })
    const asOf = end === today ? now : londonMidnight(end)
    const alerts = await tx.alert.findMany({
      where: { status: 'OPEN', homeIds: { has: homeId } },
      orderBy: { openedAt: 'desc' },
      select: { id: true, title: true, summary: true, openedAt: true, childIds: true },
    })
    // every child shown, and every child an open alert shown here is about (named or not)
    const childIds = [...children.map((c) => c.id), ...alerts.flatMap((a) => a.childIds)]
    await audit({
      action: 'visitor.checklist',
      subjectType: 'home',
      subjectId: homeId,
      childIds,
      details: { month, children: children.length },
    })
    const nameOf = new Map(children.map((c) => [c.id, shortName(c)]))
    return {
      home: { id: home.id, name: home.name, town: home.town, ofstedUrn: home.ofstedUrn },
      month,
      cseAsOf: end,
      children: children.map((c) => ({
        name: shortName(c),
        episodes: c.missingEpisodes.map((e) => {
          const interview = e.returnInterview
            ? STATUS_LABELS[interviewStatus(e.returnInterview, now, settings.returnInterview.dueSoonHours)]
            : e.returnedAt
              ? 'No interview due recorded'
              : 'Still missing or away'
          return { type: e.absenceType, lastSeenAt: e.lastSeenAt, returnedAt: e.returnedAt, interview }
        }),
        cse: cseFlagsFrom(
          c.cseScreenings[0] ?? null,
          c.safetyPlans.map((p) => ({
            ...p,
            signedOffAt: p.signedOffAt && p.signedOffAt < endOfDay ? p.signedOffAt : null,
          })),
          c.notifiableEvents.length > 0,
          asOf,
        )
          .filter((f) => ['plan-due', 'plan-overdue', 'plan-review-overdue', 'reg40-open'].includes(f.code))
          .map((f) => f.message),
      })),
      alerts: alerts.map((a) => ({
        title: a.title,
        summary: a.summary,
        openedAt: a.openedAt,
        children: a.childIds.map((id) => nameOf.get(id) ?? 'a child placed elsewhere'),
      })),
    }
  })
}

/** The visitor's dashboard: their homes, their visits there, and this month's state. */
export async function visitorDashboard(actor: Actor, now = new Date()) {
  if (!can(actor, 'reg44.record')) return []
  const unaudited = 'the homes the visitor visits and the dates of their own visits: no child data'
  return useCase(actor, 'reg44.record', { now, unaudited }, async ({ tx, scope }) => {
    const homes = await tx.home.findMany({ where: scope.home, orderBy: { name: 'asc' }, select: homeSelect })
    const mine = await tx.reg44Visit.findMany({
      where: { homeId: { in: homes.map((h) => h.id) }, independentPerson: { userId: actor.userId } },
      orderBy: { visitedOn: 'desc' },
      take: 12,
      select: { id: true, visitedOn: true, homeId: true },
    })
    const month = currentMonth(now)
    return homes.map((h) => ({
      home: h,
      month,
      visits: mine.filter((v) => v.homeId === h.id).map((v) => ({ id: v.id, visitedOn: isoDate(v.visitedOn) })),
      visitedThisMonth: mine.some((v) => v.homeId === h.id && monthOf(isoDate(v.visitedOn)) === month),
    }))
  })
}
