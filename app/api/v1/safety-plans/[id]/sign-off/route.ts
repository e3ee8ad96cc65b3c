import { withActor } from '@/lib/server/api'
import { signOffPlan } from '@/lib/server/cse'
import { recordId } from '@/lib/server/errors'

export const POST = withActor<{ id: string }>(({ actor, params }) =>
  signOffPlan(actor, recordId(params.id, 'safety plan')),
)
