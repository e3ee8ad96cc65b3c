import { readJson, withActor } from '@/lib/server/api'
import { amendEpisode } from '@/lib/server/episodes'
import { recordId } from '@/lib/server/errors'
import { amendEpisodeSchema } from '@/lib/validation/episodes'

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(
    await amendEpisode(actor, recordId(params.id, 'episode'), await readJson(request, amendEpisodeSchema)),
    { status: 201 },
  ),
)
