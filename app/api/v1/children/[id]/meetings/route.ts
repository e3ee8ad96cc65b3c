import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { listMeetings, recordMeeting } from '@/lib/server/meetings'
import { meetingSchema } from '@/lib/validation/meetings'

/** The child's strategy discussions and meetings with their actions, and what needs a meeting and has none. */
export const GET = withActor<{ id: string }>(async ({ actor, params }) =>
  listMeetings(actor, recordId(params.id, 'child')),
)

/** A meeting held: kind, date, participants, views, decisions, actions, and the episodes and alerts behind it. */
export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(await recordMeeting(actor, recordId(params.id, 'child'), await readJson(request, meetingSchema)), {
    status: 201,
  }),
)
