// A child's chronology (issue: reports people would rather look at): every event about the child in one list, newest
// first, for the people who read the child's record. It says what happened and when, and links to the record; what
// a child said in a return interview stays on the interview page, where its own rules decide who reads it.
import type { ExploitationKind } from '@/lib/domain/cse'
import { EVENT_KIND } from '@/lib/domain/notifiable-events'
import { TOLD_WHO } from '@/lib/domain/missing-protocols'
import { can } from '@/lib/domain/permissions'
import { RULE_TITLES, type RuleCode } from '@/lib/domain/patterns'
import type { Actor } from '@/lib/domain/roles'
import { formatDate, formatDuration, isoDate, londonDate } from '@/lib/domain/time'
import { NotFoundError } from './errors'
import type { ChronologyKind } from '@/lib/domain/chronology'
import { PARTICIPATION, type Participation } from '@/lib/domain/reviews'
import { describeKinds } from '@/lib/domain/exploitation-kinds'
import { MEETING_KINDS } from '@/lib/domain/meetings'
import { CAWN_STATUSES, NRM_DECISIONS, REFERRAL_KINDS, type CawnStatus, type NrmDecision } from '@/lib/domain/referrals'
import { useCase } from './use-case'

/** at is an instant; for things that happen on a day (a placement starting), dateOnly says so and at is that day. */
export type ChronologyEntry = {
  at: string
  dateOnly: boolean
  kind: ChronologyKind
  title: string
  detail: string | null
  link: string | null
}
export type ChronologyFilter = { kinds?: ChronologyKind[]; from?: string | null; to?: string | null }

const ABSENCE = { MISSING: 'Missing', AWAY: 'Away without authorisation' } as const
const UPDATE = {
  NOTE: 'Note',
  CALL: 'Call',
  PLACE_CHECKED: 'Place checked',
  SIGHTING: 'Sighting',
  POLICE_RISK_GRADE: 'Risk grade given by the police',
} as const
const OUTCOME = {
  HELD: 'held',
  DECLINED: 'declined by the child',
  NOT_AVAILABLE: 'child not available',
  NOT_OFFERED: 'not offered',
} as const
const LEVEL = { NOT_AT_RISK: 'not at risk', AT_RISK: 'at risk', SIGNIFICANT: 'significant risk' } as const
const KIND_WORDS: Record<ExploitationKind, string> = {
  sexual: 'sexual exploitation',
  criminal: 'criminal exploitation',
  trafficking: 'trafficking',
  radicalisation: 'radicalisation',
}
/** A screening's level for each kind it screened ("sexual exploitation: at risk; trafficking: not at risk"); the
 * title carries the highest. */
const levelsByKind = (kinds: unknown) =>
  (kinds as { kind: ExploitationKind; level: keyof typeof LEVEL }[])
    .map((k) => `${KIND_WORDS[k.kind]}: ${LEVEL[k.level]}`)
    .join('; ') || null

