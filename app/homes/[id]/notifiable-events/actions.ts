'use server'
import { runAction } from '@/lib/server/action'
import { recordId } from '@/lib/server/errors'
import { decideNotifiableEvent, recordNotifiableEvent, recordNotified } from '@/lib/server/notifiable-events'
import { decisionSchema, notifiableEventSchema, notifiedSchema } from '@/lib/validation/notifiable-events'

export async function recordEventAction(homeId: string, input: unknown) {
  return runAction(notifiableEventSchema, input, (actor, event) =>
    recordNotifiableEvent(actor, recordId(homeId, 'home'), event),
  )
}
export async function decideAction(eventId: string, input: unknown) {
  return runAction(decisionSchema, input, (actor, decision) =>
    decideNotifiableEvent(actor, recordId(eventId, 'notifiable event'), decision),
  )
}
export async function notifiedAction(eventId: string, input: unknown) {
  return runAction(notifiedSchema, input, (actor, told) =>
    recordNotified(actor, recordId(eventId, 'notifiable event'), told),
  )
}
