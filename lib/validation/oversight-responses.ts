// What the API answers about a home's oversight (Regulation 44 visits, the month's checks), as zod schemas: the
// OpenAPI document is built from them and the API tests check every answer against it.
import { z } from 'zod'
import { REPORT_EVENT_KINDS } from './oversight'

const date = z.iso.date()
const level = z.enum(['green', 'amber', 'red'])
const count = z.number().int()

const action = z.object({
  id: z.string(),
  recommendation: z.string(),
  owner: z.string(),
  dueOn: date,
  completedOn: date.nullable(),
})

export const reg44VisitListSchema = z.object({
  home: z.object({ id: z.string(), name: z.string() }),
  visits: z
    .array(
      z.object({
        id: z.string(),
        visitedOn: date,
        announced: z.boolean(),
        visitor: z.object({ id: z.string(), name: z.string(), organisation: z.string().nullable() }),
        independent: z.boolean(),
        independenceReasons: z.array(z.string()).describe('why the visitor was not independent, if not'),
        spokeWith: z.object({ children: count, parents: count, staff: count }),
        recordsChecked: z.object({
          missingLog: z.boolean(),
          returnInterviews: z.boolean(),
          safetyPlans: z.boolean(),
          other: z.string().nullable(),
        }),
        safeguardingOpinion: z.string(),
        wellbeingOpinion: z.string(),
        report: z
          .object({ receivedOn: date, text: z.string().nullable(), fileName: z.string().nullable(), versions: count })
          .nullable(),
        sent: z.array(
          z.object({
            kind: z.string().describe(`where the report went: ${Object.keys(REPORT_EVENT_KINDS).join(', ')}`),
            authorityId: z.string().nullable(),
            on: date,
          }),
        ),
        actions: z.array(action),
        status: z.object({
          visitedOn: date,
          visitor: z.string(),
          independent: z.boolean(),
          reasons: z.array(z.string()),
          reportReceivedOn: date.nullable(),
          sentToOfstedOn: date.nullable(),
          placingAuthorities: z.array(z.object({ name: z.string(), sentOn: date.nullable() })),
          host: z.object({ name: z.string(), requestedOn: date, sentOn: date.nullable() }).nullable().optional(),
        }),
      }),
    )
    .describe('newest first'),
})

export const reg44VisitRecordedSchema = z.object({
  id: z.string(),
  independent: z.boolean(),
  reasons: z.array(z.string()).describe('why the visitor is not independent, if not'),
})

export const oversightMonthSchema = z.object({
  home: z.object({
    id: z.string(),
    name: z.string(),
    ofstedUrn: z.string(),
    phone: z
      .string()
      .nullable()
      .describe('the number other agencies ring about a child, day and night ("0114 496 0123"); null if not set'),
  }),
  month: z.string().describe('YYYY-MM'),
  inProgress: z.boolean().describe('the month is this month: checks can still turn green'),
  level,
  checks: z.array(
    z.object({
      code: z.enum(['visit', 'independence', 'report', 'actions', 'reg45', 'reg46']),
      title: z.string(),
      level,
      reason: z.string(),
    }),
  ),
  figures: z.object({
    episodes: z.object({
      thisMonth: count,
      previous: z.array(z.object({ month: z.string(), episodes: count })),
      averageBefore: z.number(),
    }),
    returnInterviews: z.object({ due: count, heldInTime: count, heldLate: count, overdue: count, other: count }),
    cse: z.object({ residents: count, atRisk: count, withCurrentPlan: count }),
  }),
  visits: z.array(
    z.object({
      id: z.string(),
      visitedOn: date,
      visitor: z.string(),
      independent: z.boolean(),
      announced: z.boolean(),
    }),
  ),
  actions: z.array(action.extend({ visitId: z.string(), visitedOn: date, responses: count })),
  notifiableEvents: z
    .array(
      z.object({
        id: z.string(),
        kind: z.string(),
        occurredAt: z.iso.datetime(),
        status: z.enum(['PROPOSED', 'TO_NOTIFY', 'NOTIFIED', 'NOT_NOTIFIABLE']),
        notifyBy: date,
        overdue: z.boolean(),
        toldLate: z.boolean(),
      }),
    )
    .describe('Regulation 40 events that happened this month, as they stood at its end (or today)'),
  reg45: z.array(
    z.object({
      id: z.string(),
      completedOn: date,
      sentToOfstedOn: date.nullable(),
      views: z.object({
        children: z.boolean(),
        parents: z.boolean(),
        placingAuthorities: z.boolean(),
        staff: z.boolean(),
      }),
    }),
  ),
  reg46: z.array(z.object({ assessedOn: date, policeForce: z.string(), policeOfficer: z.string(), consultedOn: date })),
  locationShares: z.array(z.object({ id: z.string(), sharedOn: date, sharedWith: z.string() })),
  independentPersons: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      organisation: z.string().nullable(),
      appointedOn: date,
      independent: z.boolean(),
      reasons: z.array(z.string()),
    }),
  ),
})
