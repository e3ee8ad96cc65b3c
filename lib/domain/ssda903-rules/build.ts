// The SSDA903 Header, Episodes and Missing rows for a collection year, from what Haven holds of each child. An episode
// starts with each placement and each change of legal status (DfE SSDA903 guide: a new episode for a change of
// placement, legal status or both); REASON_PLACE_CHANGE goes on the episode that ended with the move (rule 225).
import { returnDate } from '../ssda903-missing'
import { RETURN_SEX, type ReturnSexValue } from './header'
import { returnPostcode } from './identifiers'
import type { ReturnFailure, ReturnRow, ReturnTables } from './types'

export type ReturnChild = {
  id: string
  authorityRef: string | null
  /** as the return records it */
  sex: ReturnSexValue
  dateOfBirth: string
  ethnicity: string
  upn: string | null
  /** oldest first */
  periods: {
    start: string
    end: string | null
    homePostcode: string | null
    legalStatuses: { start: string; legalStatus: string; categoryOfNeed: string | null }[]
  }[]
  /** oldest first */
  placements: {
    start: string
    end: string | null
    endReason: string | null
    placeCode: string
    placeProvider: string
    reasonForChange: string | null
    postcode: string | null
    urn: string | null
  }[]
  /** dates in UK time; end null while still missing or away (or back after the year) */
  missing: { type: 'MISSING' | 'AWAY'; start: string; end: string | null }[]
}

type Episode = ReturnRow & { start: string; end: string | null }

/** The child's episodes of all time (the year is cut afterwards), oldest first. */
function episodesOf(c: ReturnChild, key: string): Episode[] {
  const out: Episode[] = []
  for (const p of c.placements) {
    const period =
      [...c.periods].reverse().find((q) => q.start <= p.start && (q.end === null || p.start <= q.end)) ?? null
    const statuses = period?.legalStatuses ?? []
    // the placement splits where the legal status changed during it
    const cuts = [p.start, ...statuses.map((s) => s.start).filter((d) => d > p.start && (p.end === null || d < p.end))]
    cuts.forEach((start, i) => {
      const status = [...statuses].reverse().find((s) => s.start <= start) ?? statuses[0]
      const before = out.at(-1)
      const continues = before && before.end === start && before.REC === 'X1'
      const placementChange = i === 0
      const statusChange = continues && before.LS !== (status?.legalStatus ?? '')
      const rne = !continues ? 'S' : placementChange ? (statusChange ? 'B' : 'P') : 'L'
      // rule 225: why the child moved is on the episode that ended with the move
      if (continues && placementChange) before.REASON_PLACE_CHANGE = p.reasonForChange ?? ''
      const end = cuts[i + 1] ?? p.end
      out.push({
        start,
        end,
        CHILD: key,
        DECOM: returnDate(start),
        RNE: rne,
        LS: status?.legalStatus ?? '',
        CIN: status?.categoryOfNeed ?? '',
        PLACE: p.placeCode,
        PLACE_PROVIDER: p.placeProvider,
        DEC: end ? returnDate(end) : '',
        REC: cuts[i + 1] ? 'X1' : (p.endReason ?? ''),
        REASON_PLACE_CHANGE: '',
        HOME_POST: returnPostcode(period?.homePostcode),
        PL_POST: returnPostcode(p.postcode),
        URN: p.urn ?? 'XXXXXXX',
      })
    })
  }
  return out
}

/**
 * The three tables for the year (1 April `from` to 31 March `to`, yyyy-mm-dd), keyed by the authority's reference
 * (Haven's id where there is none, with a failure saying so), and which child each CHILD value is.
 */
export function buildReturn(children: ReturnChild[], period: { from: string; to: string }) {
  const tables: ReturnTables = { header: [], episodes: [], missing: [] }
  const childOf = new Map<string, string>()
  const noReference: ReturnFailure[] = []
  for (const c of children) {
    const key = c.authorityRef ?? c.id
    childOf.set(key, c.id)
    const dob = returnDate(c.dateOfBirth)
    tables.header.push({
      CHILD: key,
      SEX: RETURN_SEX[c.sex].code,
      DOB: dob,
      ETHNIC: c.ethnicity,
      UPN: c.upn ?? '',
      MOTHER: '',
      MC_DOB: '',
    })
    if (!c.authorityRef)
      noReference.push({
        table: 'header',
        row: tables.header.length,
        child: key,
        rule: 'CHILD',
        problem: 'The authority’s reference for the child is not recorded: Haven’s own id is written instead',
        fix: 'Record the child’s reference in your case management system',
      })
    for (const e of episodesOf(c, key)) {
      if (e.start > period.to || (e.end !== null && e.end < period.from)) continue
      const endsInYear = e.end !== null && e.end <= period.to
      const row: ReturnRow = { ...e }
      delete row.start
      delete row.end
      if (!endsInYear) Object.assign(row, { DEC: '', REC: '', REASON_PLACE_CHANGE: '' })
      tables.episodes.push(row)
    }
    tables.missing.push(...missingRows(c, key, period))
  }
  return { tables, childOf, noReference }
}

/** The child's Missing table rows for the year, keyed by `key` (the authority's CHILD value). */
export const missingRows = (c: ReturnChild, key: string, period: { to: string }): ReturnRow[] =>
  c.missing.map((m) => ({
    CHILD: key,
    DOB: returnDate(c.dateOfBirth),
    MISSING: m.type === 'MISSING' ? 'M' : 'A',
    MIS_START: returnDate(m.start),
    MIS_END: m.end && m.end <= period.to ? returnDate(m.end) : '',
  }))
