import { withActor } from '@/lib/server/api'
import { listNotifications } from '@/lib/server/notifications'

/** The signed-in person's inbox. */
export const GET = withActor(async ({ actor }) => ({
  notifications: (await listNotifications(actor)).map((n) => ({
    ...n,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  })),
}))
