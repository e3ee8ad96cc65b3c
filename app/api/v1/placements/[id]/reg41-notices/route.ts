import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { recordReg41Notice } from '@/lib/server/placements'
import { reg41NoticeSchema } from '@/lib/validation/children'

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  recordReg41Notice(actor, recordId(params.id, 'placement'), await readJson(request, reg41NoticeSchema)),
)
