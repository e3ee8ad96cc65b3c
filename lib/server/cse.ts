// Exploitation screening (its kinds, each with its own level) and safety plans; a screening may propose a Regulation
// 40 notifiable event. Screenings are never changed (a new one supersedes); plans are versioned; sign-off happens
// once. Scoped to the child and audited like every child record.
import {
  cseFlags,
  highestLevel,
  kindsScreened,
  latestByKind,
  needsSafetyPlan,
  scoreScreening,
  type ExploitationKind,
  type KindJudged,
  type Level,
  type Observed,
} from '@/lib/domain/cse'
import { suggestIndicators } from '@/lib/domain/cse-suggestions'
import { languageWarningsFor } from '@/lib/domain/language'
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, isoDate, londonDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { PlanInput, ScreeningInput } from '@/lib/validation/cse'
import { inTurn, type Tx } from './database'
import { throwIfProblems, ValidationError, throwIfStaleVersion } from './errors'
import { concernsVisibleIn, currentPlacement, interviewWhere } from './scope'
import { useCase } from './use-case'
import { proposeFromScreening } from './notifiable-event-proposals'
import { childNotifiableEvents } from './notifiable-events'
import { patternsAfterEvent } from './patterns'

/** Indicators Haven's own records suggest for this child (missing episodes, returns, placement). */
async function suggestionsFor(tx: Tx, childId: string, now: Date) {
  const [episodes, bnb] = await inTurn(
    () =>
      tx.missingEpisode.findMany({
        where: { childId, lastSeenAt: { gte: new Date(now.getTime() - 183 * 86_400_000) } },
        orderBy: { lastSeenAt: 'desc' },
        select: {
          id: true,
          lastSeenAt: true,
          returnedAt: true,
          intoxicated: true,
          vehicles: { select: { vehicle: { select: { registration: true, description: true } } } },
          locations: { select: { location: { select: { kind: true } } } },
          associates: { select: { associate: { select: { name: true, description: true } } } },
        },
      }),
    () => tx.placement.count({ where: { childId, bedAndBreakfast: true, ...currentPlacement(now) } }),
  )
  return suggestIndicators(
    {
      episodes: episodes.map((e) => ({
        ...e,
        vehicles: e.vehicles.map((v) => v.vehicle.registration ?? v.vehicle.description ?? 'a vehicle'),
        placeKinds: e.locations.map((l) => l.location.kind),
        associates: e.associates.map((a) => a.associate.name ?? a.associate.description ?? 'someone'),
      })),
      bedAndBreakfast: bnb > 0,
    },
    now,
    settings.cse.repeatMissing,
  )
}

/** The kinds a child is screened for: radicalisation where their placing authority asks for it. */
async function kindsFor(tx: Tx, childId: string) {
  const child = await tx.child.findUniqueOrThrow({
    where: { id: childId },
    select: { placingAuthority: { select: { screensRadicalisation: true } } },
  })
  return kindsScreened(child.placingAuthority?.screensRadicalisation ?? false)
}

export const planFlagsSelect = { version: true, signedOffAt: true, reviewDate: true, kinds: true } as const
export const screeningFlagsSelect = { screenedAt: true, level: true, harmIndicators: true, kinds: true } as const

/** A plan version's sign-off and review as UK days, for the rules in lib/domain/cse.ts. */
export const planDays = (p: {
  version: number
  signedOffAt: Date | null
  reviewDate: Date
  kinds?: ExploitationKind[]
}) => ({
  version: p.version,
  signedOffOn: p.signedOffAt ? londonDate(p.signedOffAt) : null,
  reviewDate: isoDate(p.reviewDate),
  kinds: p.kinds,
})

export function cseFlagsFrom(
  latest: { screenedAt: Date; level: Level; harmIndicators: number; kinds?: unknown } | null,
  plans: { version: number; signedOffAt: Date | null; reviewDate: Date; kinds?: ExploitationKind[] }[],
  reg40Open: boolean,
  now: Date,
) {
  return cseFlags(
    {
      latestScreening: latest
        ? {
            screenedOn: londonDate(latest.screenedAt),
            level: latest.level,
            harmIndicators: latest.harmIndicators,
            kinds: latest.kinds as KindJudged[] | undefined,
          }
        : null,
      plans: plans.map(planDays),
      reg40Open,
    },
    londonDate(now),
    settings.cse,
  )
}

/**
 * Everything about a child's CSE risk: screenings, plan versions, Regulation 40 notifiable events, flags, suggestions.
 */
