import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { startPlacement } from '@/lib/server/placements'
import { placementStartSchema } from '@/lib/validation/children'

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(
    await startPlacement(actor, recordId(params.id, 'child'), await readJson(request, placementStartSchema)),
    { status: 201 },
  ),
)
