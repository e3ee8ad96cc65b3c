// The client's address, for sign-in throttling per address. X-Forwarded-For can be set by anyone, so it is only
// believed as far as the reverse proxies Haven is told it sits behind (HAVEN_TRUSTED_PROXY_HOPS): the entry the
// nearest trusted proxy added. With no trusted proxy the address is unknown and only the per-account limit applies.
import { settings } from '@/lib/settings'

export function clientAddress(headers: Headers, trustedHops = settings.auth.trustedProxyHops): string | null {
  if (trustedHops < 1) return null
  const entries = (headers.get('x-forwarded-for') ?? '').split(',').map((e) => e.trim()).filter(Boolean)
  return entries.length >= trustedHops ? entries[entries.length - trustedHops].slice(0, 64) : null
}
