import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { recordTold } from '@/lib/server/episode-protocol'
import { toldSchema } from '@/lib/validation/missing-protocols'

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(await recordTold(actor, recordId(params.id, 'episode'), await readJson(request, toldSchema)), {
    status: 201,
  }),
)
