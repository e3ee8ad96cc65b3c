// Haven's thresholds and limits in one place. Local practice, not law, so they are settings (docs/domain.md).
// Each can be overridden by an environment variable of the name shown.
import { z } from 'zod'

/** A number setting's value: blank is "not set"; anything else must be a number, zero or more. */
export const numberVariable = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z
    .string()
    .trim()
    .refine((v) => v !== '' && Number.isFinite(Number(v)), 'must be a number')
    .transform(Number)
    .refine((n) => n >= 0, 'must be zero or more')
    .optional(),
)

/** Every number setting's variable and default: the start-up check (lib/environment.ts) is built from it. */
export const NUMBER_VARIABLES: Record<string, number> = {}
/** The few number settings that must be at least some whole number (a pool of connections), by variable. */
export const NUMBER_MINIMUMS: Record<string, number> = {}

/** A number setting whose value must be a whole number `min` or more. */
export const wholeNumberVariable = (min: number) =>
  numberVariable.refine(
    (n) => n === undefined || (Number.isInteger(n) && n >= min),
    `must be a whole number, ${min} or more`,
  )

function fromEnv(name: string, fallback: number, options: { min?: number } = {}) {
  NUMBER_VARIABLES[name] = fallback
  if (options.min !== undefined) NUMBER_MINIMUMS[name] = options.min
  // a bad value stops the server at start-up (lib/environment.ts); here it can only fall back
  const schema = options.min === undefined ? numberVariable : wholeNumberVariable(options.min)
  const parsed = schema.safeParse(process.env[name])
  return parsed.success && parsed.data !== undefined ? parsed.data : fallback
}

