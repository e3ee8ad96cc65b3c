// What each audit event carries, as zod schemas: one line per action. The write type (AuditPayloads) and the read
// parser (readAuditEvent) both come from here. Details hold ids, codes and counts: never a name, search words or
// anything written about a child. To add an action: one line in AUDIT_DETAILS. To change what an action carries: change
// its line, and move the old shape to LEGACY_DETAILS so that events written before still read.
import { z } from 'zod'

const none = z.object({})
const id = z.string()
const count = z.number().int()
/** an event written by a scheduled job rather than a person (actorId null): the job is named ('patterns', ...) */
const system = <T extends z.ZodRawShape>(shape: T) => z.object({ job: z.string(), ...shape })

export const AUDIT_DETAILS = {
  'child.read': none,
  'child.read-denied': none,
  'child.chronology': none,
  'child.list': z.object({ count, searched: z.boolean() }),
  'child.create': z.object({ placementId: id }),
  'placement.start': z.object({ endedPlacementId: id.optional() }),
  'placement.end': z.object({ endDate: z.string(), endReason: z.string() }),
  // method: how a browser sign-in was made (events before 2026-12-04 have none: a password)
  'auth.sign-in': z.object({
    via: z.enum(['browser', 'api']),
    method: z.enum(['password', 'organisation']).optional(),
  }),
  'auth.sign-out': none,
  'session.revoke': z.object({ sessionId: id }),
  'token.create': z.object({ expiresAt: z.string() }),
  'token.revoke': none,
  'user.create': z.object({ roles: z.array(z.string()) }),
  'user.role-add': z.object({
    role: z.string(),
    organisationId: id.nullable(),
    reason: z.string().nullish(),
    requestId: id.optional(),
    requestedById: id.optional(),
    approvedById: id.optional(),
  }),
  'user.role-request': z.object({ requestId: id, role: z.string(), organisationId: id.nullable(), reason: z.string() }),
  'report.role-grants': z.object({ from: z.string(), to: z.string(), rows: count }),
  'user.role-refuse': z.object({ requestId: id, role: z.string(), organisationId: id.nullable(), reason: z.string() }),
  'user.role-remove': z.object({ role: z.string(), organisationId: id.nullable() }),
  'user.deactivate': z.object({ successorId: id.nullish(), children: count.optional() }),
  'user.hand-over': z.object({ successorId: id, children: count }),
  'child.reallocate': z.object({ role: z.enum(['IRO', 'SOCIAL_WORKER']), fromUserId: id, toUserId: id }),
  'user.reactivate': none,
  'user.password-set': z.object({ via: z.enum(['change', 'reset', 'invitation']) }),
  'user.second-factor-start': none,
  'user.second-factor-enrol': none,
  'user.second-factor-reset': z.object({ hadOne: z.boolean() }),
  'user.recovery-codes': none,
  'auth.recovery-code': z.object({ left: count }),
  // sign-in with an organisation's identity provider: a person's account linked to their subject there; an
  // administrator's change to an organisation's configuration (what changed, never the client secret)
  'user.identity-link': z.object({ organisationSignInId: id }),
  'organisation.sign-in-set': z.object({
    organisationSignInId: id,
    enabled: z.boolean(),
    providerOnly: z.boolean(),
    providerEnforcesMfa: z.boolean(),
    secretChanged: z.boolean(),
  }),
  'user.password-link': z.object({ purpose: z.enum(['RESET', 'INVITATION']), linkId: id, forced: z.boolean() }),
  'demo.load': z.object({ children: count, users: count }),
  'episode.report': z.object({ homeId: id.nullable(), wentWithEpisodeId: id.optional() }),
  'episode.read': none,
  'episode.list': z.object({ count }),
  'episode.update': z.object({ updateId: id, kind: z.string() }),
  'episode.return': z.object({ returnedAt: z.string() }),
  'episode.amend': z.object({ field: z.string(), amendmentId: id }),
  'episode.close': none,
  'episode.link': z.object({ otherEpisodeId: id }),
  'episode.unlink': z.object({ otherEpisodeId: id }),
  'place.merge': z.object({ mergedId: id }),
  'place.list': z.object({ places: count, people: count, vehicles: count }),
  'grabpack.read': z.object({ version: count.nullable() }),
  'grabpack.save': z.object({ version: count, photoId: id.nullable() }),
  'grabpack.photo-read': z.object({ photoId: id }),
  'grabpack.share': z.object({ shareId: id, policeForce: z.string() }),
  'interview.read': z.object({ concernsShown: z.boolean() }),
  'interview.list': z.object({ count, status: z.string() }),
  'interview.offer': none,
  'interview.outcome': z.object({ outcome: z.string() }),
  'interview.amend': z.object({ field: z.string(), amendmentId: id }),
  'interview.follow-up': z.object({ kind: z.string(), followUpId: id }),
  'interview.police-sharing': z.object({ sharingId: id, basis: z.string() }),
  'interview.prevention': z.object({ status: z.string() }),
  'authority.configure': z.object({
    returnInterviewService: z.string().nullable().optional(),
    screensRadicalisation: z.boolean().optional(),
  }),
  'cse.read': none,
  'protocol.read': z.object({ versions: count }),
  'protocol.episode-read': z.object({ protocolId: id.nullable() }),
  'protocol.flags': z.object({ count }),
  'protocol.write': z.object({ protocolId: id, version: count }),
  'protocol.agree': z.object({ protocolId: id, version: count }),
  'protocol.signoff': z.object({ protocolId: id, version: count }),
  'protocol.step': z.object({ stepDoneId: id, protocolId: id, step: count }),
  'protocol.records': z.object({ places: count, people: count, vehicles: count }),
  'episode.tell': z.object({ toldId: id, who: z.string(), method: z.string(), notified: count }),
  'cse.flags': z.object({ count }),
  'referral.list': z.object({ count }),
  'referral.record': z.object({ referralId: id, kind: z.string() }),
  'referral.amend': z.object({ field: z.string(), amendmentId: id }),
  'meeting.list': z.object({ count }),
  'meeting.record': z.object({ meetingId: id, kind: z.string(), actions: count }),
  'meeting.action': z.object({ meetingId: id, actionId: id }),
  'meeting.action-complete': z.object({ meetingId: id, actionId: id }),
  'meeting.amend': z.object({ field: z.string(), amendmentId: id }),
  'meeting.due': z.object({ count }),
  'meeting.flag': system({ kind: z.string(), subjectId: id }),
  'review.read': none,
  'review.list': z.object({ count }),
  'review.record': z.object({ reviewId: id, heldOn: z.string() }),
  'care.period-start': z.object({ from: z.string(), to: z.string() }),
  'care.return-details-read': none,
  // which of authorityRef, upn, homePostcode, categoryOfNeed, returnSex changed: names of fields, never their values
  'care.return-details': z.object({ fields: z.array(z.string()) }),
  'child.review-decisions': z.object({ count }),
  'cse.screen': z.object({ screeningId: id, level: z.string(), kinds: z.record(z.string(), z.string()).optional() }),
  'cse.levels': z.object({ count }),
  'plan.write': z.object({ planId: id, version: count }),
  'plan.signoff': z.object({ planId: id, version: count }),
  'reg40.notice': z.object({ taskId: id, noticeId: id }),
  'reg40.complete': z.object({ taskId: id }),
  'reg40.list': z.object({ count }),
  'reg40.overdue': z.object({ count }),
  'reg40.record': z.object({ eventId: id, kind: z.string(), decision: z.string().nullable() }),
  'reg40.propose': z.object({ eventId: id, kind: z.string(), from: z.string() }),
  'reg40.decide': z.object({ eventId: id, decision: z.string() }),
  'reg40.notified': z.object({ eventId: id, noticeId: id, recipient: z.string() }),
  'notification.read': none,
  'notification.read-all': z.object({ count }),
  'alert.list': z.object({ count }),
  'alert.read': none,
  'export.ssda903': z.object({ year: count, children: count, failures: count }),
  // the authority's own tables checked against Haven's (counts only: what was uploaded is not kept)
  'export.ssda903-upload': z.object({
    year: count,
    headerRows: count,
    episodeRows: count,
    matched: count,
    proposed: count,
    failures: count,
  }),
  'report.ofsted-home': z.object({ from: z.string(), to: z.string(), homes: count }),
  'report.annex-a': z.object({ children: count }),
  'report.missing': z.object({
    from: z.string(),
    to: z.string(),
    home: id.optional(),
    authority: id.optional(),
    ageBand: z.string().optional(),
    sex: z.string().optional(),
    episodes: count,
  }),
  'alert.acknowledge': none,
  'alert.decision': z.object({ decisionId: id, bringForward: z.boolean() }),
  'alert.resolve': none,
  'placement.area-notice': z.object({ field: z.string() }),
  'placement.reg41-notice': z.object({ kind: z.enum(['ADMISSION', 'DISCHARGE']), noticeId: id }),
  // a home's phone number (what other agencies ring): how it changed, never the number (it is on the home)
  'home.phone': z.object({ change: z.enum(['set', 'changed', 'removed', 'unchanged']) }),
  'oversight.read': z.object({ month: z.string() }),
  'oversight.overview': z.object({ homes: count, months: count }),
  'oversight.register': z.object({ independentPersonId: id, independent: z.boolean() }),
  'oversight.people': z.union([z.object({ count }), z.object({ independentPersonId: id })]),
  'oversight.register-end': z.object({ independentPersonId: id, endedOn: z.string() }),
  'reg44.record': z.object({ visitId: id, independent: z.boolean(), actions: count, reportId: id.nullable() }),
  'reg44.read': none,
  'reg44.amend': z.object({ field: z.string(), amendmentId: id }),
  'reg44.list': z.object({ count }),
  'reg44.report': z.object({ reportId: id, file: z.boolean() }),
  'reg44.report-event': z.object({ eventId: id, kind: z.string() }),
  'reg44.report-file': z.object({ reportId: id }),
  'oversight.action': z.object({ actionId: id }),
  'oversight.response': z.object({ responseId: id, completed: z.boolean() }),
  'reg45.record': z.object({ reviewId: id }),
  'reg46.record': z.object({ assessmentId: id, recurringPlaces: count }),
  'reg46.read': z.object({ assessments: count }),
  'oversight.location-share': z.object({ shareId: id }),
  'visitor.checklist': z.object({ month: z.string(), children: count }),
  'oversight.flag': system({ month: z.string(), kind: z.string() }),
  'dispatcher.retry': z.object({ previousAttempts: count }),
  'audit.child-access': z.object({ from: z.string(), to: z.string(), events: count }),
  'audit.person-access': z.object({ userId: id, from: z.string(), to: z.string(), events: count }),
  'child.subject-access': z.object({ kinds: count, records: count, bytes: count }),
  'user.subject-access': z.object({ userId: id, records: count }),
  'retention.list': z.object({ due: count }),
  'retention.decide': z.object({ rule: z.string(), decision: z.enum(['ERASE', 'KEEP']), decisionId: id }),
  // written by scheduled jobs (actorId null)
  'system.alert-open': system({ rule: z.string() }),
  'system.alert-reopen': system({ rule: z.string() }),
  'system.alert-withdraw': system({ rule: z.string() }),
  'system.alert-escalate': system({ rule: z.string() }),
  'system.retention': system({ signInAttempts: count, sessions: count, due: count }),
} satisfies Record<string, z.ZodType<object>>

