// Runs before every page and API route (Next 16 Proxy, on Node): refuses requests no route can answer sensibly
// (an unknown method, a path that is not valid percent-encoding) with a 4xx instead of a 500, and puts the
// security headers, with a fresh Content-Security-Policy nonce for Next's scripts, on every response. It also gives
// every request an id (the proxy's plain X-Request-Id, else a new one): pages, server actions and the API read it
// from the request's `x-request-id` header, and every response carries it back in X-Request-Id.
import { NextResponse, type NextRequest } from 'next/server'
import { apiMethods, plainRequestId, securityHeaders } from '@/lib/server/http'

/** What the pages answer: GET/HEAD, and POST for server actions (and sign-in under /api/auth). */
const PAGE_METHODS = ['GET', 'HEAD', 'POST']

function problem(status: number, title: string, detail: string, headers: Record<string, string>) {
  return NextResponse.json(
    { type: 'about:blank', title, status, detail },
    { status, headers: { ...headers, 'Content-Type': 'application/problem+json' } },
  )
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
  const requestId = plainRequestId(request.headers.get('x-request-id')) ?? crypto.randomUUID()
  const headers: Record<string, string> = {
    ...securityHeaders(request.headers, request.nextUrl.protocol, nonce),
    'X-Request-Id': requestId,
  }
  const path = request.nextUrl.pathname
  const isApi = path.startsWith('/api/')

  let decodable = true
  try {
    decodeURIComponent(path)
  } catch {
    decodable = false
  }
  if (!decodable) {
    if (isApi)
      return problem(
        400,
        'Bad request',
        'The address is not valid: it has a % that is not followed by two hexadecimal digits of UTF-8.',
        headers,
      )
    // the normal "page not found" page (nothing by that name can exist)
    const response = NextResponse.rewrite(new URL('/__not-found', request.url))
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
    return response
  }

  const allowed = path.startsWith('/api/v1/') ? apiMethods(path) : PAGE_METHODS
  if (!allowed.includes(request.method) && request.method !== 'OPTIONS') {
    if (allowed.length === 0) return problem(404, 'Not found', 'There is no API endpoint at this address.', headers)
    const response = isApi
      ? problem(405, 'Method not allowed', `${request.method} is not allowed here: use ${allowed.join(', ')}.`, {
          ...headers,
          Allow: allowed.join(', '),
        })
      : new NextResponse(null, { status: 405, headers: { ...headers, Allow: allowed.join(', ') } })
    return response
  }

  // Next reads the nonce from the request's Content-Security-Policy header and puts it on its own scripts
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy'])
  requestHeaders.set('x-request-id', requestId) // the audit events and log lines of this request carry it
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

export const config = {
  // static files keep Next's own long-lived cache headers (next.config.js gives them the rest)
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
}
