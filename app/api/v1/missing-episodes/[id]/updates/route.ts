import { readJson, withActor } from '@/lib/server/api'
import { addEpisodeUpdate } from '@/lib/server/episodes'
import { recordId } from '@/lib/server/errors'
import { episodeUpdateSchema } from '@/lib/validation/episodes'

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(
    await addEpisodeUpdate(actor, recordId(params.id, 'episode'), await readJson(request, episodeUpdateSchema)),
    { status: 201 },
  ),
)