/**
 * Shapes events were written in before, still read. Exact (strict) and tried before today's shape, so that an old
 * event is read as what it was rather than as today's shape with its other fields dropped.
 */
const LEGACY_DETAILS = {
  // until 2026-12-03: the search words themselves (no search words in events since)
  'child.list': [z.strictObject({ count, search: z.string().optional() })],
  // until 2026-12-03: the reason typed (free text stays on the alert, not in its event, since)
  'alert.resolve': [z.strictObject({ reason: z.string() })],
  // until password links (2026-12-03): nothing
  'user.password-set': [z.strictObject({})],
  // until the scheduled jobs named themselves (2026-12-03)
  'oversight.flag': [z.strictObject({ month: z.string(), kind: z.string() })],
} satisfies { [A in keyof typeof AUDIT_DETAILS]?: z.ZodType<object>[] }

type Details = typeof AUDIT_DETAILS
type Legacy = typeof LEGACY_DETAILS

/** The events Haven records, with what each carries when written. */
export type AuditPayloads = { [A in keyof Details]: z.output<Details[A]> }
export type AuditAction = keyof AuditPayloads

/** What a stored event of each action may carry: today's shape, or one it was written in before. */
export type StoredAuditPayloads = {
  [A in AuditAction]: AuditPayloads[A] | (A extends keyof Legacy ? z.output<Legacy[A][number]> : never)
}

