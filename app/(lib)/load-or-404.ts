// For pages: use cases whose "not found" becomes Next's 404 page (out of scope looks exactly like "does not exist").
import { notFound } from 'next/navigation'
import { getChild } from '@/lib/server/children'
import { getCseOverview } from '@/lib/server/cse'
import { requireActor } from '@/lib/server/current-actor'
import { getEpisodeForPage } from '@/lib/server/episodes'
import { ForbiddenError, NotFoundError, recordId } from '@/lib/server/errors'
import { getInterview } from '@/lib/server/return-interviews'

/** Any use case whose "not found" (or "not your role") becomes Next's 404 page. */
export async function orNotFound<T>(run: Promise<T>): Promise<T> {
  try {
    return await run
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) notFound()
    throw e
  }
}

/** Only "not found" (an id that is not one included) becomes the 404 page; anything else is the error page. */
export async function or404<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    if (e instanceof NotFoundError) notFound()
    throw e
  }
}

export async function loadChildOr404(id: string) {
  const actor = await requireActor()
  return { actor, child: await or404(() => getChild(actor, recordId(id, 'child'))) }
}

export async function loadCseOr404(childId: string) {
  const actor = await requireActor()
  return { actor, cse: await or404(() => getCseOverview(actor, recordId(childId, 'child'))) }
}

export async function loadEpisodeOr404(id: string) {
  const actor = await requireActor()
  return { actor, ...(await or404(() => getEpisodeForPage(actor, recordId(id, 'episode')))) }
}

export async function loadInterviewOr404(id: string) {
  const actor = await requireActor()
  return { actor, interview: await or404(() => getInterview(actor, { id: recordId(id, 'return interview') })) }
}
