// What proxy.ts needs: the API's methods per address (from the OpenAPI document, so the two cannot disagree),
// the security headers every response carries, and which request id to believe.
import { settings } from '@/lib/settings'
import { openApiDocument } from '@/lib/validation/openapi'

let routes: { pattern: RegExp; methods: string[] }[] | undefined

/** The methods the API answers at this path ([] when there is no such endpoint); HEAD wherever GET is. */
export function apiMethods(path: string): string[] {
  routes ??= [
    ...Object.entries(openApiDocument().paths).map(([template, operations]) => ({
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
      methods: Object.keys(operations).map((m) => m.toUpperCase()),
    })),
    { pattern: /^\/api\/v1\/openapi\.json$/, methods: ['GET'] },
  ].map((r) => ({ ...r, methods: r.methods.includes('GET') ? [...r.methods, 'HEAD'] : r.methods }))
  return routes.find((r) => r.pattern.test(path))?.methods ?? []
}

/** A request id a proxy sent, if it is plain (letters, digits, `_.-`, up to 100): nothing else is believed or
 * logged. */
export function plainRequestId(sent: string | null | undefined): string | null {
  return sent && /^[\w.-]{1,100}$/.test(sent) ? sent : null
}

/** Served over HTTPS, directly or (HAVEN_TRUSTED_PROXY_HOPS set) as the nearest trusted proxy says. */
export function viaHttps(headers: Headers, protocol: string, trustedHops = settings.auth.trustedProxyHops): boolean {
  if (protocol === 'https:') return true
  if (trustedHops < 1) return false
  const entries = (headers.get('x-forwarded-proto') ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)
  return entries.length > 0 && entries[Math.max(0, entries.length - trustedHops)] === 'https'
}

/**
 * Scripts only from Haven with this request's nonce (Next puts it on its own; 'strict-dynamic' lets them load the
 * page's chunks). Styles may be inline: React and Recharts set style attributes, which a nonce cannot cover.
 */
export function contentSecurityPolicy(nonce: string, https: boolean) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
}

export function securityHeaders(headers: Headers, protocol: string, nonce: string): Record<string, string> {
  const https = viaHttps(headers, protocol)
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce, https),
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    // pages and API answers are about children: never kept by a browser or a proxy
    'Cache-Control': 'no-store',
  }
}
