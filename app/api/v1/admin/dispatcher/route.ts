import { withActor } from '@/lib/server/api'
import { dispatcherState } from '@/lib/server/outbox'

/** The e-mail outbox's state (system administrators). */
export const GET = withActor(async ({ actor }) => dispatcherState(actor))
