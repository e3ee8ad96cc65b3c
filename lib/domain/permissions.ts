// The whole permission table: resource.action -> the roles that may do it (deny by default; docs/architecture.md
// "Where the guarantees live"). Which records a role may do it to is the scope rule below, applied in queries.
import type { Actor, Role, RoleGrant } from './roles'

const CHILD_READERS = [
  'CARE_WORKER',
  'REGISTERED_MANAGER',
  'RESPONSIBLE_INDIVIDUAL',
  'IRO',
  'SOCIAL_WORKER',
  'LA_MISSING_LEAD',
] as const satisfies readonly Role[]

const EPISODE_RECORDERS = ['CARE_WORKER', 'REGISTERED_MANAGER', 'SOCIAL_WORKER'] as const satisfies readonly Role[]

export const PERMISSIONS = {
  'child.list': CHILD_READERS,
  'child.read': CHILD_READERS,
  // everything about the child in one list (with what each reader may see of it)
  'child.chronology': CHILD_READERS,
  // A manager admits a child to their own home; the placing authority's social worker records a child it places.
  'child.create': ['REGISTERED_MANAGER', 'SOCIAL_WORKER'],
  'placement.start': ['REGISTERED_MANAGER', 'SOCIAL_WORKER'],
  'placement.end': ['REGISTERED_MANAGER', 'SOCIAL_WORKER'],
  // missing episodes (read with the child; home staff and the social worker record them)
  'episode.read': CHILD_READERS,
  'episode.report': EPISODE_RECORDERS,
  'episode.update': EPISODE_RECORDERS,
  'episode.return': EPISODE_RECORDERS,
  'episode.amend': EPISODE_RECORDERS,
  'episode.link': EPISODE_RECORDERS,
  // a "went with" link made by mistake is undone by whoever may link (the link stays on the record, marked undone)
  'episode.unlink': EPISODE_RECORDERS,
  // the home's manager; for an episode away from any Haven home (a B&B), the child's social worker
  'episode.close': ['REGISTERED_MANAGER', 'SOCIAL_WORKER'],
  'grabpack.read': CHILD_READERS,
  'grabpack.edit': EPISODE_RECORDERS,
  'grabpack.share': EPISODE_RECORDERS,
  // places, people and vehicles named in episodes: merging duplicates changes what pattern rules count
  'place.merge': ['REGISTERED_MANAGER', 'LA_MISSING_LEAD'],
  'home.read': ['CARE_WORKER', 'REGISTERED_MANAGER', 'RESPONSIBLE_INDIVIDUAL'],
  // the home's phone number, which the missing protocol's e-mails to people outside Haven ask them to ring: set or
  // cleared by the home's registered manager or the provider's responsible individual (HOME_SCOPE)
  'home.phone': ['REGISTERED_MANAGER', 'RESPONSIBLE_INDIVIDUAL'],
  // return interviews: the practitioner sees only the interviews of their service, and only what holding one needs
  'interview.read': [...CHILD_READERS, 'RETURN_INTERVIEW_PRACTITIONER'],
  'interview.record': ['RETURN_INTERVIEW_PRACTITIONER', 'SOCIAL_WORKER'],
  // what the child says about the home: never the home's staff or provider
  'interview.concerns': ['IRO', 'SOCIAL_WORKER', 'LA_MISSING_LEAD', 'RETURN_INTERVIEW_PRACTITIONER'],
  'interview.timeliness': ['REGISTERED_MANAGER', 'RESPONSIBLE_INDIVIDUAL', 'LA_MISSING_LEAD', 'IRO', 'SOCIAL_WORKER'],
  'authority.configure': ['LA_MISSING_LEAD'],
  // Ofsted's figures: a home's inspection (its managers and responsible individual); the LA's Annex A (its missing
  // lead)
  'report.ofsted-home': ['REGISTERED_MANAGER', 'RESPONSIBLE_INDIVIDUAL'],
  'report.annex-a': ['LA_MISSING_LEAD'],
  // missing-episode charts and tables (recommendation 9b): over the episodes each reader may count (scope.ts)
  'report.missing': CHILD_READERS,
  // the DfE's SSDA903 return is the placing authority's
  'export.ssda903': ['LA_MISSING_LEAD'],
  // CSE screening and safety plans (report recommendation 2): everyone who reads the child sees the risk and plan
  'cse.read': CHILD_READERS,
  'cse.screen': EPISODE_RECORDERS,
  'plan.write': EPISODE_RECORDERS,
  'plan.signoff': ['REGISTERED_MANAGER'],
  // the child's missing protocol (Philomena Protocol "trigger plan"): read with the child; written by the people who
  // record episodes; agreed by the child's social worker and signed off by the home's registered manager
  'protocol.read': CHILD_READERS,
  'protocol.write': EPISODE_RECORDERS,
  'protocol.agree': ['SOCIAL_WORKER'],
  'protocol.signoff': ['REGISTERED_MANAGER'],
  // following the protocol during an episode and recording who was told: whoever records the episode
  'protocol.step': EPISODE_RECORDERS,
  'episode.tell': EPISODE_RECORDERS,
  // Regulation 40 is the registered person's duty: the home's notifiable events, decided and notified by its
  // registered manager or the provider's responsible individual (Children's Homes (England) Regulations 2015 reg 40)
  'reg40.read': ['REGISTERED_MANAGER', 'RESPONSIBLE_INDIVIDUAL'],
  'reg40.record': ['REGISTERED_MANAGER', 'RESPONSIBLE_INDIVIDUAL'],
  // anyone recording an episode or holding a return interview can say "this may be a Regulation 40 event"
  'reg40.propose': [...EPISODE_RECORDERS, 'RETURN_INTERVIEW_PRACTITIONER'],
  // pattern alerts: every reader of a child reads its alerts (scoped as the child is); only the people told
  // acknowledge them (lib/server/alert-subjects.ts)
  'alert.read': CHILD_READERS,
  // the IRO decides whether to bring the child's review forward (CPPCR 2010 reg 33(3)(a))
  'alert.decide': ['IRO'],
  'alert.resolve': ['REGISTERED_MANAGER', 'IRO', 'SOCIAL_WORKER', 'LA_MISSING_LEAD'],
  // looked-after reviews (CPPCR 2010 regs 32-38): everyone who reads the child sees when the next is due; the IRO
  // who chairs it, or the child's social worker, records one held
  'review.read': CHILD_READERS,
  'review.record': ['IRO', 'SOCIAL_WORKER'],
  // the period of care (when the child became looked after, their legal status) is the placing authority's record
  'care.period': ['SOCIAL_WORKER', 'LA_MISSING_LEAD'],
  // the placing authority tells the area authority of an out-of-area placement (CPPCR 2010 reg 13)
  'placement.area-notice': ['SOCIAL_WORKER'],
  // the home tells the authority it is in of each admission and discharge (Children's Homes (England) Regulations 2015
  // reg 41): the registered manager or the provider's responsible individual, for placements in their homes
  'placement.reg41-notice': ['REGISTERED_MANAGER', 'RESPONSIBLE_INDIVIDUAL'],
  // oversight of a home (Children's Homes Regulations 2015 regs 43-46; recommendations 4-6): the home's registered
  // manager, the provider's responsible individual, and (reading only) the missing lead of the authority hosting it
  'oversight.read': ['REGISTERED_MANAGER', 'RESPONSIBLE_INDIVIDUAL', 'LA_MISSING_LEAD'],
  // the registered provider appoints the independent person (Reg 43) and reviews quality (Reg 45) and location (Reg 46)
  'oversight.manage': ['REGISTERED_MANAGER', 'RESPONSIBLE_INDIVIDUAL'],
  // the registered person considers the visitor's recommendations (Reg 44(5)) and records what was done
  'oversight.respond': ['REGISTERED_MANAGER'],
  // Reg 44 visits: the independent person records their own; they never read children's case records (Reg 44(2)(b))
  'reg44.read': ['REGISTERED_MANAGER', 'RESPONSIBLE_INDIVIDUAL', 'LA_MISSING_LEAD', 'INDEPENDENT_VISITOR'],
  'reg44.record': ['REGISTERED_MANAGER', 'RESPONSIBLE_INDIVIDUAL', 'INDEPENDENT_VISITOR'],
  // what the visitor checks in a month: first names and facts only
  'visitor.checklist': ['REGISTERED_MANAGER', 'RESPONSIBLE_INDIVIDUAL', 'LA_MISSING_LEAD', 'INDEPENDENT_VISITOR'],
  // referrals about the child (NRM, CAWN, police intelligence): everyone who reads the child sees them; any of the
  // child's workers records a CAWN or an intelligence submission (mayRecordReferral narrows the NRM)
  'referral.read': CHILD_READERS,
  'referral.record': ['CARE_WORKER', 'REGISTERED_MANAGER', 'SOCIAL_WORKER', 'IRO', 'LA_MISSING_LEAD'],
  // strategy discussions and multi-agency meetings: convened by the placing authority (its social worker, IRO or
  // missing lead) with the home's manager taking part; actions are followed up by whoever holds them, home staff too
  'meeting.read': CHILD_READERS,
  'meeting.record': ['REGISTERED_MANAGER', 'SOCIAL_WORKER', 'IRO', 'LA_MISSING_LEAD'],
  'meeting.action': ['CARE_WORKER', 'REGISTERED_MANAGER', 'SOCIAL_WORKER', 'IRO', 'LA_MISSING_LEAD'],
  // a meeting is corrected (never edited) by the people who may record one
  'meeting.amend': ['REGISTERED_MANAGER', 'SOCIAL_WORKER', 'IRO', 'LA_MISSING_LEAD'],
  'user.manage': ['SYSTEM_ADMIN'],
  // an organisation's identity provider decides who may sign in for it: set by the administrator only
  'organisation.sign-in': ['SYSTEM_ADMIN'],
  // a second administrator approves a role grant when settings.accounts.grantNeedsSecondAdministrator is on
  'user.approve-grant': ['SYSTEM_ADMIN'],
  // every role grant and removal, with who, when, why and who approved it
  'report.role-grants': ['SYSTEM_ADMIN'],
  'audit.verify': ['SYSTEM_ADMIN'],
  // who read or changed a child's records (UK GDPR art 15(1)(c)): the home's registered manager and the authority's
  // missing lead for children in their scope, and the administrator for any child (ids, names of staff, no case data)
  'audit.child-access': ['REGISTERED_MANAGER', 'LA_MISSING_LEAD', 'SYSTEM_ADMIN'],
  // everything one person read in a period, for an investigation: the administrator only
  'audit.person-access': ['SYSTEM_ADMIN'],
  // a child's whole record for a subject access request (UK GDPR art 15): the controllers' people who answer one,
  // the home's registered manager and the placing or host authority's missing lead
  'child.subject-access': ['REGISTERED_MANAGER', 'LA_MISSING_LEAD'],
  // a member of staff's own data (their account, roles, sign-ins, what they recorded): the administrator
  'user.subject-access': ['SYSTEM_ADMIN'],
  // the retention schedule: what reached the end of its period, and the person's decision to erase or keep it
  'retention.review': ['SYSTEM_ADMIN'],
  // the e-mail outbox's state (kinds, times, recipients' names) and retrying a message that was given up
  'dispatcher.manage': ['SYSTEM_ADMIN'],
} as const satisfies Record<string, readonly Role[]>

