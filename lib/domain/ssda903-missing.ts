// The DfE's checks on the SSDA903 Missing table (docs/domain.md "Data standards": validation rules 1004, 1005,
// 1006, 564-567, 574, 575, 577, 578, 581, 586 and the Header match). Pure: the three tables' rows in, failures out.
// Dates are dd/mm/yyyy strings, as in the return.

export type HeaderRow = { CHILD: string; DOB: string }
export type EpisodeRow = { CHILD: string; DECOM: string; DEC: string; REC: string }
export type MissingRow = { CHILD: string; DOB: string; MISSING: string; MIS_START: string; MIS_END: string }

/** A failing Missing row: its position (1-based, as a spreadsheet shows it after the header), the rule and the fix. */
export type MissingFailure = { row: number; child: string; rule: string; problem: string; fix: string }

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** dd/mm/yyyy to yyyy-mm-dd, or null when it is not a real date (so strings compare in date order). */
export function parseReturnDate(value: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim())
  if (!m) return null
  const [, dd, mm, yyyy] = m
  const [day, month, year] = [Number(dd), Number(mm), Number(yyyy)]
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const last = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]
  return last !== undefined && day >= 1 && day <= last ? `${yyyy}-${mm}-${dd}` : null
}

/** yyyy-mm-dd to dd/mm/yyyy. */
export const returnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

const filled = (v: string) => v.trim() !== ''

type Episode = { start: string; end: string | null; rec: string }

/** The episode a day falls in. */
const during = (episodes: Episode[], day: string) =>
  episodes.find((e) => e.start <= day && (e.end === null || day <= e.end))

export function checkMissingTable(tables: {
  header: HeaderRow[]
  episodes: EpisodeRow[]
  missing: MissingRow[]
}): MissingFailure[] {
  const failures: MissingFailure[] = []
  // a year has few distinct days and tens of thousands of rows: each date string is read once
  const days = new Map<string, string | null>()
  const parse = (value: string) => {
    let day = days.get(value)
    if (day === undefined) days.set(value, (day = parseReturnDate(value)))
    return day
  }
  const dobOf = new Map(tables.header.map((h) => [h.CHILD, h.DOB]))
  const episodesOf = new Map<string, Episode[]>()
  for (const e of tables.episodes) {
    const start = parse(e.DECOM)
    if (!start) continue
    const list = episodesOf.get(e.CHILD) ?? []
    list.push({ start, end: e.DEC ? parse(e.DEC) : null, rec: e.REC })
    episodesOf.set(e.CHILD, list)
  }
  for (const list of episodesOf.values()) list.sort((a, b) => (a.start < b.start ? -1 : 1))
  const periodsOf = new Map<string, { row: number; start: string; end: string | null }[]>()

  let row = 0
  let m: MissingRow
  const fail = (rule: string, problem: string, fix: string) =>
    failures.push({ row, child: m.CHILD, rule, problem, fix })
  for (m of tables.missing) {
    row++
    const start = filled(m.MIS_START) ? parse(m.MIS_START) : null
    const end = filled(m.MIS_END) ? parse(m.MIS_END) : null
    const dob = parse(m.DOB)

    if (filled(m.MIS_START) && !start)
      fail('1004', `MIS_START "${m.MIS_START}" is not a valid date`, 'Give the start as dd/mm/yyyy')
    if (filled(m.MIS_END) && !end)
      fail(
        '1005',
        `MIS_END "${m.MIS_END}" is not a valid date`,
        'Give the end as dd/mm/yyyy, or leave it blank while the child is still missing or away',
      )
    if (filled(m.MISSING) && !['M', 'A'].includes(m.MISSING))
      fail(
        '1006',
        `MISSING "${m.MISSING}" is not M or A`,
        'Use M (missing) or A (away from placement without authorisation)',
      )
    if (filled(m.MISSING) && !filled(m.MIS_START))
      fail('564', 'MISSING is given without MIS_START', 'Record when the child went missing or away')
    if (filled(m.MIS_START) && !filled(m.MISSING))
      fail('565', 'MIS_START is given without MISSING', 'Record whether the child was missing (M) or away (A)')
    if (filled(m.MIS_END) && !filled(m.MIS_START))
      fail('566', 'MIS_END is given without MIS_START', 'Record when the period started')
    if (start && end && end < start)
      fail(
        '567',
        `MIS_END ${m.MIS_END} is before MIS_START ${m.MIS_START}`,
        'Correct the return or the start of the episode',
      )
    if (start && dob && start < dob)
      fail(
        '586',
        `MIS_START ${m.MIS_START} is before the date of birth ${m.DOB}`,
        "Correct the episode's start or the child's date of birth",
      )
    const headerDob = dobOf.get(m.CHILD)
    if (headerDob === undefined)
      fail(
        'header',
        `Child ${m.CHILD} is not in the Header table`,
        'Add the child to the Header table (or remove the row)',
      )
    else if (headerDob !== m.DOB)
      fail(
        'header',
        `DOB ${m.DOB} differs from the Header table's ${headerDob}`,
        "Use the same date of birth as the child's Header row",
      )

    if (!start || (filled(m.MIS_END) && !end)) continue // the dates must be fixed first (1004, 1005)
    const episodes = episodesOf.get(m.CHILD) ?? []
    const containing = during(episodes, start)
    if (!containing)
      fail(
        '578',
        `MIS_START ${m.MIS_START} is not within a period of care`,
        'Check the start date against the placements (episodes) for the year',
      )
    if (end && !during(episodes, end))
      fail(
        '581',
        `MIS_END ${m.MIS_END} is not within a period of care`,
        'Check the end date against the placements (episodes) for the year',
      )
    if (!end && containing?.end) {
      const careEnds = containing.rec !== 'X1' // X1: a new placement starts the same day; anything else ends care
      if (careEnds)
        fail(
          '577',
          `The period is still open but care ended on ${returnDate(containing.end)}`,
          'Record when the child returned or was found, at the latest when care ended',
        )
      else
        fail(
          '575',
          `The period is still open but the placement ended on ${returnDate(containing.end)}`,
          'Record when the child returned or was found, at the latest when the placement ended',
        )
    }
    const periods = periodsOf.get(m.CHILD) ?? []
    for (const other of periods) {
      const overlaps = start <= (other.end ?? '9999-12-31') && other.start <= (end ?? '9999-12-31')
      // two periods may meet on a day (back the same day, missing again the same evening)
      const touches = (other.end !== null && other.end === start) || (end !== null && end === other.start)
      if (overlaps && !touches)
        fail(
          '574',
          `This period overlaps row ${other.row}${other.end === null || end === null ? ', and one of them is still open' : ''}`,
          'Each period ends before the next starts: correct the dates, or record the return of the open one',
        )
    }
    periods.push({ row, start, end })
    periodsOf.set(m.CHILD, periods)
  }
  return failures
}
