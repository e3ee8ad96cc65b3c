import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { amendMeeting } from '@/lib/server/meeting-amendments'
import { amendMeetingSchema } from '@/lib/validation/meetings'

/** A correction of a meeting after it was saved: the old value stays readable beside the new one. */
export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(
    await amendMeeting(actor, recordId(params.id, 'meeting'), await readJson(request, amendMeetingSchema)),
    { status: 201 },
  ),
)
