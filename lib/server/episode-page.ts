// For the episode pages: the episode (and the child's social worker, for who may close it) or Next's 404.
import { notFound } from 'next/navigation'
import { requireActor } from './current-actor'
import { getEpisodeForPage } from './episodes'
import { NotFoundError, recordId } from './errors'

export async function loadEpisodeOr404(id: string) {
  const actor = await requireActor()
  try {
    return { actor, ...(await getEpisodeForPage(actor, recordId(id, 'episode'))) }
  } catch (e) {
    if (e instanceof NotFoundError) notFound()
    throw e
  }
}
