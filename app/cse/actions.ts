'use server'
import { z } from 'zod'
import { runAction } from '@/lib/server/action'
import { createPlanVersion, recordScreening, signOffPlan } from '@/lib/server/cse'
import { recordId } from '@/lib/server/errors'
import { planSchema, screeningSchema } from '@/lib/validation/cse'

export async function recordScreeningAction(childId: string, input: unknown) {
  return runAction(screeningSchema, input, (actor, screening) =>
    recordScreening(actor, recordId(childId, 'child'), screening),
  )
}
export async function createPlanAction(childId: string, input: unknown) {
  return runAction(planSchema, input, (actor, plan) => createPlanVersion(actor, recordId(childId, 'child'), plan))
}
export async function signOffPlanAction(planId: string) {
  return runAction(z.object({}), {}, (actor) => signOffPlan(actor, recordId(planId, 'safety plan')))
}
