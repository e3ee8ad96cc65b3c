'use server'
import { runAction } from '@/lib/server/action'
import { recordId } from '@/lib/server/errors'
import { proposeNotifiableEvent } from '@/lib/server/notifiable-events'
import { proposalSchema } from '@/lib/validation/notifiable-events'

export async function proposeFromEpisodeAction(episodeId: string, input: unknown) {
  return runAction(proposalSchema, input, (actor, proposal) =>
    proposeNotifiableEvent(actor, { episodeId: recordId(episodeId, 'episode') }, proposal),
  )
}
