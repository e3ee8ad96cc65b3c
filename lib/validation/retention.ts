import { z } from 'zod'
import { requiredText } from './fields'

/** A person's decision on a child's case records that reached the end of their retention period. */
export const retentionDecisionSchema = z.object({
  decision: z.enum(['ERASE', 'KEEP'], { error: 'Choose erase or keep' }),
  reason: requiredText('the reason', 1000),
})
export type RetentionDecisionInput = z.infer<typeof retentionDecisionSchema>
