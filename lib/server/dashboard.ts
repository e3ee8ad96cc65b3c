// What each person sees first: one panel per thing their roles need, each with an empty state that says what will
// appear there. Child data comes only through listChildren (scoped and audited).
import { can } from '@/lib/domain/permissions'
import { holds, ROLE_LABELS, type Actor } from '@/lib/domain/roles'
import type { ChildSummary, EpisodeSummary, InterviewSummary } from '@/lib/validation/responses'
import { outstandingInterviews } from './return-interviews'
import { cseFlagsInScope } from './cse'
import { listAlerts } from './alerts'
import { currentEpisodes } from './episodes'
import { listChildren } from './children'
import { getPrisma } from './database'
import { oversightOverview, visitorDashboard } from './oversight'
import { childrenWithoutActiveWorker } from './handover'
import { LEVEL_WORDS } from '@/lib/domain/oversight'
import { formatDate, formatMonth } from '@/lib/domain/time'

export type DashboardPanel = {
  title: string
  empty: string
  children?: ChildSummary[]
  cse?: Awaited<ReturnType<typeof cseFlagsInScope>>
  episodes?: EpisodeSummary[]
  interviews?: InterviewSummary[]
  links?: { href: string; label: string; note?: string }[]
  note?: string
}


export async function dashboardFor(actor: Actor): Promise<DashboardPanel[]> {
  const prisma = await getPrisma()
  const panels: DashboardPanel[] = []
  if (can(actor, 'episode.read')) {
    const { open, openTotal, toReview, toReviewTotal } = await currentEpisodes(actor)
    panels.push({
      title: 'Missing now',
      empty: 'Nobody in your view is recorded as missing or away. A child reported missing appears here until their return is recorded.',
      episodes: open,
      note: openTotal > open.length ? `Showing the ${open.length} most recently reported of ${openTotal} children missing or away.` : undefined,
    })
    if (holds(actor, 'REGISTERED_MANAGER'))
      panels.push({
        title: 'Episodes to review',
        empty: 'Nothing to review. A missing episode appears here when the child has returned, until you review and close it.',
        episodes: toReview,
        note: toReviewTotal > toReview.length ? `Showing the ${toReview.length} most recent of ${toReviewTotal} episodes to review.` : undefined,
      })
  }
  if (can(actor, 'alert.read')) {
    const { alerts: newest, total } = await listAlerts(actor, { status: 'OPEN', unacknowledged: true })
    const open = newest.slice(0, 20)
    panels.push({
      title: holds(actor, 'IRO') ? 'Alerts for your decision' : 'New alerts',
      empty: 'No new alerts. When a child you work with shows a pattern (repeat episodes, going missing with others, the same places, people or cars), the alert appears here.',
      links: open.map((a) => ({ href: `/alerts/${a.id}`, label: a.title, note: [...a.children.map((c) => c.name), a.summary].join(' · ') })),
      note: total > open.length ? `Showing ${open.length} of ${total} new alerts: see all on the Alerts page.` : undefined,
    })
  }
  // DfE guidance: within 72 hours of every return; the manager and social worker see what is due and overdue
  const interviewRoles = (['RETURN_INTERVIEW_PRACTITIONER', 'SOCIAL_WORKER', 'REGISTERED_MANAGER', 'LA_MISSING_LEAD'] as const).filter((r) => holds(actor, r))
  if (interviewRoles.length) {
    panels.push({
      title: interviewRoles[0] === 'RETURN_INTERVIEW_PRACTITIONER' ? 'Interviews for your service' : 'Return interviews due',
      empty: 'None due. After every return, the independent return interview appears here with its 72-hour deadline until it is recorded.',
      interviews: await outstandingInterviews(actor),
      links: [{ href: '/return-interviews?status=all', label: 'All return interviews' }],
    })
  }
  // report recommendation 2: every child at risk has a current plan; Regulation 40 notifications without delay
  if ((['REGISTERED_MANAGER', 'SOCIAL_WORKER', 'IRO', 'LA_MISSING_LEAD', 'RESPONSIBLE_INDIVIDUAL'] as const).some((r) => holds(actor, r))) {
    panels.push({
      title: 'Child sexual exploitation: to act on',
      empty: 'Nothing to act on. Children at risk without a signed-off safety plan, plans past their review date and Regulation 40 notifications to make appear here.',
      cse: await cseFlagsInScope(actor),
    })
  }
  if (can(actor, 'child.list')) {
    const { children, total } = await listChildren(actor)
    const placedHere = (c: ChildSummary) => c.currentPlacement !== null
    panels.push({
      title: holds(actor, 'IRO') || holds(actor, 'SOCIAL_WORKER') ? 'Your children' : 'Children',
      empty: 'No children are in your view yet. Children placed in your homes, or allocated to you, appear here.',
      children: children.filter(placedHere).slice(0, 25),
      note: total > 25 ? `Showing 25 of ${total}: see all on the Children page.` : undefined,
    })
    // every child in view whose placement may concern, not only the first page's
    const candidates = await listChildren(actor, { mayNeedAttention: true, perPage: 500 })
    const concerning = candidates.children.filter((c) => c.currentPlacement?.concerns.some((k) => k.level === 'critical'))
    panels.push({
      title: 'Placements that need attention',
      empty: 'None. Children placed in bed and breakfast, or under 16 in unregulated accommodation, appear here.',
      children: concerning,
    })
  }
  // Regulation 44: the independent person visits each home at least monthly and checks the missing log
  if (holds(actor, 'INDEPENDENT_VISITOR')) {
    const homes = await visitorDashboard(actor)
    panels.push({
      title: 'Homes you visit',
      empty: 'You are not the independent visitor for any home yet.',
      links: homes.map(({ home, month }) => ({ href: `/homes/${home.id}/oversight/checklist?month=${month}`, label: `${home.name}: what to check this month`, note: `${home.town}, Ofsted URN ${home.ofstedUrn}` })),
    })
    panels.push({
      title: 'Monthly visits',
      empty: 'No visits recorded yet. Your Regulation 44 visits and their reports appear here.',
      links: homes.flatMap(({ home, visits, visitedThisMonth }) => [
        ...(visitedThisMonth ? [] : [{ href: `/homes/${home.id}/oversight/visits/new`, label: `Record this month’s visit to ${home.name}`, note: 'No visit recorded yet this month' }]),
        ...visits.map((v) => ({ href: `/homes/${home.id}/oversight/visits/${v.id}`, label: `${home.name}, ${formatDate(v.visitedOn)}` })),
      ]),
    })
  }
  // the registered manager, the responsible individual and the host authority's missing lead see each home's month
  if (can(actor, 'oversight.read')) {
    const overview = await oversightOverview(actor, 2)
    panels.push({
      title: 'Oversight of homes',
      empty: 'No homes to oversee.',
      links: (overview?.rows ?? []).map((r) => {
        const [thisMonth, lastMonth] = r.months
        const worst = [lastMonth, thisMonth].find((m) => m.level === 'red') ?? [lastMonth, thisMonth].find((m) => m.level === 'amber') ?? thisMonth
        return { href: `/homes/${r.home.id}/oversight?month=${worst.month}`, label: `${r.home.name}: ${LEVEL_WORDS[worst.level]} (${formatMonth(worst.month)})`, note: worst.checks.filter((c) => c.level !== 'green').map((c) => c.reason).join(' ') || 'Every check in order.' }
      }),
    })
  }
  // a leaver's children until someone is allocated (lib/server/handover.ts)
  if (holds(actor, 'LA_MISSING_LEAD')) {
    panels.push({
      title: 'Children whose IRO or social worker has left',
      empty: 'None. When an IRO or social worker leaves before their children are handed over, the children appear here until a system administrator allocates someone.',
      links: (await childrenWithoutActiveWorker(actor)).map((c) => ({ href: `/children/${c.id}`, label: c.name, note: `${c.left} has left` })),
    })
  }
  if (can(actor, 'user.manage')) {
    const [users, inactive] = await Promise.all([prisma.user.count(), prisma.user.count({ where: { active: false } })])
    panels.push({
      title: 'People and access',
      empty: '',
      links: [
        { href: '/admin/users', label: 'Manage users and roles', note: `${users} accounts, ${inactive} deactivated` },
        { href: '/admin/audit', label: 'Verify the audit trail' },
      ],
    })
  }
  return panels
}

export function rolesHeld(actor: Actor) {
  return [...new Set(actor.grants.map((g) => ROLE_LABELS[g.role]))]
}
