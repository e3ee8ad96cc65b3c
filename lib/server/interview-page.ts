import { notFound } from 'next/navigation'
import { requireActor } from './current-actor'
import { NotFoundError, recordId } from './errors'
import { getInterview } from './return-interviews'

export async function loadInterviewOr404(id: string) {
  const actor = await requireActor()
  try {
    return { actor, interview: await getInterview(actor, { id: recordId(id, 'return interview') }) }
  } catch (e) {
    if (e instanceof NotFoundError) notFound()
    throw e
  }
}
