import { readJson, withActor } from '@/lib/server/api'
import { createPlanVersion, getCseOverview } from '@/lib/server/cse'
import { recordId } from '@/lib/server/errors'
import { isoDate } from '@/lib/domain/time'
import { planSchema } from '@/lib/validation/cse'

export const GET = withActor<{ id: string }>(async ({ actor, params }) => {
  const { plans } = await getCseOverview(actor, recordId(params.id, 'child'))
  return {
    plans: plans.map((p) => ({
      id: p.id,
      version: p.version,
      kinds: p.kinds,
      risks: p.risks,
      actions: p.actions,
      ifMissingPlaces: p.ifMissingPlaces,
      ifMissingPeople: p.ifMissingPeople,
      trustedAdults: p.trustedAdults,
      childsWords: p.childsWords,
      childAgrees: p.childAgrees,
      familyEngaged: p.familyEngaged,
      policeInvolved: p.policeInvolved,
      policeOfficer: p.policeOfficer,
      policeReference: p.policeReference,
      reviewDate: isoDate(p.reviewDate),
      createdAt: p.createdAt.toISOString(),
      createdBy: p.createdBy,
      signedOffAt: p.signedOffAt?.toISOString() ?? null,
      signedOffBy: p.signedOffBy,
    })),
  }
})

/** A new version of the plan; send basedOnVersion (0 for the first). */
export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(await createPlanVersion(actor, recordId(params.id, 'child'), await readJson(request, planSchema)), {
    status: 201,
  }),
)
