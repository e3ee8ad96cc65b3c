'use server'
import { runAction } from '@/lib/server/action'
import { recordId } from '@/lib/server/errors'
import { proposeNotifiableEvent } from '@/lib/server/notifiable-event-proposals'
import { proposalSchema } from '@/lib/validation/notifiable-events'

/** "This may be a Regulation 40 event", from a missing episode, a return interview or an exploitation screening. */
export async function proposeNotifiableEventAction(
  source: { episodeId: string } | { interviewId: string } | { screeningId: string },
  input: unknown,
) {
  const from =
    'episodeId' in source
      ? { episodeId: recordId(source.episodeId, 'episode') }
      : 'interviewId' in source
        ? { interviewId: recordId(source.interviewId, 'return interview') }
        : { screeningId: recordId(source.screeningId, 'screening') }
  return runAction(proposalSchema, input, (actor, proposal) => proposeNotifiableEvent(actor, from, proposal))
}
