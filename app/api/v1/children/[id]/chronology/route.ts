import { withActor } from '@/lib/server/api'
import { getChronology } from '@/lib/server/chronology'
import { parseInput, recordId } from '@/lib/server/errors'
import { chronologyQuerySchema } from '@/lib/validation/chronology'

export const GET = withActor<{ id: string }>(async ({ request, actor, params }) => {
  const search = new URL(request.url).searchParams
  const query = parseInput(chronologyQuerySchema, {
    kind: search.getAll('kind'),
    from: search.get('from') ?? undefined,
    to: search.get('to') ?? undefined,
  })
  return getChronology(actor, recordId(params.id, 'child'), { kinds: query.kind, from: query.from, to: query.to })
})
