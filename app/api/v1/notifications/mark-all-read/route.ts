import { readJson, withActor } from '@/lib/server/api'
import { markAllNotificationsRead } from '@/lib/server/notifications'
import { markAllReadSchema } from '@/lib/validation/alerts'

/** The inbox's "Mark all as read", up to the newest notification the client was shown. */
export const POST = withActor(async ({ request, actor }) => {
  const { upTo } = await readJson(request, markAllReadSchema)
  return markAllNotificationsRead(actor, { upTo: new Date(upTo) })
})