export const settings = {
  patterns: {
    /** rule 1: repeat episodes (3 in any 30 days: a common local threshold for a strategy meeting) */
    repeatCount: fromEnv('HAVEN_REPEAT_MISSING_COUNT', 3),
    repeatDays: fromEnv('HAVEN_REPEAT_MISSING_DAYS', 30),
    repeatCount90: fromEnv('HAVEN_REPEAT_MISSING_COUNT_90', 5),
    /** rule 2: episodes starting this close together count as going missing together */
    togetherWindowMinutes: fromEnv('HAVEN_TOGETHER_WINDOW_MINUTES', 60),
    togetherOccasions: fromEnv('HAVEN_TOGETHER_OCCASIONS', 2),
    /** rule 3 */
    placeChildren: fromEnv('HAVEN_PLACE_CHILDREN', 2),
    placeEpisodes90: fromEnv('HAVEN_PLACE_EPISODES_90', 3),
    /** rule 4 */
    sharedChildren: fromEnv('HAVEN_SHARED_CHILDREN', 2),
    /** rule 5: the last 90 days against the 90 before */
    escalationMinIncrease: fromEnv('HAVEN_ESCALATION_MIN_INCREASE', 2),
    escalationDurationFactor: fromEnv('HAVEN_ESCALATION_DURATION_FACTOR', 1.5),
    /** how far back place, people and pair patterns look */
    lookbackDays: fromEnv('HAVEN_PATTERN_LOOKBACK_DAYS', 365),
    /** rule 8: the area authority is told within this many working days of an emergency placement (CPPCR reg 13) */
    areaNoticeWorkingDays: fromEnv('HAVEN_AREA_NOTICE_WORKING_DAYS', 5),
    /** an alert nobody has acknowledged after this many working days goes to the LA missing lead */
    escalateAfterWorkingDays: fromEnv('HAVEN_ESCALATE_AFTER_WORKING_DAYS', 2),
  },
  cse: {
    /** screen again at least this often (SERAF: every 3 months) */
    rescreenMonths: fromEnv('HAVEN_CSE_RESCREEN_MONTHS', 3),
    /** a child at risk has a signed-off safety plan within this many working days of the screening */
    planWorkingDays: fromEnv('HAVEN_CSE_PLAN_WORKING_DAYS', 5),
    /**
     * how to count current or recent indicators, for every kind alike: the authority's local practice, none validated
     * (docs/domain.md); the tiers follow the regional screening tools (lib/domain/cse.ts). The professional decides.
     */
    rules: {
      points: { CURRENT: 3, WITHIN_6_MONTHS: 2, OLDER: 1 },
      atRiskConcerns: fromEnv('HAVEN_EXPLOITATION_AT_RISK_CONCERNS', 3),
      atRiskStrong: fromEnv('HAVEN_EXPLOITATION_AT_RISK_STRONG', 1),
      significantStrong: fromEnv('HAVEN_EXPLOITATION_SIGNIFICANT_STRONG', 2),
      fullAssessmentIndicatorCount: fromEnv('HAVEN_CSE_FULL_ASSESSMENT_INDICATORS', 3),
    },
    /**
     * "missing 3 times in 30 days" suggests the missing indicator as current (Derbyshire guidance: a local threshold)
     */
    repeatMissing: { count: fromEnv('HAVEN_REPEAT_MISSING_COUNT', 3), days: fromEnv('HAVEN_REPEAT_MISSING_DAYS', 30) },
  },
  reg40: {
    /** Regulation 40's "without delay", made checkable: decided and everyone required told by the end of this many
     *  working days after the event (a local reading of the words, not a figure in the regulation) */
    notifyWorkingDays: fromEnv('HAVEN_REG40_NOTIFY_WORKING_DAYS', 1),
  },
  returnInterview: {
    /** DfE statutory guidance (2014): offered within 72 hours of the return */
    dueHours: fromEnv('HAVEN_RETURN_INTERVIEW_DUE_HOURS', 72),
    /** shown as "due soon" this long before the deadline */
    dueSoonHours: fromEnv('HAVEN_RETURN_INTERVIEW_DUE_SOON_HOURS', 24),
  },
  oversight: {
    /** Reg 44(7) names who gets the visitor's report; the deadline used here is the widely used reading, "by the 28th
     *  day of the month following the visit" (the wording could not be confirmed here: a setting, not a literal) */
    reportDayOfFollowingMonth: fromEnv('HAVEN_REG44_REPORT_DAY', 28),
    /** Reg 45(1): a review of the quality of care at least every 6 months */
    reg45Months: fromEnv('HAVEN_REG45_MONTHS', 6),
    /** Reg 45(4): the report goes to Ofsted within 28 days of the review's completion */
    reg45ReportDays: fromEnv('HAVEN_REG45_REPORT_DAYS', 28),
    /** Reg 46(1)-(2): the location assessment is reviewed at least once a year */
    reg46Months: fromEnv('HAVEN_REG46_MONTHS', 12),
    /** a review or assessment due within this many days shows as amber (local practice) */
    dueSoonDays: fromEnv('HAVEN_OVERSIGHT_DUE_SOON_DAYS', 30),
    /** a place named in this many of a home's episodes (over the pattern look-back) counts as recurring for Reg 46 */
    recurringPlaceEpisodes: fromEnv('HAVEN_REG46_RECURRING_PLACE_EPISODES', 2),
    /** the largest report file accepted (PDF or DOCX) */
    maxReportBytes: fromEnv('HAVEN_MAX_REPORT_BYTES', 5_000_000),
    /** a DOCX is unpacked within these limits (Apache POI's ZipSecureFile defaults: 1,000 entries, and an entry over
     *  100 KB may not expand more than 100 times): a zip bomb is refused, not unpacked */
    docxMaxEntries: fromEnv('HAVEN_DOCX_MAX_ENTRIES', 1000),
    docxMaxUnpackedBytes: fromEnv('HAVEN_DOCX_MAX_UNPACKED_BYTES', 50_000_000),
    docxMaxRatio: fromEnv('HAVEN_DOCX_MAX_RATIO', 100),
  },
  reports: {
    /** the longest period a report may cover: bounds the work one request can ask of the server */
    maxPeriodYears: fromEnv('HAVEN_REPORT_MAX_PERIOD_YEARS', 5),
  },
  reviews: {
    /** the same IRO decision on an alert again within this many minutes is a second submit, not a new decision */
    duplicateDecisionMinutes: fromEnv('HAVEN_DUPLICATE_DECISION_MINUTES', 5),
  },
  missingProtocol: {
    /** a child's missing protocol is reviewed at least this often (and after any episode): local practice */
    reviewMonths: fromEnv('HAVEN_MISSING_PROTOCOL_REVIEW_MONTHS', 3),
  },
  meetings: {
    /** a missing episode graded high risk by the police, open longer than this with no meeting, is flagged (a local
     *  missing protocol's threshold, not a figure in Working Together) */
    highRiskEpisodeHours: fromEnv('HAVEN_MEETING_HIGH_RISK_HOURS', 24),
    /** a repeat-episode alert with no meeting within this many working days of opening is flagged */
    repeatAlertWorkingDays: fromEnv('HAVEN_MEETING_REPEAT_ALERT_WORKING_DAYS', 5),
  },
  grabPack: {
    /** largest photo accepted for a grab pack */
    maxPhotoBytes: fromEnv('HAVEN_MAX_PHOTO_BYTES', 5_000_000),
  },
  auth: {
    /** a browser session ends after this long without activity */
    sessionIdleMinutes: fromEnv('HAVEN_SESSION_IDLE_MINUTES', 30),
    /** a session's last activity is written at most this often (the idle timeout is exact to within it) */
    sessionTouchSeconds: fromEnv('HAVEN_SESSION_TOUCH_SECONDS', 60),
    /** and after this long in any case */
    sessionMaxHours: fromEnv('HAVEN_SESSION_MAX_HOURS', 12),
    apiTokenDays: fromEnv('HAVEN_API_TOKEN_DAYS', 30),
    /** failed sign-ins allowed within the window: per account from unknown browsers, per known browser (its own
     *  allowance), per account through the API, and per address */
    accountFailureLimit: fromEnv('HAVEN_SIGNIN_ACCOUNT_FAILURES', 5),
    addressFailureLimit: fromEnv('HAVEN_SIGNIN_ADDRESS_FAILURES', 20),
    throttleWindowMinutes: fromEnv('HAVEN_SIGNIN_WINDOW_MINUTES', 15),
    /** failures before each further attempt has to wait (doubling from the base delay) */
    freeFailures: fromEnv('HAVEN_SIGNIN_FREE_FAILURES', 2),
    slowDownSeconds: fromEnv('HAVEN_SIGNIN_SLOW_DOWN_SECONDS', 5),
    /** a browser that has signed in to an account keeps its own allowance this long */
    deviceCookieDays: fromEnv('HAVEN_DEVICE_COOKIE_DAYS', 365),
    /** a password reset link lasts this long; an invitation to a new account, this many days */
    resetLinkMinutes: fromEnv('HAVEN_RESET_LINK_MINUTES', 30),
    invitationDays: fromEnv('HAVEN_INVITATION_DAYS', 7),
    /** reset e-mails sent to one account per throttle window, at most */
    resetRequestLimit: fromEnv('HAVEN_RESET_REQUESTS', 3),
    /** authenticator codes accepted this many 30-second steps either side of now (a phone's clock a little out) */
    totpWindowSteps: fromEnv('HAVEN_TOTP_WINDOW_STEPS', 1),
    /** reverse proxies in front of Haven that set X-Forwarded-For; 0: none, the address is not known */
    trustedProxyHops: fromEnv('HAVEN_TRUSTED_PROXY_HOPS', 0),
  },
  service: {
    /**
     * /api/ready fails when an e-mail due to go out has waited longer than this: no dispatcher is running, or it is
     * stuck
     */
    readyMaxDispatchLagSeconds: fromEnv('HAVEN_READY_MAX_DISPATCH_LAG_SECONDS', 900),
    /**
     * how often the dispatcher reads the outbox, how long its claim on a message lasts, how often patterns are
     * recomputed
     */
    dispatchIntervalMs: fromEnv('HAVEN_DISPATCH_INTERVAL_MS', 5000),
    dispatchLeaseSeconds: fromEnv('HAVEN_DISPATCH_LEASE_SECONDS', 120),
    patternsIntervalMs: fromEnv('HAVEN_PATTERNS_INTERVAL_MS', 10 * 60_000),
  },
  retention: {
    /** sign-in attempts, and browser sessions and API tokens that ended, are deleted after this many days */
    signInDays: fromEnv('HAVEN_RETENTION_SIGN_IN_DAYS', 90),
  },
  accounts: {
    /** 1: a role that reads children's records takes effect only when a second administrator approves it (off: 0) */
    grantNeedsSecondAdministrator: fromEnv('HAVEN_GRANT_NEEDS_SECOND_ADMINISTRATOR', 0) === 1,
  },
  database: {
    /** a transaction still open after this long is rolled back, and one waits at most this long for a connection to
     *  start on (Prisma's defaults); past either the answer is "Haven is busy" (503), nothing saved */
    transactionTimeoutMs: fromEnv('HAVEN_TRANSACTION_TIMEOUT_MS', 5000),
    transactionMaxWaitMs: fromEnv('HAVEN_TRANSACTION_MAX_WAIT_MS', 2000),
    /** PostgreSQL only: connections each process keeps at most (node-postgres' default), and how long a query outside
     *  a transaction (the session check, a sign-in) waits for one of them to come free, or for a new one to open,
     *  before the answer is "Haven is busy" (0: without limit, as node-postgres does by default) */
    poolSize: fromEnv('HAVEN_DATABASE_POOL_SIZE', 10, { min: 1 }),
    acquireTimeoutMs: fromEnv('HAVEN_DATABASE_ACQUIRE_TIMEOUT_MS', 2000),
  },
}
