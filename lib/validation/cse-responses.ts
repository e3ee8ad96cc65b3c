// What the API answers about exploitation screenings and safety plans, as zod schemas: the OpenAPI
// document is built from them and the API tests check every answer against it.
import { z } from 'zod'
import { EXPLOITATION_KINDS } from '@/lib/domain/cse'
import { LEVELS, WHENS } from './cse'
import { languageWarningsSchema } from './responses'

const instant = z.iso.datetime()
const level = z.enum(LEVELS)
const kinds = z
  .array(
    z.object({
      kind: z.enum(EXPLOITATION_KINDS),
      score: z.number().int(),
      harmIndicators: z.number().int(),
      suggestedLevel: level,
      level,
      levelReason: z.string().nullable().describe('why the level differs from the suggestion'),
      fullAssessmentPrompted: z.boolean(),
    }),
  )
  .describe('each kind of exploitation screened, with its own suggested level and the worker’s level')

export const screeningListSchema = z.object({
  screenings: z
    .array(
      z.object({
        id: z.string(),
        screenedAt: instant,
        screenedBy: z.string().nullable(),
        indicators: z.array(
          z.object({ code: z.string(), when: z.enum(WHENS), note: z.string().nullable().optional() }),
        ),
        score: z.number().int(),
        harmIndicators: z.number().int(),
        suggestedLevel: level,
        level,
        levelReason: z.string().nullable().describe('why the level differs from the suggestion'),
        kinds,
        fullAssessmentPrompted: z.boolean(),
        summary: z.string().nullable(),
      }),
    )
    .describe('newest first'),
  suggestions: z
    .array(z.object({ key: z.string(), code: z.string(), when: z.enum(WHENS), reason: z.string() }))
    .describe("indicators Haven's records suggest (episodes, return interviews), to confirm or dismiss"),
  flags: z.array(
    z.object({
      code: z.enum([
        'no-screening',
        'screening-overdue',
        'plan-due',
        'plan-overdue',
        'plan-review-overdue',
        'plan-kinds',
        'plan-unsigned',
        'reg40-open',
      ]),
      level: z.enum(['critical', 'warning', 'info']),
      message: z.string(),
      dueDate: z.iso.date().optional(),
    }),
  ),
})

export const screeningRecordedSchema = z.object({
  id: z.string(),
  score: z.number().int(),
  suggestedLevel: level,
  level: level.describe('the highest level across the kinds'),
  kinds,
  fullAssessmentPrompted: z.boolean(),
  planNeeded: z.boolean().describe('the level (or harm indicators) calls for a safety plan'),
  reg40ProposalId: z
    .string()
    .nullable()
    .describe(
      'the Regulation 40 notifiable event this screening proposed (the registered manager decides whether to notify)',
    ),
  warnings: languageWarningsSchema,
})

export const safetyPlanListSchema = z.object({
  plans: z
    .array(
      z.object({
        id: z.string(),
        version: z.number().int(),
        kinds: z.array(z.enum(EXPLOITATION_KINDS)).describe('the kinds of exploitation the plan addresses'),
        risks: z.array(z.object({ code: z.string().nullable(), text: z.string().nullable() })),
        actions: z.array(
          z.object({ who: z.string().nullable(), what: z.string().nullable(), byWhen: z.string().nullable() }),
        ),
        ifMissingPlaces: z.string(),
        ifMissingPeople: z.string(),
        trustedAdults: z.string().nullable(),
        childsWords: z.string().nullable(),
        childAgrees: z.enum(['YES', 'PARTLY', 'NO', 'NOT_ASKED']),
        familyEngaged: z.string().nullable(),
        policeInvolved: z.boolean(),
        policeOfficer: z.string().nullable(),
        policeReference: z.string().nullable(),
        reviewDate: z.iso.date(),
        createdAt: instant,
        createdBy: z.string().nullable(),
        signedOffAt: instant.nullable(),
        signedOffBy: z.string().nullable(),
      }),
    )
    .describe('every version, newest first'),
})

export const safetyPlanSavedSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  warnings: languageWarningsSchema,
})
