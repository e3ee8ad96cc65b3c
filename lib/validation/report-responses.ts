// What the API answers with figures (Ofsted, the missing-episode report, role grants, the SSDA903 check), as zod
// schemas: the OpenAPI document is built from them and the API tests check every answer against it.
import { EXPLOITATION_KINDS, type ExploitationKind } from '@/lib/domain/cse'
import { z } from 'zod'
import { ROLES } from '@/lib/domain/roles'
import { AGE_BANDS, TABLE_IDS, type AgeBand } from '@/lib/domain/missing-report'
import { problemSchema } from './responses'

const date = z.iso.date()
const period = z.object({ from: date, to: date })
const named = z.object({ id: z.string(), name: z.string() })
const count = z.number().int()

export const ofstedFiguresSchema = z.object({
  period: period.nullable().describe('the period of the home figures; null without them'),
  homes: z
    .array(
      named.extend({
        missing: count,
        away: count.describe('times away without authorisation'),
        children: count,
        residents: count,
        atRiskOfCse: count.describe('residents at risk of child sexual exploitation'),
        atRiskByKind: z
          .object(
            Object.fromEntries(EXPLOITATION_KINDS.map((kind) => [kind, count])) as Record<
              ExploitationKind,
              typeof count
            >,
          )
          .describe('residents at risk (or significant risk) of each kind of exploitation, counted separately'),
      }),
    )
    .nullable()
    .describe('per home, for registered managers and responsible individuals; null for other roles'),
  annexA: z
    .array(
      named.extend({
        dateOfBirth: date,
        missingEpisodes: count.describe('in the last 12 months'),
        absentEpisodes: count.describe('in the last 12 months'),
        returnInterviewOffered: z.enum(['Y', 'N', '']).describe('after the last missing episode; blank: nothing yet'),
        returnInterviewAccepted: z.enum(['Y', 'N', '']),
      }),
    )
    .nullable()
    .describe('per child looked after, for LA missing leads; null for other roles'),
})

export const missingReportSchema = z.object({
  period,
  filter: z.object({
    home: z.string().nullable(),
    authority: z.string().nullable(),
    ageBand: z.enum(Object.keys(AGE_BANDS) as [AgeBand, ...AgeBand[]]).nullable(),
    sex: z.enum(['MALE', 'FEMALE']).nullable(),
  }),
  options: z.object({ homes: z.array(named), authorities: z.array(named) }).describe('what the filters can choose'),
  totals: z.object({
    episodes: count,
    missing: count,
    away: count,
    children: count,
    daytime: count,
    under24h: count,
    stillOut: count,
  }),
  tables: z.array(
    z.object({
      id: z.enum(TABLE_IDS),
      title: z.string(),
      summary: z.string(),
      columns: z.array(z.object({ key: z.string(), label: z.string() })),
      rows: z.array(z.record(z.string(), z.union([z.string(), z.number()]))).describe('keyed by the columns'),
    }),
  ),
})

export const roleGrantReportSchema = z.object({
  from: date,
  to: date,
  rows: z.array(
    z.object({
      at: z.iso.datetime(),
      event: z.enum(['granted', 'removed', 'requested', 'refused']),
      role: z.enum(ROLES),
      organisation: z.string().nullable(),
      person: named,
      by: named.nullable().describe('for an approved grant, who asked for it'),
      reason: z.string().nullable(),
      approvedBy: named.nullable(),
    }),
  ),
})

const failures = z
  .array(
    z.object({
      table: z.enum(['header', 'episodes', 'missing']),
      row: count,
      child: z.string().describe('the CHILD value written: the authority’s reference (Haven’s id where there is none)'),
      rule: z.string().describe('the DfE rule number, or CHILD, HOME_POST, PL_POST, PLACE_PROVIDER for Haven’s checks'),
      problem: z.string(),
      fix: z.string(),
      childId: z.string().nullable().describe('Haven’s id of the child, to open the record'),
      name: z.string().nullable(),
      dateOfBirth: z.iso.date().nullable(),
      authorityRef: z.string().nullable(),
    }),
  )
  .describe("rows that fail the DfE's rules for the year: the tables still download, marked not ready to submit")

export const ssda903CheckSchema = z.object({
  authority: named,
  year: z.number().int().describe('collection year: 2025 is 1 April 2025 to 31 March 2026'),
  rulesYear: z.number().int().describe('the collection year whose rules were applied (the nearest Haven holds)'),
  period,
  readyToSubmit: z.boolean().describe('no row fails the rules'),
  counts: z.object({ header: count, episodes: count, missing: count }).describe('rows in each table'),
  failures,
})

/** A 422: invalid input (`errors`). */
export const ssda903ProblemSchema = problemSchema
