import { download } from '@/lib/server/api'
import { withSignedIn } from '@/lib/server/current-actor'
import { parseInput } from '@/lib/server/errors'
import { ssda903Download, ssda903Return } from '@/lib/server/ssda903'
import { ssda903QuerySchema } from '@/lib/validation/exports'

/**
 * One SSDA903 table as CSV, all three in a zip, or the failing rows, for the signed-in LA missing lead.
 */
export const GET = withSignedIn(async ({ request, actor, params }) => {
  const query = parseInput(ssda903QuerySchema, params)
  const result = await ssda903Return(actor, { year: query.year, authorityId: query.authority })
  if (!query.table)
    return Response.redirect(
      new URL(`/reports/ssda903?year=${query.year}&authority=${encodeURIComponent(query.authority)}`, request.url),
      303,
    )
  const file = ssda903Download(result, query.table)
  return download(file.filename, file.body, file.contentType)
}, 'Sign in to download the return.')
