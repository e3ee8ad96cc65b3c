import { readJson, withActor } from '@/lib/server/api'
import { closeEpisode } from '@/lib/server/episodes'
import { recordId } from '@/lib/server/errors'
import { closeEpisodeSchema } from '@/lib/validation/episodes'

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  closeEpisode(actor, recordId(params.id, 'episode'), await readJson(request, closeEpisodeSchema)),
)
