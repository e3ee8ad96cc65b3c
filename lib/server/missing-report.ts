// Missing-episode reports (issue: reports people would rather look at): episodes over time, durations, time of day
// and day of week, repeat children, return interview timeliness and children at risk of CSE with and without plans,
// for the episodes the actor may count (scope.ts episodeFiguresWhere), filtered by period, home, placing authority,
// age band and sex. Read as one audited report read.
import { hasCurrentSafetyPlan, latestByKind, needsSafetyPlan, type KindJudged } from '@/lib/domain/cse'
import { toCsv } from '@/lib/domain/csv'
import {
  inAgeBand,
  missingFigures,
  type ChildCseFact,
  type EpisodeFact,
  type TableId,
} from '@/lib/domain/missing-report'
import type { Actor } from '@/lib/domain/roles'
import { isoDate, londonDate, londonMidnight, shiftDate } from '@/lib/domain/time'
import type { Prisma } from '@/lib/generated/prisma/client'
import { settings } from '@/lib/settings'
import type { MissingReportQuery } from '@/lib/validation/reports'
import { planDays, planFlagsSelect } from './cse'
import { inTurn } from './database'
import { NotFoundError } from './errors'
import { episodeFiguresWhere, figuresAuthoritiesWhere, figuresChildWhere, figuresHomesWhere } from './scope'
import { useCase } from './use-case'

const NOT_A_READER = {
  forbidden:
    'Missing-episode reports are for home staff, managers, responsible individuals, IROs, social workers and LA missing leads.',
}

export async function missingReport(actor: Actor, query: MissingReportQuery, now = new Date()) {
  return useCase(actor, 'report.missing', { denied: NOT_A_READER, now }, async ({ tx, audit }) => {
    // figures have a scope of their own: a home counts the episodes at the home, wherever the child lives now; other
    // roles count the children they may read, found once here so that the queries below look them up by id
    const readable = await tx.child.findMany({
      where: figuresChildWhere(actor, 'report.missing', now),
      select: { id: true },
    })
    const ids = readable.map((c) => c.id)
    const scope = episodeFiguresWhere(actor, 'report.missing', now, ids)
    const today = londonDate(now)
    // what the filters can choose from: the homes and placing authorities the actor's figures can be about
    const [homes, authorities] = await inTurn(
      () =>
        tx.home.findMany({
          where: figuresHomesWhere(actor, 'report.missing', now, ids),
          orderBy: { name: 'asc' },
          select: { id: true, name: true },
        }),
      () =>
        tx.localAuthority.findMany({
          where: figuresAuthoritiesWhere(actor, 'report.missing', now, ids),
          orderBy: { name: 'asc' },
          select: { id: true, name: true },
        }),
    )
    if (query.home && !homes.some((h) => h.id === query.home)) throw new NotFoundError('home')
    if (query.authority && !authorities.some((a) => a.id === query.authority))
      throw new NotFoundError('local authority')
    const where: Prisma.MissingEpisodeWhereInput = {
      AND: [
        scope,
        { lastSeenAt: { gte: londonMidnight(query.from), lt: londonMidnight(shiftDate(query.to, { days: 1 })) } },
        query.home ? { homeId: query.home } : {},
        query.authority ? { child: { placingAuthorityId: query.authority } } : {},
        query.sex ? { child: { sex: query.sex } } : {},
      ],
    }
    // the episodes, then once each the children they are about (age, authority, CSE screening and plans): by the ids
    // the episodes name, not by scanning the episodes a second time
    const rows = await tx.missingEpisode.findMany({
      where,
      select: { id: true, lastSeenAt: true, returnedAt: true, absenceType: true, childId: true, homeId: true },
    })
    // their return interviews through the same filter, joined in the database: Prisma would otherwise send every
    // episode's id back as a parameter (thousands for an authority's year), the report's slowest step under load
    const interviews = await tx.returnInterview.findMany({
      where: { episode: where },
      select: { episodeId: true, dueAt: true, offeredAt: true, outcome: true, heldAt: true },
    })
    const interviewByEpisode = new Map(interviews.map((i) => [i.episodeId, i]))
    const children = await tx.child.findMany({
      where: { id: { in: [...new Set(rows.map((e) => e.childId))] } },
      select: {
        id: true,
        dateOfBirth: true,
        placingAuthority: { select: { id: true, name: true } },
        cseScreenings: {
          orderBy: { screenedAt: 'desc' },
          select: { level: true, harmIndicators: true, kinds: true },
        },
        safetyPlans: { select: planFlagsSelect },
      },
    })
    const childById = new Map(children.map((c) => [c.id, c]))
    const homeById = new Map(homes.map((h) => [h.id, h]))
    const episodes: EpisodeFact[] = rows
      .map((e) => {
        const child = childById.get(e.childId)!
        return {
          lastSeenAt: e.lastSeenAt,
          returnedAt: e.returnedAt,
          absenceType: e.absenceType,
          childId: e.childId,
          dateOfBirth: isoDate(child.dateOfBirth),
          home: e.homeId ? (homeById.get(e.homeId) ?? null) : null,
          authority: child.placingAuthority,
          interview: interviewByEpisode.get(e.id) ?? null,
        }
      })
      .filter((e) => !query.ageBand || inAgeBand(query.ageBand, e.dateOfBirth, londonDate(e.lastSeenAt)))
    const counted = new Set(episodes.map((e) => e.childId))
    const cse: ChildCseFact[] = children
      .filter((c) => counted.has(c.id))
      .map((c) => {
        const latest = c.cseScreenings[0]
        return {
          childId: c.id,
          level: latest?.level ?? 'NOT_SCREENED',
          kinds: Object.fromEntries(
            Object.values(latestByKind(c.cseScreenings.map((s) => ({ kinds: s.kinds as KindJudged[] })))).map((k) => [
              k.kind,
              k.level,
            ]),
          ),
          needsPlan: latest ? needsSafetyPlan(latest) : false,
          currentPlan: hasCurrentSafetyPlan(c.safetyPlans.map(planDays), today),
        }
      })
    const figures = missingFigures(episodes, cse, query, now, settings.returnInterview.dueSoonHours)
    const details = { ...query, episodes: episodes.length }
    await audit({
      action: 'report.missing',
      subjectType: 'report',
      subjectId: 'missing',
      childIds: [...counted],
      details,
    })
    return {
      period: { from: query.from, to: query.to },
      filter: {
        home: query.home ?? null,
        authority: query.authority ?? null,
        ageBand: query.ageBand ?? null,
        sex: query.sex ?? null,
      },
      options: { homes, authorities },
      ...figures,
    }
  })
}

/** One table of the report as CSV, with the column names as shown, and its file name. */
export async function missingReportCsv(actor: Actor, query: MissingReportQuery, table: TableId, now = new Date()) {
  const report = await missingReport(actor, query, now)
  const shown = report.tables.find((t) => t.id === table)!
  const body = toCsv(
    shown.columns.map((c) => c.label),
    shown.rows.map((r) => shown.columns.map((c) => r[c.key] ?? '')),
    { guardFormulas: true },
  )
  return { filename: `missing-${table}-${query.from}-to-${query.to}.csv`, body }
}
