// The DfE's validation rules on the SSDA903 Episodes table that concern the columns Haven writes. Rule numbers,
// messages and conditions as the DfE's validator implements them per collection year (csc-validator-be-903, the
// DfE-supported open-source lac_validator: lac_validator/rules/lac<year>/rule_<number>.py, each year's folder changing
// the last's).
import { parseReturnDate, returnDate } from '../ssda903-missing'
import {
  collectionYearName,
  LEGAL_STATUS,
  PLACEMENT_CHANGE_REASONS,
  PLACEMENT_END_REASONS,
  PLACEMENT_PROVIDERS,
  placeCodeWithdrawnFrom,
} from '../ssda903'
import { CATEGORY_OF_NEED, isReturnPostcode } from './identifiers'
import { eachRow, filled, type ReturnRow, type ReturnTables, type Rule } from './types'

/** RNE: why a new episode started. */
export const NEW_EPISODE_REASONS: Record<string, string> = {
  S: 'Started to be looked after',
  L: 'Change of legal status only',
  P: 'Change of placement only',
  B: 'Change of legal status and placement at the same time',
  T: 'Change of placement and carer within the same placement type',
  U: 'Change of legal status and placement and carer at the same time',
}

/** PLACE codes rule 146 accepts from the 2025-26 collection on (lac2025_26/rule_146.py, unchanged in 2026-27): H5, P2
 * and Z1 were withdrawn, Z11-Z14 added. */
const PLACE_CODES_FROM_2025 = [
  ...['A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'K3', 'P1', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1'],
  ...['T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z11', 'Z12', 'Z13', 'Z14'],
]

/** REC codes rule 149 accepts (lac2022_23/rule_149.py, unchanged since): Haven's list and the adoption and child
 * arrangements codes Haven does not record (E11, E12, E47, E48). */
const REC_CODES = [...Object.keys(PLACEMENT_END_REASONS), 'E11', 'E12', 'E47', 'E48']

/** A rule that a code column holds a code of its list; blank is left to other rules, as the DfE's code rules do. */
const codeRule = (code: string, column: string, codes: string[], what: string): Rule => ({
  code,
  table: 'episodes',
  message: `${what} is not a valid code`,
  check: eachRow('episodes', (r) =>
    !filled(r[column]) || codes.includes(r[column])
      ? null
      : { problem: `${column} "${r[column] ?? ''}" is not a DfE code`, fix: `Record the ${what.toLowerCase()}` },
  ),
})

/** Haven's own check that a column it must fill is not blank (the DfE's code rules let a blank through). */
const requiredRule = (column: string, what: string): Rule => ({
  code: column,
  table: 'episodes',
  message: `${what} is blank`,
  check: eachRow('episodes', (r) =>
    filled(r[column]) ? null : { problem: `${column} is blank`, fix: `Record the ${what.toLowerCase()}` },
  ),
})

type Indexed = { row: number; r: ReturnRow; start: string | null; end: string | null }

/** Each child's episodes in date order, with their row numbers. */
function byChild(tables: ReturnTables) {
  const children = new Map<string, Indexed[]>()
  tables.episodes.forEach((r, i) => {
    const list = children.get(r.CHILD) ?? []
    list.push({
      row: i + 1,
      r,
      start: parseReturnDate(r.DECOM ?? ''),
      end: filled(r.DEC) ? parseReturnDate(r.DEC) : null,
    })
    children.set(r.CHILD, list)
  })
  for (const list of children.values()) list.sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''))
  return [...children.entries()]
}

/** Failures over consecutive episodes of each child. */
const pairs =
  (test: (e: Indexed, next: Indexed) => { on: Indexed; problem: string; fix: string } | null) =>
  (tables: ReturnTables) =>
    byChild(tables).flatMap(([child, list]) =>
      list.slice(1).flatMap((next, i) => {
        const found = test(list[i], next)
        return found ? [{ row: found.on.row, child, problem: found.problem, fix: found.fix }] : []
      }),
    )

const postcodeRule = (column: 'HOME_POST' | 'PL_POST', what: string): Rule => ({
  code: column,
  table: 'episodes',
  message: `${what} is missing or not a partial UK postcode`,
  check: eachRow('episodes', (r) =>
    isReturnPostcode(r[column] ?? '')
      ? null
      : {
          problem: filled(r[column]) ? `${column} "${r[column]}" is not a UK postcode` : `${column} is blank`,
          fix: `Record the ${what.toLowerCase()}`,
        },
  ),
})

