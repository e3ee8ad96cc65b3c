// The SSDA903 return's validation rules, selected by collection year. Sources: DfE, "Children looked after return:
// guide" and its validation rules for 2025 to 2026 and 2026 to 2027 (read through the open-source lac_validator,
// which implements the DfE's rules per year); the Missing table's rules are lib/domain/ssda903-missing.ts.
import { checkMissingTable } from '../ssda903-missing'
import { EPISODE_RULES } from './episodes'
import { HEADER_RULES } from './header'
import type { ReturnFailure, ReturnTables, Rule, RuleContext } from './types'

export type { ReturnFailure, ReturnRow, ReturnTable, ReturnTables } from './types'

/** The rules of each collection year Haven holds (the key is the year the collection starts, 1 April). */
export const RULES_BY_YEAR: Record<number, Rule[]> = {
  2025: [...HEADER_RULES, ...EPISODE_RULES],
  2026: [...HEADER_RULES, ...EPISODE_RULES],
}

/** The Missing table's rules, numbered as the DfE numbers them (lib/domain/ssda903-missing.ts). */
export const MISSING_RULE_CODES = [
  '1004',
  '1005',
  '1006',
  '564',
  '565',
  '566',
  '567',
  '574',
  '575',
  '577',
  '578',
  '581',
  '586',
]

/** The year whose rules apply: the year asked for when Haven holds its rules, otherwise the nearest it holds. */
export function rulesYear(year: number) {
  const held = Object.keys(RULES_BY_YEAR).map(Number)
  return held.includes(year) ? year : year < Math.min(...held) ? Math.min(...held) : Math.max(...held)
}

/** Every failure of the year's rules on the three tables, in table then row order. */
export function checkReturn(tables: ReturnTables, context: RuleContext): ReturnFailure[] {
  const failures: ReturnFailure[] = RULES_BY_YEAR[rulesYear(context.year)].flatMap((rule) =>
    rule.check(tables, context).map((f) => ({ ...f, table: rule.table, rule: rule.code })),
  )
  const order = { header: 0, episodes: 1, missing: 2 }
  return [...failures, ...checkMissing(tables)].sort((a, b) => order[a.table] - order[b.table] || a.row - b.row)
}

/** The Missing table's rules, joined with the Header and Episodes tables given (Haven's or the authority's). */
export function checkMissing(tables: ReturnTables): ReturnFailure[] {
  return checkMissingTable({
    header: tables.header.map((h) => ({ CHILD: h.CHILD, DOB: h.DOB })),
    episodes: tables.episodes.map((e) => ({ CHILD: e.CHILD, DECOM: e.DECOM, DEC: e.DEC, REC: e.REC })),
    missing: tables.missing.map((m) => ({
      CHILD: m.CHILD,
      DOB: m.DOB,
      MISSING: m.MISSING,
      MIS_START: m.MIS_START,
      MIS_END: m.MIS_END,
    })),
  }).map((m) => ({ ...m, table: 'missing' as const }))
}
