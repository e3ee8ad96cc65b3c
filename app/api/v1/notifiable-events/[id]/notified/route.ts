import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { recordNotified } from '@/lib/server/notifiable-events'
import { notifiedSchema } from '@/lib/validation/notifiable-events'

/** One recipient told: who, when, how (by the person calling). */
export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(
    await recordNotified(actor, recordId(params.id, 'notifiable event'), await readJson(request, notifiedSchema)),
    { status: 201 },
  ),
)
