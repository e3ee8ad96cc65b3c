'use server'
import { runAction } from '@/lib/server/action'
import { recordId } from '@/lib/server/errors'
import { correctReturnDetails } from '@/lib/server/return-details'
import { returnDetailsSchema } from '@/lib/validation/children'

export async function correctReturnDetailsAction(childId: string, input: unknown) {
  return runAction(returnDetailsSchema, input, (actor, details) =>
    correctReturnDetails(actor, recordId(childId, 'child'), details),
  )
}
