import { download, withActor } from '@/lib/server/api'
import { parseInput } from '@/lib/server/errors'
import { missingReport, missingReportCsv } from '@/lib/server/missing-report'
import { missingReportQuerySchema, reportTableSchema } from '@/lib/validation/reports'

// The missing-episode report as JSON; with ?table=, that table as CSV.
export const GET = withActor(async ({ request, actor }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const query = parseInput(missingReportQuerySchema, params)
  if (params.table === undefined) return missingReport(actor, query)
  const { filename, body } = await missingReportCsv(actor, query, parseInput(reportTableSchema, params).table)
  return download(filename, body)
})
