// A realistic case-management export for tests and the bench: the authority's SSDA903 Header and Episodes tables
// (the DfE's columns, plus the FORENAME and SURNAME columns such systems add) for Haven's children and many more that
// Haven never held, with deliberate mismatches: references missing in Haven, a date of birth that differs, and an
// episode that does not start when Haven's placement did.
import { toCsv } from '@/lib/domain/csv'
import { returnDate } from '@/lib/domain/ssda903-missing'
import { withCheckLetter } from '@/lib/domain/ssda903-rules/identifiers'

export type FixtureChild = {
  id: string
  authorityRef: string | null
  firstName: string
  lastName: string
  dateOfBirth: string
  placements: { start: string; end: string | null }[]
}

export type Mismatch = 'no-reference' | 'dob' | 'episode-start'

/**
 * The CSVs, with `total` children in all (Haven's first, then others). `mismatch` says what to break for which of
 * Haven's children; a child with no reference in Haven is written under the reference it should have had.
 */
export function caseManagementExport(haven: FixtureChild[], total: number, mismatch: Record<string, Mismatch> = {}) {
  const header: string[][] = []
  const episodes: string[][] = []
  const day = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10)
  haven.forEach((c, i) => {
    const ref = c.authorityRef ?? `CMS${String(i).padStart(5, '0')}`
    const dob = mismatch[c.id] === 'dob' ? day(c.dateOfBirth, 1) : c.dateOfBirth
    header.push([
      ref,
      'M',
      returnDate(dob),
      'WBRI',
      withCheckLetter(`990${String(i).padStart(9, '0')}`),
      c.firstName,
      c.lastName,
    ])
    c.placements.forEach((p, n) => {
      const start = mismatch[c.id] === 'episode-start' && n === 0 ? day(p.start, 3) : p.start
      episodes.push([
        ref,
        returnDate(start),
        n ? 'P' : 'S',
        'C2',
        'N1',
        'K2',
        'PR4',
        p.end ? returnDate(p.end) : '',
        p.end ? (c.placements[n + 1] ? 'X1' : 'E8') : '',
      ])
    })
  })
  for (let i = haven.length; i < total; i++) {
    const ref = `CMS${String(i).padStart(5, '0')}`
    const dob = day('2010-01-01', (i * 37) % 2500)
    header.push([ref, i % 2 ? 'F' : 'M', returnDate(dob), 'WBRI', 'UN4', `Child${i}`, `Other${i}`])
    episodes.push([ref, returnDate(day('2024-05-01', i % 300)), 'S', 'V2', 'N4', 'U6', 'PR1', '', ''])
  }
  return {
    header: toCsv(['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'FORENAME', 'SURNAME'], header),
    episodes: toCsv(['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC'], episodes),
  }
}
