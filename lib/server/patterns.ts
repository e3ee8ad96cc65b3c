// Running the pattern rules: load the facts (pattern-facts.ts), find the patterns (lib/domain/patterns.ts), keep one
// alert per rule and subject, tell the right people. The same code runs for one event (the subjects it touches) and
// for everything.
import { randomUUID } from 'node:crypto'
import { addWorkingDays } from '@/lib/domain/bank-holidays'
import { RULE_TITLES, type Finding, type RuleCode } from '@/lib/domain/patterns'
import { londonDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import { Prisma } from '@/lib/generated/prisma/client'
import { getPrisma, inTurn, insertRows, type Tx } from './database'
import { auditAlertChanges } from './audit'
import { DAY, findingsFor, loadFacts, namedByChild } from './pattern-facts'
import { emailBody, initials, notify, type NewNotification } from './notifications'

/** Who is told, by rule (issue: tell the IRO, every time, and flag the patterns), and the children's initials. */
async function recipientsFor(tx: Tx, findings: Finding[]) {
  const childIds = [...new Set(findings.flatMap((f) => f.childIds))]
  const homeIds = [...new Set(findings.flatMap((f) => f.homeIds))]
  const children = await tx.child.findMany({
    where: { id: { in: childIds } },
    select: { id: true, firstName: true, lastName: true, iroId: true, socialWorkerId: true, placingAuthorityId: true },
  })
  const homes = await tx.home.findMany({ where: { id: { in: homeIds } }, select: { id: true, hostAuthorityId: true } })
  const authorityIds = [
    ...new Set([...children.map((c) => c.placingAuthorityId), ...homes.map((h) => h.hostAuthorityId)]),
  ]
  const staff = await tx.roleAssignment.findMany({
    where: {
      OR: [
        { role: 'REGISTERED_MANAGER', homeId: { in: homeIds } },
        { role: 'LA_MISSING_LEAD', localAuthorityId: { in: authorityIds } },
      ],
      user: { active: true },
    },
    select: { userId: true, role: true, homeId: true, localAuthorityId: true },
  })
  const child = new Map(children.map((c) => [c.id, c]))
  const managersOf = (ids: string[]) =>
    staff.filter((s) => s.role === 'REGISTERED_MANAGER' && ids.includes(s.homeId!)).map((s) => s.userId)
  const leadsOf = (laIds: string[]) =>
    staff.filter((s) => s.role === 'LA_MISSING_LEAD' && laIds.includes(s.localAuthorityId!)).map((s) => s.userId)
  const initialsOf = new Map(children.map((c) => [c.id, initials(c)]))
  const recipients = (finding: Finding) => {
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
      ids
        .filter((id): id is string => Boolean(id) && !seen.has(id!) && Boolean(seen.add(id!)))
        .map((userId) => ({ userId, reason })),
    )
  }
  return { recipients, initialsOf }
}

// the same evidence whatever the order: the database (jsonb) keeps object keys in its own order
const evidenceKey = (e: unknown) =>
  JSON.stringify(e, (_, v) =>
    Array.isArray(v)
      ? [...v].sort()
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
        : v,
  )
const newItems = (current: Finding['evidence'], before: Finding['evidence'] | null) => {
  if (!before) return true
  const seen = new Set([...(before.episodeIds ?? []), ...(before.interviewIds ?? []), ...(before.facts ?? [])])
  return [...current.episodeIds, ...(current.interviewIds ?? []), ...(current.facts ?? [])].some((id) => !seen.has(id))
}

const WITHDRAWN = 'The recorded times no longer show this'

/**
 * Open "missing together" alerts that the run looked at (all of them, or the pairs of one child) and no longer finds,
 * because a return was recorded or a time amended: withdrawn, with the reason in their history, not left open. Not
 * those that only aged out of the lookback (the records still show what happened then). No evidence is kept for
 * them, so the pattern found again reopens them.
 */
async function withdrawPairs(tx: Tx, findings: Finding[], now: Date, pairsOf?: string) {
  const found = new Set(findings.filter((f) => f.rule === 'missing-together').map((f) => f.subjectKey))
  const open = await tx.alert.findMany({
    where: { rule: 'missing-together', status: 'OPEN', ...(pairsOf ? { childIds: { has: pairsOf } } : {}) },
    select: { id: true, subjectKey: true, evidence: true },
  })
  const gone = open.filter((a) => !found.has(a.subjectKey))
  if (!gone.length) return 0
  const since = new Date(now.getTime() - settings.patterns.lookbackDays * DAY)
  const episodeIds = (a: (typeof gone)[number]) => (a.evidence as Finding['evidence']).episodeIds ?? []
  const aged = new Set(
    (
      await tx.missingEpisode.findMany({
        where: { id: { in: gone.flatMap(episodeIds) }, lastSeenAt: { lt: since } },
        select: { id: true },
      })
    ).map((e) => e.id),
  )
  let withdrawn = 0
  for (const alert of gone) {
    if (episodeIds(alert).some((id) => aged.has(id))) continue
    await tx.alert.update({
      where: { id: alert.id },
      data: {
        status: 'RESOLVED',
        resolvedAt: now,
        resolvedById: null,
        resolutionReason: WITHDRAWN,
        resolvedEvidence: Prisma.DbNull,
        updatedAt: now,
      },
    })
    await tx.alertEvent.create({ data: { alertId: alert.id, kind: 'withdrawn', at: now, note: WITHDRAWN } })
    withdrawn++
  }
  return withdrawn
}

