import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { amendReferral } from '@/lib/server/referrals'
import { amendReferralSchema } from '@/lib/validation/meetings'

/** A correction, or a decision that came later (an NRM decision, a CAWN issued): the old value stays readable. */
export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(
    await amendReferral(actor, recordId(params.id, 'referral'), await readJson(request, amendReferralSchema)),
    { status: 201 },
  ),
)
