'use server'
// Server actions for a home's oversight: parse with the shared schema, call the use case, map the result.
import { runAction, runActionWithFile } from '@/lib/server/action'
import { recordId } from '@/lib/server/errors'
import { addAction, respondToAction } from '@/lib/server/oversight/visit-actions'
import { amendVisit } from '@/lib/server/oversight/visit-amendments'
import { addReportVersion, recordReportEvent } from '@/lib/server/oversight/visit-reports'
import { recordVisit } from '@/lib/server/oversight/visits'
import { endAppointment, registerIndependentPerson } from '@/lib/server/oversight/register'
import { recordLocationShare, recordReg45, recordReg46 } from '@/lib/server/oversight/reviews'
import {
  actionSchema,
  amendVisitSchema,
  endAppointmentSchema,
  independentPersonSchema,
  locationShareSchema,
  reg45Schema,
  reg46Schema,
  reportEventSchema,
  reportVersionSchema,
  responseFormSchema,
  visitSchema,
} from '@/lib/validation/oversight'

const home = (id: string) => recordId(id, 'home')
const visit = (id: string) => recordId(id, 'visit')

export async function registerPersonAction(homeId: string, input: unknown) {
  return runAction(independentPersonSchema, input, (actor, person) =>
    registerIndependentPerson(actor, home(homeId), person),
  )
}

export async function recordVisitAction(homeId: string, form: FormData) {
  return runActionWithFile(form, 'reportFile', visitSchema, (actor, input, file) =>
    recordVisit(actor, home(homeId), input, file),
  )
}
export async function addReportAction(visitId: string, form: FormData) {
  return runActionWithFile(form, 'reportFile', reportVersionSchema, (actor, input, file) =>
    addReportVersion(actor, visit(visitId), input, file),
  )
}
export async function reportEventAction(visitId: string, input: unknown) {
  return runAction(reportEventSchema, input, (actor, event) => recordReportEvent(actor, visit(visitId), event))
}
export async function addActionAction(visitId: string, input: unknown) {
  return runAction(actionSchema, input, (actor, action) => addAction(actor, visit(visitId), action))
}
export async function respondAction(input: unknown) {
  return runAction(responseFormSchema, input, (actor, { actionId, ...response }) =>
    respondToAction(actor, recordId(actionId, 'action'), response),
  )
}
export async function reg45Action(homeId: string, input: unknown) {
  return runAction(reg45Schema, input, (actor, review) => recordReg45(actor, home(homeId), review))
}
export async function reg46Action(homeId: string, input: unknown) {
  return runAction(reg46Schema, input, (actor, assessment) => recordReg46(actor, home(homeId), assessment))
}
export async function locationShareAction(homeId: string, input: unknown) {
  return runAction(locationShareSchema, input, (actor, share) => recordLocationShare(actor, home(homeId), share))
}
export async function amendVisitAction(visitId: string, input: unknown) {
  return runAction(amendVisitSchema, input, (actor, amendment) => amendVisit(actor, visit(visitId), amendment))
}
export async function endAppointmentAction(personId: string, input: unknown) {
  return runAction(endAppointmentSchema, input, (actor, end) =>
    endAppointment(actor, recordId(personId, 'independent person'), end),
  )
}