export async function getCseOverview(actor: Actor, childId: string, now = new Date()) {
  return useCase(actor, 'cse.read', { subject: 'child', now }, async ({ tx, find, audit }) => {
    const child = await find.child(childId, { select: { id: true, firstName: true, lastName: true } })
    const [screenings, plans, events, requests] = await inTurn(
      () => tx.cseScreening.findMany({ where: { childId }, orderBy: { screenedAt: 'desc' } }),
      () => tx.safetyPlan.findMany({ where: { childId }, orderBy: { version: 'desc' } }),
      () => childNotifiableEvents(tx, childId, now),
      () =>
        tx.interviewFollowUp.findMany({
          where: { kind: 'CSE_SCREENING', interview: { childId } },
          orderBy: { createdAt: 'desc' },
          select: { id: true, createdAt: true, note: true, interviewId: true },
        }),
    )
    const people = await tx.user.findMany({
      where: {
        id: {
          in: [
            ...screenings.map((s) => s.screenedById),
            ...plans.flatMap((p) => [p.createdById, p.signedOffById]),
          ].filter((x): x is string => !!x),
        },
      },
      select: { id: true, name: true },
    })
    const who = (id: string | null) => people.find((p) => p.id === id)?.name ?? null
    const notesVisible = await concernsVisibleIn(
      tx,
      actor,
      requests.map((r) => r.interviewId),
    )
    await audit({ action: 'cse.read', subjectType: 'child', subjectId: childId, childId, details: {} })
    return {
      child,
      screenings: screenings.map((s) => ({
        ...s,
        indicators: s.indicators as Observed[],
        kinds: s.kinds as KindJudged[],
        screenedBy: who(s.screenedById),
      })),
      latestByKind: latestByKind(screenings.map((s) => ({ kinds: s.kinds as KindJudged[] }))),
      kindsScreened: await kindsFor(tx, childId),
      plans: plans.map((p) => ({
        ...p,
        risks: p.risks as { code: string | null; text: string | null }[],
        actions: p.actions as { who: string | null; what: string | null; byWhen: string | null }[],
        createdBy: who(p.createdById),
        signedOffBy: who(p.signedOffById),
      })),
      notifiableEvents: events,
      // a follow-up note is as private as the interview's concerns (the home sees that a screening was asked for)
      screeningRequests: requests
        .filter((r) => !screenings.some((s) => s.screenedAt > r.createdAt))
        .map((r) => ({ ...r, note: notesVisible.has(r.interviewId) ? r.note : null })),
      flags: cseFlagsFrom(
        screenings[0] ?? null,
        plans,
        events.some((e) => e.kind === 'SEXUAL_EXPLOITATION' && (e.status === 'PROPOSED' || e.status === 'TO_NOTIFY')),
        now,
      ),
      suggestions: await suggestionsFor(tx, childId, now),
      rules: settings.cse.rules,
    }
  })
}

const NARRATIVE_SCREENING = ['summary', 'levelReason']

/** Records a screening: the tool counts and suggests, the professional decides (with a reason when they differ). */
export async function recordScreening(actor: Actor, childId: string, input: ScreeningInput, now = new Date()) {
  return useCase(actor, 'cse.screen', { subject: 'child', now }, async ({ tx, find, audit }) => {
    await find.child(childId, { select: { id: true } })
    // the interview it follows comes from the page's address: it must be this child's, and one the screener may open
    if (
      input.sourceInterviewId &&
      !(await tx.returnInterview.count({
        where: { AND: [{ id: input.sourceInterviewId, childId }, interviewWhere(actor, 'interview.read', now)] },
      }))
    )
      throw new ValidationError({
        sourceInterviewId:
          'That is not a return interview of this child that you can open: start the screening again from the interview',
      })
    const screened = await kindsFor(tx, childId)
    const unasked = input.kinds.find((k) => !screened.includes(k.kind))
    if (unasked)
      throw new ValidationError({
        kinds: `The child's placing authority does not ask its homes to screen for ${unasked.kind}`,
      })
    const suggestions = await suggestionsFor(tx, childId, now)
    const undecided = suggestions.filter((s) => !input.suggestionDecisions[s.key])
    throwIfProblems(
      Object.fromEntries(undecided.map((s) => [`suggestionDecisions.${s.key}`, `Confirm or dismiss: ${s.reason}`])),
    )
    const observed: Observed[] = input.indicators.map((i) => ({ code: i.code, when: i.when!, note: i.note }))
    const confirmed = suggestions.filter((s) => input.suggestionDecisions[s.key] === 'confirm')
    for (const s of confirmed)
      if (!observed.some((o) => o.code === s.code)) observed.push({ code: s.code, when: s.when, note: s.reason })
    const result = scoreScreening(
      observed,
      input.kinds.map((k) => k.kind),
      settings.cse.rules,
    )
    const kinds: KindJudged[] = result.kinds.map((r, n) => ({
      ...r,
      level: input.kinds[n].level,
      levelReason: input.kinds[n].level !== r.suggestedLevel ? (input.kinds[n].levelReason ?? null) : null,
    }))
    throwIfProblems(
      Object.fromEntries(
        kinds
          .map((k, n) => [n, k] as const)
          .filter(([, k]) => k.level !== k.suggestedLevel && !k.levelReason)
          .map(([n, k]) => [
            `kinds.${n}.levelReason`,
            `Say why your judgement differs from the suggested level (${k.suggestedLevel.replace(/_/g, ' ').toLowerCase()})`,
          ]),
      ),
    )
    const level = highestLevel(kinds)
    const screening = await tx.cseScreening.create({
      data: {
        childId,
        screenedAt: now,
        screenedById: actor.userId,
        indicators: observed,
        score: result.score,
        harmIndicators: result.harmIndicators,
        suggestedLevel: result.suggestedLevel,
        level,
        levelReason: kinds.map((k) => k.levelReason).find(Boolean) ?? null,
        kinds,
        fullAssessmentPrompted: result.fullAssessmentPrompted,
        suggestionsConfirmed: confirmed.map((s) => ({ key: s.key, code: s.code, reason: s.reason })),
        suggestionsDismissed: suggestions
          .filter((s) => input.suggestionDecisions[s.key] === 'dismiss')
          .map((s) => ({ key: s.key, code: s.code, reason: s.reason })),
        summary: input.summary,
        sourceInterviewId: input.sourceInterviewId,
        createdAt: now,
      },
    })
    // suspected child sexual exploitation proposes a Regulation 40 event; the registered person decides (reg 40(4)(a))
    const reg40ProposalId = await proposeFromScreening(
      tx,
      actor,
      { id: screening.id, childId, level: kinds.find((k) => k.kind === 'sexual')?.level ?? null, observed },
      now,
    )
    await patternsAfterEvent(tx, childId, now)
    await audit({
      action: 'cse.screen',
      subjectType: 'child',
      subjectId: childId,
      childId,
      details: { screeningId: screening.id, level, kinds: Object.fromEntries(kinds.map((k) => [k.kind, k.level])) },
    })
    return {
      id: screening.id,
      score: result.score,
      suggestedLevel: result.suggestedLevel,
      level,
      kinds,
      fullAssessmentPrompted: result.fullAssessmentPrompted,
      planNeeded: needsSafetyPlan({ level, harmIndicators: result.harmIndicators }),
      reg40ProposalId,
      warnings: languageWarningsFor(
        {
          summary: input.summary,
          levelReason: kinds.map((k) => k.levelReason ?? '').join(' '),
          notes: observed.map((o) => o.note ?? '').join(' '),
        },
        [...NARRATIVE_SCREENING, 'notes'],
      ),
    }
  })
}