export type Action = keyof typeof PERMISSIONS
export const ACTIONS = Object.keys(PERMISSIONS) as Action[]

/**
 * Which children a role reaches (scope rules, issue #2):
 * home staff: children currently placed in their homes; responsible individual: in their provider's homes;
 * IRO and social worker: children allocated to them; LA missing lead: children their authority placed or who live
 * in its area. Everyone else: none (return interview practitioners and visitors get narrower views of their own).
 */
export const CHILD_SCOPE: Record<
  Role,
  'placedInMyHome' | 'placedInMyProvider' | 'allocatedIro' | 'allocatedSocialWorker' | 'myAuthority' | 'none'
> = {
  CARE_WORKER: 'placedInMyHome',
  REGISTERED_MANAGER: 'placedInMyHome',
  RESPONSIBLE_INDIVIDUAL: 'placedInMyProvider',
  IRO: 'allocatedIro',
  SOCIAL_WORKER: 'allocatedSocialWorker',
  LA_MISSING_LEAD: 'myAuthority',
  RETURN_INTERVIEW_PRACTITIONER: 'none',
  INDEPENDENT_VISITOR: 'none',
  SYSTEM_ADMIN: 'none',
}

/** Which homes a role reaches for oversight: the home it is held in, the provider's homes, or the homes an authority
 * hosts. */
