// The client's address for sign-in throttling. Behind a reverse proxy (the supported set-up) it is the first
// X-Forwarded-For entry; Next's own server sets that header from the socket when there is no proxy.
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  return (forwarded || headers.get('x-real-ip') || 'unknown').slice(0, 64)
}