export const EPISODE_RULES: Rule[] = [
  // lac2022_23/rule_141.py: a DECOM given that is not a dd/mm/yyyy date (a blank one is not this rule's)
  {
    code: '141',
    table: 'episodes',
    message: 'Date episode began is not a valid date',
    check: eachRow('episodes', (r) =>
      !filled(r.DECOM) || parseReturnDate(r.DECOM)
        ? null
        : { problem: `DECOM "${r.DECOM}" is not a valid date`, fix: 'Correct the start of the placement' },
    ),
  },
  codeRule('143', 'RNE', Object.keys(NEW_EPISODE_REASONS), 'Reason for new episode'), // lac2022_23/rule_143.py
  codeRule('144', 'LS', Object.keys(LEGAL_STATUS), 'Legal status'), // lac2022_23/rule_144.py
  codeRule('145', 'CIN', Object.keys(CATEGORY_OF_NEED), 'Category of need'),
  // lac2025_26/rule_146.py: a code the DfE withdrew says so, with the year
  {
    code: '146',
    table: 'episodes',
    message: 'Placement type code is not a valid code',
    check: eachRow('episodes', (r, context) => {
      if (!filled(r.PLACE) || PLACE_CODES_FROM_2025.includes(r.PLACE)) return null
      const withdrawn = placeCodeWithdrawnFrom(r.PLACE, context.year)
      return {
        problem:
          withdrawn === null
            ? `PLACE "${r.PLACE}" is not a DfE code`
            : `PLACE "${r.PLACE}" is no longer accepted from ${collectionYearName(withdrawn)}`,
        fix: 'Record the placement type as one of the current codes, in your case management system too',
      }
    }),
  },
  codeRule('149', 'REC', REC_CODES, 'Reason episode ceased'),
  codeRule('1009', 'REASON_PLACE_CHANGE', Object.keys(PLACEMENT_CHANGE_REASONS), 'Reason for placement change'),
  codeRule('PLACE_PROVIDER', 'PLACE_PROVIDER', Object.keys(PLACEMENT_PROVIDERS), 'Placement provider'),
  requiredRule('LS', 'Legal status'),
  requiredRule('CIN', 'Category of need'),
  {
    code: '353',
    table: 'episodes',
    message: 'No episode submitted can start before 14 October 1991',
    check: eachRow('episodes', (r) => {
      const start = parseReturnDate(r.DECOM ?? '')
      return start && start < '1991-10-14'
        ? { problem: `DECOM ${r.DECOM} is before 14/10/1991`, fix: 'Correct the start of the placement' }
        : null
    }),
  },
  {
    code: '356',
    table: 'episodes',
    message: 'The date the episode ceased is before the date the same episode started',
    check: eachRow('episodes', (r) => {
      const start = parseReturnDate(r.DECOM ?? '')
      const end = filled(r.DEC) ? parseReturnDate(r.DEC) : null
      return start && end && end < start
        ? { problem: `DEC ${r.DEC} is before DECOM ${r.DECOM}`, fix: 'Correct the end of the placement' }
        : null
    }),
  },
  {
    code: '445',
    table: 'episodes',
    message: 'D1 is not a valid code for episodes starting after December 2005',
    check: eachRow('episodes', (r) =>
      r.LS === 'D1' && (parseReturnDate(r.DECOM ?? '') ?? '') > '2005-12-31'
        ? { problem: 'LS D1 (freeing order) after December 2005', fix: 'Use E1 (placement order granted)' }
        : null,
    ),
  },
  {
    code: '501',
    table: 'episodes',
    message: 'A new episode has started before the end date of the previous episode',
    check: pairs((e, next) =>
      e.end && next.start && next.start < e.end
        ? {
            on: next,
            problem: `DECOM ${next.r.DECOM} is before the previous episode ended (${returnDate(e.end)})`,
            fix: 'Correct the placements so they do not overlap',
          }
        : null,
    ),
  },
  {
    code: '504',
    table: 'episodes',
    message: 'The category of need code differs from that reported at start of current period of being looked after',
    check: (tables) =>
      byChild(tables).flatMap(([child, list]) => {
        let first = ''
        return list.flatMap((e) => {
          if (e.r.RNE === 'S' || !first) first = e.r.CIN ?? ''
          return e.r.CIN === first
            ? []
            : [
                {
                  row: e.row,
                  child,
                  problem: `CIN ${e.r.CIN} differs from ${first} at the start of the period of care`,
                  fix: 'Give one category of need for the period of care',
                },
              ]
        })
      }),
  },
  {
    code: '225',
    table: 'episodes',
    message: 'Reason for placement change must be recorded on the episode that ended with a change of placement',
    check: pairs((e, next) =>
      e.r.REC === 'X1' && ['P', 'B', 'T', 'U'].includes(next.r.RNE) && !filled(e.r.REASON_PLACE_CHANGE)
        ? {
            on: e,
            problem: `The placement ended (X1) and the next starts with RNE ${next.r.RNE}, but REASON_PLACE_CHANGE is blank`,
            fix: 'Record why the child moved, on the next placement',
          }
        : null,
    ),
  },
  {
    // lac2022_23/rule_233.py
    code: '233',
    table: 'episodes',
    message: 'Reason for placement change is not required when the episode has not ceased',
    check: eachRow('episodes', (r) =>
      !filled(r.DEC) && filled(r.REASON_PLACE_CHANGE)
        ? {
            problem: `REASON_PLACE_CHANGE ${r.REASON_PLACE_CHANGE} is given but the episode has not ceased (DEC is blank)`,
            fix: 'Record the reason on the episode that ended with the move, not on the one still open',
          }
        : null,
    ),
  },
  postcodeRule('HOME_POST', 'Home postcode when the child became looked after'),
  postcodeRule('PL_POST', 'Placement postcode'),
]
