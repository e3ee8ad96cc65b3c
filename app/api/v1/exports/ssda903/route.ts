import { download, withActor } from '@/lib/server/api'
import { parseInput } from '@/lib/server/errors'
import { ssda903Download, ssda903Return } from '@/lib/server/ssda903'
import { ssda903QuerySchema } from '@/lib/validation/exports'

// Without table: the check report. With table: that table as CSV (all: the three in a zip), marked not ready to
// submit while rows fail the DfE's rules (the authority fixes and re-runs in its own system too).
export const GET = withActor(async ({ request, actor }) => {
  const query = parseInput(ssda903QuerySchema, Object.fromEntries(new URL(request.url).searchParams))
  const result = await ssda903Return(actor, { year: query.year, authorityId: query.authority })
  const counts = {
    header: result.tables.header.length,
    episodes: result.tables.episodes.length,
    missing: result.tables.missing.length,
  }
  if (!query.table)
    return {
      authority: result.authority,
      year: result.year,
      rulesYear: result.rulesYear,
      period: result.period,
      readyToSubmit: result.failures.length === 0,
      counts,
      failures: result.failures,
    }
  const file = ssda903Download(result, query.table)
  return download(file.filename, file.body, file.contentType)
})
