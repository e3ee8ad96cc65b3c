// The SSDA903 code lists: their meanings, and what the return refuses by collection year.
import { describe, expect, it } from 'vitest'
import { UPN_UNKNOWN, upnOrReasonProblem } from '@/lib/domain/ssda903-rules/identifiers'

describe('the reasons a child has no UPN (UN1-UN5)', () => {
  it('are the DfE’s five, in its words, and accepted in place of a UPN; UN6 is not this return’s', () => {
    expect(Object.keys(UPN_UNKNOWN)).toEqual(['UN1', 'UN2', 'UN3', 'UN4', 'UN5'])
    expect(UPN_UNKNOWN.UN1).toMatch(/not of school age/)
    expect(UPN_UNKNOWN.UN2).toMatch(/never attended a maintained school in England/)
    expect(upnOrReasonProblem('un4')).toBeNull()
    expect(upnOrReasonProblem('UN6')).not.toBeNull()
  })
})
