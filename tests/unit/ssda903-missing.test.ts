import { describe, expect, it } from 'vitest'
import { checkMissingTable, parseReturnDate, type EpisodeRow, type MissingRow } from '@/lib/domain/ssda903-missing'

const header = [{ CHILD: 'C1', DOB: '14/03/2011' }]
// in care from 01/04/2025; moved homes on 01/09/2025 (X1), care ended 01/02/2026 (E13)
const episodes: EpisodeRow[] = [
  { CHILD: 'C1', DECOM: '01/04/2025', DEC: '01/09/2025', REC: 'X1' },
  { CHILD: 'C1', DECOM: '01/09/2025', DEC: '01/02/2026', REC: 'E13' },
]
const row = (over: Partial<MissingRow> = {}): MissingRow => ({
  CHILD: 'C1',
  DOB: '14/03/2011',
  MISSING: 'M',
  MIS_START: '10/05/2025',
  MIS_END: '11/05/2025',
  ...over,
})
const rulesFor = (...missing: MissingRow[]) => checkMissingTable({ header, episodes, missing }).map((f) => f.rule)

describe('SSDA903 Missing table checks', () => {
  it('passes a clean table: missing and away, closed, back-to-back on the same day, one open in the current placement', () => {
    const missing = [
      row(),
      row({ MISSING: 'A', MIS_START: '11/05/2025', MIS_END: '12/05/2025' }),
      row({ MIS_START: '20/01/2026', MIS_END: '' }),
    ]
    const onlyOpenPlacement = [episodes[0], { CHILD: 'C1', DECOM: '01/09/2025', DEC: '', REC: '' }]
    expect(checkMissingTable({ header, episodes: onlyOpenPlacement, missing })).toEqual([])
  })

  it('1004 and 1005: dates must be real dd/mm/yyyy dates', () => {
    expect(parseReturnDate('29/02/2024')).toBe('2024-02-29')
    expect(parseReturnDate('29/02/2025')).toBeNull()
    expect(parseReturnDate('2025-05-10')).toBeNull()
    expect(rulesFor(row({ MIS_START: '31/04/2025' }))).toContain('1004')
    expect(rulesFor(row({ MIS_END: '12/13/2025' }))).toEqual(['1005'])
  })

  it('1006: MISSING is M or A', () => {
    expect(rulesFor(row({ MISSING: 'X' }))).toEqual(['1006'])
    expect(rulesFor(row({ MISSING: 'A' }))).toEqual([])
  })

  it('564, 565, 566: MISSING and the dates are filled in together', () => {
    expect(rulesFor(row({ MIS_START: '', MIS_END: '' }))).toEqual(['564'])
    expect(rulesFor(row({ MISSING: '' }))).toEqual(['565'])
    expect(rulesFor(row({ MISSING: '', MIS_START: '' }))).toEqual(['566'])
  })

  it('567: the end is not before the start', () => {
    expect(rulesFor(row({ MIS_START: '12/05/2025', MIS_END: '11/05/2025' }))).toEqual(['567'])
    expect(rulesFor(row({ MIS_START: '12/05/2025', MIS_END: '12/05/2025' }))).toEqual([])
  })

  it('574: periods do not overlap, and none starts while another is open', () => {
    expect(rulesFor(row(), row({ MIS_START: '10/05/2025', MIS_END: '13/05/2025' }))).toEqual(['574'])
    expect(
      rulesFor(row({ MIS_END: '', MIS_START: '01/06/2025' }), row({ MIS_START: '05/06/2025', MIS_END: '06/06/2025' })),
    ).toEqual(expect.arrayContaining(['574']))
    expect(
      checkMissingTable({
        header,
        episodes,
        missing: [row(), row({ MIS_START: '10/05/2025', MIS_END: '13/05/2025' })],
      })[0],
    ).toMatchObject({ row: 2, problem: 'This period overlaps row 1' })
  })

  it('575 and 577: an open period closes when the placement ends, or when care ends', () => {
    expect(rulesFor(row({ MIS_START: '20/08/2025', MIS_END: '' }))).toEqual(['575']) // the placement ended 01/09/2025 with a move (X1)
    expect(rulesFor(row({ MIS_START: '20/01/2026', MIS_END: '' }))).toEqual(['577']) // care ended 01/02/2026 (E13)
  })

  it('578 and 581: the period is inside a period of care', () => {
    expect(rulesFor(row({ MIS_START: '20/03/2025', MIS_END: '21/03/2025' }))).toEqual(['578', '581'])
    expect(rulesFor(row({ MIS_START: '31/01/2026', MIS_END: '03/02/2026' }))).toEqual(['581'])
  })

  it('586: not before the date of birth', () => {
    const young = [{ CHILD: 'C1', DOB: '14/03/2026' }]
    expect(
      checkMissingTable({ header: young, episodes, missing: [row({ DOB: '14/03/2026' })] }).map((f) => f.rule),
    ).toEqual(['586'])
  })

  it('every child is in the Header table with the same date of birth', () => {
    expect(rulesFor(row({ DOB: '15/03/2011' }))).toEqual(['header'])
    expect(rulesFor(row({ CHILD: 'C2' }))).toEqual(['header', '578', '581'])
    const [failure] = checkMissingTable({ header, episodes, missing: [row({ DOB: '15/03/2011' })] })
    expect(failure).toMatchObject({
      row: 1,
      child: 'C1',
      problem: "DOB 15/03/2011 differs from the Header table's 14/03/2011",
      fix: "Use the same date of birth as the child's Header row",
    })
  })
})
