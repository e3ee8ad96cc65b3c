// What the API returns, as zod schemas: the use cases are typed by them and the OpenAPI document is built from them.
import { z } from 'zod'

const person = z.object({ id: z.string(), name: z.string() })
const isoDate = z.iso.date()

export const placementConcernSchema = z.object({
  level: z.enum(['critical', 'warning', 'info']),
  message: z.string(),
})

export const placementSchema = z.object({
  id: z.string(),
  home: z.object({ id: z.string(), name: z.string(), postcode: z.string(), ofstedUrn: z.string() }).nullable(),
  settingName: z.string().nullable(),
  settingPostcode: z.string().nullable(),
  areaAuthority: person,
  outOfArea: z.boolean().describe("outside the placing authority's area"),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  placeCode: z.string().describe('SSDA903 PLACE'),
  bedAndBreakfast: z.boolean(),
  emergency: z
    .boolean()
    .describe(
      'made in an emergency: the area authority may be told within 5 working days (CPPCR reg 13(4)); otherwise before it starts',
    ),
  areaNotifiedOn: isoDate.nullable(),
  reg41Notices: z
    .array(
      z.object({
        kind: z.enum(['ADMISSION', 'DISCHARGE']),
        notifiedOn: isoDate,
        method: z.enum(['SECURE_EMAIL', 'EMAIL', 'LETTER', 'PORTAL']),
        givenBy: z.string(),
      }),
    )
    .describe(
      "Children's Homes (England) Regulations 2015 reg 41 notices of admission and discharge to the host authority",
    ),
  placeProvider: z.string().describe('SSDA903 PLACE_PROVIDER'),
  reasonForChange: z.string().nullable().describe('SSDA903 REASON_PLACE_CHANGE'),
  endReason: z.string().nullable().describe('SSDA903 REC'),
  concerns: z.array(placementConcernSchema),
})

export const childSummarySchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: isoDate,
  age: z.number().int(),
  placingAuthority: z.string(),
  iro: person.nullable(),
  socialWorker: person.nullable(),
  currentPlacement: placementSchema.nullable(),
})

export const childRecordSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: isoDate,
  age: z.number().int(),
  sex: z.enum(['MALE', 'FEMALE']),
  ethnicity: z.string().describe('SSDA903 ETHNIC'),
  disability: z.enum(['NOT_DISABLED', 'DISABLED', 'NOT_KNOWN']),
  disabilityDetails: z.string().nullable(),
  legalStatus: z.string().describe('SSDA903 LS'),
  placingAuthority: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  iro: person.nullable(),
  socialWorker: person.nullable(),
  placements: z.array(placementSchema).describe('newest first'),
  createdAt: z.iso.datetime(),
})

/** A page of the children list (100 a page), with how many there are in all. */
export const childListSchema = z.object({
  children: z.array(childSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
})
export const createdSchema = z.object({ id: z.string() })

/** Language that could blame the child, found in what was written (saved as written: a warning, never a refusal). */
export const languageWarningsSchema = z
  .array(z.object({ field: z.string(), rule: z.string(), found: z.string(), instead: z.string(), why: z.string() }))
  .describe('language that could blame the child, with what to write instead; the text is saved as written')
export const savedWithWarningsSchema = z.object({ id: z.string(), warnings: languageWarningsSchema })
export const returnRecordedSchema = z.object({
  id: z.string().describe('the episode'),
  durationMinutes: z.number().int().describe('how long the child was away'),
  warnings: languageWarningsSchema,
})
export const amendedSchema = z.object({ id: z.string(), field: z.string().describe('what was corrected, in words') })

export const tokenSchema = z.object({
  id: z.string(),
  token: z.string().describe('shown once; send as Authorization: Bearer <token>'),
  tokenType: z.literal('Bearer'),
  expiresAt: z.iso.datetime(),
})

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), detail: z.string() })).optional(),
})

export type ChildRecord = z.output<typeof childRecordSchema>
export type ChildSummary = z.output<typeof childSummarySchema>
export type PlacementView = z.output<typeof placementSchema>

// ---- missing episodes

const child = z.object({ id: z.string(), firstName: z.string(), lastName: z.string() })
const home = z.object({ id: z.string(), name: z.string() }).nullable()
const instant = z.iso.datetime()
const locationSchema = z.object({ id: z.string(), name: z.string(), kind: z.string(), postcode: z.string().nullable() })

