'use server'
import { z } from 'zod'
import { runAction } from '@/lib/server/action'
import { recordId } from '@/lib/server/errors'
import {
  addFollowUp,
  amendInterview,
  recordOffer,
  recordOutcome,
  recordPoliceSharing,
  recordPreventionInterview,
  setReturnInterviewService,
  setScreensRadicalisation,
} from '@/lib/server/return-interviews'
import {
  amendInterviewSchema,
  followUpSchema,
  offerSchema,
  outcomeSchema,
  policeSharingSchema,
  preventionSchema,
  serviceSchema,
} from '@/lib/validation/return-interviews'

const id = (value: string) => recordId(value, 'return interview')

export async function recordOfferAction(interviewId: string, input: unknown) {
  return runAction(offerSchema, input, (actor, offer) => recordOffer(actor, id(interviewId), offer))
}
export async function recordOutcomeAction(interviewId: string, input: unknown) {
  return runAction(outcomeSchema, input, (actor, outcome) => recordOutcome(actor, { id: id(interviewId) }, outcome))
}
export async function amendInterviewAction(interviewId: string, input: unknown) {
  return runAction(amendInterviewSchema, input, (actor, amendment) => amendInterview(actor, id(interviewId), amendment))
}
export async function addFollowUpAction(interviewId: string, input: unknown) {
  return runAction(followUpSchema, input, (actor, followUp) => addFollowUp(actor, id(interviewId), followUp))
}
export async function recordPoliceSharingAction(interviewId: string, input: unknown) {
  return runAction(policeSharingSchema, input, (actor, sharing) => recordPoliceSharing(actor, id(interviewId), sharing))
}
export async function recordPreventionAction(interviewId: string, input: unknown) {
  return runAction(preventionSchema, input, (actor, prevention) =>
    recordPreventionInterview(actor, id(interviewId), prevention),
  )
}
/** Whether the authority's children are screened for radicalisation too (the exploitation screening's kinds). */
export async function setScreensRadicalisationAction(localAuthorityId: string, on: boolean) {
  return runAction(z.boolean(), on, (actor, value) =>
    setScreensRadicalisation(actor, recordId(localAuthorityId, 'local authority'), value),
  )
}

export async function setServiceAction(localAuthorityId: string, input: unknown) {
  return runAction(serviceSchema, input, (actor, service) =>
    setReturnInterviewService(actor, recordId(localAuthorityId, 'local authority'), service),
  )
}
