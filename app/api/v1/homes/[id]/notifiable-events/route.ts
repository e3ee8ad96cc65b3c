import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { listNotifiableEvents, recordNotifiableEvent } from '@/lib/server/notifiable-events'
import { notifiableEventSchema } from '@/lib/validation/notifiable-events'

/** The home's Regulation 40 notifiable events, newest first, each with who must be told and who was told. */
export const GET = withActor<{ id: string }>(async ({ actor, params }) =>
  listNotifiableEvents(actor, recordId(params.id, 'home')),
)

/** Records an event at the home, with the registered person's decision (or none yet: a proposal to decide). */
export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(
    await recordNotifiableEvent(actor, recordId(params.id, 'home'), await readJson(request, notifiableEventSchema)),
    { status: 201 },
  ),
)
