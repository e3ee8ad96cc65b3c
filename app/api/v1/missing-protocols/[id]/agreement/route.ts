import { withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { approveProtocol } from '@/lib/server/missing-protocols'

/** The child's social worker agrees this version of the missing protocol (the page's "Agree" button). */
export const POST = withActor<{ id: string }>(async ({ actor, params }) =>
  approveProtocol(actor, recordId(params.id, 'missing protocol'), 'protocol.agree'),
)
