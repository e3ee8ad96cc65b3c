// The facts the pattern rules look at (lib/domain/patterns.ts): children, episodes, interviews and the places,
// people and vehicles they named, for everything or for what one event about a child can change.
import {
  findPatterns,
  type ChildFact,
  type EpisodeFact,
  type InterviewFact,
  type LinkFact,
} from '@/lib/domain/patterns'
import { londonDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { Tx } from './database'

export const DAY = 86_400_000
type RecordKind = 'location' | 'associate' | 'vehicle'
/** Everything, or what an event about one child can change: their own facts, their pairs, the records they named. */
type Scope = 'all' | { childId: string; records: Record<RecordKind, string[]> }

const CHILD_HISTORY_DAYS = 180

// Places, people and vehicles: their tables and the episode and interview links to them. The lookups below are SQL
// because Prisma sends a query per relation, and these run on every event (issue: under 50 ms at p95).
const KINDS = ['location', 'associate', 'vehicle'] as const
const TABLES: Record<RecordKind, { record: string; episodeLink: string; interviewLink: string; column: string }> = {
  location: {
    record: 'Location',
    episodeLink: 'EpisodeLocation',
    interviewLink: 'InterviewLocation',
    column: 'locationId',
  },
  associate: {
    record: 'Associate',
    episodeLink: 'EpisodeAssociate',
    interviewLink: 'InterviewAssociate',
    column: 'associateId',
  },
  vehicle: { record: 'Vehicle', episodeLink: 'EpisodeVehicle', interviewLink: 'InterviewVehicle', column: 'vehicleId' },
}

/**
 * Every mention of these records (or of all, when ids is null) since a date, merged records counted as the one kept.
 */
async function loadLinks(tx: Tx, kind: RecordKind, since: Date, ids: string[] | null): Promise<LinkFact[]> {
  const t = TABLES[kind]
  const which = ids ? `AND (r.id = ANY($2::text[]) OR r."mergedIntoId" = ANY($2::text[]))` : ''
  return tx.$queryRawUnsafe<LinkFact[]>(
    `SELECT COALESCE(r."mergedIntoId", r.id) AS "recordId", e."childId", e."homeId", e.id AS "episodeId", e."lastSeenAt" AS "at"
       FROM "${t.episodeLink}" x JOIN "MissingEpisode" e ON e.id = x."episodeId" JOIN "${t.record}" r ON r.id = x."${t.column}"
      WHERE e."lastSeenAt" >= $1 ${which}
     UNION ALL
     SELECT COALESCE(r."mergedIntoId", r.id), i."childId", e."homeId", NULL, i."dueAt"
       FROM "${t.interviewLink}" x JOIN "ReturnInterview" i ON i.id = x."interviewId" JOIN "MissingEpisode" e ON e.id = i."episodeId" JOIN "${t.record}" r ON r.id = x."${t.column}"
      WHERE i."dueAt" >= $1 ${which}`,
    since,
    ...(ids ? [ids] : []),
  )
}

/** The places, people and vehicles named in a child's episodes and interviews. */
export async function namedByChild(tx: Tx, childId: string, since: Date) {
  const parts = KINDS.flatMap((kind) => {
    const t = TABLES[kind]
    return [
      `SELECT '${kind}' AS kind, COALESCE(r."mergedIntoId", r.id) AS id FROM "${t.episodeLink}" x JOIN "MissingEpisode" e ON e.id = x."episodeId" JOIN "${t.record}" r ON r.id = x."${t.column}" WHERE e."childId" = $1 AND e."lastSeenAt" >= $2`,
      `SELECT '${kind}', COALESCE(r."mergedIntoId", r.id) FROM "${t.interviewLink}" x JOIN "ReturnInterview" i ON i.id = x."interviewId" JOIN "${t.record}" r ON r.id = x."${t.column}" WHERE i."childId" = $1 AND i."dueAt" >= $2`,
    ]
  })
  const rows = await tx.$queryRawUnsafe<{ kind: RecordKind; id: string }[]>(parts.join('\nUNION\n'), childId, since)
  const of = (kind: RecordKind) => rows.filter((r) => r.kind === kind).map((r) => r.id)
  return { location: of('location'), associate: of('associate'), vehicle: of('vehicle') }
}

/**
 * Other children's episodes in the same home that missingTogether (lib/domain/patterns.ts) could pair with this
 * child's: those starting within 30 days of one of theirs (it looks no further). Whether they overlap is the rule's
 * to say, in one place, so the per-event and the full run cannot drift apart.
 */
function pairCandidates(tx: Tx, childId: string, since: Date): Promise<EpisodeFact[]> {
  return tx.$queryRawUnsafe<EpisodeFact[]>(
    `SELECT DISTINCT o.id, o."childId", o."homeId", o."lastSeenAt", o."returnedAt"
       FROM "MissingEpisode" c JOIN "MissingEpisode" o ON o."homeId" = c."homeId" AND o."childId" <> c."childId"
      WHERE c."childId" = $1 AND c."lastSeenAt" >= $2 AND o."lastSeenAt" >= $2
        AND o."lastSeenAt" BETWEEN c."lastSeenAt" - interval '30 days' AND c."lastSeenAt" + interval '30 days'`,
    childId,
    since,
  )
}

/** Everything the rules look at, for some subjects or for all. */
export async function loadFacts(tx: Tx, scope: Scope, now: Date) {
  const all = scope === 'all'
  const lookback = new Date(now.getTime() - Math.max(settings.patterns.lookbackDays, CHILD_HISTORY_DAYS) * DAY)
  const childIds = all ? undefined : [scope.childId]
  // one query, not one per relation: this runs on every event (dates in the JSON are calendar days already)
  type ChildRow = Omit<ChildFact, 'homeId' | 'latestScreening' | 'plans' | 'placement'> & {
    placement: (NonNullable<ChildFact['placement']> & { homeId: string | null }) | null
    screening: {
      screenedAt: string
      level: NonNullable<ChildFact['latestScreening']>['level']
      harmIndicators: number
      kinds: NonNullable<ChildFact['latestScreening']>['kinds']
    } | null
    plans: {
      version: number
      signedOffAt: string | null
      reviewDate: string
      kinds: ChildFact['plans'][number]['kinds']
    }[]
  }
  const children = await tx.$queryRawUnsafe<ChildRow[]>(
    `SELECT c.id,
       (SELECT json_build_object('id', p.id, 'homeId', p."homeId", 'startDate', p."startDate", 'bedAndBreakfast', p."bedAndBreakfast", 'outOfArea', p."outOfArea",
               'atDistance', p."atDistance", 'areaNotifiedOn', p."areaNotifiedOn", 'directorApprovedOn', p."directorApprovedOn", 'areaConsultedOn', p."areaConsultedOn",
               'emergency', p.emergency, 'dateOfBirth', c."dateOfBirth")
          FROM "Placement" p WHERE p."childId" = c.id AND p."startDate" <= $1::date AND (p."endDate" IS NULL OR p."endDate" >= $1::date)
         ORDER BY p."startDate" DESC LIMIT 1) AS placement,
       (SELECT json_build_object('screenedAt', s."screenedAt", 'level', s.level, 'harmIndicators', s."harmIndicators", 'kinds', s.kinds)
          FROM "CseScreening" s WHERE s."childId" = c.id ORDER BY s."screenedAt" DESC LIMIT 1) AS screening,
       (SELECT coalesce(json_agg(json_build_object('version', v.version, 'signedOffAt', v."signedOffAt", 'reviewDate', v."reviewDate", 'kinds', v.kinds)), '[]'::json)
          FROM "SafetyPlan" v WHERE v."childId" = c.id) AS plans,
       EXISTS (SELECT 1 FROM "NotifiableEvent" t WHERE t."childId" = c.id AND t.kind = 'SEXUAL_EXPLOITATION'
                 AND (t.decision IS NULL OR (t.decision = 'NOTIFY' AND t."completedAt" IS NULL))) AS "reg40Open"
     FROM "Child" c ${childIds ? 'WHERE c.id = ANY($2::text[])' : ''}`,
    londonDate(now),
    ...(childIds ? [childIds] : []),
  )
  const childFacts: ChildFact[] = children.map((c) => ({
    id: c.id,
    homeId: c.placement?.homeId ?? null,
    latestScreening: c.screening && { ...c.screening, screenedAt: new Date(c.screening.screenedAt) },
    plans: c.plans.map((plan) => ({ ...plan, signedOffAt: plan.signedOffAt ? new Date(plan.signedOffAt) : null })),
    reg40Open: c.reg40Open,
    placement: c.placement,
  }))
  const episodeSelect = { id: true, childId: true, homeId: true, lastSeenAt: true, returnedAt: true } as const
  const episodes: EpisodeFact[] = all
    ? await tx.missingEpisode.findMany({ where: { lastSeenAt: { gte: lookback } }, select: episodeSelect })
    : [
        ...(await tx.missingEpisode.findMany({
          where: { lastSeenAt: { gte: lookback }, childId: scope.childId },
          select: episodeSelect,
        })),
        ...(await pairCandidates(tx, scope.childId, lookback)),
      ]
  const interviews: InterviewFact[] = await tx.returnInterview.findMany({
    where: {
      dueAt: { gte: new Date(now.getTime() - CHILD_HISTORY_DAYS * DAY) },
      ...(childIds ? { childId: { in: childIds } } : {}),
    },
    select: {
      id: true,
      childId: true,
      dueAt: true,
      outcome: true,
      heldAt: true,
      independenceDeclared: true,
      childChoseTrustedAdult: true,
    },
  })
  const links = { location: [] as LinkFact[], associate: [] as LinkFact[], vehicle: [] as LinkFact[] }
  for (const kind of KINDS) {
    const ids = all ? null : scope.records[kind]
    if (ids && !ids.length) continue
    links[kind] = await loadLinks(tx, kind, lookback, ids)
  }
  return { children: childFacts, episodes, interviews, links }
}

export const findingsFor = (facts: Awaited<ReturnType<typeof loadFacts>> & { pairsWith?: string }, now: Date) =>
  findPatterns(facts, now, settings.patterns, settings.cse)
