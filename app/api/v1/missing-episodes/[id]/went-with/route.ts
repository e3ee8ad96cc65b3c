import { readJson, withActor } from '@/lib/server/api'
import { linkEpisodes } from '@/lib/server/episodes'
import { recordId } from '@/lib/server/errors'
import { linkEpisodeSchema } from '@/lib/validation/episodes'

/** Another child went missing with this one: links their open episodes (the episode page's "Went with"). */
export const POST = withActor<{ id: string }>(async ({ request, actor, params }) => {
  const { otherEpisodeId } = await readJson(request, linkEpisodeSchema)
  return linkEpisodes(actor, recordId(params.id, 'episode'), recordId(otherEpisodeId, 'episode'))
})
