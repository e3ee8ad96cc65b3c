import { describe, expect, it } from 'vitest'
import { attemptWaitMs } from '@/lib/domain/sign-in'
import { describeUserAgent } from '@/lib/domain/user-agent'
import { isCommonPassword } from '@/lib/server/common-passwords'
import { passwordProblem } from '@/lib/server/accounts'
import { servedOverHttps } from '@/lib/server/request'

const rule = { limit: 5, freeFailures: 2, slowDownMs: 5000, windowMs: 15 * 60_000 }
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 1, 9, 0, seconds))

describe('sign-in throttling', () => {
  it('lets the first failures through, then doubles the wait, then refuses until the oldest leaves the window', () => {
    expect(attemptWaitMs([], at(0), rule)).toBe(0)
    expect(attemptWaitMs([at(0)], at(1), rule)).toBe(0)
    expect(attemptWaitMs([at(0), at(1)], at(2), rule)).toBe(4000) // 5 s after the second failure
    expect(attemptWaitMs([at(0), at(1)], at(6), rule)).toBe(0)
    expect(attemptWaitMs([at(0), at(1), at(6)], at(7), rule)).toBe(9000) // then 10 s
    expect(attemptWaitMs([at(0), at(1), at(6), at(16), at(36)], at(40), rule)).toBe(15 * 60_000 - 40_000)
  })
})

describe('sessions in plain words', () => {
  it('names the browser and the device, not the raw string', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome on Android')
    expect(
      describeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iPhone')
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      ),
    ).toBe('Edge on Windows')
    expect(
      describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:132.0) Gecko/20100101 Firefox/132.0'),
    ).toBe('Firefox on Mac')
    expect(describeUserAgent('curl/8.5.0')).toBe('A program, not a browser')
    expect(describeUserAgent(null)).toBe('Unknown browser')
  })
})

describe('passwords', () => {
  it('refuses the most common passwords, also with digits and symbols added to reach the length', () => {
    expect(isCommonPassword('qwertyuiop123')).toBe(true)
    expect(passwordProblem('Password123456!')).toMatch(/most common/)
    expect(passwordProblem('iloveyou2026!!')).toMatch(/most common/)
    expect(passwordProblem('correct horse battery staple')).toBeNull()
    expect(passwordProblem('short')).toMatch(/at least 12 characters/)
  })
})

describe('Secure cookies', () => {
  const proto = (value: string) => new Headers({ 'x-forwarded-proto': value })
  it('when Haven is served over HTTPS, or a trusted proxy says so; the header alone is not believed', () => {
    expect(servedOverHttps(new Headers(), 0, { HAVEN_BASE_URL: 'https://haven.example.org' })).toBe(true)
    expect(servedOverHttps(proto('https'), 1, {})).toBe(true)
    expect(servedOverHttps(proto('https'), 0, {})).toBe(false)
    expect(servedOverHttps(proto('http'), 1, {})).toBe(false)
    expect(servedOverHttps(new Headers(), 0, { HAVEN_BASE_URL: 'http://localhost:3000' })).toBe(false)
  })
})
