import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { decideNotifiableEvent } from '@/lib/server/notifiable-events'
import { decisionSchema } from '@/lib/validation/notifiable-events'

/** The registered person's decision on a proposal: notify, or not notifiable with the reason. */
export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  decideNotifiableEvent(actor, recordId(params.id, 'notifiable event'), await readJson(request, decisionSchema)),
)
