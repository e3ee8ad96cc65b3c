// Pattern rules (issue: tell the IRO, every time, and flag the patterns). Pure: facts and "now" in, findings out.
// Sources: report recommendations 2, 3, 8, 10, 11 and the evidence on children going missing together and on places,
// people and vehicles linking victims (docs/domain.md); thresholds are local practice, so they are settings.
import { type ExploitationKind, type Level } from './cse'
import { csePlanProblems, placementProblems } from './child-patterns'

const DAY = 86_400_000

export type RuleCode =
  | 'repeat-missing'
  | 'missing-together'
  | 'recurring-place'
  | 'shared-associate'
  | 'shared-vehicle'
  | 'escalating'
  | 'return-interview'
  | 'cse-plan'
  | 'bed-and-breakfast'
  | 'out-of-area'

export const RULE_TITLES: Record<RuleCode, string> = {
  'repeat-missing': 'Repeat missing episodes',
  'missing-together': 'Children going missing together',
  'recurring-place': 'The same place for several episodes or children',
  'shared-associate': 'The same person with several children',
  'shared-vehicle': 'The same vehicle with several children',
  escalating: 'Episodes getting more frequent or longer',
  'return-interview': 'Return interview not held in time, or not independent',
  'cse-plan': 'CSE risk without a current safety plan',
  'bed-and-breakfast': 'Placed in bed and breakfast',
  'out-of-area': 'Out-of-area placement without notice or approval',
}

export type PatternSettings = {
  repeatCount: number
  repeatDays: number
  repeatCount90: number
  togetherWindowMinutes: number
  togetherOccasions: number
  placeChildren: number
  placeEpisodes90: number
  sharedChildren: number
  escalationMinIncrease: number
  escalationDurationFactor: number
  lookbackDays: number
  areaNoticeWorkingDays: number
}

export type EpisodeFact = {
  id: string
  childId: string
  homeId: string | null
  lastSeenAt: Date
  returnedAt: Date | null
}
export type InterviewFact = {
  id: string
  childId: string
  dueAt: Date
  outcome: string | null
  heldAt: Date | null
  independenceDeclared: boolean | null
  childChoseTrustedAdult: boolean | null
}
export type LinkFact = { recordId: string; childId: string; homeId: string | null; episodeId: string | null; at: Date }
export type ChildFact = {
  id: string
  homeId: string | null
  latestScreening: {
    screenedAt: Date
    level: Level
    harmIndicators: number
    kinds?: { kind: ExploitationKind; level: Level }[]
  } | null
  plans: { version: number; signedOffAt: Date | null; reviewDate: string; kinds?: ExploitationKind[] }[]
  reg40Open: boolean
  placement: {
    id: string
    startDate: string
    bedAndBreakfast: boolean
    outOfArea: boolean
    atDistance: boolean
    areaNotifiedOn: string | null
    directorApprovedOn: string | null
    areaConsultedOn: string | null
    emergency?: boolean
    dateOfBirth?: string
  } | null
}

export type Finding = {
  rule: RuleCode
  subjectKey: string
  severity: 'critical' | 'warning'
  summary: string
  childIds: string[]
  homeIds: string[]
  evidence: { episodeIds: string[]; interviewIds?: string[]; recordId?: string; facts?: string[] }
}

const uniq = <T>(xs: T[]) => [...new Set(xs)]
const minutes = (e: EpisodeFact, now: Date) => ((e.returnedAt ?? now).getTime() - e.lastSeenAt.getTime()) / 60_000

/** Rule 1: 3 or more episodes in any 30 days (of the last 90), or a count in 90 days. */
export function repeatMissing(childId: string, episodes: EpisodeFact[], now: Date, s: PatternSettings): Finding | null {
  const recent = episodes
    .filter((e) => now.getTime() - e.lastSeenAt.getTime() <= 90 * DAY)
    .sort((a, b) => a.lastSeenAt.getTime() - b.lastSeenAt.getTime())
  let best: EpisodeFact[] = []
  for (let i = 0; i < recent.length; i++) {
    const window = recent.filter(
      (e) =>
        e.lastSeenAt >= recent[i].lastSeenAt &&
        e.lastSeenAt.getTime() < recent[i].lastSeenAt.getTime() + s.repeatDays * DAY,
    )
    if (window.length > best.length) best = window
  }
  if (best.length >= s.repeatCount)
    return {
      rule: 'repeat-missing',
      subjectKey: `child:${childId}`,
      severity: 'warning',
      summary: `${best.length} episodes within ${s.repeatDays} days (${recent.length} in the last 90 days)`,
      childIds: [childId],
      homeIds: uniq(best.map((e) => e.homeId).filter((h): h is string => !!h)),
      evidence: { episodeIds: recent.map((e) => e.id) },
    }
  if (recent.length >= s.repeatCount90)
    return {
      rule: 'repeat-missing',
      subjectKey: `child:${childId}`,
      severity: 'warning',
      summary: `${recent.length} episodes in the last 90 days`,
      childIds: [childId],
      homeIds: uniq(recent.map((e) => e.homeId).filter((h): h is string => !!h)),
      evidence: { episodeIds: recent.map((e) => e.id) },
    }
  return null
}

