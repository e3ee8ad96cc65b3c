import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { recordStepDone } from '@/lib/server/episode-protocol'
import { stepDoneSchema } from '@/lib/validation/missing-protocols'

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(await recordStepDone(actor, recordId(params.id, 'episode'), await readJson(request, stepDoneSchema)), {
    status: 201,
  }),
)
