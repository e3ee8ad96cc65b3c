// For the episode pages: the episode or Next's 404.
import { notFound } from 'next/navigation'
import { requireActor } from './current-actor'
import { getEpisode } from './episodes'
import { NotFoundError, recordId } from './errors'

export async function loadEpisodeOr404(id: string) {
  const actor = await requireActor()
  try {
    return { actor, episode: await getEpisode(actor, recordId(id, 'episode')) }
  } catch (e) {
    if (e instanceof NotFoundError) notFound()
    throw e
  }
}
