// Figures Ofsted asks for (docs/domain.md "Data standards"): for a children's home inspection, how many times
// children were missing or away without authorisation, how many children, and how many residents are at risk of
// CSE (and of each other kind of exploitation, counted separately); for a local authority's inspection (ILACS
// Annex A, children looked after), each child's missing and absent episodes in the last 12 months, and whether a
// return interview was offered and accepted after the last missing one.
import { EXPLOITATION_KINDS, latestByKind, type ExploitationKind, type KindJudged } from '@/lib/domain/cse'
import { grantsFor } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { isoDate, londonDate, londonMidnight, shiftDate } from '@/lib/domain/time'
import { currentPlacement } from './scope'
import { useCase } from './use-case'

/** Per home the actor manages (or whose provider they are responsible for), for episodes starting in the period. */
export async function homeInspectionFigures(actor: Actor, period: { from: string; to: string }, now = new Date()) {
  const denied = { forbidden: 'Home inspection figures are for registered managers and responsible individuals.' }
  return useCase(actor, 'report.ofsted-home', { denied, now }, async ({ tx, scope, audit }) => {
    const homes = await tx.home.findMany({
      where: scope.home,
      orderBy: { name: 'asc' },
      select: {
        id: true,
        name: true,
        missingEpisodes: {
          where: {
            lastSeenAt: { gte: londonMidnight(period.from), lt: londonMidnight(shiftDate(period.to, { days: 1 })) },
          },
          select: { childId: true, absenceType: true },
        },
        placements: {
          where: currentPlacement(now),
          select: {
            child: {
              select: {
                id: true,
                cseScreenings: { orderBy: { screenedAt: 'desc' }, select: { kinds: true } },
              },
            },
          },
        },
      },
    })
    const childIds = homes.flatMap((h) => [
      ...h.missingEpisodes.map((e) => e.childId),
      ...h.placements.map((p) => p.child.id),
    ])
    await audit({
      action: 'report.ofsted-home',
      subjectType: 'report',
      subjectId: 'ofsted-home',
      childIds,
      details: { from: period.from, to: period.to, homes: homes.length },
    })
    // each kind counted separately, from each resident's newest screening of that kind
    const latest = (p: (typeof homes)[number]['placements'][number]) =>
      latestByKind(p.child.cseScreenings.map((s) => ({ kinds: s.kinds as KindJudged[] })))
    const atRisk = (h: (typeof homes)[number], kind: ExploitationKind) =>
      h.placements.filter((p) => ['AT_RISK', 'SIGNIFICANT'].includes(latest(p)[kind]?.level ?? '')).length
    return homes.map((h) => ({
      id: h.id,
      name: h.name,
      missing: h.missingEpisodes.filter((e) => e.absenceType === 'MISSING').length,
      away: h.missingEpisodes.filter((e) => e.absenceType === 'AWAY').length,
      children: new Set(h.missingEpisodes.map((e) => e.childId)).size,
      residents: h.placements.length,
      atRiskOfCse: atRisk(h, 'sexual'),
      atRiskByKind: Object.fromEntries(EXPLOITATION_KINDS.map((k) => [k, atRisk(h, k)])) as Record<
        ExploitationKind,
        number
      >,
    }))
  })
}

/** Annex A's missing columns for each child the LA missing lead's authority looks after now. */
export async function annexAFigures(actor: Actor, now = new Date()) {
  const denied = { forbidden: 'Annex A figures are for the placing authority’s LA missing lead.' }
  const since = londonMidnight(shiftDate(londonDate(now), { years: -1 }))
  return useCase(actor, 'report.annex-a', { denied, now }, async ({ tx, scope, audit }) => {
    // Annex A counts the children the authority looks after: of those in scope (which also holds children other
    // authorities place in its area), the ones it placed
    const authorityIds = grantsFor(actor, 'report.annex-a')
      .map((g) => g.localAuthorityId!)
      .filter(Boolean)
    const children = await tx.child.findMany({
      where: {
        AND: [scope.child, { placingAuthorityId: { in: authorityIds }, placements: { some: currentPlacement(now) } }],
      },
      orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
      select: {
        id: true,
        firstName: true,
        lastName: true,
        dateOfBirth: true,
        missingEpisodes: {
          where: { lastSeenAt: { gte: since } },
          orderBy: { lastSeenAt: 'desc' },
          select: { absenceType: true, returnInterview: { select: { dueAt: true, offeredAt: true, outcome: true } } },
        },
      },
    })
    await audit({
      action: 'report.annex-a',
      subjectType: 'report',
      subjectId: 'annex-a',
      childIds: children.map((c) => c.id),
      details: { children: children.length },
    })
    return children.map((c) => {
      const lastMissing = c.missingEpisodes.find((e) => e.absenceType === 'MISSING')
      const interview = lastMissing?.returnInterview
      const offered = interview
        ? Boolean(interview.offeredAt) || (interview.outcome !== null && interview.outcome !== 'NOT_OFFERED')
        : false
      return {
        id: c.id,
        name: `${c.firstName} ${c.lastName}`,
        dateOfBirth: isoDate(c.dateOfBirth),
        missingEpisodes: c.missingEpisodes.filter((e) => e.absenceType === 'MISSING').length,
        absentEpisodes: c.missingEpisodes.filter((e) => e.absenceType === 'AWAY').length,
        // blank when there is nothing to say yet: no missing episode, not back, or the 72 hours to offer it still
        // running
        returnInterviewOffered: !interview ? '' : offered ? 'Y' : interview.dueAt > now ? '' : 'N',
        returnInterviewAccepted:
          lastMissing && interview && offered
            ? interview.outcome === 'HELD'
              ? 'Y'
              : interview.outcome
                ? 'N'
                : ''
            : '',
      }
    })
  })
}
