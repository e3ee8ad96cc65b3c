import { withActor } from '@/lib/server/api'
import { getChild } from '@/lib/server/children'

export const GET = withActor<{ id: string }>(({ actor, params }) => getChild(actor, params.id))
