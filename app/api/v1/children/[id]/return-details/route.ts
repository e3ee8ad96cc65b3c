import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { correctReturnDetails, getReturnDetails } from '@/lib/server/return-details'
import { returnDetailsSchema } from '@/lib/validation/children'

/** The child's details for the SSDA903 return: the authority's reference, UPN, home postcode, category of need. */
export const GET = withActor<{ id: string }>(async ({ actor, params }) =>
  getReturnDetails(actor, recordId(params.id, 'child')),
)

/** Corrects them (every field: blank clears one); which fields changed is audited. */
export const PUT = withActor<{ id: string }>(async ({ request, actor, params }) =>
  correctReturnDetails(actor, recordId(params.id, 'child'), await readJson(request, returnDetailsSchema)),
)
