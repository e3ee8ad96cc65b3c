// Each implemented SSDA903 rule with a passing and a failing example, for both collection years Haven holds.
import { describe, expect, it } from 'vitest'
import { checkReturn, RULES_BY_YEAR } from '@/lib/domain/ssda903-rules'
import { buildReturn, type ReturnChild } from '@/lib/domain/ssda903-rules/build'
import { ukPostcode, upnProblem, withCheckLetter } from '@/lib/domain/ssda903-rules/identifiers'
import { parseCsv } from '@/lib/domain/ssda903-rules/upload'
import type { ReturnRow } from '@/lib/domain/ssda903-rules'

const UPN = withCheckLetter('990201012345')
const header: ReturnRow = { CHILD: 'A1', SEX: 'M', DOB: '01/02/2012', ETHNIC: 'WBRI', UPN, MOTHER: '', MC_DOB: '' }
const episode: ReturnRow = {
  CHILD: 'A1',
  DECOM: '01/05/2025',
  RNE: 'S',
  LS: 'C2',
  CIN: 'N1',
  PLACE: 'K2',
  PLACE_PROVIDER: 'PR4',
  DEC: '01/09/2025',
  REC: 'X1',
  REASON_PLACE_CHANGE: 'CARPL',
  HOME_POST: 'NS1 2AB',
  PL_POST: 'NS4 7QD',
  URN: 'SC1',
}
const next: ReturnRow = { ...episode, DECOM: '01/09/2025', RNE: 'P', DEC: '', REC: '', REASON_PLACE_CHANGE: '' }

// rule: [what breaks it (Header row, Episodes rows)]
const FAILING: Record<string, { header?: ReturnRow; episodes?: ReturnRow[] }> = {
  '101': { header: { SEX: '1' } },
  '102': { header: { DOB: '31/02/2012' } },
  '103': { header: { ETHNIC: 'XXXX' } },
  '168': { header: { UPN: 'I123' } },
  '442': { header: { UPN: '' } },
  '141': { episodes: [{ DECOM: '2025-05-01' }, {}] },
  '143': { episodes: [{}, { RNE: 'Q' }] },
  '144': { episodes: [{ LS: 'Z9' }, {}] },
  '145': { episodes: [{ CIN: 'N9' }, { CIN: 'N9' }] },
  '146': { episodes: [{ PLACE: 'H5' }, {}] }, // withdrawn from 2025-26
  LS: { episodes: [{ LS: '' }, {}] },
  CIN: { episodes: [{}, { CIN: '' }] },
  '149': { episodes: [{ REC: 'X9' }, {}] },
  '1009': { episodes: [{ REASON_PLACE_CHANGE: 'NOPE' }, {}] },
  PLACE_PROVIDER: { episodes: [{ PLACE_PROVIDER: 'PR9' }, {}] },
  '353': { episodes: [{ DECOM: '01/05/1990' }, {}] },
  '356': { episodes: [{ DEC: '01/04/2025' }, { DECOM: '01/04/2025' }] },
  '445': { episodes: [{ LS: 'D1' }, {}] },
  '501': { episodes: [{ DEC: '01/10/2025' }, {}] },
  '504': { episodes: [{}, { CIN: 'N2' }] },
  '225': { episodes: [{ REASON_PLACE_CHANGE: '' }, {}] },
  '233': { episodes: [{}, { REASON_PLACE_CHANGE: 'CARPL' }] }, // the open episode
  HOME_POST: { episodes: [{ HOME_POST: '' }, {}] },
  PL_POST: { episodes: [{ PL_POST: 'NS4 7' }, {}] }, // a partial postcode
}

