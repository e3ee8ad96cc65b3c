import { readiness } from '@/lib/server/health'

// Readiness: 200 when this server can serve (database, migrations, dispatcher), 503 with the failing check otherwise.
export async function GET() {
  const result = await readiness()
  return Response.json(result, {
    status: result.status === 'ready' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  })
}
