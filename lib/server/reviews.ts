// Looked-after reviews and the period of care they count from. The timetable's rule is lib/domain/reviews.ts; here
// the records: the day the child became looked after, the reviews actually held, and the IRO's decisions to bring
// one forward (kept on the pattern alert that prompted them).
import {
  checkReviewHeld,
  lookedAfterSinceProblem,
  nextReview,
  PARTICIPATION,
  type Participation,
} from '@/lib/domain/reviews'
import { calendarDate, isoDate, londonDate } from '@/lib/domain/time'
import type { Actor } from '@/lib/domain/roles'
import type { LookedAfterSinceInput, ReviewHeldInput } from '@/lib/validation/reviews'
import type { Tx } from './database'
import { throwIfProblems, ValidationError } from './errors'
import { useCase } from './use-case'

/** The current period of care: the latest one (a child who left care and came back has a new one). */
function currentPeriod(tx: Tx, childId: string) {
  return tx.periodOfCare.findFirst({
    where: { childId },
    orderBy: { startDate: 'desc' },
    include: { legalStatuses: { orderBy: { startDate: 'asc' } } },
  })
}

/**
 * The next review of each of these children (for dashboards and alerts); children without a period of care have none.
 */
export async function nextReviews(tx: Tx, childIds: string[], now: Date) {
  const today = londonDate(now)
  const [periods, held, decisions] = [
    await tx.periodOfCare.findMany({
      where: { childId: { in: childIds } },
      orderBy: { startDate: 'asc' },
      select: { childId: true, startDate: true },
    }),
    await tx.lookedAfterReview.findMany({
      where: { childId: { in: childIds } },
      select: { childId: true, heldOn: true },
    }),
    await tx.alertDecision.findMany({
      where: { childId: { in: childIds }, bringForward: true, reviewDate: { not: null } },
      select: { childId: true, reviewDate: true },
    }),
  ]
  const since = new Map(periods.map((p) => [p.childId, isoDate(p.startDate)])) // the latest period wins (ordered)
  const of = <T extends { childId: string }>(rows: T[], childId: string) => rows.filter((r) => r.childId === childId)
  return new Map(
    [...since].map(([childId, start]) => [
      childId,
      nextReview(
        start,
        of(held, childId).map((r) => isoDate(r.heldOn)),
        of(decisions, childId).map((d) => isoDate(d.reviewDate!)),
        today,
      ),
    ]),
  )
}

/** A child's reviews: when they became looked after, the reviews held, and when the next is due. */
export async function getReviews(actor: Actor, childId: string, now = new Date()) {
  return useCase(actor, 'review.read', { subject: 'child', now }, async ({ tx, find, audit }) => {
    const child = await find.child(childId, {
      select: { id: true, firstName: true, lastName: true, iro: { select: { id: true, name: true } } },
    })
    const period = await currentPeriod(tx, childId)
    const reviews = await tx.lookedAfterReview.findMany({
      where: { childId },
      orderBy: { heldOn: 'desc' },
      include: { chair: { select: { name: true } } },
    })
    const next = (await nextReviews(tx, [childId], now)).get(childId) ?? null
    await audit({ action: 'review.read', subjectType: 'child', subjectId: childId, childId, details: {} })
    return {
      child: { id: child.id, firstName: child.firstName, lastName: child.lastName, iro: child.iro?.name ?? null },
      lookedAfterSince: period ? isoDate(period.startDate) : null,
      legalStatuses: (period?.legalStatuses ?? []).map((l) => ({
        from: isoDate(l.startDate),
        legalStatus: l.legalStatus,
        categoryOfNeed: l.categoryOfNeed,
      })),
      next,
      reviews: reviews.map((r) => ({
        id: r.id,
        heldOn: isoDate(r.heldOn),
        chair: r.chair?.name ?? null,
        participation: r.participation as Participation,
        participationLabel: PARTICIPATION[r.participation as Participation],
        outcome: r.outcome,
        recordedAt: r.createdAt.toISOString(),
      })),
    }
  })
}

