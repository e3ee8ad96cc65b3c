// The dashboard's panels: their titles, what each says when empty, and how the data is shown (the data comes from
// lib/server/dashboard.ts).
import { EVENT_KIND, RECIPIENT_LABEL } from '@/lib/domain/notifiable-events'
import { LEVEL_WORDS } from '@/lib/domain/oversight'
import { holds, type Actor } from '@/lib/domain/roles'
import { formatDate, formatMonth, londonDate } from '@/lib/domain/time'
import { INTERVIEW_ROLES, type DashboardData } from '@/lib/server/dashboard'
import type { ChildSummary, EpisodeSummary, InterviewSummary } from '@/lib/validation/responses'

/** How soon a panel needs the person: 'now' (missing, critical, overdue) and 'act' panels are on the first screen,
 * their first few items shown; 'info' panels (counts and lists for reference) are one click away. */
export type Urgency = 'now' | 'act' | 'info'

export type DashboardPanel = {
  title: string
  empty: string
  urgency: Urgency
  /** how many items in all, when more than the lists hold */
  count?: number
  /** the care worker's children, each with "Report missing" (those missing now say so) */
  report?: { children: ChildSummary[]; missingNow: Set<string> }
  children?: ChildSummary[]
  cse?: NonNullable<DashboardData['cse']>
  levels?: NonNullable<DashboardData['exploitationLevels']>
  episodes?: EpisodeSummary[]
  interviews?: InterviewSummary[]
  links?: { href: string; label: string; note?: string }[]
  note?: string
}

