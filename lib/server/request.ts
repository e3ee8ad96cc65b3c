// The client's address, for sign-in throttling per address. X-Forwarded-For can be set by anyone, so it is only
// believed as far as the reverse proxies Haven is told it sits behind (HAVEN_TRUSTED_PROXY_HOPS): the entry the
// nearest trusted proxy added. With no trusted proxy the address is unknown and only the per-account limit applies.
import { settings } from '@/lib/settings'

export function clientAddress(headers: Headers, trustedHops = settings.auth.trustedProxyHops): string | null {
  if (trustedHops < 1) return null
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
  return entries.length >= trustedHops ? entries[entries.length - trustedHops].slice(0, 64) : null
}

/**
 * Whether this request reached Haven over HTTPS, so its cookies are marked Secure: Haven's public address
 * (HAVEN_BASE_URL or AUTH_URL) is https, or a trusted reverse proxy (HAVEN_TRUSTED_PROXY_HOPS) says so in
 * X-Forwarded-Proto. Without a trusted proxy the header is not believed.
 */
export function servedOverHttps(
  headers: Headers,
  trustedHops = settings.auth.trustedProxyHops,
  env: Record<string, string | undefined> = process.env,
): boolean {
  if ([env.HAVEN_BASE_URL, env.AUTH_URL].some((url) => url?.startsWith('https://'))) return true
  if (trustedHops < 1) return false
  const entries = (headers.get('x-forwarded-proto') ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)
  return entries.length >= 1 && entries[Math.max(0, entries.length - trustedHops)] === 'https'
}
