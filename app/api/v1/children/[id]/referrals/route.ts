import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { listReferrals, recordReferral } from '@/lib/server/referrals'
import { referralSchema } from '@/lib/validation/meetings'

/** The child's NRM referrals, Child Abduction Warning Notices and intelligence submitted to the police. */
export const GET = withActor<{ id: string }>(async ({ actor, params }) =>
  listReferrals(actor, recordId(params.id, 'child')),
)

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(await recordReferral(actor, recordId(params.id, 'child'), await readJson(request, referralSchema)), {
    status: 201,
  }),
)
