import { withActor } from '@/lib/server/api'
import { getEpisode } from '@/lib/server/episodes'
import { recordId } from '@/lib/server/errors'

export const GET = withActor<{ id: string }>(({ actor, params }) => getEpisode(actor, recordId(params.id, 'episode')))
