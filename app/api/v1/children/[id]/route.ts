import { withActor } from '@/lib/server/api'
import { getChild } from '@/lib/server/children'
import { recordId } from '@/lib/server/errors'

export const GET = withActor<{ id: string }>(({ actor, params }) => getChild(actor, recordId(params.id, 'child')))
