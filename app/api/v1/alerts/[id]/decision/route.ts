import { readJson, withActor } from '@/lib/server/api'
import { decideOnAlert } from '@/lib/server/alerts'
import { recordId } from '@/lib/server/errors'
import { decisionSchema } from '@/lib/validation/alerts'

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(await decideOnAlert(actor, recordId(params.id, 'alert'), await readJson(request, decisionSchema)), {
    status: 201,
  }),
)
