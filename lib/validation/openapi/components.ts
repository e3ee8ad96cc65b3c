// The OpenAPI document's building blocks: every request and response schema (the zod schemas the API validates with
// and answers with, as JSON Schema) and the small helpers the paths are written with.
import { z } from 'zod'
import {
  newChildSchema,
  placementEndSchema,
  placementStartSchema,
  reg41NoticeSchema,
  returnDetailsSchema,
} from '../children'
import {
  amendEpisodeSchema,
  closeEpisodeSchema,
  episodeUpdateSchema,
  linkEpisodeSchema,
  recordReturnSchema,
  reportMissingSchema,
} from '../episodes'
import {
  amendedSchema,
  childListSchema,
  childRecordSchema,
  createdSchema,
  dispatcherStateSchema,
  episodeListSchema,
  episodeViewSchema,
  interviewListSchema,
  interviewViewSchema,
  problemSchema,
  returnRecordedSchema,
  savedWithWarningsSchema,
  tokenSchema,
} from '../responses'
import { outcomeSchema } from '../return-interviews'
import { planSchema, screeningSchema } from '../cse'
import { decisionSchema, markAllReadSchema, resolveSchema } from '../alerts'
import { passwordChangeSchema, tokenRequestSchema } from '../users'
import { visitSchema } from '../oversight'
import {
  alertListSchema,
  alertViewSchema,
  chronologySchema,
  markedReadSchema,
  notificationListSchema,
} from '../alert-responses'
import {
  safetyPlanListSchema,
  safetyPlanSavedSchema,
  screeningListSchema,
  screeningRecordedSchema,
} from '../cse-responses'
import { oversightMonthSchema, reg44VisitListSchema, reg44VisitRecordedSchema } from '../oversight-responses'
import {
  missingReportSchema,
  ofstedFiguresSchema,
  roleGrantReportSchema,
  ssda903CheckSchema,
  ssda903ProblemSchema,
} from '../report-responses'
import {
  decisionSchema as notifiableDecisionSchema,
  notifiableEventListSchema,
  notifiableEventSavedSchema,
  notifiableEventSchema,
  notifiedRecordedSchema,
  notifiedSchema,
  proposalSchema,
} from '../notifiable-events'
import { reviewHeldSchema, reviewRecordedSchema, reviewsSchema } from '../reviews'
import { childAccessReportSchema, personAccessReportSchema } from '../access'
import {
  protocolApprovedSchema,
  protocolListSchema,
  protocolSavedSchema,
  protocolSchema,
  stepDoneSavedSchema,
  stepDoneSchema,
  toldSavedSchema,
  toldSchema,
} from '../missing-protocols'
import {
  actionAddedSchema,
  amendMeetingSchema,
  amendReferralSchema,
  completeActionSchema,
  meetingActionSchema,
  meetingListSchema,
  meetingSchema,
  referralListSchema,
  referralSchema,
} from '../meetings'
import { returnDetailsViewSchema, ssda903MatchSchema, ssda903UploadSchema } from '../ssda903'
import { homePhoneSavedSchema, homePhoneSchema } from '../homes'

