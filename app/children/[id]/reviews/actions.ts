'use server'
import { runAction } from '@/lib/server/action'
import { recordId } from '@/lib/server/errors'
import { correctLookedAfterSince, recordReviewHeld } from '@/lib/server/reviews'
import { lookedAfterSinceSchema, reviewHeldSchema } from '@/lib/validation/reviews'

export async function recordReviewAction(childId: string, input: unknown) {
  return runAction(reviewHeldSchema, input, (actor, review) =>
    recordReviewHeld(actor, recordId(childId, 'child'), review),
  )
}

export async function correctLookedAfterSinceAction(childId: string, input: unknown) {
  return runAction(lookedAfterSinceSchema, input, (actor, correction) =>
    correctLookedAfterSince(actor, recordId(childId, 'child'), correction),
  )
}
