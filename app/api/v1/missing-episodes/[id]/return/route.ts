import { readJson, withActor } from '@/lib/server/api'
import { recordReturn } from '@/lib/server/episodes'
import { recordId } from '@/lib/server/errors'
import { recordReturnSchema } from '@/lib/validation/episodes'

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(
    await recordReturn(actor, recordId(params.id, 'episode'), await readJson(request, recordReturnSchema)),
    { status: 201 },
  ),
)