export function dashboardPanels(actor: Actor, data: DashboardData): DashboardPanel[] {
  const panels: DashboardPanel[] = []
  if (data.episodes) {
    panels.push({
      title: 'Missing now',
      urgency: 'now',
      count: data.episodes.openTotal,
      empty:
        'Nobody in your view is recorded as missing or away. A child reported missing appears here until their return is recorded.',
      episodes: data.episodes.open,
      note:
        data.episodes.openTotal > data.episodes.open.length
          ? `Showing the ${data.episodes.open.length} most recently reported of ${data.episodes.openTotal} children missing or away.`
          : undefined,
    })
    if (holds(actor, 'REGISTERED_MANAGER'))
      panels.push({
        title: 'Episodes to review',
        urgency: 'act',
        count: data.episodes.toReviewTotal,
        empty:
          'Nothing to review. A missing episode appears here when the child has returned, until you review and close it.',
        episodes: data.episodes.toReview,
        note:
          data.episodes.toReviewTotal > data.episodes.toReview.length
            ? `Showing the ${data.episodes.toReview.length} most recent of ${data.episodes.toReviewTotal} episodes to review.`
            : undefined,
      })
  }
  if (data.alerts) {
    const { alerts: newest, total } = data.alerts
    const open = newest.slice(0, 20)
    panels.push({
      title: holds(actor, 'IRO') ? 'Alerts for your decision' : 'New alerts',
      // critical or escalated (not acknowledged in time) first: the list comes in that order
      urgency: open.some((a) => a.severity === 'critical' || a.escalatedAt) ? 'now' : 'act',
      count: total,
      empty:
        'No new alerts. When a child you work with shows a pattern (repeat episodes, going missing with others, the same places, people or cars), the alert appears here.',
      links: open.map((a) => ({
        href: `/alerts/${a.id}`,
        label: a.about ? `${a.title}: ${a.about}` : a.title,
        // the children only (and whether it is overdue): the summary is on the alert, one click away
        note: [a.escalatedAt ? 'Overdue' : '', ...a.children.map((c) => c.name)].filter(Boolean).join(' · '),
      })),
      note:
        total > open.length ? `Showing ${open.length} of ${total} new alerts: see all on the Alerts page.` : undefined,
    })
  }
  if (data.interviews) {
    panels.push({
      title:
        INTERVIEW_ROLES.find((r) => holds(actor, r)) === 'RETURN_INTERVIEW_PRACTITIONER'
          ? 'Interviews for your service'
          : 'Return interviews due',
      urgency: 'act',
      empty:
        'None due. After every return, the independent return interview appears here with its 72-hour deadline until it is recorded.',
      interviews: data.interviews,
      links: [{ href: '/return-interviews?status=all', label: 'All return interviews' }],
    })
  }
  // Regulation 40: notified "without delay" (the working days are the authority's setting)
  if (data.notifiableOverdue) {
    panels.push({
      title: 'Regulation 40: overdue',
      urgency: 'now',
      empty: 'Nothing overdue. A notifiable event not decided, or not told to everyone required, in time appears here.',
      links: data.notifiableOverdue.map((e) => ({
        href: e.href,
        label: `${EVENT_KIND[e.kind].label}${e.child ? ` (${e.child.firstName} ${e.child.lastName})` : ''}`,
        note: `${e.home.name} · ${e.status === 'PROPOSED' ? 'to decide' : `still to tell: ${e.stillToTell.map((r) => r.who ?? RECIPIENT_LABEL[r.recipient]).join(', ')}`} · due by ${formatDate(e.notifyBy)}`,
      })),
    })
  }
  // each child's missing protocol is current: agreed, signed off, reviewed every few months and after any episode
  if (data.protocols) {
    const shown = data.protocols.slice(0, 20)
    panels.push({
      title: 'Children without a current missing protocol',
      urgency: 'act',
      count: data.protocols.length,
      empty: 'Every child in your home has a current missing protocol.',
      links: shown.map((c) => ({
        href: `/children/${c.child.id}/missing-protocol`,
        label: `${c.child.firstName} ${c.child.lastName}`,
        note: c.message,
      })),
      note:
        data.protocols.length > shown.length
          ? `Showing ${shown.length} of ${data.protocols.length} children: those missing in the last 12 months first.`
          : undefined,
    })
  }
  // CPPCR 2010 reg 33: the IRO chairs each child's reviews; overdue ones first
  if (data.reviews) {
    const shown = data.reviews.slice(0, 20)
    panels.push({
      title: 'Looked-after reviews',
      urgency: 'act',
      count: data.reviews.length,
      empty: 'No reviews to show. Your children’s next looked-after reviews appear here, overdue ones first.',
      links: shown.map((r) => ({
        href: `/children/${r.child.id}/reviews`,
        label: `${r.child.firstName} ${r.child.lastName}`,
        note: `${r.next.overdue ? 'Overdue since' : 'Due by'} ${formatDate(r.next.date)}${r.next.broughtForward ? ' (brought forward)' : ''}`,
      })),
      note:
        data.reviews.length > shown.length
          ? `Showing ${shown.length} of ${data.reviews.length} children: the rest are due later.`
          : undefined,
    })
  }
  // Working Together to Safeguard Children 2023: a meeting after a high-risk episode or repeat episodes, and the
  // actions agreed at meetings followed to completion
  if (data.meetings) {
    const { needing, overdueActions } = data.meetings
    panels.push({
      title: 'Strategy discussions and meetings',
      urgency: 'act',
      empty:
        'Nothing to act on. Children needing a strategy discussion or meeting, and meeting actions past their due date, appear here.',
      links: [
        ...needing.map((n) => ({
          href: `/children/${n.child.id}/meetings`,
          label: `${n.child.firstName} ${n.child.lastName}`,
          note: `${n.title} (due by ${formatDate(londonDate(n.due))})`,
        })),
        ...overdueActions.map((a) => ({
          href: `/children/${a.child.id}/meetings`,
          label: `${a.child.firstName} ${a.child.lastName}`,
          note: `Overdue since ${formatDate(a.dueOn)}: ${a.action} (${a.owner}, ${a.kindLabel.toLowerCase()})`,
        })),
      ],
    })
  }
  // report recommendation 2: every child at risk has a current plan; Regulation 40 notifications without delay
  if (data.cse) {
    panels.push({
      title: 'Child sexual exploitation: to act on',
      urgency: 'act',
      empty:
        'Nothing to act on. Children at risk without a signed-off safety plan, plans past their review date and Regulation 40 notifications to make appear here.',
      cse: data.cse,
    })
  }
  if (data.exploitationLevels) {
    panels.push({
      title: 'Exploitation risk levels',
      urgency: 'info',
      empty: 'No children placed in your view yet.',
      levels: data.exploitationLevels,
      note: 'From each child’s newest screening of each kind. Each level is the worker’s judgement; if most children are at risk, the thresholds may need looking at.',
    })
  }
  if (data.children) {
    const { children, total } = data.children
    const placedHere = (c: ChildSummary) => c.currentPlacement !== null
    const note = total > 25 ? `Showing 25 of ${total}: see all on the Children page.` : undefined
    // the care worker's first screen: their home's children, each a key or two from "Report missing"
    if (holds(actor, 'CARE_WORKER'))
      panels.push({
        title: 'Children at your home',
        urgency: 'now', // right after the children missing now: the first screen's action
        empty: 'No children are placed at your home yet.',
        report: {
          children: children.filter(placedHere).slice(0, 25),
          missingNow: new Set(data.episodes?.open.map((e) => e.child.id)),
        },
        note,
      })
    else
      panels.push({
        title: holds(actor, 'IRO') || holds(actor, 'SOCIAL_WORKER') ? 'Your children' : 'Children',
        urgency: 'info',
        count: total,
        empty: 'No children are in your view yet. Children placed in your homes, or allocated to you, appear here.',
        children: children.filter(placedHere).slice(0, 25),
        note,
      })
  }
  if (data.needingAttention) {
    panels.push({
      title: 'Placements that need attention',
      urgency: 'act',
      empty: 'None. Children placed in bed and breakfast, or under 16 in unregulated accommodation, appear here.',
      children: data.needingAttention,
    })
  }
  if (data.visitedHomes) {
    const homes = data.visitedHomes
    panels.push({
      title: 'Homes you visit',
      urgency: 'act',
      empty: 'You are not the independent visitor for any home yet.',
      links: homes.map(({ home, month }) => ({
        href: `/homes/${home.id}/oversight/checklist?month=${month}`,
        label: `${home.name}: what to check this month`,
        note: `${home.town}, Ofsted URN ${home.ofstedUrn}`,
      })),
    })
    panels.push({
      title: 'Monthly visits',
      urgency: 'act',
      empty: 'No visits recorded yet. Your Regulation 44 visits and their reports appear here.',
      links: homes.flatMap(({ home, visits, visitedThisMonth }) => [
        ...(visitedThisMonth
          ? []
          : [
              {
                href: `/homes/${home.id}/oversight/visits/new`,
                label: `Record this month’s visit to ${home.name}`,
                note: 'No visit recorded yet this month',
              },
            ]),
        ...visits.map((v) => ({
          href: `/homes/${home.id}/oversight/visits/${v.id}`,
          label: `${home.name}, ${formatDate(v.visitedOn)}`,
        })),
      ]),
    })
  }
  if (data.oversight) {
    panels.push({
      title: 'Oversight of homes',
      urgency: 'act',
      empty: 'No homes to oversee.',
      links: data.oversight.rows.map((r) => {
        const [thisMonth, lastMonth] = r.months
        const worst =
          [lastMonth, thisMonth].find((m) => m.level === 'red') ??
          [lastMonth, thisMonth].find((m) => m.level === 'amber') ??
          thisMonth
        return {
          href: `/homes/${r.home.id}/oversight?month=${worst.month}`,
          label: `${r.home.name}: ${LEVEL_WORDS[worst.level]} (${formatMonth(worst.month)})`,
          note:
            worst.checks
              .filter((c) => c.level !== 'green')
              .map((c) => c.reason)
              .join(' ') || 'Every check in order.',
        }
      }),
    })
  }
  if (data.leaversChildren) {
    panels.push({
      title: 'Children whose IRO or social worker has left',
      urgency: 'act',
      empty:
        'None. When an IRO or social worker leaves before their children are handed over, the children appear here until a system administrator allocates someone.',
      links: data.leaversChildren.map((c) => ({
        href: `/children/${c.id}`,
        label: c.name,
        note: `${c.left} has left`,
      })),
    })
  }
  if (data.accounts) {
    panels.push({
      title: 'People and access',
      urgency: 'act',
      empty: '',
      links: [
        {
          href: '/admin/users',
          label: 'Manage users and roles',
          note: `${data.accounts.users} accounts, ${data.accounts.inactive} deactivated`,
        },
        { href: '/admin/audit', label: 'Verify the audit trail' },
      ],
    })
  }
  return panels
}