const NARRATIVE_PLAN = ['ifMissingPlaces', 'ifMissingPeople', 'trustedAdults', 'childsWords', 'familyEngaged']

/** A new version of the safety plan (the previous stays readable). */
export async function createPlanVersion(actor: Actor, childId: string, input: PlanInput, now = new Date()) {
  if (input.reviewDate <= londonDate(now))
    throw new ValidationError({ reviewDate: 'The review date must be in the future' })
  if (input.actions.length === 0)
    throw new ValidationError({ actions: 'Add at least one protective action: who does what, by when' })
  return useCase(actor, 'plan.write', { subject: 'child', now }, async ({ tx, find, audit }) => {
    await find.child(childId, { select: { id: true } })
    const latest = await tx.safetyPlan.findFirst({
      where: { childId },
      orderBy: { version: 'desc' },
      select: { version: true },
    })
    throwIfStaleVersion(latest?.version, input.basedOnVersion, 'plan')
    const { basedOnVersion: _, ...content } = input
    const plan = await tx.safetyPlan.create({
      data: {
        ...content,
        risks: content.risks,
        actions: content.actions,
        reviewDate: calendarDate(input.reviewDate),
        childId,
        version: input.basedOnVersion + 1,
        createdAt: now,
        createdById: actor.userId,
      },
    })
    await patternsAfterEvent(tx, childId, now)
    await audit({
      action: 'plan.write',
      subjectType: 'child',
      subjectId: childId,
      childId,
      details: { planId: plan.id, version: plan.version },
    })
    return { id: plan.id, version: plan.version, warnings: languageWarningsFor(input, NARRATIVE_PLAN) }
  }).catch((e) => {
    if (e?.code === 'P2002')
      throw new ValidationError({
        form: 'Someone saved this plan at the same moment. Open it to see their version; what you typed is still here.',
      })
    throw e
  })
}

/** The registered manager signs off a plan version, once. */
export async function signOffPlan(actor: Actor, planId: string, now = new Date()) {
  return useCase(actor, 'plan.signoff', { subject: 'safety plan', now }, async ({ tx, find, audit }) => {
    const plan = await find.plan(planId)
    const latest = await tx.safetyPlan.findFirst({
      where: { childId: plan.childId },
      orderBy: { version: 'desc' },
      select: { version: true },
    })
    if (latest!.version !== plan.version)
      throw new ValidationError({
        form: `Version ${latest!.version} has replaced this one: sign off the latest version.`,
      })
    const signed = await tx.safetyPlan.updateMany({
      where: { id: planId, signedOffAt: null },
      data: { signedOffAt: now, signedOffById: actor.userId },
    })
    if (signed.count !== 1) throw new ValidationError({ form: 'This version has already been signed off.' })
    await patternsAfterEvent(tx, plan.childId, now)
    await audit({
      action: 'plan.signoff',
      subjectType: 'child',
      subjectId: plan.childId,
      childId: plan.childId,
      details: { planId, version: plan.version },
    })
    return { id: planId }
  })
}
