// The home's month (Children's Homes (England) Regulations 2015 regs 44-46; report recommendation 6): each check
// with its level and reason, the month's figures (missing episodes, return interviews within 72 hours, CSE plans),
// the visits, actions and reviews; and the overview of every home the actor oversees, month by month.
import { homeNotifiableEventsIn } from '../notifiable-events'
import { hasCurrentSafetyPlan, needsSafetyPlan } from '@/lib/domain/cse'
import { monthChecks, type MonthFacts } from '@/lib/domain/oversight'
import { can } from '@/lib/domain/permissions'
import { interviewStatus } from '@/lib/domain/return-interviews'
import type { Actor } from '@/lib/domain/roles'
import {
  addCalendarMonths,
  calendarDate,
  firstDayOf,
  isoDate,
  lastDayOf,
  londonDate,
  londonMidnight,
  monthOf,
  shiftDate,
} from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import { planDays, planFlagsSelect } from '../cse'
import { inTurn, type Tx } from '../database'
import { ValidationError } from '../errors'
import { useCase } from '../use-case'
import { homePlacements, homeSelect, placedAt, placingOf } from './home'
import { peopleWithIndependence } from './register'
import { completedOn, visitFacts } from './visits'

/** Everything the month's checks look at, for one home, loaded once for any number of months. */
async function homeFacts(tx: Tx, homeId: string) {
  const { hostAuthority } = await tx.home.findUniqueOrThrow({
    where: { id: homeId },
    select: { hostAuthority: { select: { name: true } } },
  })
  const [visits, actions, reg45, reg46, placements] = await inTurn(
    () =>
      tx.reg44Visit.findMany({
        where: { homeId },
        orderBy: { visitedOn: 'asc' },
        include: {
          independentPerson: { select: { name: true } },
          reports: { select: { receivedOn: true } },
          events: { select: { kind: true, authorityId: true, on: true } },
        },
      }),
    () =>
      tx.oversightAction.findMany({
        where: { homeId },
        include: {
          visit: { select: { visitedOn: true } },
          responses: {
            where: { completed: true },
            orderBy: { createdAt: 'asc' },
            take: 1,
            select: { completed: true, respondedOn: true },
          },
        },
      }),
    () => tx.reg45Review.findMany({ where: { homeId }, select: { completedOn: true, sentToOfstedOn: true } }),
    () => tx.reg46Assessment.findMany({ where: { homeId }, select: { assessedOn: true } }),
    () => homePlacements(tx, homeId),
  )
  const facts: MonthFacts = {
    visits: visits.map((v) => visitFacts(v, placingOf(placements, isoDate(v.visitedOn)), hostAuthority.name)),
    actions: actions.map((a) => ({
      recommendation: a.recommendation,
      raisedOn: isoDate(a.visit.visitedOn),
      dueOn: isoDate(a.dueOn),
      completedOn: completedOn(a.responses),
    })),
    reg45: reg45.map((r) => ({
      completedOn: isoDate(r.completedOn),
      sentToOfstedOn: r.sentToOfstedOn ? isoDate(r.sentToOfstedOn) : null,
    })),
    reg46: reg46.map((a) => ({ assessedOn: isoDate(a.assessedOn) })),
  }
  return { facts, visits }
}

/** The month as a range of instants, midnight to midnight in London. */
export const monthRange = (month: string) => ({
  gte: londonMidnight(firstDayOf(month)),
  lt: londonMidnight(firstDayOf(addCalendarMonths(month, 1))),
})

/** Missing episodes this month against the three before, return interviews within 72 hours, and CSE plans; with
 * every child the figures counted (for the audit). */
