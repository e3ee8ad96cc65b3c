import { withActor } from '@/lib/server/api'
import { acknowledgeAlert } from '@/lib/server/alerts'
import { recordId } from '@/lib/server/errors'

export const POST = withActor<{ id: string }>(({ actor, params }) =>
  acknowledgeAlert(actor, recordId(params.id, 'alert')),
)
