// Looked-after reviews and the period of care: forms, server actions and API alike.
import { z } from 'zod'
import { PARTICIPATION, type Participation } from '@/lib/domain/reviews'
import { codeField, dateField, requiredText } from './fields'

export const reviewHeldSchema = z.object({
  heldOn: dateField('the date the review was held'),
  participation: codeField(PARTICIPATION, 'Select how the child took part'),
  outcome: requiredText('the outcome', 2000),
})
export type ReviewHeldInput = z.output<typeof reviewHeldSchema>

export const lookedAfterSinceSchema = z.object({
  startDate: dateField('the date the child became looked after'),
  reason: requiredText('why the date is corrected', 500),
})
export type LookedAfterSinceInput = z.output<typeof lookedAfterSinceSchema>

/** When the next review is due (lib/domain/reviews.ts nextReview), as the API answers it. */
export const nextReviewSchema = z.object({
  date: z.iso.date(),
  broughtForward: z.boolean(),
  byTimetable: z.iso.date(),
  lastHeld: z.iso.date().nullable(),
  overdue: z.boolean(),
})

/** GET /api/v1/children/{id}/reviews */
export const reviewsSchema = z.object({
  child: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), iro: z.string().nullable() }),
  lookedAfterSince: z.iso
    .date()
    .nullable()
    .describe('the day the child became looked after (the current period of care)'),
  legalStatuses: z.array(
    z.object({ from: z.iso.date(), legalStatus: z.string(), categoryOfNeed: z.string().nullable() }),
  ),
  next: nextReviewSchema.nullable(),
  reviews: z.array(
    z.object({
      id: z.string(),
      heldOn: z.iso.date(),
      chair: z.string().nullable(),
      participation: z.enum(Object.keys(PARTICIPATION) as [Participation, ...Participation[]]),
      participationLabel: z.string(),
      outcome: z.string(),
      recordedAt: z.iso.datetime(),
    }),
  ),
})

/** POST /api/v1/children/{id}/reviews */
export const reviewRecordedSchema = z.object({ id: z.string(), next: nextReviewSchema })