async function monthFigures(tx: Tx, homeId: string, month: string, asOf: string, now: Date) {
  const months = [addCalendarMonths(month, -3), addCalendarMonths(month, -2), addCalendarMonths(month, -1), month]
  const episodes = await tx.missingEpisode.findMany({
    where: { homeId, lastSeenAt: { gte: monthRange(months[0]).gte, lt: monthRange(month).lt } },
    select: { lastSeenAt: true, childId: true },
  })
  const byMonth = months.map((m) => ({
    month: m,
    episodes: episodes.filter((e) => monthOf(londonDate(e.lastSeenAt)) === m).length,
  }))
  const interviews = await tx.returnInterview.findMany({
    where: { episode: { homeId }, dueAt: monthRange(month) },
    select: { dueAt: true, offeredAt: true, outcome: true, heldAt: true, episode: { select: { childId: true } } },
  })
  const statuses = interviews.map((i) => interviewStatus(i, now, settings.returnInterview.dueSoonHours))
  // residents, screenings and plans as they stood at the end of the month (today, while it runs)
  const endOfDay = londonMidnight(shiftDate(asOf, { days: 1 }))
  const children = await tx.child.findMany({
    where: { placements: { some: placedAt(homeId, asOf) } },
    select: {
      id: true,
      cseScreenings: {
        where: { screenedAt: { lt: endOfDay } },
        orderBy: { screenedAt: 'desc' },
        take: 1,
        select: { screenedAt: true, level: true, harmIndicators: true },
      },
      safetyPlans: { where: { createdAt: { lt: endOfDay } }, select: planFlagsSelect },
    },
  })
  const atRisk = children.filter((c) => c.cseScreenings[0] && needsSafetyPlan(c.cseScreenings[0]))
  const withPlan = atRisk.filter((c) =>
    hasCurrentSafetyPlan(
      c.safetyPlans.map(planDays).filter((p) => !p.signedOffOn || p.signedOffOn <= asOf),
      asOf,
    ),
  )
  const before = byMonth.slice(0, 3)
  const figures = {
    episodes: {
      thisMonth: byMonth[3].episodes,
      previous: before,
      averageBefore: Math.round((before.reduce((n, m) => n + m.episodes, 0) / 3) * 10) / 10,
    },
    returnInterviews: {
      due: interviews.length,
      heldInTime: statuses.filter((s) => s === 'held').length,
      heldLate: statuses.filter((s) => s === 'held-late').length,
      overdue: statuses.filter((s) => s === 'overdue').length,
      other: statuses.filter((s) => !['held', 'held-late', 'overdue'].includes(s)).length,
    },
    cse: { residents: children.length, atRisk: atRisk.length, withCurrentPlan: withPlan.length },
  }
  const childIds = [
    ...episodes.map((e) => e.childId),
    ...interviews.map((i) => i.episode.childId),
    ...children.map((c) => c.id),
  ]
  return { figures, childIds }
}

export const currentMonth = (now = new Date()) => monthOf(londonDate(now))