export const episodeSummarySchema = z.object({
  id: z.string(),
  child,
  home,
  status: z
    .enum(['open', 'returned', 'closed'])
    .describe('open: still missing or away; returned: back, awaiting the manager’s review; closed: reviewed'),
  absenceType: z
    .enum(['MISSING', 'AWAY'])
    .describe('SSDA903 MISSING: M (whereabouts unknown) or A (away without authorisation)'),
  lastSeenAt: instant,
  lastSeenPlace: z.string(),
  returnedAt: instant.nullable(),
  durationMinutes: z.number().int().describe('to the return, or to now while open'),
})

export const episodeViewSchema = z.object({
  id: z.string(),
  child,
  home,
  status: z.enum(['open', 'returned', 'closed']),
  absenceType: z.enum(['MISSING', 'AWAY']),
  lastSeenAt: instant,
  lastSeenPlace: z.string(),
  lastSeenWith: z.string().nullable(),
  clothing: z.string().nullable(),
  takenWith: z.string().nullable(),
  policeInformed: z.boolean(),
  policeReference: z.string().nullable(),
  policeRiskGrade: z.enum(['NO_APPARENT_RISK', 'LOW', 'MEDIUM', 'HIGH']).nullable(),
  reportedAt: instant,
  reportedBy: person,
  durationMinutes: z.number().int(),
  return: z
    .object({
      returnedAt: instant,
      method: z.enum(['RETURNED_ALONE', 'FOUND_BY_POLICE', 'BROUGHT_BY_STAFF', 'BROUGHT_BY_FAMILY', 'OTHER']),
      methodOther: z.string().nullable(),
      foundLocation: locationSchema.nullable(),
      visitedLocations: z.array(locationSchema),
      associates: z.array(
        z.object({ id: z.string(), name: z.string().nullable(), description: z.string().nullable() }),
      ),
      vehicles: z.array(
        z.object({
          id: z.string(),
          registration: z.string().nullable(),
          description: z.string().nullable(),
          taxiFirm: z.string().nullable(),
        }),
      ),
      injuries: z.string().nullable(),
      hungry: z.boolean(),
      tired: z.boolean(),
      intoxicated: z.boolean(),
      signsOfHarm: z.string().nullable(),
      medicalAttention: z.string().nullable(),
      whoInformed: z.string().nullable(),
      recordedAt: instant,
      recordedBy: person.nullable(),
    })
    .nullable(),
  review: z.object({ closedAt: instant, closedBy: person.nullable(), note: z.string() }).nullable(),
  updates: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['NOTE', 'CALL', 'PLACE_CHECKED', 'SIGHTING', 'POLICE_RISK_GRADE']),
      at: instant,
      text: z.string(),
      riskGrade: z.enum(['NO_APPARENT_RISK', 'LOW', 'MEDIUM', 'HIGH']).nullable(),
      author: person,
      createdAt: instant,
    }),
  ),
  amendments: z.array(
    z.object({
      id: z.string(),
      field: z.string(),
      previousValue: z.union([z.string(), z.boolean(), z.null()]),
      newValue: z.union([z.string(), z.boolean(), z.null()]),
      reason: z.string(),
      author: person,
      createdAt: instant,
    }),
  ),
  wentWith: z
    .array(z.object({ episodeId: z.string().nullable(), childId: z.string().nullable(), name: z.string() }))
    .describe('children outside your scope are not named'),
  grabPackShares: z.array(
    z.object({
      sharedAt: instant,
      policeForce: z.string(),
      reference: z.string().nullable(),
      sharedBy: person.nullable(),
    }),
  ),
  version: z.number().int().describe('send back when amending or closing: a stale version is refused'),
})

export const episodeListSchema = z.object({ episodes: z.array(episodeSummarySchema) })
export type EpisodeSummary = z.output<typeof episodeSummarySchema>
export type EpisodeView = z.output<typeof episodeViewSchema>

// ---- return interviews

const statusEnum = z.enum([
  'due',
  'due-soon',
  'overdue',
  'held',
  'held-late',
  'declined',
  'not-available',
  'not-offered',
])

export const interviewSummarySchema = z.object({
  id: z.string(),
  episodeId: z.string(),
  child: z
    .object({ id: z.string(), firstName: z.string(), lastName: z.string(), age: z.number().int() })
    .describe('only what holding the interview needs'),
  home: home,
  lastSeenAt: instant,
  returnedAt: instant,
  dueAt: instant.describe('72 hours after the return'),
  status: statusEnum,
  heldBy: z.enum(['service', 'social-worker']),
})

