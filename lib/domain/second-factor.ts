// The second factor: time-based one-time passwords as RFC 6238 defines them (30-second steps, 6 digits, HMAC-SHA1,
// what authenticator apps use), each code accepted once only, and single-use recovery codes ("look-up secrets"):
// NIST SP 800-63B 5.1.2 and 5.1.4 (OTP devices: a code is not accepted a second time within its validity).
import { Secret, TOTP } from 'otpauth'
import type { Role } from './roles'

const PERIOD_SECONDS = 30

const totp = (secret: string, label = 'Haven') =>
  new TOTP({
    issuer: 'Haven',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  })

/** The address an authenticator app reads (from a link or typed as the secret alone). */
export const totpUri = (secret: string, email: string) => totp(secret, email).toString()

/** The code for a moment (tests and the e2e derive codes from a known secret with it). */
export const totpCode = (secret: string, at: Date) => totp(secret).generate({ timestamp: at.getTime() })

export const totpStep = (at: Date) => Math.floor(at.getTime() / (PERIOD_SECONDS * 1000))

/**
 * The step of a code if it is accepted: the code of a step at most `windowSteps` before or after now (a phone's clock
 * a little out), and later than the last step accepted (a code seen over a shoulder cannot be used again). Else null.
 */
export function acceptedTotpStep(
  secret: string,
  code: string,
  now: Date,
  windowSteps: number,
  lastStep: number | null,
): number | null {
  const digits = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(digits)) return null
  const delta = totp(secret).validate({ token: digits, timestamp: now.getTime(), window: windowSteps })
  if (delta === null) return null
  const step = totpStep(now) + delta
  return lastStep !== null && step <= lastStep ? null : step
}

/** A recovery code as typed: case, spaces and hyphens do not matter. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '')

/** Six digits are an authenticator code; anything else typed in the same box is tried as a recovery code. */
export const isAuthenticatorCode = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''))

/** Whether a person with these roles must use a second factor: any one of them on the required list. */
export const secondFactorRequired = (roles: Role[], requiredRoles: readonly Role[]) =>
  roles.some((role) => requiredRoles.includes(role))
