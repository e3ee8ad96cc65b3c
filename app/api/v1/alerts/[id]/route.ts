import { withActor } from '@/lib/server/api'
import { getAlert } from '@/lib/server/alerts'
import { recordId } from '@/lib/server/errors'

export const GET = withActor<{ id: string }>(({ actor, params }) => getAlert(actor, recordId(params.id, 'alert')))