/** Whether y, starting after x, began while x was missing. An episode whose return is not recorded yet shows when it
 *  began, not how long it lasted: it overlaps another still open (both missing now), never one already over, which may
 *  have come after a return not yet written down (past episodes are often recorded after the event). */
export const overlaps = (x: EpisodeFact, y: EpisodeFact) => (x.returnedAt ? y.lastSeenAt < x.returnedAt : !y.returnedAt)

/** Rule 2: two children of the same home whose episodes overlap or start within a window, on 2 or more occasions.
 *  With pairsWith, only the pairs that child is in (after an event about them: other pairs have not changed). */
export function missingTogether(episodes: EpisodeFact[], now: Date, s: PatternSettings, pairsWith?: string): Finding[] {
  const recent = episodes
    .filter((e) => e.homeId && now.getTime() - e.lastSeenAt.getTime() <= s.lookbackDays * DAY)
    .sort((a, b) => a.lastSeenAt.getTime() - b.lastSeenAt.getTime())
  const pairs = new Map<string, { homeId: string; a: string; b: string; episodeIds: Set<string>; occasions: number }>()
  for (let i = 0; i < recent.length; i++) {
    const x = recent[i]
    for (let j = i + 1; j < recent.length; j++) {
      const y = recent[j]
      const gap = y.lastSeenAt.getTime() - x.lastSeenAt.getTime()
      // sorted by start: nothing later starts with x or inside it (episodes last days, not months)
      if (gap > 30 * DAY) break
      if (x.childId === y.childId || x.homeId !== y.homeId) continue
      if (pairsWith && x.childId !== pairsWith && y.childId !== pairsWith) continue
      if (gap > s.togetherWindowMinutes * 60_000 && !overlaps(x, y)) continue // neither together nor overlapping
      const [a, b] = [x.childId, y.childId].sort()
      const key = `pair:${x.homeId}:${a}:${b}`
      const entry = pairs.get(key) ?? { homeId: x.homeId!, a, b, episodeIds: new Set<string>(), occasions: 0 }
      entry.occasions++
      entry.episodeIds.add(x.id).add(y.id)
      pairs.set(key, entry)
    }
  }
  return [...pairs.entries()]
    .filter(([, p]) => p.occasions >= s.togetherOccasions)
    .map(([key, p]) => ({
      rule: 'missing-together' as const,
      subjectKey: key,
      severity: 'warning' as const,
      summary: `Two children of the same home went missing together ${p.occasions} times`,
      childIds: [p.a, p.b],
      homeIds: [p.homeId],
      evidence: { episodeIds: [...p.episodeIds] },
    }))
}

/**
 * Rules 3 and 4: a place across 2 or more children, or 3 or more episodes in 90 days; a person or vehicle across
 * children.
 */
export function sharedRecords(
  kind: 'location' | 'associate' | 'vehicle',
  links: LinkFact[],
  now: Date,
  s: PatternSettings,
): Finding[] {
  const byRecord = new Map<string, LinkFact[]>()
  for (const l of links) {
    if (now.getTime() - l.at.getTime() > s.lookbackDays * DAY) continue
    const list = byRecord.get(l.recordId)
    if (list) list.push(l)
    else byRecord.set(l.recordId, [l])
  }
  const rule = kind === 'location' ? 'recurring-place' : kind === 'associate' ? 'shared-associate' : 'shared-vehicle'
  const findings: Finding[] = []
  for (const [recordId, list] of byRecord) {
    const children = uniq(list.map((l) => l.childId))
    const episodes90 = uniq(
      list.filter((l) => l.episodeId && now.getTime() - l.at.getTime() <= 90 * DAY).map((l) => l.episodeId!),
    )
    const threshold = kind === 'location' ? s.placeChildren : s.sharedChildren
    if (children.length >= threshold || (kind === 'location' && episodes90.length >= s.placeEpisodes90))
      findings.push({
        rule,
        subjectKey: `${kind}:${recordId}`,
        severity: 'warning',
        summary: `Named for ${children.length} ${children.length === 1 ? 'child' : 'children'} in ${uniq(list.map((l) => l.episodeId ?? l.at.toISOString())).length} episodes or interviews`,
        childIds: children.sort(),
        homeIds: uniq(list.map((l) => l.homeId).filter((h): h is string => !!h)).sort(),
        // the children too: one named only in a return interview has no episode here, and is new evidence all the same
        evidence: {
          episodeIds: uniq(list.map((l) => l.episodeId).filter((e): e is string => !!e)),
          recordId,
          facts: children.map((c) => `child:${c}`),
        },
      })
  }
  return findings
}

