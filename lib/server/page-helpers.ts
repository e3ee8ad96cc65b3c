// For pages: use cases whose "not found" becomes Next's 404 page.
import { notFound } from 'next/navigation'
import { getChild } from './children'
import { requireActor } from './current-actor'
import { ForbiddenError, NotFoundError, recordId } from './errors'

export async function loadChildOr404(id: string) {
  const actor = await requireActor()
  try {
    return { actor, child: await getChild(actor, recordId(id, 'child')) }
  } catch (e) {
    if (e instanceof NotFoundError) notFound()
    throw e
  }
}

/** Any use case whose "not found" (or "not your role") becomes Next's 404 page. */
export async function orNotFound<T>(run: Promise<T>): Promise<T> {
  try {
    return await run
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) notFound()
    throw e
  }
}
