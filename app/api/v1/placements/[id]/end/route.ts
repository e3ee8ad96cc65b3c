import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { endPlacement } from '@/lib/server/placements'
import { placementEndSchema } from '@/lib/validation/children'

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  endPlacement(actor, recordId(params.id, 'placement'), await readJson(request, placementEndSchema)),
)
