// What every SSDA903 rule takes and gives: the return's tables as their CSV rows, and failures naming the row.

export type ReturnRow = Record<string, string>
export type ReturnTable = 'header' | 'episodes' | 'missing'
export type ReturnTables = Record<ReturnTable, ReturnRow[]>

/** A failing row: its table, position (1-based, after the column names), the child's CHILD value, the DfE rule
 * number (or Haven's name for a check the DfE does not number), what is wrong and how to fix it. */
export type ReturnFailure = {
  table: ReturnTable
  row: number
  child: string
  rule: string
  problem: string
  fix: string
}

/** The collection year the rules are checked for: year 2025 is 1 April 2025 to 31 March 2026 (yyyy-mm-dd). */
export type RuleContext = { year: number; from: string; to: string }

export type Rule = {
  /** the DfE's rule number */
  code: string
  table: ReturnTable
  /** what the DfE's message says, in short */
  message: string
  check: (tables: ReturnTables, context: RuleContext) => Omit<ReturnFailure, 'rule' | 'table'>[]
}

/** The rows of a table failing a row-by-row test, with the problem and fix the test gives. */
export const eachRow =
  (table: ReturnTable, test: (row: ReturnRow, context: RuleContext) => { problem: string; fix: string } | null) =>
  (tables: ReturnTables, context: RuleContext) =>
    tables[table].flatMap((r, i) => {
      const found = test(r, context)
      return found ? [{ row: i + 1, child: r.CHILD ?? '', ...found }] : []
    })

export const filled = (v: string | undefined): v is string => (v ?? '').trim() !== ''
