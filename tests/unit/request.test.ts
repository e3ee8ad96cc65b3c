import { describe, expect, it } from 'vitest'
import { clientAddress } from '@/lib/server/request'

const headers = (xff?: string) => new Headers(xff ? { 'x-forwarded-for': xff } : {})

describe('the client address for throttling', () => {
  it('is unknown without a trusted proxy, whatever the request claims', () => {
    expect(clientAddress(headers('203.0.113.7'), 0)).toBeNull()
  })
  it('is the entry the nearest trusted proxy added, so a forged entry is ignored', () => {
    expect(clientAddress(headers('1.2.3.4, 203.0.113.7'), 1)).toBe('203.0.113.7')
    expect(clientAddress(headers('1.2.3.4, 203.0.113.7, 10.0.0.2'), 2)).toBe('203.0.113.7')
  })
  it('is unknown when fewer proxies added entries than are trusted', () => {
    expect(clientAddress(headers(), 1)).toBeNull()
    expect(clientAddress(headers('203.0.113.7'), 2)).toBeNull()
  })
})