describe.each([2025, 2026])('the SSDA903 rules of %i', (year) => {
  const context = { year, from: `${year}-04-01`, to: `${year + 1}-03-31` }
  const run = (h: ReturnRow, e: ReturnRow[]) => checkReturn({ header: [h], episodes: e, missing: [] }, context)

  it('pass a return that follows them', () => {
    expect(run(header, [episode, next])).toEqual([])
  })
  it('leave blank codes and dates to other rules, and ask no UPN of a child only on short breaks, as the DfE does', () => {
    const blanks = { DECOM: '', RNE: '', PLACE: '', REC: '', PLACE_PROVIDER: '' }
    const failures = run(header, [{ ...episode, ...blanks }, next]).map((f) => f.rule)
    expect(failures.filter((r) => ['141', '143', '146', '149', 'PLACE_PROVIDER'].includes(r))).toEqual([])
    const shortBreaks = { ...episode, LS: 'V3' }
    expect(run({ ...header, UPN: '' }, [shortBreaks, { ...next, LS: 'V4' }]).map((f) => f.rule)).not.toContain('442')
    expect(run({ ...header, UPN: 'UN6' }, [episode, next]).map((f) => f.rule)).toContain('168')
    expect(run(header, [{ ...episode, REC: 'E47' }, next])).toEqual([])
  })
  it.each(RULES_BY_YEAR[year].map((r) => r.code))('rule %s fails the row that breaks it', (code) => {
    const broken = FAILING[code]
    expect(broken, `a failing example for rule ${code}`).toBeDefined()
    const e = broken.episodes ?? [{}, {}]
    const failures = run({ ...header, ...broken.header }, [
      { ...episode, ...e[0] },
      { ...next, ...e[1] },
    ])
    expect(failures.map((f) => f.rule)).toContain(code)
  })
})

describe('the identifiers', () => {
  it('checks a UPN’s check letter', () => {
    expect(upnProblem(UPN)).toBeNull()
    expect(upnProblem(`${UPN[0] === 'A' ? 'B' : 'A'}${UPN.slice(1)}`)).toMatch(/check letter/)
    expect(upnProblem(withCheckLetter('99020101234A'))).toBeNull() // a temporary UPN
  })
  it('reads UK postcodes in any spacing and case, and nothing else', () => {
    expect(ukPostcode(' sw1a1aa ')).toBe('SW1A 1AA')
    expect(ukPostcode('=1+2')).toBeNull()
  })
  it('reads quoted CSV fields, with commas, quotes and line breaks in them', () => {
    expect(parseCsv('\uFEFFchild,"name"\r\nA1,"Smith, ""Jo"""\nA2,x\n').rows).toEqual([
      { CHILD: 'A1', NAME: 'Smith, "Jo"' },
      { CHILD: 'A2', NAME: 'x' },
    ])
  })
})

describe('the episodes built from what Haven holds', () => {
  const child: ReturnChild = {
    id: 'c1',
    authorityRef: 'N1',
    sex: 'FEMALE',
    dateOfBirth: '2012-02-01',
    ethnicity: 'WBRI',
    upn: 'UN4',
    periods: [
      {
        start: '2025-05-01',
        end: null,
        homePostcode: 'NS1 2AB',
        legalStatuses: [
          { start: '2025-05-01', legalStatus: 'V2', categoryOfNeed: 'N4' },
          { start: '2025-07-01', legalStatus: 'C1', categoryOfNeed: 'N4' },
        ],
      },
    ],
    placements: [
      {
        start: '2025-05-01',
        end: '2025-09-01',
        endReason: 'X1',
        placeCode: 'U6',
        placeProvider: 'PR1',
        reasonForChange: null,
        postcode: 'NS2 6JP',
        urn: null,
      },
      {
        start: '2025-09-01',
        end: null,
        endReason: null,
        placeCode: 'K2',
        placeProvider: 'PR4',
        reasonForChange: 'CARPL',
        postcode: 'NS4 7QD',
        urn: 'SC1',
      },
    ],
    missing: [],
  }
  it('start one with each change of legal status or placement, the reason for a move on the episode that ended', () => {
    const { tables } = buildReturn([child], { from: '2025-04-01', to: '2026-03-31' })
    expect(tables.header[0]).toMatchObject({ CHILD: 'N1', SEX: 'F', UPN: 'UN4' })
    expect(tables.episodes.map((e) => [e.DECOM, e.RNE, e.LS, e.REC, e.REASON_PLACE_CHANGE, e.PL_POST])).toEqual([
      ['01/05/2025', 'S', 'V2', 'X1', '', 'NS2 6JP'],
      ['01/07/2025', 'L', 'C1', 'X1', 'CARPL', 'NS2 6JP'],
      ['01/09/2025', 'P', 'C1', '', '', 'NS4 7QD'],
    ])
    expect(tables.episodes.every((e) => e.HOME_POST === 'NS1 2AB' && e.CIN === 'N4')).toBe(true)
  })
})
