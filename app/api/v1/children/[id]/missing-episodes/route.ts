import { readJson, withActor } from '@/lib/server/api'
import { listChildEpisodes, reportMissing } from '@/lib/server/episodes'
import { recordId } from '@/lib/server/errors'
import { reportMissingSchema } from '@/lib/validation/episodes'

export const GET = withActor<{ id: string }>(async ({ actor, params }) => ({
  episodes: await listChildEpisodes(actor, recordId(params.id, 'child')),
}))

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) => {
  const created = await reportMissing(actor, recordId(params.id, 'child'), await readJson(request, reportMissingSchema))
  return Response.json(created, { status: 201, headers: { Location: `/api/v1/missing-episodes/${created.id}` } })
})