/** Opens, updates or reopens one alert per finding, and tells whoever should know. */
async function applyFindings(tx: Tx, findings: Finding[], now: Date, pairsOf?: string) {
  const withdrawn = await withdrawPairs(tx, findings, now, pairsOf)
  if (!findings.length) return { opened: 0, updated: 0, reopened: 0, withdrawn }
  const existing = await tx.alert.findMany({
    where: { subjectKey: { in: [...new Set(findings.map((f) => f.subjectKey))] } },
    select: {
      id: true,
      rule: true,
      subjectKey: true,
      status: true,
      evidence: true,
      resolvedEvidence: true,
      resolutionReason: true,
      recipients: { select: { userId: true } },
    },
  })
  const byKey = new Map(existing.map((a) => [`${a.rule}|${a.subjectKey}`, a]))
  const { recipients, initialsOf } = await recipientsFor(tx, findings)
  // initials only when the alert is about one child: each recipient of a pair or place alert may not see the others
  const who = (f: Finding) =>
    f.childIds.length === 1 ? (initialsOf.get(f.childIds[0]) ?? 'a child') : `${f.childIds.length} children`
  const alerts: Prisma.AlertCreateManyInput[] = []
  const alertRecipients: Prisma.AlertRecipientCreateManyInput[] = []
  const events: Prisma.AlertEventCreateManyInput[] = []
  const messages: NewNotification[] = []
  const counts = { opened: 0, updated: 0, reopened: 0, withdrawn }
  const tell = (alertId: string, f: Finding, userIds: string[], kind: string, verb: string) => {
    const children = who(f)
    for (const userId of userIds)
      messages.push({
        recipientId: userId,
        kind,
        alertId,
        childId: f.childIds.length === 1 ? f.childIds[0] : null,
        link: `/alerts/${alertId}`,
        title: `Alert ${verb}: ${RULE_TITLES[f.rule]} (${children})`,
        body: emailBody(f.childIds.length === 1 ? children : null),
      })
  }
  for (const f of findings) {
    const before = byKey.get(`${f.rule}|${f.subjectKey}`)
    const wanted = recipients(f)
    if (!before) {
      const id = randomUUID()
      counts.opened++
      alerts.push({
        id,
        rule: f.rule,
        subjectKey: f.subjectKey,
        severity: f.severity,
        title: RULE_TITLES[f.rule],
        summary: f.summary,
        evidence: f.evidence,
        childIds: f.childIds,
        homeIds: f.homeIds,
        status: 'OPEN',
        openedAt: now,
        updatedAt: now,
      })
      for (const r of wanted)
        alertRecipients.push({ id: randomUUID(), alertId: id, userId: r.userId, reason: r.reason, notifiedAt: now })
      events.push({ id: randomUUID(), alertId: id, kind: 'opened', at: now, note: f.summary })
      tell(
        id,
        f,
        wanted.map((r) => r.userId),
        'alert.opened',
        'raised',
      )
      continue
    }
    const known = new Set(before.recipients.map((r) => r.userId))
    const added = wanted.filter((r) => !known.has(r.userId))
    for (const r of added)
      alertRecipients.push({
        id: randomUUID(),
        alertId: before.id,
        userId: r.userId,
        reason: r.reason,
        notifiedAt: now,
      })
    if (before.status === 'RESOLVED') {
      if (!newItems(f.evidence, before.resolvedEvidence as Finding['evidence'])) continue
      counts.reopened++
      // open again from now: acknowledging and escalation start afresh (the history keeps the earlier ones)
      await tx.alert.update({
        where: { id: before.id },
        data: {
          status: 'OPEN',
          summary: f.summary,
          evidence: f.evidence,
          childIds: f.childIds,
          homeIds: f.homeIds,
          openedAt: now,
          updatedAt: now,
          escalatedAt: null,
        },
      })
      await tx.alertRecipient.updateMany({ where: { alertId: before.id }, data: { acknowledgedAt: null } })
      const note =
        before.resolutionReason === WITHDRAWN
          ? 'The recorded times show this again'
          : 'The pattern continued after it was resolved'
      events.push({ id: randomUUID(), alertId: before.id, kind: 'reopened', at: now, note })
      tell(before.id, f, [...known, ...added.map((r) => r.userId)], 'alert.reopened', 'reopened')
      continue
    }
    if (evidenceKey(before.evidence) !== evidenceKey(f.evidence)) {
      counts.updated++
      await tx.alert.update({
        where: { id: before.id },
        data: { summary: f.summary, evidence: f.evidence, childIds: f.childIds, homeIds: f.homeIds, updatedAt: now },
      })
      events.push({ id: randomUUID(), alertId: before.id, kind: 'evidence', at: now, note: f.summary })
    }
    tell(
      before.id,
      f,
      added.map((r) => r.userId),
      'alert.opened',
      'raised',
    )
  }
  // Another transaction may open the same alert at the same moment (two returns naming one place, or an event during
  // the scheduled run): the unique rule and subject keeps one, and what this run would have added to the one it lost
  // is left to the next event or the scheduled run.
  await insertRows(tx, 'Alert', alerts, { skipDuplicates: true })
  const lost = new Set<string>()
  if (alerts.length) {
    const kept = new Set(
      (await tx.alert.findMany({ where: { id: { in: alerts.map((a) => a.id!) } }, select: { id: true } })).map(
        (a) => a.id,
      ),
    )
    for (const a of alerts) if (!kept.has(a.id!)) lost.add(a.id!)
    counts.opened -= lost.size
  }
  const ours = (row: { alertId?: string | null }) => !row.alertId || !lost.has(row.alertId)
  await insertRows(tx, 'AlertRecipient', alertRecipients.filter(ours), { skipDuplicates: true })
  await insertRows(tx, 'AlertEvent', events.filter(ours))
  await notify(tx, messages.filter(ours), now)
  return counts
}

