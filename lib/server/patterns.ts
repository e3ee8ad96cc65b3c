// Running the pattern rules: load the facts, find the patterns (lib/domain/patterns.ts), keep one alert per rule and
// subject, tell the right people. The same code runs for one event (the subjects it touches) and for everything.
import { randomUUID } from 'node:crypto'
import { addWorkingDays } from '@/lib/domain/bank-holidays'
import { findPatterns, RULE_TITLES, type ChildFact, type EpisodeFact, type Finding, type InterviewFact, type LinkFact, type RuleCode } from '@/lib/domain/patterns'
import { isoDate, londonDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { Prisma } from '@/lib/generated/prisma/client'
import { getPrisma, type Tx } from './database'
import { initials, notify, type NewNotification } from './notifications'
import { currentPlacement } from './scope'

const DAY = 86_400_000
type RecordKind = 'location' | 'associate' | 'vehicle'
type Scope = { childIds: string[] | 'all'; homeIds: string[]; records: Record<RecordKind, string[]> } | 'all'

const CHILD_HISTORY_DAYS = 180

/** Everything the rules look at, for some subjects or for all. */
async function loadFacts(tx: Tx, scope: Scope, now: Date) {
  const all = scope === 'all'
  const lookback = new Date(now.getTime() - Math.max(settings.patterns.lookbackDays, CHILD_HISTORY_DAYS) * DAY)
  const childIds = all || scope.childIds === 'all' ? undefined : scope.childIds
  const children = await tx.child.findMany({
    where: childIds ? { id: { in: childIds } } : {},
    select: {
      id: true,
      placements: { where: currentPlacement(now), take: 1, orderBy: { startDate: 'desc' }, select: { id: true, homeId: true, startDate: true, bedAndBreakfast: true, outOfArea: true, atDistance: true, areaNotifiedOn: true, directorApprovedOn: true, areaConsultedOn: true } },
      cseScreenings: { orderBy: { screenedAt: 'desc' }, take: 1, select: { screenedAt: true, level: true, harmIndicators: true } },
      safetyPlans: { select: { version: true, signedOffAt: true, reviewDate: true } },
      reg40Tasks: { where: { completedAt: null }, select: { id: true } },
    },
  })
  const childFacts: ChildFact[] = children.map((c) => {
    const p = c.placements[0]
    return {
      id: c.id,
      homeId: p?.homeId ?? null,
      latestScreening: c.cseScreenings[0] ?? null,
      plans: c.safetyPlans.map((plan) => ({ version: plan.version, signedOffAt: plan.signedOffAt, reviewDate: isoDate(plan.reviewDate) })),
      reg40Open: c.reg40Tasks.length > 0,
      placement: p
        ? { id: p.id, startDate: isoDate(p.startDate), bedAndBreakfast: p.bedAndBreakfast, outOfArea: p.outOfArea, atDistance: p.atDistance, areaNotifiedOn: p.areaNotifiedOn && isoDate(p.areaNotifiedOn), directorApprovedOn: p.directorApprovedOn && isoDate(p.directorApprovedOn), areaConsultedOn: p.areaConsultedOn && isoDate(p.areaConsultedOn) }
        : null,
    }
  })
  const episodeSelect = { id: true, childId: true, homeId: true, lastSeenAt: true, returnedAt: true } as const
  // the children's own episodes and their homes' (for pairs), as two indexed queries rather than one OR
  const episodes: EpisodeFact[] = all
    ? await tx.missingEpisode.findMany({ where: { lastSeenAt: { gte: lookback } }, select: episodeSelect })
    : [
        ...new Map(
          [
            ...(await tx.missingEpisode.findMany({ where: { lastSeenAt: { gte: lookback }, ...(childIds ? { childId: { in: childIds } } : {}) }, select: episodeSelect })),
            ...(scope.homeIds.length ? await tx.missingEpisode.findMany({ where: { lastSeenAt: { gte: lookback }, homeId: { in: scope.homeIds } }, select: episodeSelect }) : []),
          ].map((e) => [e.id, e]),
        ).values(),
      ]
  const interviews: InterviewFact[] = await tx.returnInterview.findMany({
    where: { dueAt: { gte: new Date(now.getTime() - CHILD_HISTORY_DAYS * DAY) }, ...(childIds ? { childId: { in: childIds } } : {}) },
    select: { id: true, childId: true, dueAt: true, outcome: true, heldAt: true, independenceDeclared: true, childChoseTrustedAdult: true },
  })
  const links = { location: [] as LinkFact[], associate: [] as LinkFact[], vehicle: [] as LinkFact[] }
  for (const kind of ['location', 'associate', 'vehicle'] as const) {
    const ids = all ? undefined : scope.records[kind]
    if (ids && !ids.length) continue
    const record = ids ? { OR: [{ id: { in: ids } }, { mergedIntoId: { in: ids } }] } : {}
    const episodeSelect = { id: true, childId: true, homeId: true, lastSeenAt: true } as const
    const fromEpisodes = { where: { episode: { lastSeenAt: { gte: lookback } }, [kind]: record }, select: { [kind]: { select: { id: true, mergedIntoId: true } }, episode: { select: episodeSelect } } }
    const fromInterviews = { where: { interview: { dueAt: { gte: lookback } }, [kind]: record }, select: { [kind]: { select: { id: true, mergedIntoId: true } }, interview: { select: { childId: true, dueAt: true, episode: { select: { homeId: true } } } } } }
    type Row = Record<RecordKind, { id: string; mergedIntoId: string | null }> & { episode?: { id: string; childId: string; homeId: string | null; lastSeenAt: Date }; interview?: { childId: string; dueAt: Date; episode: { homeId: string | null } } }
    const [a, b] = (await Promise.all(
      kind === 'location'
        ? [tx.episodeLocation.findMany(fromEpisodes as never), tx.interviewLocation.findMany(fromInterviews as never)]
        : kind === 'associate'
          ? [tx.episodeAssociate.findMany(fromEpisodes as never), tx.interviewAssociate.findMany(fromInterviews as never)]
          : [tx.episodeVehicle.findMany(fromEpisodes as never), tx.interviewVehicle.findMany(fromInterviews as never)],
    )) as unknown as [Row[], Row[]]
    for (const row of a) links[kind].push({ recordId: row[kind].mergedIntoId ?? row[kind].id, childId: row.episode!.childId, homeId: row.episode!.homeId, episodeId: row.episode!.id, at: row.episode!.lastSeenAt })
    for (const row of b) links[kind].push({ recordId: row[kind].mergedIntoId ?? row[kind].id, childId: row.interview!.childId, homeId: row.interview!.episode.homeId, episodeId: null, at: row.interview!.dueAt })
  }
  return { children: childFacts, episodes, interviews, links }
}

const findingsFor = (facts: Awaited<ReturnType<typeof loadFacts>>, now: Date) => findPatterns(facts, now, settings.patterns, settings.cse)

/** Who is told, by rule (issue: tell the IRO, every time, and flag the patterns). */
async function recipientsFor(tx: Tx, findings: Finding[]) {
  const childIds = [...new Set(findings.flatMap((f) => f.childIds))]
  const homeIds = [...new Set(findings.flatMap((f) => f.homeIds))]
  const children = await tx.child.findMany({ where: { id: { in: childIds } }, select: { id: true, iroId: true, socialWorkerId: true, placingAuthorityId: true } })
  const homes = await tx.home.findMany({ where: { id: { in: homeIds } }, select: { id: true, hostAuthorityId: true } })
  const authorityIds = [...new Set([...children.map((c) => c.placingAuthorityId), ...homes.map((h) => h.hostAuthorityId)])]
  const staff = await tx.roleAssignment.findMany({
    where: { OR: [{ role: 'REGISTERED_MANAGER', homeId: { in: homeIds } }, { role: 'LA_MISSING_LEAD', localAuthorityId: { in: authorityIds } }], user: { active: true } },
    select: { userId: true, role: true, homeId: true, localAuthorityId: true },
  })
  const child = new Map(children.map((c) => [c.id, c]))
  const managersOf = (ids: string[]) => staff.filter((s) => s.role === 'REGISTERED_MANAGER' && ids.includes(s.homeId!)).map((s) => s.userId)
  const leadsOf = (laIds: string[]) => staff.filter((s) => s.role === 'LA_MISSING_LEAD' && laIds.includes(s.localAuthorityId!)).map((s) => s.userId)
  return (finding: Finding) => {
    const kids = finding.childIds.map((id) => child.get(id)).filter((c): c is NonNullable<typeof c> => Boolean(c))
    const iros = kids.map((c) => c.iroId)
    const socialWorkers = kids.map((c) => c.socialWorkerId)
    const managers = managersOf(finding.homeIds)
    const placing = kids.map((c) => c.placingAuthorityId)
    const hosts = homes.filter((h) => finding.homeIds.includes(h.id)).map((h) => h.hostAuthorityId)
    const iro: [string, (string | null)[]] = ['IRO', iros]
    const sw: [string, (string | null)[]] = ['Social worker', socialWorkers]
    const manager: [string, (string | null)[]] = ['Registered manager', managers]
    const leads = (laIds: string[]): [string, (string | null)[]] => ['LA missing lead', leadsOf(laIds)]
    const byRule: Record<RuleCode, [string, (string | null)[]][]> = {
      'repeat-missing': [iro, sw, manager],
      escalating: [iro, sw, manager],
      'missing-together': [manager, iro],
      'recurring-place': [manager, leads([...placing, ...hosts])],
      'shared-associate': [manager, leads([...placing, ...hosts])],
      'shared-vehicle': [manager, leads([...placing, ...hosts])],
      'return-interview': [manager, sw, iro],
      'cse-plan': [manager, sw, iro],
      'bed-and-breakfast': [manager, iro, sw],
      'out-of-area': [sw, iro, leads(placing)],
    }
    const seen = new Set<string>()
    return byRule[finding.rule].flatMap(([reason, ids]) =>
      ids.filter((id): id is string => Boolean(id) && !seen.has(id!) && Boolean(seen.add(id!))).map((userId) => ({ userId, reason })),
    )
  }
}

const evidenceKey = (e: unknown) => JSON.stringify(e, (_, v) => (Array.isArray(v) ? [...v].sort() : v))
const newItems = (current: Finding['evidence'], before: Finding['evidence'] | null) => {
  if (!before) return true
  const seen = new Set([...(before.episodeIds ?? []), ...(before.interviewIds ?? []), ...(before.facts ?? [])])
  return [...current.episodeIds, ...(current.interviewIds ?? []), ...(current.facts ?? [])].some((id) => !seen.has(id))
}

/** Opens, updates or reopens one alert per finding, and tells whoever should know. */
async function applyFindings(tx: Tx, findings: Finding[], now: Date) {
  if (!findings.length) return { opened: 0, updated: 0, reopened: 0 }
  const existing = await tx.alert.findMany({
    where: { subjectKey: { in: [...new Set(findings.map((f) => f.subjectKey))] } },
    select: { id: true, rule: true, subjectKey: true, status: true, evidence: true, resolvedEvidence: true, recipients: { select: { userId: true } } },
  })
  const byKey = new Map(existing.map((a) => [`${a.rule}|${a.subjectKey}`, a]))
  const recipients = await recipientsFor(tx, findings)
  const children = await tx.child.findMany({ where: { id: { in: [...new Set(findings.flatMap((f) => f.childIds))] } }, select: { id: true, firstName: true, lastName: true } })
  const initialsOf = new Map(children.map((c) => [c.id, initials(c)]))
  const who = (f: Finding) => f.childIds.map((id) => initialsOf.get(id)).filter(Boolean).join(', ')
  const alerts: Prisma.AlertCreateManyInput[] = []
  const alertRecipients: Prisma.AlertRecipientCreateManyInput[] = []
  const events: Prisma.AlertEventCreateManyInput[] = []
  const messages: NewNotification[] = []
  const counts = { opened: 0, updated: 0, reopened: 0 }
  const tell = (alertId: string, f: Finding, userIds: string[], kind: string, verb: string) => {
    const children = who(f)
    for (const userId of userIds)
      messages.push({ recipientId: userId, kind, alertId, childId: f.childIds.length === 1 ? f.childIds[0] : null, link: `/alerts/${alertId}`, title: `Haven alert ${verb}: ${RULE_TITLES[f.rule]} (${children})`, body: `${RULE_TITLES[f.rule]} ${verb} for ${children}. Sign in to Haven to see the evidence and decide what to do.` })
  }
  for (const f of findings) {
    const before = byKey.get(`${f.rule}|${f.subjectKey}`)
    const wanted = recipients(f)
    if (!before) {
      const id = randomUUID()
      counts.opened++
      alerts.push({ id, rule: f.rule, subjectKey: f.subjectKey, severity: f.severity, title: RULE_TITLES[f.rule], summary: f.summary, evidence: f.evidence, childIds: f.childIds, homeIds: f.homeIds, status: 'OPEN', openedAt: now, updatedAt: now })
      for (const r of wanted) alertRecipients.push({ alertId: id, userId: r.userId, reason: r.reason, notifiedAt: now })
      events.push({ alertId: id, kind: 'opened', at: now, note: f.summary })
      tell(id, f, wanted.map((r) => r.userId), 'alert.opened', 'raised')
      continue
    }
    const known = new Set(before.recipients.map((r) => r.userId))
    const added = wanted.filter((r) => !known.has(r.userId))
    for (const r of added) alertRecipients.push({ alertId: before.id, userId: r.userId, reason: r.reason, notifiedAt: now })
    if (before.status === 'RESOLVED') {
      if (!newItems(f.evidence, before.resolvedEvidence as Finding['evidence'])) continue
      counts.reopened++
      await tx.alert.update({ where: { id: before.id }, data: { status: 'OPEN', summary: f.summary, evidence: f.evidence, childIds: f.childIds, homeIds: f.homeIds, updatedAt: now, escalatedAt: null } })
      events.push({ alertId: before.id, kind: 'reopened', at: now, note: 'The pattern continued after it was resolved' })
      tell(before.id, f, [...known, ...added.map((r) => r.userId)], 'alert.reopened', 'reopened')
      continue
    }
    if (evidenceKey(before.evidence) !== evidenceKey(f.evidence)) {
      counts.updated++
      await tx.alert.update({ where: { id: before.id }, data: { summary: f.summary, evidence: f.evidence, childIds: f.childIds, homeIds: f.homeIds, updatedAt: now } })
      events.push({ alertId: before.id, kind: 'evidence', at: now, note: f.summary })
    }
    tell(before.id, f, added.map((r) => r.userId), 'alert.opened', 'raised')
  }
  if (alerts.length) await tx.alert.createMany({ data: alerts })
  if (alertRecipients.length) await tx.alertRecipient.createMany({ data: alertRecipients, skipDuplicates: true })
  if (events.length) await tx.alertEvent.createMany({ data: events })
  await notify(tx, messages, now)
  return counts
}

/** After an event about a child: the rules for that child, their homes' pairs, and the places, people and vehicles named. */
export async function patternsAfterEvent(tx: Tx, childId: string, now = new Date()) {
  const since = new Date(now.getTime() - settings.patterns.lookbackDays * DAY)
  // from the link side: the child's own episodes and interviews, then the records they name
  const episodeScope = { childId, lastSeenAt: { gte: since } }
  const interviewScope = { childId, dueAt: { gte: since } }
  const record = { select: { id: true, mergedIntoId: true } }
  const [homes, ...named] = await Promise.all([
    tx.missingEpisode.findMany({ where: { ...episodeScope, homeId: { not: null } }, select: { homeId: true }, distinct: ['homeId'] }),
    tx.episodeLocation.findMany({ where: { episode: episodeScope }, select: { location: record } }),
    tx.interviewLocation.findMany({ where: { interview: interviewScope }, select: { location: record } }),
    tx.episodeAssociate.findMany({ where: { episode: episodeScope }, select: { associate: record } }),
    tx.interviewAssociate.findMany({ where: { interview: interviewScope }, select: { associate: record } }),
    tx.episodeVehicle.findMany({ where: { episode: episodeScope }, select: { vehicle: record } }),
    tx.interviewVehicle.findMany({ where: { interview: interviewScope }, select: { vehicle: record } }),
  ])
  const [l1, l2, a1, a2, v1, v2] = named as { location?: { id: string; mergedIntoId: string | null }; associate?: { id: string; mergedIntoId: string | null }; vehicle?: { id: string; mergedIntoId: string | null } }[][]
  const locations = [...l1, ...l2].map((r) => r.location!)
  const associates = [...a1, ...a2].map((r) => r.associate!)
  const vehicles = [...v1, ...v2].map((r) => r.vehicle!)
  const kept = (rows: { id: string; mergedIntoId: string | null }[]) => [...new Set(rows.map((r) => r.mergedIntoId ?? r.id))]
  const facts = await loadFacts(tx, { childIds: [childId], homeIds: homes.map((h) => h.homeId!), records: { location: kept(locations), associate: kept(associates), vehicle: kept(vehicles) } }, now)
  // pairs of other children in the same homes are unchanged by this event (they are looked at on their own events)
  const findings = findingsFor(facts, now).filter((f) => f.rule !== 'missing-together' || f.childIds.includes(childId))
  return applyFindings(tx, findings, now)
}

/** Everything from scratch: the same rules over all the facts (the scheduled run, and `npm run patterns`). */
export async function recomputeAllPatterns(now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => applyFindings(tx, findingsFor(await loadFacts(tx, 'all', now), now), now), { timeout: 120_000 })
}

