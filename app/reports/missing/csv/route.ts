import { download } from '@/lib/server/api'
import { withSignedIn } from '@/lib/server/current-actor'
import { parseInput } from '@/lib/server/errors'
import { missingReportCsv } from '@/lib/server/missing-report'
import { missingReportQuerySchema, reportTableSchema } from '@/lib/validation/reports'

/** One table of the missing-episode report as a CSV download, with the page's filters. */
export const GET = withSignedIn(async ({ actor, params }) => {
  const { filename, body } = await missingReportCsv(
    actor,
    parseInput(missingReportQuerySchema, params),
    parseInput(reportTableSchema, params).table,
  )
  return download(filename, body)
}, 'Sign in to download the report.')
