// Independent return interviews: due automatically after every return, recorded once by the interview service (or the
// social worker), corrected only by amendment; what the child says about the home is shown only to those allowed.
// One import path for pages, handlers and tests; each concept lives in its own module beside this one.
export { amendInterview } from './amend'
export {
  addFollowUp,
  createDueInterview,
  moveInterviewDeadline,
  recordOffer,
  recordOutcome,
  recordPoliceSharing,
  recordPreventionInterview,
} from './record'
export { authoritySettings, setReturnInterviewService, setScreensRadicalisation } from './settings'
export {
  getInterview,
  INTERVIEWS_SHOWN,
  listInterviews,
  listInterviewsWithTotal,
  outstandingInterviews,
  timelinessReport,
} from './view'
export type { InterviewListStatus } from './view'
