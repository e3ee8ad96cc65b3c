import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { proposeNotifiableEvent } from '@/lib/server/notifiable-event-proposals'
import { proposalSchema } from '@/lib/validation/notifiable-events'

/** "This may be a Regulation 40 event", from an exploitation screening: the registered person decides. */
export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(
    await proposeNotifiableEvent(
      actor,
      { screeningId: recordId(params.id, 'screening') },
      await readJson(request, proposalSchema),
    ),
    { status: 201 },
  ),
)
