// The device cookie: a browser that has signed in to an account keeps its own allowance of failed sign-ins there, so a
// stranger's guesses elsewhere never keep the owner out (lib/server/accounts.ts). One cookie per account, named by a
// hash of the e-mail; the value is a random device id and its HMAC (AUTH_SECRET) with the e-mail, so it cannot be
// made up or moved to another account.
import { createHash, randomBytes } from 'node:crypto'
import { settings } from '@/lib/settings'
import { sign, signatureMatches } from './secret'

const PURPOSE = 'device'

export const deviceCookieName = (email: string) =>
  `haven-device-${createHash('sha256').update(email).digest('hex').slice(0, 16)}`

/** The device id in a cookie value, if it was signed for this (normalised) e-mail. */
export function deviceIdFrom(value: string | null | undefined, email: string): string | null {
  const [id, signature, extra] = (value ?? '').split('.')
  return id && signature && extra === undefined && signatureMatches(PURPOSE, `${email}|${id}`, signature) ? id : null
}

export function deviceCookieValue(email: string, deviceId = randomBytes(16).toString('base64url')) {
  return `${deviceId}.${sign(PURPOSE, `${email}|${deviceId}`)}`
}

export const deviceCookieOptions = (secure: boolean) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure,
  path: '/',
  maxAge: settings.auth.deviceCookieDays * 24 * 3600,
})

/** A cookie's value from a Cookie header. */
export function readCookie(headers: Headers, name: string): string | null {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim())
  }
  return null
}
