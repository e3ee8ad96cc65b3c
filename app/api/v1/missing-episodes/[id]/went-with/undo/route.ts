import { readJson, withActor } from '@/lib/server/api'
import { undoWentWith } from '@/lib/server/episodes'
import { recordId } from '@/lib/server/errors'
import { linkEpisodeSchema } from '@/lib/validation/episodes'

/** Undoes a "went with" link made by mistake: the link stays on the record, marked undone (the episode page's undo). */
export const POST = withActor<{ id: string }>(async ({ request, actor, params }) => {
  const { otherEpisodeId } = await readJson(request, linkEpisodeSchema)
  return undoWentWith(actor, recordId(params.id, 'episode'), recordId(otherEpisodeId, 'episode'))
})