const schemas = {
  TokenRequest: [tokenRequestSchema, 'input'],
  PasswordChange: [passwordChangeSchema, 'input'],
  Token: [tokenSchema, 'output'],
  NewChild: [newChildSchema, 'input'],
  PlacementStart: [placementStartSchema, 'input'],
  PlacementEnd: [placementEndSchema, 'input'],
  Reg41Notice: [reg41NoticeSchema, 'input'],
  ChildList: [childListSchema, 'output'],
  ChildRecord: [childRecordSchema, 'output'],
  Created: [createdSchema, 'output'],
  SavedWithWarnings: [savedWithWarningsSchema, 'output'],
  ReturnRecorded: [returnRecordedSchema, 'output'],
  Amended: [amendedSchema, 'output'],
  Problem: [problemSchema, 'output'],
  ReportMissing: [reportMissingSchema, 'input'],
  EpisodeUpdate: [episodeUpdateSchema, 'input'],
  RecordReturn: [recordReturnSchema, 'input'],
  Amendment: [amendEpisodeSchema, 'input'],
  CloseEpisode: [closeEpisodeSchema, 'input'],
  LinkEpisode: [linkEpisodeSchema, 'input'],
  EpisodeList: [episodeListSchema, 'output'],
  Episode: [episodeViewSchema, 'output'],
  InterviewOutcome: [outcomeSchema, 'input'],
  InterviewList: [interviewListSchema, 'output'],
  ReturnInterview: [interviewViewSchema, 'output'],
  Screening: [screeningSchema, 'input'],
  SafetyPlan: [planSchema, 'input'],
  Decision: [decisionSchema, 'input'],
  Resolution: [resolveSchema, 'input'],
  Reg44Visit: [visitSchema, 'input'],
  DispatcherState: [dispatcherStateSchema, 'output'],
  OfstedFigures: [ofstedFiguresSchema, 'output'],
  MissingReport: [missingReportSchema, 'output'],
  RoleGrantReport: [roleGrantReportSchema, 'output'],
  Ssda903Check: [ssda903CheckSchema, 'output'],
  Ssda903Problem: [ssda903ProblemSchema, 'output'],
  Chronology: [chronologySchema, 'output'],
  ScreeningList: [screeningListSchema, 'output'],
  ScreeningRecorded: [screeningRecordedSchema, 'output'],
  SafetyPlanList: [safetyPlanListSchema, 'output'],
  SafetyPlanSaved: [safetyPlanSavedSchema, 'output'],
  AlertList: [alertListSchema, 'output'],
  Alert: [alertViewSchema, 'output'],
  Reg44VisitList: [reg44VisitListSchema, 'output'],
  Reg44VisitRecorded: [reg44VisitRecordedSchema, 'output'],
  OversightMonth: [oversightMonthSchema, 'output'],
  HomePhone: [homePhoneSchema, 'input'],
  HomePhoneSaved: [homePhoneSavedSchema, 'output'],
  NotificationList: [notificationListSchema, 'output'],
  MarkAllRead: [markAllReadSchema, 'input'],
  MarkedRead: [markedReadSchema, 'output'],
  ReviewHeld: [reviewHeldSchema, 'input'],
  Reviews: [reviewsSchema, 'output'],
  ReviewRecorded: [reviewRecordedSchema, 'output'],
  NotifiableEvent: [notifiableEventSchema, 'input'],
  NotifiableEventDecision: [notifiableDecisionSchema, 'input'],
  NotifiableEventProposal: [proposalSchema, 'input'],
  Notified: [notifiedSchema, 'input'],
  NotifiableEventList: [notifiableEventListSchema, 'output'],
  NotifiableEventSaved: [notifiableEventSavedSchema, 'output'],
  NotifiedRecorded: [notifiedRecordedSchema, 'output'],
  ChildAccessReport: [childAccessReportSchema, 'output'],
  PersonAccessReport: [personAccessReportSchema, 'output'],
  MissingProtocol: [protocolSchema, 'input'],
  MissingProtocolList: [protocolListSchema, 'output'],
  MissingProtocolSaved: [protocolSavedSchema, 'output'],
  MissingProtocolApproved: [protocolApprovedSchema, 'output'],
  ProtocolStepDone: [stepDoneSchema, 'input'],
  ProtocolStepDoneSaved: [stepDoneSavedSchema, 'output'],
  Told: [toldSchema, 'input'],
  ToldSaved: [toldSavedSchema, 'output'],
  Referral: [referralSchema, 'input'],
  ReferralAmendment: [amendReferralSchema, 'input'],
  ReferralList: [referralListSchema, 'output'],
  Meeting: [meetingSchema, 'input'],
  MeetingAction: [meetingActionSchema, 'input'],
  MeetingAmendment: [amendMeetingSchema, 'input'],
  CompleteMeetingAction: [completeActionSchema, 'input'],
  MeetingList: [meetingListSchema, 'output'],
  MeetingActionSaved: [actionAddedSchema, 'output'],
  ReturnDetails: [returnDetailsViewSchema, 'output'],
  ReturnDetailsInput: [returnDetailsSchema, 'input'],
  Ssda903Upload: [ssda903UploadSchema, 'input'],
  Ssda903Match: [ssda903MatchSchema, 'output'],
} as const satisfies Record<string, [z.ZodType, 'input' | 'output']>

export const ref = (name: keyof typeof schemas) => ({ $ref: `#/components/schemas/${name}` })
export const json = (name: keyof typeof schemas) => ({ content: { 'application/json': { schema: ref(name) } } })
// the reports and the SSDA903 return also come as files: the JSON answer, or with ?table= a CSV (or a zip)
export const csv = { 'text/csv': { schema: { type: 'string' } } }
export const zip = { 'application/zip': { schema: { type: 'string', contentMediaType: 'application/zip' } } }
export const jsonOr = (name: keyof typeof schemas, ...files: object[]) => ({
  content: { 'application/json': { schema: ref(name) }, ...Object.assign({}, ...files) },
})
// any operation may find the database too busy to answer in time: 503, nothing saved (lib/server/errors.ts)
const busy = {
  description: 'Haven is busy: nothing was saved; try again after Retry-After seconds',
  headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } },
  content: { 'application/problem+json': { schema: ref('Problem') } },
}
export const problems = (...statuses: number[]) => ({
  ...Object.fromEntries(
    statuses.map((s) => [
      String(s),
      {
        description: {
          400: 'Malformed request',
          401: 'No valid token',
          403: 'Your role does not allow this',
          404: 'Not found, or outside your scope',
          422: 'Invalid input: `errors` names each field',
          429: 'Too many failed sign-ins',
        }[s],
        content: { 'application/problem+json': { schema: ref('Problem') } },
      },
    ]),
  ),
  503: busy,
})
export const idParam = (description: string) => [
  { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description },
]

/** The components' schemas as JSON Schema (draft 2020-12, what OpenAPI 3.1 uses). */
export function componentSchemas() {
  return Object.fromEntries(
    Object.entries(schemas).map(([name, [schema, io]]) => {
      const jsonSchema = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
      delete jsonSchema.$schema // the document says which JSON Schema dialect: OpenAPI 3.1's
      return [name, jsonSchema]
    }),
  )
}
