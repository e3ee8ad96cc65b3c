import { readJson, withActor } from '@/lib/server/api'
import { resolveAlert } from '@/lib/server/alerts'
import { recordId } from '@/lib/server/errors'
import { resolveSchema } from '@/lib/validation/alerts'

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  resolveAlert(actor, recordId(params.id, 'alert'), await readJson(request, resolveSchema)),
)
