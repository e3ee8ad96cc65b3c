'use server'
import { z } from 'zod'
import { runAction } from '@/lib/server/action'
import { acknowledgeAlert, decideOnAlert, resolveAlert } from '@/lib/server/alerts'
import { recordId } from '@/lib/server/errors'
import { markAllNotificationsRead, markNotificationRead } from '@/lib/server/notifications'
import { recordAreaNotice } from '@/lib/server/placements'
import { areaNoticeSchema, decisionSchema, markAllReadSchema, resolveSchema } from '@/lib/validation/alerts'

const id = (value: string) => recordId(value, 'alert')

export async function acknowledgeAction(alertId: string) {
  return runAction(z.object({}), {}, (actor) => acknowledgeAlert(actor, id(alertId)))
}
export async function decisionAction(alertId: string, input: unknown) {
  return runAction(decisionSchema, input, (actor, decision) => decideOnAlert(actor, id(alertId), decision))
}
export async function resolveAction(alertId: string, input: unknown) {
  return runAction(resolveSchema, input, (actor, input) => resolveAlert(actor, id(alertId), input))
}
export async function markReadAction(notificationId: string) {
  return runAction(z.object({}), {}, (actor) => markNotificationRead(actor, recordId(notificationId, 'notification')))
}
export async function markAllReadAction(input: unknown) {
  return runAction(markAllReadSchema, input, (actor, { upTo }) =>
    markAllNotificationsRead(actor, { upTo: new Date(upTo) }),
  )
}
export async function areaNoticeAction(placementId: string, input: unknown) {
  return runAction(areaNoticeSchema, input, (actor, notice) =>
    recordAreaNotice(actor, recordId(placementId, 'placement'), notice),
  )
}
