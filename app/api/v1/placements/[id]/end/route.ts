import { readJson, withActor } from '@/lib/server/api'
import { endPlacement } from '@/lib/server/placements'
import { placementEndSchema } from '@/lib/validation/children'

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  endPlacement(actor, params.id, await readJson(request, placementEndSchema)),
)
