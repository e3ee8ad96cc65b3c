import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { getInterview, recordOutcome } from '@/lib/server/return-interviews'
import { outcomeSchema } from '@/lib/validation/return-interviews'

export const GET = withActor<{ id: string }>(({ actor, params }) =>
  getInterview(actor, { episodeId: recordId(params.id, 'episode') }),
)

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(
    await recordOutcome(actor, { episodeId: recordId(params.id, 'episode') }, await readJson(request, outcomeSchema)),
    { status: 201 },
  ),
)
