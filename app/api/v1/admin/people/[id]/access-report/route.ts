import { getPersonAccessReport } from '@/lib/server/access-report'
import { withActor } from '@/lib/server/api'
import { parseInput, recordId } from '@/lib/server/errors'
import { accessPeriodSchema } from '@/lib/validation/access'

/** Everything the person read or changed in the period (?from=&to=), for an investigation. */
export const GET = withActor<{ id: string }>(async ({ request, actor, params }) => {
  const search = new URL(request.url).searchParams
  const query = parseInput(accessPeriodSchema, Object.fromEntries(search))
  return getPersonAccessReport(actor, recordId(params.id, 'person'), query)
})
