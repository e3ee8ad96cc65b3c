import { getChildAccessReport } from '@/lib/server/access-report'
import { withActor } from '@/lib/server/api'
import { parseInput, recordId } from '@/lib/server/errors'
import { accessPeriodSchema } from '@/lib/validation/access'

/** Who read or changed the child's records in the period (?from=&to=, by default the last 12 months). */
export const GET = withActor<{ id: string }>(async ({ request, actor, params }) => {
  const search = new URL(request.url).searchParams
  const query = parseInput(accessPeriodSchema, Object.fromEntries(search))
  return getChildAccessReport(actor, recordId(params.id, 'child'), query)
})
