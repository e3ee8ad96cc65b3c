// Sign-in throttling: slow down, then refuse, repeated failures in one "bucket" (an account from unknown browsers, one
// known browser, an account through the API, an address), never lock the account itself: NIST SP 800-63B 5.2.2
// (rate limiting, not lockout that an attacker can trigger) and the OWASP Authentication Cheat Sheet (account lockout
// as a denial of service; device cookies).

export type ThrottleRule = { limit: number; freeFailures: number; slowDownMs: number; windowMs: number }

/**
 * How long (ms) before the next attempt in a bucket may be checked, given its failures in the window (oldest first):
 * free at first, then each further attempt waits twice as long as the one before, and at the limit none until the
 * oldest failure that counts leaves the window. 0: go ahead.
 */
export function attemptWaitMs(failures: Date[], now: Date, rule: ThrottleRule): number {
  const n = failures.length
  if (n >= rule.limit) return failures[n - rule.limit].getTime() + rule.windowMs - now.getTime()
  if (n < rule.freeFailures) return 0
  return Math.max(0, failures[n - 1].getTime() + rule.slowDownMs * 2 ** (n - rule.freeFailures) - now.getTime())
}