type EventColumns = {
  seq: bigint
  at: Date
  actorId: string | null
  subjectType: string
  subjectId: string
  childId: string | null
  childIds: string[]
}

/** An event read from the audit trail, narrowed by its action. */
export type AuditEvent = {
  [A in AuditAction]: EventColumns & { action: A; details: StoredAuditPayloads[A] }
}[AuditAction]

export const auditActions = Object.keys(AUDIT_DETAILS) as AuditAction[]

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_DETAILS, action)
}

/** The schema an event's details are checked against when it is written. */
export function detailsSchema(action: AuditAction): z.ZodType<object> {
  return AUDIT_DETAILS[action]
}

const storedDetails = (action: AuditAction): z.ZodType<object> => {
  const older = (LEGACY_DETAILS as Partial<Record<AuditAction, z.ZodType<object>[]>>)[action]
  return older ? z.union([...older, AUDIT_DETAILS[action]]) : AUDIT_DETAILS[action]
}

const columns = {
  seq: z.bigint(),
  at: z.date(),
  actorId: z.string().nullable(),
  subjectType: z.string(),
  subjectId: z.string(),
  childId: z.string().nullable(),
  childIds: z.array(z.string()),
}

/** Every stored event: a union discriminated on the action. */
type EventSchema = z.ZodObject<typeof columns & { action: z.ZodLiteral<string>; details: z.ZodType<object> }>
export const auditEventSchema = z.discriminatedUnion(
  'action',
  auditActions.map((action) =>
    z.object({ ...columns, action: z.literal(action), details: storedDetails(action) }),
  ) as unknown as [EventSchema],
)

/** Parses an event as stored (a row of AuditEvent): its action must be known and its details fit that action. */
export function readAuditEvent(row: EventColumns & { action: string; details: unknown }): AuditEvent {
  return auditEventSchema.parse(row) as AuditEvent
}
