import { download, readJson, withActor } from '@/lib/server/api'
import { matchAuthorityReturn, ssda903Csv } from '@/lib/server/ssda903'
import { ssda903UploadSchema } from '@/lib/validation/ssda903'

// The authority's Header and Episodes CSVs for the year: the match report (JSON), or with ?table=missing Haven's
// Missing table keyed by the authority's CHILD values (CSV, named not-ready while rows fail the join rules).
export const POST = withActor(async ({ request, actor }) => {
  const report = await matchAuthorityReturn(actor, await readJson(request, ssda903UploadSchema))
  if (new URL(request.url).searchParams.get('table') !== 'missing') return report
  const ready = report.failures.length === 0
  return download(
    `ssda903-${report.year}-missing${ready ? '' : '-not-ready'}.csv`,
    ssda903Csv('missing', report.missing),
  )
})
