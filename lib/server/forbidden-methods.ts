// TRACE cannot even be turned into a fetch Request (the Fetch standard forbids it; Node itself refuses TRACK and
// CONNECT), so Next
// fails with a plain-text 500 before proxy.ts runs. The Node server answers them itself: 405, as problem details.
import http from 'node:http'
import { isShuttingDown, trackServer } from './shutdown'

const FORBIDDEN = new Set(['TRACE'])
const ALLOW = 'GET, HEAD, POST, DELETE, OPTIONS'

/** 405 for a request no route can answer; true when it was answered. */
export function refuseForbiddenMethod(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  if (!FORBIDDEN.has(request.method ?? '')) return false
  const body = JSON.stringify({
    type: 'about:blank',
    title: 'Method not allowed',
    status: 405,
    detail: `${request.method} is not allowed here.`,
  })
  response.writeHead(405, {
    Allow: ALLOW,
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  response.end(body)
  return true
}

/** Puts refuseForbiddenMethod in front of every HTTP server in this process (Next's own included), and makes each
 *  known to the graceful shutdown (shutdown.ts). */
export function guardHttpServers() {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the server as `this`
  const emit = http.Server.prototype.emit as (this: http.Server, event: string, ...args: unknown[]) => boolean
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === 'listening' || event === 'connection' || event === 'request') trackServer(this)
    if (event === 'request') {
      if (refuseForbiddenMethod(args[0] as http.IncomingMessage, args[1] as http.ServerResponse)) return true
      // answered, and the connection closed after it, so the proxy sends the next request to another server
      if (isShuttingDown()) (args[1] as http.ServerResponse).setHeader('Connection', 'close')
    }
    return emit.call(this, event, ...args)
  }
}
