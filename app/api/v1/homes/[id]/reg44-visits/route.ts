import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { listVisits, recordVisit } from '@/lib/server/oversight/visits'
import { visitSchema } from '@/lib/validation/oversight'

/** The home's Regulation 44 visits, newest first, with reports, where they went, and actions. */
export const GET = withActor<{ id: string }>(async ({ actor, params }) =>
  listVisits(actor, recordId(params.id, 'home')),
)

/** Records a visit (the report as text; files are uploaded on the visit's page). */
export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(await recordVisit(actor, recordId(params.id, 'home'), await readJson(request, visitSchema)), {
    status: 201,
  }),
)
