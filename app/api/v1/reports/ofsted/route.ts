import { can } from '@/lib/domain/permissions'
import { withActor } from '@/lib/server/api'
import { ForbiddenError, parseInput } from '@/lib/server/errors'
import { annexAFigures, homeInspectionFigures } from '@/lib/server/ofsted'
import { timelinessQuerySchema } from '@/lib/validation/return-interviews'

// The figures Ofsted asks for that the caller's roles cover: homes (for a period) and/or Annex A (the last 12 months).
export const GET = withActor(async ({ request, actor }) => {
  const homes = can(actor, 'report.ofsted-home')
  const annexA = can(actor, 'report.annex-a')
  if (!homes && !annexA)
    throw new ForbiddenError(
      'Ofsted figures are for registered managers, responsible individuals and LA missing leads.',
    )
  const period = homes ? parseInput(timelinessQuerySchema, Object.fromEntries(new URL(request.url).searchParams)) : null
  return {
    period,
    homes: period ? await homeInspectionFigures(actor, period) : null,
    annexA: annexA ? await annexAFigures(actor) : null,
  }
})
