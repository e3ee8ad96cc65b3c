import { readJson, withActor } from '@/lib/server/api'
import { getCseOverview, recordScreening } from '@/lib/server/cse'
import { recordId } from '@/lib/server/errors'
import { screeningSchema } from '@/lib/validation/cse'

export const GET = withActor<{ id: string }>(async ({ actor, params }) => {
  const { screenings, suggestions, flags } = await getCseOverview(actor, recordId(params.id, 'child'))
  return {
    screenings: screenings.map((s) => ({
      id: s.id,
      screenedAt: s.screenedAt.toISOString(),
      screenedBy: s.screenedBy,
      indicators: s.indicators,
      score: s.score,
      harmIndicators: s.harmIndicators,
      suggestedLevel: s.suggestedLevel,
      level: s.level,
      levelReason: s.levelReason,
      kinds: s.kinds,
      fullAssessmentPrompted: s.fullAssessmentPrompted,
      summary: s.summary,
    })),
    suggestions,
    flags,
  }
})

/** Records a screening; the response carries the suggested level and any language warnings. */
export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(await recordScreening(actor, recordId(params.id, 'child'), await readJson(request, screeningSchema)), {
    status: 201,
  }),
)
