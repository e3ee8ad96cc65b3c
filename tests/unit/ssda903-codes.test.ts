// The SSDA903 code lists: their meanings, and what the return refuses by collection year.
import { describe, expect, it } from 'vitest'
import {
  collectionYearName,
  collectionYearOn,
  legalStatusesFor,
  legalStatusProblem,
  PLACEMENT_TYPES,
  placeCodeRefusedFrom,
  placeCodeWithdrawnFrom,
  placementTypesFor,
} from '@/lib/domain/ssda903'
import { RULES_BY_YEAR } from '@/lib/domain/ssda903-rules'
import { UPN_UNKNOWN, upnOrReasonProblem } from '@/lib/domain/ssda903-rules/identifiers'

describe('placement types by collection year (DfE rule 146)', () => {
  it('offers H5, P2 and Z1 up to 2024-25 and not from 2025-26, which also refuses them', () => {
    expect(Object.keys(placementTypesFor(2024))).toEqual(expect.arrayContaining(['H5', 'P2', 'Z1', 'K2']))
    for (const year of [2025, 2026]) {
      const offered = Object.keys(placementTypesFor(year))
      expect(offered).toEqual(expect.arrayContaining(['K1', 'K2', 'K3', 'U6']))
      for (const withdrawn of ['H5', 'P2', 'Z1']) expect(offered).not.toContain(withdrawn)
    }
    expect(placeCodeWithdrawnFrom('P2', 2026)).toBe(2025)
    expect(placeCodeWithdrawnFrom('P2', 2024)).toBeNull()
    expect(placeCodeWithdrawnFrom('K2', 2026)).toBeNull()
  })
  it('keeps every code a record may hold in words, withdrawn ones too', () => {
    expect(PLACEMENT_TYPES.H5).toMatch(/Semi-independent/)
    expect(PLACEMENT_TYPES.Z1).toBe('Other placement')
  })
  it('marks a placement with a withdrawn code only where a return that refuses it covers it', () => {
    expect(placeCodeRefusedFrom({ placeCode: 'P2', endDate: null }, 2026)).toBe(2025)
    expect(placeCodeRefusedFrom({ placeCode: 'H5', endDate: '2025-04-01' }, 2026)).toBe(2025)
    expect(placeCodeRefusedFrom({ placeCode: 'H5', endDate: '2025-03-31' }, 2026)).toBeNull()
    expect(placeCodeRefusedFrom({ placeCode: 'K2', endDate: null }, 2026)).toBeNull()
  })
  it('names collection years as the DfE does, from a UK day', () => {
    expect(collectionYearOn('2026-03-31')).toBe(2025)
    expect(collectionYearOn('2026-04-01')).toBe(2026)
    expect(collectionYearName(2025)).toBe('2025-26')
  })
  it('rule 146 says when a code was withdrawn, and passes a current code', () => {
    const rule146 = RULES_BY_YEAR[2025].find((r) => r.code === '146')!
    const context = { year: 2025, from: '2025-04-01', to: '2026-03-31' }
    const check = (PLACE: string) =>
      rule146.check({ header: [], episodes: [{ CHILD: 'A1', PLACE }], missing: [] }, context)
    expect(check('Z1').map((f) => f.problem)).toEqual(['PLACE "Z1" is no longer accepted from 2025-26'])
    expect(check('Q7').map((f) => f.problem)).toEqual(['PLACE "Q7" is not a DfE code'])
    expect(check('K3')).toEqual([])
  })
})

describe('the reasons a child has no UPN (UN1-UN5)', () => {
  it('are the DfE’s five, in its words, and accepted in place of a UPN; UN6 is not this return’s', () => {
    expect(Object.keys(UPN_UNKNOWN)).toEqual(['UN1', 'UN2', 'UN3', 'UN4', 'UN5'])
    expect(UPN_UNKNOWN.UN1).toMatch(/not of school age/)
    expect(UPN_UNKNOWN.UN2).toMatch(/never attended a maintained school in England/)
    expect(upnOrReasonProblem('un4')).toBeNull()
    expect(upnOrReasonProblem('UN6')).not.toBeNull()
  })
})

describe('legal statuses a new period of care may start with (DfE rule 445)', () => {
  it('has no freeing order (D1) after December 2005, and every other status', () => {
    expect(legalStatusProblem('D1', '2026-05-01')).toMatch(/placement order \(E1\)/)
    expect(legalStatusProblem('D1', '2005-12-31')).toBeNull()
    expect(legalStatusProblem('E1', '2026-05-01')).toBeNull()
    expect(Object.keys(legalStatusesFor('2026-05-01'))).not.toContain('D1')
    expect(Object.keys(legalStatusesFor('2026-05-01'))).toEqual(expect.arrayContaining(['C1', 'C2', 'E1', 'V2']))
  })
})