/** Rule 5: more episodes, or longer ones, in the last 90 days than in the 90 before. */
export function escalating(childId: string, episodes: EpisodeFact[], now: Date, s: PatternSettings): Finding | null {
  const age = (e: EpisodeFact) => now.getTime() - e.lastSeenAt.getTime()
  const recent = episodes.filter((e) => age(e) <= 90 * DAY)
  const before = episodes.filter((e) => age(e) > 90 * DAY && age(e) <= 180 * DAY)
  const mean = (list: EpisodeFact[]) => list.reduce((sum, e) => sum + minutes(e, now), 0) / list.length
  // the evidence keeps what is found, not the figures: an open episode lengthens the average by the hour, and that
  // alone must not count as something new
  const facts: string[] = []
  const said: string[] = []
  if (recent.length >= before.length + s.escalationMinIncrease && recent.length >= 3) {
    facts.push('more-episodes')
    said.push(`${recent.length} episodes in the last 90 days, ${before.length} in the 90 before`)
  }
  if (recent.length >= 2 && before.length >= 2 && mean(recent) >= s.escalationDurationFactor * mean(before)) {
    facts.push('longer-episodes')
    said.push(`on average ${Math.round(mean(recent) / 60)} h missing, up from ${Math.round(mean(before) / 60)} h`)
  }
  if (!facts.length) return null
  return {
    rule: 'escalating',
    subjectKey: `child:${childId}`,
    severity: 'warning',
    summary: said.join('; '),
    childIds: [childId],
    homeIds: uniq(recent.map((e) => e.homeId).filter((h): h is string => !!h)),
    evidence: { episodeIds: recent.map((e) => e.id), facts },
  }
}

/** Rule 6: a return interview overdue or not offered, or held by someone not independent without the child's choice. */
export function returnInterviewProblems(childId: string, interviews: InterviewFact[], now: Date): Finding | null {
  const problems = interviews.filter(
    (i) =>
      now.getTime() - i.dueAt.getTime() <= 180 * DAY &&
      ((!i.outcome && now > i.dueAt) ||
        i.outcome === 'NOT_OFFERED' ||
        (i.outcome === 'HELD' && i.heldAt! > i.dueAt) ||
        (i.outcome === 'HELD' && !i.independenceDeclared && !i.childChoseTrustedAdult)),
  )
  if (!problems.length) return null
  return {
    rule: 'return-interview',
    subjectKey: `child:${childId}`,
    severity: 'warning',
    summary: `${problems.length} return interview${problems.length === 1 ? '' : 's'} not held within 72 hours, not offered, or not independent`,
    childIds: [childId],
    homeIds: [],
    evidence: { episodeIds: [], interviewIds: problems.map((i) => i.id) },
  }
}

/** Every rule over a set of facts. The incremental and the full recompute both call this, so they cannot disagree. */
export function findPatterns(
  facts: {
    children: ChildFact[]
    episodes: EpisodeFact[]
    interviews: InterviewFact[]
    links: Record<'location' | 'associate' | 'vehicle', LinkFact[]>
    pairsWith?: string
  },
  now: Date,
  s: PatternSettings,
  cse: { rescreenMonths: number; planWorkingDays: number },
  holidays?: readonly string[],
): Finding[] {
  const groupBy = <T>(items: T[], key: (t: T) => string) => {
    const groups = new Map<string, T[]>()
    for (const item of items) {
      const list = groups.get(key(item))
      if (list) list.push(item)
      else groups.set(key(item), [item])
    }
    return groups
  }
  const episodesByChild = groupBy(facts.episodes, (e) => e.childId)
  const interviewsByChild = groupBy(facts.interviews, (i) => i.childId)
  const findings: Finding[] = []
  for (const child of facts.children) {
    const episodes = episodesByChild.get(child.id) ?? []
    const found = [
      repeatMissing(child.id, episodes, now, s),
      escalating(child.id, episodes, now, s),
      returnInterviewProblems(child.id, interviewsByChild.get(child.id) ?? [], now),
      csePlanProblems(child, now, cse, holidays),
      ...placementProblems(child, now, s, holidays),
    ]
    for (const f of found) if (f) findings.push(f)
  }
  // pairs are within one home: look home by home
  for (const episodes of groupBy(
    facts.episodes.filter((e) => e.homeId),
    (e) => e.homeId!,
  ).values())
    findings.push(...missingTogether(episodes, now, s, facts.pairsWith))
  for (const kind of ['location', 'associate', 'vehicle'] as const)
    findings.push(...sharedRecords(kind, facts.links[kind], now, s))
  return findings
}
