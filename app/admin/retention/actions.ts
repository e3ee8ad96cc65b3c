'use server'
import { runAction } from '@/lib/server/action'
import { recordId } from '@/lib/server/errors'
import { decideRetention } from '@/lib/server/retention'
import { retentionDecisionSchema } from '@/lib/validation/retention'

export async function decideRetentionAction(childId: string, input: unknown) {
  return runAction(retentionDecisionSchema, input, (actor, decision) =>
    decideRetention(actor, recordId(childId, 'child'), decision),
  )
}
