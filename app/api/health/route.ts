// Liveness: the process answers. No database, no sign-in (a load balancer's probe).
export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
}