/** Records a review held. The child's IRO chairs it; the social worker may record it for them. */
export async function recordReviewHeld(actor: Actor, childId: string, input: ReviewHeldInput, now = new Date()) {
  return useCase(actor, 'review.record', { subject: 'child', now }, async ({ tx, find, audit }) => {
    const child = await find.child(childId, { select: { id: true, iroId: true } })
    const period = await currentPeriod(tx, childId)
    if (!period)
      throw new ValidationError({
        form: 'Record when the child became looked after first: the reviews count from that day.',
      })
    const held = (await tx.lookedAfterReview.findMany({ where: { childId }, select: { heldOn: true } })).map((r) =>
      isoDate(r.heldOn),
    )
    throwIfProblems(checkReviewHeld(input.heldOn, isoDate(period.startDate), held, londonDate(now)))
    const review = await tx.lookedAfterReview.create({
      data: {
        childId,
        heldOn: calendarDate(input.heldOn),
        chairId: child.iroId,
        participation: input.participation,
        outcome: input.outcome,
        createdById: actor.userId,
        createdAt: now,
      },
    })
    await audit({
      action: 'review.record',
      subjectType: 'child',
      subjectId: childId,
      childId,
      details: { reviewId: review.id, heldOn: input.heldOn },
    })
    return { id: review.id, next: (await nextReviews(tx, [childId], now)).get(childId)! }
  })
}

/**
 * Corrects the day the child became looked after (Haven starts it at the first placement it knows of). The placing
 * authority's record: not after the child's first placement in this period, not before they were born.
 */
export async function correctLookedAfterSince(
  actor: Actor,
  childId: string,
  input: LookedAfterSinceInput,
  now = new Date(),
) {
  return useCase(actor, 'care.period', { subject: 'child', now }, async ({ tx, find, audit }) => {
    const child = await find.child(childId, { select: { id: true, dateOfBirth: true } })
    const period = await currentPeriod(tx, childId)
    if (!period) throw new ValidationError({ form: 'This child has no period of care in Haven.' })
    const firstPlacement = await tx.placement.findFirst({
      where: { childId, startDate: { gte: period.startDate } },
      orderBy: { startDate: 'asc' },
      select: { startDate: true },
    })
    const earlier = await tx.periodOfCare.findFirst({
      where: { childId, id: { not: period.id }, startDate: { lt: period.startDate } },
      orderBy: { startDate: 'desc' },
    })
    const problem = lookedAfterSinceProblem(input.startDate, {
      today: londonDate(now),
      dateOfBirth: isoDate(child.dateOfBirth),
      firstPlacement: firstPlacement && isoDate(firstPlacement.startDate),
      previousPeriodEnd: earlier ? earlier.endDate && isoDate(earlier.endDate) : undefined,
    })
    if (problem) throw new ValidationError({ startDate: problem })
    const from = isoDate(period.startDate)
    await tx.periodOfCare.update({ where: { id: period.id }, data: { startDate: calendarDate(input.startDate) } })
    // the legal status held from the start moves with it
    await tx.legalStatusEntry.updateMany({
      where: { periodOfCareId: period.id, startDate: period.startDate },
      data: { startDate: calendarDate(input.startDate) },
    })
    await audit({
      action: 'care.period-start',
      subjectType: 'child',
      subjectId: childId,
      childId,
      details: { from, to: input.startDate },
    })
    return { lookedAfterSince: input.startDate, next: (await nextReviews(tx, [childId], now)).get(childId)! }
  })
}

/** The next review of each child the actor's reviews are about (an IRO's or social worker's allocated children),
 * overdue first, then soonest: for their dashboard. */
export async function reviewsDueInScope(actor: Actor, now = new Date()) {
  return useCase(actor, 'review.read', { now }, async ({ tx, scope, audit }) => {
    const children = await tx.child.findMany({
      where: scope.child,
      select: { id: true, firstName: true, lastName: true },
    })
    const next = await nextReviews(
      tx,
      children.map((c) => c.id),
      now,
    )
    const due = children
      .filter((c) => next.has(c.id))
      .map((c) => ({ child: c, next: next.get(c.id)! }))
      .sort((a, b) => Number(b.next.overdue) - Number(a.next.overdue) || a.next.date.localeCompare(b.next.date))
    await audit({
      action: 'review.list',
      subjectType: 'child',
      subjectId: '*',
      childIds: due.map((d) => d.child.id),
      details: { count: due.length },
    })
    return due
  })
}

/** The IRO's decisions about a child (on pattern alerts: bring the review forward or not), for the child's page. */
export async function childReviewDecisions(actor: Actor, childId: string, now = new Date()) {
  return useCase(actor, 'child.read', { subject: 'child', now }, async ({ tx, find, audit }) => {
    await find.child(childId, { select: { id: true } })
    const decisions = await tx.alertDecision.findMany({
      where: { childId },
      orderBy: { decidedAt: 'desc' },
      include: { alert: { select: { id: true, rule: true } } },
    })
    const details = { count: decisions.length }
    await audit({ action: 'child.review-decisions', subjectType: 'child', subjectId: childId, childId, details })
    return decisions
  })
}
