import { describe, expect, it } from 'vitest'
import {
  acceptedTotpStep,
  normaliseRecoveryCode,
  secondFactorRequired,
  totpCode,
  totpStep,
} from '@/lib/domain/second-factor'

const SECRET = 'HAVENDEMOTOTPSECRETHAVENDEMOTOTP'
const now = new Date('2026-12-03T21:00:15Z')
const stepsAway = (n: number) => new Date(now.getTime() + n * 30_000)

describe('authenticator codes (RFC 6238)', () => {
  it('gives the RFC 6238 SHA-1 test vector', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s, 8 digits 94287082 (6 digits: 287082)
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
    expect(totpCode(rfcSecret, new Date(59_000))).toBe('287082')
  })

  it("accepts this step's code and one a step either side (a phone's clock a little out), not two away", () => {
    expect(acceptedTotpStep(SECRET, totpCode(SECRET, now), now, 1, null)).toBe(totpStep(now))
    expect(acceptedTotpStep(SECRET, totpCode(SECRET, stepsAway(-1)), now, 1, null)).toBe(totpStep(now) - 1)
    expect(acceptedTotpStep(SECRET, totpCode(SECRET, stepsAway(1)), now, 1, null)).toBe(totpStep(now) + 1)
    expect(acceptedTotpStep(SECRET, totpCode(SECRET, stepsAway(-2)), now, 1, null)).toBeNull()
    expect(acceptedTotpStep(SECRET, totpCode(SECRET, stepsAway(2)), now, 1, null)).toBeNull()
    expect(acceptedTotpStep(SECRET, totpCode(SECRET, stepsAway(-1)), now, 0, null)).toBeNull()
  })

  it('never accepts a code again, nor an earlier one, once a step has been used', () => {
    const code = totpCode(SECRET, now)
    expect(acceptedTotpStep(SECRET, code, now, 1, totpStep(now))).toBeNull()
    expect(acceptedTotpStep(SECRET, totpCode(SECRET, stepsAway(-1)), now, 1, totpStep(now))).toBeNull()
    expect(acceptedTotpStep(SECRET, totpCode(SECRET, stepsAway(1)), now, 1, totpStep(now))).toBe(totpStep(now) + 1)
  })

  it('takes "123 456" as typed and refuses anything that is not 6 digits', () => {
    const code = totpCode(SECRET, now)
    expect(acceptedTotpStep(SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now, 1, null)).toBe(totpStep(now))
    expect(acceptedTotpStep(SECRET, code.slice(0, 5), now, 1, null)).toBeNull()
    expect(acceptedTotpStep(SECRET, 'abcdef', now, 1, null)).toBeNull()
  })
})

describe('recovery codes and who must have a second factor', () => {
  it('reads a recovery code whatever its case, spaces or hyphens', () => {
    expect(normaliseRecoveryCode(' ABCDE-fghij ')).toBe('abcdefghij')
    expect(normaliseRecoveryCode('abcde fghij')).toBe('abcdefghij')
  })

  it('is required when any role held is on the list', () => {
    expect(secondFactorRequired(['CARE_WORKER', 'IRO'], ['IRO', 'SYSTEM_ADMIN'])).toBe(true)
    expect(secondFactorRequired(['CARE_WORKER'], ['IRO', 'SYSTEM_ADMIN'])).toBe(false)
    expect(secondFactorRequired(['IRO'], [])).toBe(false)
  })
})
