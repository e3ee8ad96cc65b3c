import { withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { retryDelivery } from '@/lib/server/outbox'

/** Puts a message the dispatcher gave up on back in the outbox (system administrators). */
export const POST = withActor<{ id: string }>(async ({ actor, params }) =>
  retryDelivery(actor, recordId(params.id, 'message')),
)
