import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { completeMeetingAction } from '@/lib/server/meetings'
import { completeActionSchema } from '@/lib/validation/meetings'

/** Marks the action completed (once), with the date and what was done. */
export const POST = withActor<{ id: string; actionId: string }>(async ({ request, actor, params }) =>
  completeMeetingAction(
    actor,
    recordId(params.id, 'meeting'),
    recordId(params.actionId, 'action'),
    await readJson(request, completeActionSchema),
  ),
)
