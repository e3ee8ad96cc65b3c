// The authority's own SSDA903 Header and Episodes tables (as its case management system exports them) set beside
// Haven's: which of Haven's children each CHILD is (the reference first, then date of birth and name as proposals a
// person confirms, never a silent guess), what differs in a way that would break the return, and Haven's Missing
// table keyed by the authority's CHILD values, checked against the authority's episodes (the Missing table's join
// rules: 574, 575, 577, 578, 581 and the Header match, lib/domain/ssda903-missing.ts).
import { parseReturnDate, returnDate } from '../ssda903-missing'
import { checkMissing } from '.'
import { missingRows, type ReturnChild } from './build'
import type { ReturnFailure, ReturnRow, RuleContext } from './types'

/** Rows of a CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF) as objects keyed by the first row. */
export function parseCsv(text: string): { columns: string[]; rows: ReturnRow[] } {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  const body = text.replace(/^\uFEFF/, '')
  const endField = () => {
    record.push(field)
    field = ''
  }
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') endField()
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++
      endField()
      if (record.some((f) => f !== '')) records.push(record)
      record = []
    } else field += ch
  }
  record.push(field)
  if (record.some((f) => f !== '')) records.push(record)
  const columns = (records.shift() ?? []).map((c) => c.trim().toUpperCase())
  return {
    columns,
    rows: records.map((r) => Object.fromEntries(columns.map((c, i) => [c, (r[i] ?? '').trim()]))),
  }
}

export type HavenChild = ReturnChild & { firstName: string; lastName: string }

export type MatchReport = {
  /** Haven's child and the authority's CHILD, and how they were matched */
  matched: { childId: string; child: string; by: 'reference' | 'confirmed' }[]
  /** same date of birth (and name, where the file has one): for a person to confirm */
  proposals: { childId: string; child: string; reason: string }[]
  /** Haven's children the authority's Header does not hold */
  unmatched: string[]
  differences: { childId: string; child: string; field: string; haven: string; authority: string }[]
  /** Haven's Missing table keyed by the authority's CHILD values */
  missing: ReturnRow[]
  /** the Missing table checked against the authority's Header and Episodes */
  failures: ReturnFailure[]
}

const NAME_COLUMNS = [
  ['FORENAME', 'SURNAME'],
  ['FIRST_NAME', 'LAST_NAME'],
] as const
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/**
 * Matches Haven's children to the authority's Header rows and checks Haven's Missing table against the authority's
 * Episodes. `confirmed` are proposals a person has confirmed (CHILD value for each Haven child id).
 */
export function matchAuthorityReturn(
  haven: HavenChild[],
  authority: { header: ReturnRow[]; episodes: ReturnRow[] },
  confirmed: { childId: string; child: string }[],
  context: RuleContext,
): MatchReport {
  const byChild = new Map(authority.header.map((h) => [h.CHILD, h]))
  const taken = new Set<string>()
  const matched: MatchReport['matched'] = []
  const rest: HavenChild[] = []
  for (const c of haven) {
    if (c.authorityRef && byChild.has(c.authorityRef) && !taken.has(c.authorityRef)) {
      matched.push({ childId: c.id, child: c.authorityRef, by: 'reference' })
      taken.add(c.authorityRef)
    } else rest.push(c)
  }
  const names = NAME_COLUMNS.find(([f, l]) => authority.header.some((h) => f in h && l in h))
  const proposals: MatchReport['proposals'] = []
  const unmatched: string[] = []
  for (const c of rest) {
    const ok = confirmed.find((x) => x.childId === c.id && byChild.has(x.child) && !taken.has(x.child))
    if (ok) {
      matched.push({ childId: c.id, child: ok.child, by: 'confirmed' })
      taken.add(ok.child)
      continue
    }
    const dob = returnDate(c.dateOfBirth)
    const candidates = authority.header.filter(
      (h) =>
        !taken.has(h.CHILD) &&
        h.DOB === dob &&
        (!names || (same(h[names[0]] ?? '', c.firstName) && same(h[names[1]] ?? '', c.lastName))),
    )
    if (candidates.length === 0) unmatched.push(c.id)
    for (const h of candidates)
      proposals.push({
        childId: c.id,
        child: h.CHILD,
        reason: names ? 'Same date of birth and name' : 'Same date of birth (the file has no names)',
      })
  }

  const keyOf = new Map(matched.map((m) => [m.childId, m.child]))
  const differences: MatchReport['differences'] = []
  const missing: ReturnRow[] = []
  const episodesOf = new Map<string, ReturnRow[]>()
  for (const e of authority.episodes) episodesOf.set(e.CHILD, [...(episodesOf.get(e.CHILD) ?? []), e])
  for (const c of haven) {
    const key = keyOf.get(c.id)
    if (!key) continue
    const theirs = byChild.get(key)!
    const dob = returnDate(c.dateOfBirth)
    if (theirs.DOB !== dob)
      differences.push({ childId: c.id, child: key, field: 'DOB', haven: dob, authority: theirs.DOB ?? '' })
    // a placement that starts in the year should start an episode of theirs on the same day
    const starts = new Set((episodesOf.get(key) ?? []).map((e) => parseReturnDate(e.DECOM ?? '')))
    for (const p of c.placements)
      if (p.start >= context.from && p.start <= context.to && !starts.has(p.start))
        differences.push({
          childId: c.id,
          child: key,
          field: 'DECOM',
          haven: returnDate(p.start),
          authority: 'no episode starts that day',
        })
    missing.push(...missingRows(c, key, context))
  }
  const failures = checkMissing({ header: authority.header, episodes: authority.episodes, missing })
  return { matched, proposals, unmatched, differences, missing, failures }
}
