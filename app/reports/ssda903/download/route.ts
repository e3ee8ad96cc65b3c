import { currentActor } from '@/lib/server/current-actor'
import { ForbiddenError, NotFoundError, parseInput, ValidationError } from '@/lib/server/errors'
import { ssda903Csv, ssda903Return } from '@/lib/server/ssda903'
import { ssda903QuerySchema } from '@/lib/validation/exports'

/** One SSDA903 table as a CSV download, for the signed-in LA missing lead, once the Missing table passes the checks. */
export async function GET(request: Request) {
  const actor = await currentActor()
  if (!actor) return new Response('Sign in to download the return.', { status: 401 })
  try {
    const query = parseInput(ssda903QuerySchema, Object.fromEntries(new URL(request.url).searchParams))
    const result = await ssda903Return(actor, { year: query.year, authorityId: query.authority })
    if (!query.table || result.failures.length) return Response.redirect(new URL(`/reports/ssda903?year=${query.year}&authority=${encodeURIComponent(query.authority)}`, request.url), 303)
    return new Response(ssda903Csv(query.table, result.tables[query.table]), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="ssda903-${result.year}-${query.table}.csv"`, 'Cache-Control': 'private, no-store' },
    })
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) return new Response('Not found', { status: 404 })
    if (e instanceof ValidationError) return new Response(e.message, { status: 422 })
    throw e
  }
}
