import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { getReviews, recordReviewHeld } from '@/lib/server/reviews'
import { reviewHeldSchema } from '@/lib/validation/reviews'

/** When the child became looked after, the reviews held, and when the next is due (CPPCR 2010 reg 33). */
export const GET = withActor<{ id: string }>(async ({ actor, params }) =>
  getReviews(actor, recordId(params.id, 'child')),
)

/** A review held: heldOn, participation (SSDA903 PN0-PN7), outcome. */
export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(
    await recordReviewHeld(actor, recordId(params.id, 'child'), await readJson(request, reviewHeldSchema)),
    { status: 201 },
  ),
)