export const HOME_SCOPE: Record<Role, 'myHome' | 'myProvider' | 'hostedInMyArea' | 'none'> = {
  CARE_WORKER: 'myHome',
  REGISTERED_MANAGER: 'myHome',
  INDEPENDENT_VISITOR: 'myHome',
  RESPONSIBLE_INDIVIDUAL: 'myProvider',
  LA_MISSING_LEAD: 'hostedInMyArea',
  IRO: 'none',
  SOCIAL_WORKER: 'none',
  RETURN_INTERVIEW_PRACTITIONER: 'none',
  SYSTEM_ADMIN: 'none',
}

/** What shows something of a child's records: names, episodes, return interviews, CSE risk (the visitor's
 * checklist names the children and their risk, so the independent visitor counts too). */
const CHILD_RECORD_ACTIONS = [
  'child.list',
  'child.read',
  'episode.read',
  'grabpack.read',
  'interview.read',
  'cse.read',
  'alert.read',
  'visitor.checklist',
] as const satisfies readonly Action[]

/** A role that reads children's records: granting it needs a reason, is told to the organisation, and an
 * administrator may not grant it to themselves (separation of duties; the README's "administrators do not read
 * case records"). */
export function readsChildRecords(role: Role) {
  return CHILD_RECORD_ACTIONS.some((action) => (PERMISSIONS[action] as readonly Role[]).includes(role))
}

