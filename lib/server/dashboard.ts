// What each person sees first: the data for each panel their roles need. Every child read goes through a use case
// (scoped and audited); the panels' titles and sentences are the page's (app/dashboard-panels.ts).
import { can } from '@/lib/domain/permissions'
import { holds, type Actor } from '@/lib/domain/roles'
import { listAlerts } from './alerts'
import { childrenWithoutProtocol } from './missing-protocols'
import { childrenNeedingAttention, listChildren } from './children'
import { cseFlagsInScope, levelCountsInScope } from './cse-dashboard'
import { currentEpisodes } from './episodes'
import { childrenWithoutActiveWorker } from './handover'
import { oversightOverview } from './oversight/month'
import { visitorDashboard } from './oversight/checklist'
import { overdueNotifiableEvents } from './notifiable-events'
import { outstandingInterviews } from './return-interviews'
import { reviewsDueInScope } from './reviews'
import { meetingsDueInScope } from './meetings'
import { useCase } from './use-case'

/** The roles whose return interviews the dashboard shows, in the order their wording is chosen. */
export const INTERVIEW_ROLES = [
  'RETURN_INTERVIEW_PRACTITIONER',
  'SOCIAL_WORKER',
  'REGISTERED_MANAGER',
  'LA_MISSING_LEAD',
  'CARE_WORKER', // the home arranges the interview after each return
] as const

/** The roles that act on child sexual exploitation flags (report recommendation 2). */
// the flag goes to the social worker, IRO and missing lead; the home's manager follows the actions too
const MEETING_ROLES = ['SOCIAL_WORKER', 'IRO', 'LA_MISSING_LEAD', 'REGISTERED_MANAGER'] as const
const CSE_ROLES = ['REGISTERED_MANAGER', 'SOCIAL_WORKER', 'IRO', 'LA_MISSING_LEAD', 'RESPONSIBLE_INDIVIDUAL'] as const

/** Each part is there only when the person's roles need it. */
export async function dashboardData(actor: Actor) {
  const episodes = can(actor, 'episode.read') ? await currentEpisodes(actor) : null
  const alerts = can(actor, 'alert.read') ? await listAlerts(actor, { status: 'OPEN', unacknowledged: true }) : null
  // DfE guidance: within 72 hours of every return; the manager and social worker see what is due and overdue
  const interviews = INTERVIEW_ROLES.some((r) => holds(actor, r)) ? await outstandingInterviews(actor) : null
  const cse = CSE_ROLES.some((r) => holds(actor, r)) ? await cseFlagsInScope(actor) : null
  // how many of their children are at each level, kind by kind, so that levels firing for most children show
  const exploitationLevels =
    holds(actor, 'IRO') || holds(actor, 'REGISTERED_MANAGER') ? await levelCountsInScope(actor) : null
  const children = can(actor, 'child.list') ? await listChildren(actor) : null
  // Regulation 40: events not decided or not notified without delay, at the registered person's homes
  const notifiableOverdue = can(actor, 'reg40.read') ? await overdueNotifiableEvents(actor) : null
  // the looked-after reviews of the IRO's and social worker's own children
  const reviews = holds(actor, 'IRO') || holds(actor, 'SOCIAL_WORKER') ? await reviewsDueInScope(actor) : null
  // Working Together 2023: a meeting after a high-risk episode or repeat episodes; the actions agreed at meetings
  const meetings = MEETING_ROLES.some((r) => holds(actor, r)) ? await meetingsDueInScope(actor) : null
  // every child in view whose placement may concern, not only a first page's
  const needingAttention = can(actor, 'child.list') ? await childrenNeedingAttention(actor) : null
  // Regulation 44: the independent person visits each home at least monthly and checks the missing log
  const visitedHomes = holds(actor, 'INDEPENDENT_VISITOR') ? await visitorDashboard(actor) : null
  // the registered manager, the responsible individual and the host authority's missing lead see each home's month
  const oversight = can(actor, 'oversight.read') ? await oversightOverview(actor, 2) : null
  // a leaver's children until someone is allocated (lib/server/handover.ts)
  const leaversChildren = holds(actor, 'LA_MISSING_LEAD') ? await childrenWithoutActiveWorker(actor) : null
  const accounts = can(actor, 'user.manage') ? await accountCounts(actor) : null
  // the manager's children without a current missing protocol, those missing in the last 12 months first
  const protocols = holds(actor, 'REGISTERED_MANAGER') ? await childrenWithoutProtocol(actor) : null
  return {
    episodes,
    alerts,
    interviews,
    cse,
    exploitationLevels,
    children,
    notifiableOverdue,
    reviews,
    meetings,
    needingAttention,
    visitedHomes,
    oversight,
    leaversChildren,
    accounts,
    protocols,
  }
}
export type DashboardData = Awaited<ReturnType<typeof dashboardData>>

/** How many accounts there are, and how many are deactivated, for the administrator. */
function accountCounts(actor: Actor) {
  const denied = { forbidden: 'Only a system administrator manages accounts.' }
  const unaudited = 'two counts of accounts: nothing about any person'
  return useCase(actor, 'user.manage', { denied, unaudited }, async ({ tx }) => {
    const users = await tx.user.count()
    const inactive = await tx.user.count({ where: { active: false } })
    return { users, inactive }
  })
}