/** Alerts nobody has acknowledged in time go to the LA missing lead of the placing and host authorities. */
export async function escalateUnacknowledged(now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const open = await tx.alert.findMany({
      where: { status: 'OPEN', escalatedAt: null, recipients: { none: { acknowledgedAt: { not: null } } } },
      select: { id: true, rule: true, openedAt: true, childIds: true, homeIds: true, recipients: { select: { userId: true } } },
    })
    const today = londonDate(now)
    const due = open.filter((a) => addWorkingDays(londonDate(a.openedAt), settings.patterns.escalateAfterWorkingDays) < today)
    for (const alert of due) {
      const [children, homes] = await Promise.all([
        tx.child.findMany({ where: { id: { in: alert.childIds } }, select: { firstName: true, lastName: true, placingAuthorityId: true } }),
        tx.home.findMany({ where: { id: { in: alert.homeIds } }, select: { hostAuthorityId: true } }),
      ])
      const leads = await tx.roleAssignment.findMany({
        where: { role: 'LA_MISSING_LEAD', localAuthorityId: { in: [...children.map((c) => c.placingAuthorityId), ...homes.map((h) => h.hostAuthorityId)] }, user: { active: true } },
        select: { userId: true },
      })
      const userIds = [...new Set(leads.map((l) => l.userId))]
      await tx.alert.update({ where: { id: alert.id }, data: { escalatedAt: now } })
      await tx.alertRecipient.createMany({ data: userIds.map((userId) => ({ alertId: alert.id, userId, reason: 'Escalated: not acknowledged in time', notifiedAt: now })), skipDuplicates: true })
      await tx.alertEvent.create({ data: { alertId: alert.id, kind: 'escalated', at: now, note: `Not acknowledged within ${settings.patterns.escalateAfterWorkingDays} working days` } })
      const who = children.map(initials).join(', ')
      await notify(tx, userIds.map((recipientId) => ({ recipientId, kind: 'alert.escalated', alertId: alert.id, link: `/alerts/${alert.id}`, title: `Haven alert not acknowledged: ${RULE_TITLES[alert.rule as RuleCode]} (${who})`, body: `Nobody has acknowledged this alert for ${who}. Sign in to Haven to see it.` })), now)
    }
    return due.length
  })
}