/** The home's month: each check with its level and reason, the figures, the visits and actions, the register. */
export async function getOversightMonth(actor: Actor, homeId: string, month: string, now = new Date()) {
  return useCase(actor, 'oversight.read', { subject: 'home', now }, async ({ tx, find, audit }) => {
    // with its phone number, for the API's answer (the page shows it on the home's page)
    const home = await find.home(homeId, { select: { ...homeSelect, phone: true } })
    const today = londonDate(now)
    if (month > monthOf(today))
      throw new ValidationError({ month: 'That month has not started yet: choose this month or an earlier one' })
    const { facts, visits } = await homeFacts(tx, homeId)
    const status = monthChecks(month, today, facts, settings.oversight)
    const asOf = status.inProgress ? today : lastDayOf(month)
    const [actions, reg45, reg46, shares, register] = await inTurn(
      () =>
        tx.oversightAction.findMany({
          where: { homeId, visit: { visitedOn: { lte: calendarDate(asOf) } } },
          orderBy: { dueOn: 'asc' },
          include: { visit: { select: { id: true, visitedOn: true } }, responses: { orderBy: { createdAt: 'asc' } } },
        }),
      () => tx.reg45Review.findMany({ where: { homeId }, orderBy: { completedOn: 'desc' }, take: 3 }),
      () => tx.reg46Assessment.findMany({ where: { homeId }, orderBy: { assessedOn: 'desc' }, take: 2 }),
      () => tx.homeLocationShare.findMany({ where: { homeId }, orderBy: { sharedOn: 'desc' }, take: 3 }),
      () => peopleWithIndependence(tx, home, today),
    )
    const { figures, childIds } = await monthFigures(tx, homeId, month, asOf, now)
    // Regulation 40: each event of the month, decided and told without delay or not (as at the month's end)
    const range = monthRange(month)
    const events = await homeNotifiableEventsIn(tx, homeId, range.gte, range.lt, status.inProgress ? now : range.lt)
    const covered = [...childIds, ...register.childIds, ...events.flatMap((e) => (e.childId ? [e.childId] : []))]
    await audit({
      action: 'oversight.read',
      subjectType: 'home',
      subjectId: homeId,
      childIds: covered,
      details: { month },
    })
    return {
      home,
      month,
      ...status,
      figures,
      visits: visits
        .filter((v) => monthOf(isoDate(v.visitedOn)) === month)
        .map((v) => ({
          id: v.id,
          visitedOn: isoDate(v.visitedOn),
          visitor: v.independentPerson.name,
          independent: v.independent,
          announced: v.announced,
        })),
      actions: actions
        .map((a) => ({
          id: a.id,
          visitId: a.visit.id,
          visitedOn: isoDate(a.visit.visitedOn),
          recommendation: a.recommendation,
          owner: a.owner,
          dueOn: isoDate(a.dueOn),
          completedOn: completedOn(a.responses),
          responses: a.responses.length,
        }))
        .filter((a) => !a.completedOn || a.completedOn >= firstDayOf(month)),
      notifiableEvents: events.map(({ childId: _, occurredAt, ...e }) => ({
        ...e,
        occurredAt: occurredAt.toISOString(),
      })),
      reg45: reg45.map((r) => ({
        id: r.id,
        completedOn: isoDate(r.completedOn),
        sentToOfstedOn: r.sentToOfstedOn ? isoDate(r.sentToOfstedOn) : null,
        views: {
          children: r.viewsChildren,
          parents: r.viewsParents,
          placingAuthorities: r.viewsPlacingAuthorities,
          staff: r.viewsStaff,
        },
        report: r.report,
      })),
      reg46: reg46.map((a) => ({
        ...a,
        assessedOn: isoDate(a.assessedOn),
        consultedOn: isoDate(a.consultedOn),
        recurringPlaces: a.recurringPlaces as {
          name: string
          postcode: string | null
          episodes: number
          children: number
        }[],
      })),
      locationShares: shares.map((s) => ({ id: s.id, sharedOn: isoDate(s.sharedOn), sharedWith: s.sharedWith })),
      people: register.people,
    }
  })
}

/** Each home the actor oversees, for each of the last `months` months (newest first): level and reasons. */
export async function oversightOverview(actor: Actor, months = 6, now = new Date()) {
  if (!can(actor, 'oversight.read')) return null
  return useCase(actor, 'oversight.read', { now }, async ({ tx, scope, audit }) => {
    const homes = await tx.home.findMany({ where: scope.home, orderBy: { name: 'asc' }, select: homeSelect })
    const today = londonDate(now)
    const list = Array.from({ length: months }, (_, n) => addCalendarMonths(monthOf(today), -n))
    const rows = []
    for (const home of homes) {
      const { facts } = await homeFacts(tx, home.id)
      rows.push({
        home,
        months: list.map((month) => ({ month, ...monthChecks(month, today, facts, settings.oversight) })),
      })
    }
    await audit({
      action: 'oversight.overview',
      subjectType: 'report',
      subjectId: 'oversight',
      details: { homes: homes.length, months },
    })
    return { months: list, rows }
  })
}
