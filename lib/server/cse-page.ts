import { notFound } from 'next/navigation'
import { requireActor } from './current-actor'
import { getCseOverview } from './cse'
import { NotFoundError, recordId } from './errors'

export async function loadCseOr404(childId: string) {
  const actor = await requireActor()
  try {
    return { actor, cse: await getCseOverview(actor, recordId(childId, 'child')) }
  } catch (e) {
    if (e instanceof NotFoundError) notFound()
    throw e
  }
}
