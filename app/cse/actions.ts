'use server'
import { z } from 'zod'
import { runAction } from '@/lib/server/action'
import { completeReg40Task, createPlanVersion, recordReg40Notice, recordScreening, signOffPlan } from '@/lib/server/cse'
import { recordId } from '@/lib/server/errors'
import { planSchema, reg40NoticeSchema, screeningSchema } from '@/lib/validation/cse'

export async function recordScreeningAction(childId: string, input: unknown) {
  return runAction(screeningSchema, input, (actor, screening) => recordScreening(actor, recordId(childId, 'child'), screening))
}
export async function createPlanAction(childId: string, input: unknown) {
  return runAction(planSchema, input, (actor, plan) => createPlanVersion(actor, recordId(childId, 'child'), plan))
}
export async function signOffPlanAction(planId: string) {
  return runAction(z.object({}), {}, (actor) => signOffPlan(actor, recordId(planId, 'safety plan')))
}
export async function reg40NoticeAction(taskId: string, input: unknown) {
  return runAction(reg40NoticeSchema, input, (actor, notice) => recordReg40Notice(actor, recordId(taskId, 'notification task'), notice))
}
export async function completeReg40Action(taskId: string) {
  return runAction(z.object({}), {}, (actor) => completeReg40Task(actor, recordId(taskId, 'notification task')))
}