export function rolesFor(action: Action): readonly Role[] {
  return PERMISSIONS[action]
}

/** The actor's role grants that allow the action (an unknown role allows nothing). */
export function grantsFor(actor: Actor, action: Action) {
  const roles: readonly Role[] = PERMISSIONS[action] ?? []
  return actor.grants.filter((g) => roles.includes(g.role))
}

export function can(actor: Actor, action: Action) {
  return grantsFor(actor, action).length > 0
}

// ---- role refinements: who among the roles allowed an action may do it to this record (pages and use cases both
// ask these, so a form is shown exactly when the use case would accept it)

/** The registered manager of the home reviews and closes a returned episode; with no Haven home (a bed and
 * breakfast, say), the child's allocated social worker does. */
export function mayCloseEpisode(actor: Actor, episode: { homeId: string | null; socialWorkerId: string | null }) {
  const grants = grantsFor(actor, 'episode.close')
  if (episode.homeId) return grants.some((g) => managesHome(g, episode.homeId))
  return episode.socialWorkerId === actor.userId && grants.some((g) => g.role === 'SOCIAL_WORKER')
}

/** A registered manager ends placements in their own home; a social worker any placement of a child they may see. */
export function mayEndPlacement(actor: Actor, placement: { homeId: string | null }) {
  return grantsFor(actor, 'placement.end').some((g) => g.role === 'SOCIAL_WORKER' || managesHome(g, placement.homeId))
}

/** Where a child may be placed by this actor (adding a child or starting a placement): a registered manager only in a
 * home they manage; a social worker anywhere, a Haven home or another setting (homeId null). */
export function mayPlaceChild(
  actor: Actor,
  action: 'child.create' | 'placement.start',
  setting: { homeId: string | null },
) {
  return grantsFor(actor, action).some((g) => g.role === 'SOCIAL_WORKER' || managesHome(g, setting.homeId))
}

const managesHome = (g: RoleGrant, homeId: string | null) =>
  g.role === 'REGISTERED_MANAGER' && homeId !== null && g.homeId === homeId

/** Whether the actor may do `action` to this home: HOME_SCOPE read for one home, as lib/server/scope.ts homeWhere
 * reads it for the query (a page asks this before it shows a form the use case would refuse). */
export function mayActOnHome(
  actor: Actor,
  action: Action,
  home: { id: string; providerId: string; hostAuthorityId: string },
) {
  return grantsFor(actor, action).some((g) => {
    switch (HOME_SCOPE[g.role]) {
      case 'myHome':
        return g.homeId === home.id
      case 'myProvider':
        return g.providerId === home.providerId
      case 'hostedInMyArea':
        return g.localAuthorityId === home.hostAuthorityId
      case 'none':
        return false
    }
  })
}

/** The local authorities whose settings (who holds return interviews) this actor configures: their missing lead's. */
export function configurableAuthorities(actor: Actor) {
  const leads = grantsFor(actor, 'authority.configure').filter((g) => g.role === 'LA_MISSING_LEAD')
  return leads.flatMap((g) => (g.localAuthorityId ? [g.localAuthorityId] : []))
}

export function mayConfigureAuthority(actor: Actor, localAuthorityId: string) {
  return configurableAuthorities(actor).includes(localAuthorityId)
}

/** An NRM referral is made by a first responder organisation (National referral mechanism: guidance for child first
 * responders): of Haven's roles, the local authority's social worker and missing lead. Any recorder makes the rest. */
export function mayRecordReferral(actor: Actor, kind: string) {
  return grantsFor(actor, 'referral.record').some(
    (g) => kind !== 'NRM' || g.role === 'SOCIAL_WORKER' || g.role === 'LA_MISSING_LEAD',
  )
}

/** "Went with" is asked while the child is missing: once they are back, who they were with is part of the return.
 * A link made by mistake can be undone until the episode is closed (after that, the review stands as written). */
export function mayLinkWentWith(actor: Actor, episode: { status: 'open' | 'returned' | 'closed' }) {
  return can(actor, 'episode.link') && episode.status === 'open'
}

export function mayUndoWentWith(actor: Actor, episode: { status: 'open' | 'returned' | 'closed' }) {
  return can(actor, 'episode.unlink') && episode.status !== 'closed'
}

/** API tokens are for the systems a local authority or an administrator connects to Haven (a council's case system
 * reading episodes, the SSDA903 return): the roles that work in homes or visit them use the pages only. */
const API_ROLES = ['LA_MISSING_LEAD', 'SYSTEM_ADMIN'] as const satisfies readonly Role[]

export function usesApi(actor: Actor) {
  return actor.grants.some((g) => (API_ROLES as readonly Role[]).includes(g.role))
}