const sharingSchema = z.object({
  id: z.string(),
  sharedAt: instant,
  policeForce: z.string(),
  what: z.string().nullable().describe('null for the home’s staff and provider'),
  basis: z.enum(['CONSENT', 'SAFEGUARDING_WITHOUT_CONSENT']),
  reason: z.string().nullable(),
  recordedBy: person.nullable(),
})

export const interviewViewSchema = interviewSummarySchema.extend({
  offeredAt: instant.nullable(),
  offerMethod: z.string().nullable(),
  outcome: z.enum(['HELD', 'DECLINED', 'NOT_AVAILABLE', 'NOT_OFFERED']).nullable(),
  notOfferedReason: z.string().nullable(),
  heldAt: instant.nullable(),
  heldWhere: z.string().nullable(),
  interviewerName: z.string().nullable(),
  interviewerOrganisation: z.string().nullable(),
  independenceDeclared: z.boolean().nullable(),
  childChoseTrustedAdult: z.boolean().nullable(),
  trustedAdult: z.string().nullable(),
  childSays: z.object({
    whereAndWithWhom: z.string().nullable(),
    whatHappened: z.string().nullable(),
    whyLeft: z.string().nullable(),
    harmed: z.string().nullable(),
    feelsSafe: z.string().nullable(),
    whatWouldHelp: z.string().nullable(),
  }),
  concernsAboutHome: z
    .string()
    .nullable()
    .optional()
    .describe('present only for the IRO, social worker, LA missing lead and the interview service'),
  concernsVisible: z.boolean(),
  mayRecord: z.boolean().describe('whether you can record and correct this interview'),
  providerName: z.string().nullable().describe('who runs the home: its employees are not independent'),
  outcomeRecordedAt: instant.nullable(),
  outcomeRecordedBy: person.nullable(),
  locations: z.array(locationSchema),
  associates: z.array(z.object({ id: z.string(), name: z.string().nullable(), description: z.string().nullable() })),
  vehicles: z.array(
    z.object({
      id: z.string(),
      registration: z.string().nullable(),
      description: z.string().nullable(),
      taxiFirm: z.string().nullable(),
    }),
  ),
  sharings: z.array(sharingSchema),
  followUps: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['CSE_SCREENING', 'SAFEGUARDING_REFERRAL']),
      reference: z.string().nullable(),
      note: z.string().nullable(),
      createdAt: instant,
      createdBy: person.nullable(),
    }),
  ),
  preventionInterview: z.enum(['DONE', 'DECLINED', 'NOT_DONE']).nullable(),
  preventionInterviewDate: z.iso.date().nullable(),
  amendments: z.array(
    z.object({
      id: z.string(),
      field: z.string(),
      previousValue: z.union([z.string(), z.boolean(), z.null()]),
      newValue: z.union([z.string(), z.boolean(), z.null()]),
      reason: z.string(),
      author: person.nullable(),
      createdAt: instant,
    }),
  ),
  version: z.number().int(),
})

export const interviewListSchema = z.object({ interviews: z.array(interviewSummarySchema) })
export type InterviewSummary = z.output<typeof interviewSummarySchema>
export type InterviewView = z.output<typeof interviewViewSchema>

/** The e-mail outbox as an administrator sees it: kinds, times and recipients' names, never what a message says. */
export const dispatcherStateSchema = z.object({
  waiting: z.number().int().describe('not yet attempted, or being sent now'),
  retrying: z.number().int().describe('failed at least once; tried again with backoff'),
  sent: z.number().int(),
  gaveUp: z.number().int().describe('failed 10 times: an administrator can retry it'),
  skipped: z.number().int().describe('not sent: e-mail not configured, or the recipient deactivated'),
  oldestWaitingSeconds: z
    .number()
    .int()
    .nullable()
    .describe('age of the oldest message not yet sent (waiting or retrying)'),
  lagSeconds: z.number().int().describe('how long the oldest message due to go out has waited for the dispatcher'),
  givenUp: z
    .array(
      z.object({
        id: z.string(),
        kind: z.string(),
        recipient: z.string(),
        writtenAt: z.iso.datetime(),
        attempts: z.number().int(),
      }),
    )
    .describe('the most recent 100 messages given up'),
})
export type DispatcherState = z.infer<typeof dispatcherStateSchema>