/** The child's chronology if the actor may read the child; otherwise NotFoundError. Audited as a read of the child. */
export async function getChronology(actor: Actor, childId: string, filter: ChronologyFilter = {}, now = new Date()) {
  const found = await useCase(actor, 'child.chronology', { subject: 'child', now }, async ({ tx, scope, audit }) => {
    const child = await tx.child.findFirst({
      where: { AND: [{ id: childId }, scope.child] },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        placements: {
          select: {
            id: true,
            startDate: true,
            endDate: true,
            settingName: true,
            placeCode: true,
            endReason: true,
            home: { select: { name: true } },
          },
        },
        missingEpisodes: {
          select: {
            id: true,
            absenceType: true,
            lastSeenAt: true,
            lastSeenPlace: true,
            returnedAt: true,
            closedAt: true,
            home: { select: { name: true } },
            updates: { select: { kind: true, at: true, text: true } },
            amendments: { select: { field: true, reason: true, createdAt: true } },
            policeInformed: true,
            protocolSteps: { select: { step: true, doneAt: true, protocol: { select: { steps: true } } } },
            told: { select: { who: true, name: true, toldAt: true, policeReference: true, email: true } },
          },
        },
        missingProtocols: { select: { version: true, createdAt: true, signedOffAt: true } },
        returnInterviews: {
          select: { id: true, dueAt: true, offeredAt: true, outcome: true, heldAt: true, outcomeRecordedAt: true },
        },
        cseScreenings: { select: { screenedAt: true, level: true, kinds: true } },
        safetyPlans: { select: { version: true, createdAt: true, signedOffAt: true, reviewDate: true } },
        notifiableEvents: {
          select: {
            kind: true,
            recordedAt: true,
            proposedBecause: true,
            decision: true,
            decisionReason: true,
            decidedAt: true,
            completedAt: true,
          },
        },
        alertDecisions: {
          select: { alertId: true, decidedAt: true, bringForward: true, reviewDate: true, reason: true },
        },
        periodsOfCare: { select: { startDate: true, endDate: true } },
        reviews: { select: { heldOn: true, participation: true, outcome: true, chair: { select: { name: true } } } },
        referrals: {
          select: {
            kind: true,
            kinds: true,
            madeOn: true,
            reasonableGrounds: true,
            reasonableGroundsOn: true,
            conclusiveGrounds: true,
            conclusiveGroundsOn: true,
            cawnStatus: true,
          },
        },
        meetings: {
          select: { kind: true, kinds: true, heldOn: true, actions: { select: { action: true, completedOn: true } } },
        },
      },
    })
    // a refusal is audited too (as a read of the child's record is): the use case commits, "not found" follows
    const subject = { subjectType: 'child', subjectId: childId.slice(0, 100), details: {} }
    if (!child) return audit({ action: 'child.read-denied', ...subject, childId: null }).then(() => null)
    await audit({ action: 'child.chronology', ...subject, childId: child.id })
    // the alerts this reader can open (those they were told about, as the alert page allows), no others
    const alerts = !can(actor, 'alert.read')
      ? []
      : await tx.alert.findMany({
          where: { childIds: { has: child.id }, recipients: { some: { userId: actor.userId } } },
          select: {
            id: true,
            rule: true,
            childIds: true,
            openedAt: true,
            resolvedAt: true,
            resolutionReason: true,
            summary: true,
          },
        })

    const entries: ChronologyEntry[] = []
    const add = (
      at: Date,
      kind: ChronologyKind,
      title: string,
      detail: string | null = null,
      link: string | null = null,
      dateOnly = false,
    ) => entries.push({ at: at.toISOString(), dateOnly, kind, title, detail, link })
    for (const p of child.placements) {
      const where = p.home?.name ?? p.settingName ?? 'Placement'
      add(p.startDate, 'placement', `Placed: ${where}`, `Placement type ${p.placeCode}`, `/children/${child.id}`, true)
      if (p.endDate)
        add(
          p.endDate,
          'placement',
          `Placement ended: ${where}`,
          p.endReason && `Reason ${p.endReason}`,
          `/children/${child.id}`,
          true,
        )
    }
    for (const e of child.missingEpisodes) {
      const link = `/episodes/${e.id}`
      add(
        e.lastSeenAt,
        'episode',
        `${ABSENCE[e.absenceType]}: last seen ${e.lastSeenPlace}`,
        // what the report said of the police stays, beside any later record of telling them
        [e.home && `From ${e.home.name}`, `police ${e.policeInformed ? 'told' : 'not told yet'} when reported`]
          .filter(Boolean)
          .join('; '),
        link,
      )
      for (const s of e.protocolSteps)
        add(s.doneAt, 'episode', `Missing protocol step done: ${(s.protocol.steps as string[])[s.step]}`, null, link)
      for (const t of e.told)
        add(
          t.toldAt,
          'episode',
          `Told: ${TOLD_WHO[t.who]}`,
          [t.name, t.email && 'by e-mail through Haven', t.policeReference && `reference ${t.policeReference}`]
            .filter(Boolean)
            .join(', ') || null,
          link,
        )
      for (const u of e.updates) add(u.at, 'episode', UPDATE[u.kind], u.text, link)
      for (const a of e.amendments) add(a.createdAt, 'episode', `Episode corrected: ${a.field}`, a.reason, link)
      if (e.returnedAt)
        add(
          e.returnedAt,
          'return',
          'Returned',
          `After ${formatDuration((e.returnedAt.getTime() - e.lastSeenAt.getTime()) / 60_000)}`,
          link,
        )
      if (e.closedAt) add(e.closedAt, 'episode', 'Episode reviewed and closed by the manager', null, link)
    }
    for (const i of child.returnInterviews) {
      const link = `/return-interviews/${i.id}`
      if (i.offeredAt) add(i.offeredAt, 'interview', 'Return interview offered', null, link)
      if (i.outcome) {
        const late = i.outcome === 'HELD' && i.heldAt && i.heldAt > i.dueAt
        add(
          i.heldAt ?? i.outcomeRecordedAt ?? i.dueAt,
          'interview',
          `Return interview ${OUTCOME[i.outcome]}`,
          late ? 'Later than 72 hours after the return' : null,
          link,
        )
      } else if (i.dueAt < now)
        add(
          i.dueAt,
          'interview',
          'Return interview overdue',
          'Not recorded as held within 72 hours of the return',
          link,
        )
    }
    for (const s of child.cseScreenings)
      add(
        s.screenedAt,
        'screening',
        `CSE screening: ${LEVEL[s.level]}`,
        levelsByKind(s.kinds),
        `/children/${child.id}/cse`,
      )
    for (const e of child.notifiableEvents) {
      const what = `Regulation ${EVENT_KIND[e.kind].paragraph}: ${EVENT_KIND[e.kind].label.toLowerCase()}`
      const link = `/children/${child.id}/cse`
      add(
        e.recordedAt,
        'screening',
        e.proposedBecause ? `Proposed as a notifiable event: ${what}` : `Notifiable event recorded: ${what}`,
        e.proposedBecause,
        link,
      )
      if (e.decidedAt && e.decision === 'NOTIFY')
        add(e.decidedAt, 'screening', 'Regulation 40: decided to notify', null, link)
      if (e.decidedAt && e.decision === 'NOT_NOTIFIABLE')
        add(e.decidedAt, 'screening', 'Regulation 40: decided not notifiable', e.decisionReason, link)
      if (e.completedAt) add(e.completedAt, 'screening', 'Regulation 40 notifications made', null, link)
    }
    for (const p of child.missingProtocols) {
      const link = `/children/${child.id}/missing-protocol`
      add(p.createdAt, 'plan', `Missing protocol version ${p.version} written`, null, link)
      if (p.signedOffAt) add(p.signedOffAt, 'plan', `Missing protocol version ${p.version} signed off`, null, link)
    }
    for (const p of child.safetyPlans) {
      add(
        p.createdAt,
        'plan',
        `Safety plan version ${p.version}`,
        `Review by ${formatDate(isoDate(p.reviewDate))}`,
        `/children/${child.id}/cse`,
      )
      if (p.signedOffAt)
        add(p.signedOffAt, 'plan', `Safety plan version ${p.version} signed off`, null, `/children/${child.id}/cse`)
    }
    for (const a of alerts) {
      add(a.openedAt, 'alert', `Alert: ${RULE_TITLES[a.rule as RuleCode] ?? a.rule}`, a.summary, `/alerts/${a.id}`)
      // a reason written about several children may be about one this reader does not see: only single-child alerts
      // show it
      if (a.resolvedAt)
        add(
          a.resolvedAt,
          'alert',
          `Alert resolved: ${RULE_TITLES[a.rule as RuleCode] ?? a.rule}`,
          a.childIds.length === 1 ? a.resolutionReason : null,
          `/alerts/${a.id}`,
        )
    }
    for (const d of child.alertDecisions)
      add(
        d.decidedAt,
        'alert',
        d.bringForward && d.reviewDate
          ? `IRO: review brought forward to ${formatDate(isoDate(d.reviewDate))}`
          : 'IRO: review not brought forward',
        d.reason,
        alerts.some((a) => a.id === d.alertId) ? `/alerts/${d.alertId}` : null,
      )
    const reviewsPage = `/children/${child.id}/reviews`
    for (const p of child.periodsOfCare) {
      add(p.startDate, 'review', 'Became looked after', null, reviewsPage, true)
      if (p.endDate) add(p.endDate, 'review', 'Ceased to be looked after', null, reviewsPage, true)
    }
    for (const r of child.reviews)
      add(
        r.heldOn,
        'review',
        `Looked-after review held${r.chair ? `, chaired by ${r.chair.name}` : ''}`,
        `${PARTICIPATION[r.participation as Participation]}. ${r.outcome}`,
        reviewsPage,
        true,
      )
    const meetingsPage = `/children/${child.id}/meetings`
    // the kinds of exploitation a referral or meeting concerns, where recorded
    const about = (kinds: ExploitationKind[]) => (kinds.length ? `About ${describeKinds(kinds).toLowerCase()}` : null)
    for (const r of child.referrals) {
      const title =
        r.kind === 'CAWN' && r.cawnStatus
          ? `${REFERRAL_KINDS.CAWN}: ${CAWN_STATUSES[r.cawnStatus as CawnStatus].toLowerCase()}`
          : REFERRAL_KINDS[r.kind]
      add(r.madeOn, 'meeting', title, about(r.kinds), meetingsPage, true)
      if (r.reasonableGroundsOn && r.reasonableGrounds)
        add(
          r.reasonableGroundsOn,
          'meeting',
          `NRM reasonable grounds decision: ${NRM_DECISIONS[r.reasonableGrounds as NrmDecision].toLowerCase()}`,
          null,
          meetingsPage,
          true,
        )
      if (r.conclusiveGroundsOn && r.conclusiveGrounds)
        add(
          r.conclusiveGroundsOn,
          'meeting',
          `NRM conclusive grounds decision: ${NRM_DECISIONS[r.conclusiveGrounds as NrmDecision].toLowerCase()}`,
          null,
          meetingsPage,
          true,
        )
    }
    for (const m of child.meetings) {
      add(
        m.heldOn,
        'meeting',
        `${MEETING_KINDS[m.kind]} held`,
        [about(m.kinds), `${m.actions.length} actions agreed`].filter(Boolean).join('. '),
        meetingsPage,
        true,
      )
      for (const a of m.actions)
        if (a.completedOn)
          add(a.completedOn, 'meeting', `Meeting action completed: ${a.action}`, null, meetingsPage, true)
    }

    const kinds = filter.kinds?.length ? new Set(filter.kinds) : null
    const shown = entries
      .filter((e) => !kinds || kinds.has(e.kind))
      .filter((e) => {
        const day = e.dateOnly ? e.at.slice(0, 10) : londonDate(new Date(e.at)) // periods are UK calendar days
        return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to)
      })
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    return {
      child: { id: child.id, firstName: child.firstName, lastName: child.lastName },
      entries: shown,
      total: entries.length,
    }
  })
  if (!found) throw new NotFoundError('child')
  return found
}
