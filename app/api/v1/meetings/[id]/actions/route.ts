import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { addMeetingAction } from '@/lib/server/meetings'
import { meetingActionSchema } from '@/lib/validation/meetings'

/** An action agreed for a meeting already recorded: what, who owns it, when it is due. */
export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(
    await addMeetingAction(actor, recordId(params.id, 'meeting'), await readJson(request, meetingActionSchema)),
    { status: 201 },
  ),
)