/**
 * After an event about a child: the rules for that child, their homes' pairs, and the places, people and vehicles
 * named.
 */
export async function patternsAfterEvent(tx: Tx, childId: string, now = new Date()) {
  const since = new Date(now.getTime() - settings.patterns.lookbackDays * DAY)
  const facts = await loadFacts(tx, { childId, records: await namedByChild(tx, childId, since) }, now)
  // pairs of other children in the same homes are unchanged by this event (they are looked at on their own events)
  return applyFindings(tx, findingsFor({ ...facts, pairsWith: childId }, now), now, childId)
}

/** Everything from scratch: the same rules over all the facts (the scheduled run, and `npm run patterns`). */
export async function recomputeAllPatterns(now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(
    async (tx) => {
      const counts = await applyFindings(tx, findingsFor(await loadFacts(tx, 'all', now), now), now)
      await auditAlertChanges(tx, 'patterns', ['opened', 'reopened', 'withdrawn'], now) // the system's changes, audited
      return counts
    },
    { timeout: 120_000 },
  )
}

/** Alerts nobody has acknowledged in time go to the LA missing lead of the placing and host authorities. */
export async function escalateUnacknowledged(now = new Date()) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const open = await tx.alert.findMany({
      where: { status: 'OPEN', escalatedAt: null, recipients: { none: { acknowledgedAt: { not: null } } } },
      select: {
        id: true,
        rule: true,
        openedAt: true,
        childIds: true,
        homeIds: true,
        recipients: { select: { userId: true } },
      },
    })
    const today = londonDate(now)
    const due = open.filter(
      (a) => addWorkingDays(londonDate(a.openedAt), settings.patterns.escalateAfterWorkingDays) < today,
    )
    let escalated = 0
    for (const alert of due) {
      const [children, homes] = await inTurn(
        () =>
          tx.child.findMany({
            where: { id: { in: alert.childIds } },
            select: { firstName: true, lastName: true, placingAuthorityId: true },
          }),
        () => tx.home.findMany({ where: { id: { in: alert.homeIds } }, select: { hostAuthorityId: true } }),
      )
      const leads = await tx.roleAssignment.findMany({
        where: {
          role: 'LA_MISSING_LEAD',
          localAuthorityId: {
            in: [...children.map((c) => c.placingAuthorityId), ...homes.map((h) => h.hostAuthorityId)],
          },
          user: { active: true },
        },
        select: { userId: true },
      })
      const userIds = [...new Set(leads.map((l) => l.userId))]
      // a second dispatcher escalating at the same moment waits for this row, then finds it done
      if (
        (await tx.alert.updateMany({ where: { id: alert.id, escalatedAt: null }, data: { escalatedAt: now } }))
          .count === 0
      )
        continue
      escalated++
      await tx.alertRecipient.createMany({
        data: userIds.map((userId) => ({
          alertId: alert.id,
          userId,
          reason: 'Escalated: not acknowledged in time',
          notifiedAt: now,
        })),
        skipDuplicates: true,
      })
      await tx.alertEvent.create({
        data: {
          alertId: alert.id,
          kind: 'escalated',
          at: now,
          note: `Not acknowledged within ${settings.patterns.escalateAfterWorkingDays} working days`,
        },
      })
      const who = children.length === 1 ? initials(children[0]) : `${children.length} children` // as for raised alerts
      await notify(
        tx,
        userIds.map((recipientId) => ({
          recipientId,
          kind: 'alert.escalated',
          alertId: alert.id,
          link: `/alerts/${alert.id}`,
          title: `Alert not acknowledged: ${RULE_TITLES[alert.rule as RuleCode]} (${who})`,
          body: emailBody(children.length === 1 ? who : null),
        })),
        now,
      )
    }
    await auditAlertChanges(tx, 'escalation', ['escalated'], now)
    return escalated
  })
}
