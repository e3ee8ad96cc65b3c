// Looked-after reviews and the period of care: forms, server actions and API alike.
import { z } from 'zod'
import { PARTICIPATION } from '@/lib/domain/reviews'
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
