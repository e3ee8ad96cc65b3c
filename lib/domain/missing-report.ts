// Missing-from-care figures for managers, responsible individuals, LA missing leads and IROs (report recommendation
// 9b: oversight of missing-from-care records and exploitation risk). Every table here is also a chart, a table view
// and a CSV download, so each is one shape: columns and rows. Pure: the clock and the settings are parameters.
import { EXPLOITATION_KINDS, KIND_LABELS, type ExploitationKind, type Level } from './cse'
import { ageOn, londonLocal } from './time'
import { timeliness, type InterviewState } from './return-interviews'

export type EpisodeFact = {
  lastSeenAt: Date
  returnedAt: Date | null
  absenceType: 'MISSING' | 'AWAY'
  childId: string
  dateOfBirth: string
  home: { id: string; name: string } | null
  authority: { id: string; name: string }
  interview: InterviewState | null
}

/**
 * A child's CSE position: their latest screening's level, and whether a signed-off plan is in date (lib/domain/cse.ts).
 */
export type ChildCseFact = {
  childId: string
  level: 'NOT_SCREENED' | 'NOT_AT_RISK' | 'AT_RISK' | 'SIGNIFICANT'
  /** the latest level of each kind screened (lib/domain/cse.ts latestByKind) */
  kinds: Partial<Record<ExploitationKind, Level>>
  needsPlan: boolean
  currentPlan: boolean
}

export type ReportColumn = { key: string; label: string }
export type ReportTable = {
  id: TableId
  title: string
  summary: string
  columns: ReportColumn[]
  rows: Record<string, string | number>[]
}

export const TABLE_IDS = [
  'by-month',
  'by-home',
  'by-authority',
  'duration',
  'time-of-day',
  'day-of-week',
  'repeat-children',
  'return-interviews',
  'cse',
  'exploitation-kinds',
] as const
export type TableId = (typeof TABLE_IDS)[number]

/**
 * Age at the start of the episode; the report found 16-17 year olds under-identified, so they are a band of their own.
 */
export const AGE_BANDS = {
  'under-11': { label: 'Under 11', min: 0, max: 10 },
  '11-13': { label: '11 to 13', min: 11, max: 13 },
  '14-15': { label: '14 to 15', min: 14, max: 15 },
  '16-17': { label: '16 to 17', min: 16, max: 17 },
  '18-plus': { label: '18 and over', min: 18, max: 200 },
} as const
export type AgeBand = keyof typeof AGE_BANDS
export const inAgeBand = (band: AgeBand, dateOfBirth: string, on: string) => {
  const age = ageOn(dateOfBirth, on)
  return age >= AGE_BANDS[band].min && age <= AGE_BANDS[band].max
}

/** Short episodes count (docs/domain.md): the first band is the one most often not taken seriously. */
export const DURATION_BANDS = [
  { label: 'Under 2 hours', underHours: 2 },
  { label: '2 to 6 hours', underHours: 6 },
  { label: '6 to 24 hours', underHours: 24 },
  { label: '1 to 3 days', underHours: 72 },
  { label: '3 to 7 days', underHours: 168 },
  { label: '7 days or more', underHours: Infinity },
] as const

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const
const REPEAT_BANDS = [
  { label: 'Once', min: 1, max: 1 },
  { label: '2 times', min: 2, max: 2 },
  { label: '3 to 4 times', min: 3, max: 4 },
  { label: '5 to 9 times', min: 5, max: 9 },
  { label: '10 times or more', min: 10, max: Infinity },
] as const

/** Each month from the period's first to its last, as YYYY-MM. */
export function monthsOf(period: { from: string; to: string }) {
  const months: string[] = []
  let [y, m] = period.from.split('-').map(Number)
  const last = period.to.slice(0, 7)
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`
    months.push(month)
    if (month >= last) return months
    ;[y, m] = m === 12 ? [y + 1, 1] : [y, m + 1]
  }
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
export const monthLabel = (month: string) => `${MONTH_NAMES[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

function countBy<K extends string>(episodes: EpisodeFact[], key: (e: EpisodeFact) => { id: K; name: string } | null) {
  const groups = new Map<
    K,
    { name: string; missing: number; away: number; children: Set<string>; months: Map<string, number> }
  >()
  for (const e of episodes) {
    const k = key(e)
    if (!k) continue
    const g = groups.get(k.id) ?? { name: k.name, missing: 0, away: 0, children: new Set(), months: new Map() }
    if (e.absenceType === 'MISSING') g.missing++
    else g.away++
    g.children.add(e.childId)
    const month = londonLocal(e.lastSeenAt).slice(0, 7)
    g.months.set(month, (g.months.get(month) ?? 0) + 1)
    groups.set(k.id, g)
  }
  return groups
}

/** Per home or authority: missing and away, children, and each month (so a home's trend is in the table and CSV). */
function byPlace(
  id: 'by-home' | 'by-authority',
  title: string,
  groups: ReturnType<typeof countBy>,
  months: string[],
): ReportTable {
  const rows = [...groups.values()]
    .map((g) => ({
      name: g.name,
      missing: g.missing,
      away: g.away,
      total: g.missing + g.away,
      children: g.children.size,
      ...Object.fromEntries(months.map((m) => [m, g.months.get(m) ?? 0])),
    }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name))
  const top = rows[0]
  return {
    id,
    title,
    summary: top
      ? `${plural(rows.length, id === 'by-home' ? 'home' : 'authority', id === 'by-home' ? 'homes' : 'authorities')}; the most episodes: ${top.name}, ${top.total} (${top.missing} missing, ${top.away} away).`
      : 'No episodes.',
    columns: [
      { key: 'name', label: id === 'by-home' ? 'Home' : 'Placing authority' },
      { key: 'missing', label: 'Missing' },
      { key: 'away', label: 'Away without authorisation' },
      { key: 'total', label: 'All episodes' },
      { key: 'children', label: 'Children' },
      ...months.map((m) => ({ key: m, label: monthLabel(m) })),
    ],
    rows,
  }
}

/**
 * The figures for episodes that started in the period (already filtered by home, authority, age band and sex) and
 * the CSE position of the children they are about. `dueSoonHours` is the return interview "due soon" setting.
 */
export function missingFigures(
  episodes: EpisodeFact[],
  children: ChildCseFact[],
  period: { from: string; to: string },
  now: Date,
  dueSoonHours: number,
) {
  const months = monthsOf(period)
  const perMonth = new Map(months.map((m) => [m, { missing: 0, away: 0 }]))
  const hours = Array.from({ length: 24 }, () => 0)
  const weekdays = WEEKDAYS.map(() => 0)
  const durations = DURATION_BANDS.map(() => 0)
  let stillOut = 0
  const perChild = new Map<string, number>()
  for (const e of episodes) {
    const local = londonLocal(e.lastSeenAt)
    const month = perMonth.get(local.slice(0, 7))
    if (month) month[e.absenceType === 'MISSING' ? 'missing' : 'away']++
    hours[Number(local.slice(11, 13))]++
    weekdays[(new Date(`${local.slice(0, 10)}T12:00:00Z`).getUTCDay() + 6) % 7]++
    if (e.returnedAt) {
      const h = (e.returnedAt.getTime() - e.lastSeenAt.getTime()) / 3_600_000
      durations[DURATION_BANDS.findIndex((b) => h < b.underHours)]++
    } else stillOut++
    perChild.set(e.childId, (perChild.get(e.childId) ?? 0) + 1)
  }
  const missing = episodes.filter((e) => e.absenceType === 'MISSING').length
  const daytime = hours.slice(8, 18).reduce((a, b) => a + b, 0)
  const under24h = durations[0] + durations[1] + durations[2]
  const interviews = timeliness(
    episodes.flatMap((e) => (e.interview ? [e.interview] : [])),
    now,
    dueSoonHours,
  )
  const repeat = REPEAT_BANDS.map((b) => [...perChild.values()].filter((n) => n >= b.min && n <= b.max).length)
  const cse = cseRows(children)

  const tables: ReportTable[] = [
    {
      id: 'by-month',
      title: 'Episodes by month',
      summary: `${plural(episodes.length, 'episode')} from ${monthLabel(months[0])} to ${monthLabel(months[months.length - 1])}: ${missing} missing, ${episodes.length - missing} away without authorisation.${episodes.length ? ` The most in one month: ${busiest(months.map((m) => [monthLabel(m), total(perMonth.get(m)!)]))}.` : ''}`,
      columns: [
        { key: 'month', label: 'Month' },
        { key: 'missing', label: 'Missing' },
        { key: 'away', label: 'Away without authorisation' },
      ],
      rows: months.map((m) => ({ month: monthLabel(m), ...perMonth.get(m)! })),
    },
    byPlace(
      'by-home',
      'Episodes by home',
      countBy(episodes, (e) => e.home),
      months,
    ),
    byPlace(
      'by-authority',
      'Episodes by placing authority',
      countBy(episodes, (e) => e.authority),
      months,
    ),
    {
      id: 'duration',
      title: 'How long children were gone',
      summary: `${under24h} of ${plural(episodes.length - stillOut, 'returned episode')} lasted under 24 hours (${durations[0]} under 2 hours)${stillOut ? `; ${stillOut} not back yet` : ''}. Short episodes count as much as long ones.`,
      columns: [
        { key: 'duration', label: 'Duration' },
        { key: 'episodes', label: 'Episodes' },
      ],
      rows: [
        ...DURATION_BANDS.map((b, i) => ({ duration: b.label, episodes: durations[i] })),
        { duration: 'Not back yet', episodes: stillOut },
      ],
    },
    {
      id: 'time-of-day',
      title: 'Time of day they were last seen',
      summary: `${daytime} of ${plural(episodes.length, 'episode')} started in the daytime (08:00 to 18:00)${episodes.length ? `; the most started at ${busiest(hours.map((n, h) => [hourLabel(h), n]))}` : ''}.`,
      columns: [
        { key: 'hour', label: 'Hour (UK time)' },
        { key: 'episodes', label: 'Episodes' },
      ],
      rows: hours.map((n, h) => ({ hour: hourLabel(h), episodes: n })),
    },
    {
      id: 'day-of-week',
      title: 'Day of the week',
      summary: episodes.length
        ? `The most episodes started on ${busiest(weekdays.map((n, i) => [`${WEEKDAYS[i]}s`, n]))}.`
        : 'No episodes.',
      columns: [
        { key: 'day', label: 'Day' },
        { key: 'episodes', label: 'Episodes' },
      ],
      rows: WEEKDAYS.map((d, i) => ({ day: d, episodes: weekdays[i] })),
    },
    {
      id: 'repeat-children',
      title: 'Children who went missing more than once',
      summary: `${plural(perChild.size, 'child', 'children')} went missing or away; ${perChild.size - repeat[0]} of them more than once, ${repeat[3] + repeat[4]} five times or more.`,
      columns: [
        { key: 'times', label: 'Times in the period' },
        { key: 'children', label: 'Children' },
      ],
      rows: REPEAT_BANDS.map((b, i) => ({ times: b.label, children: repeat[i] })),
    },
    {
      id: 'return-interviews',
      title: 'Return interviews after these episodes',
      summary: `${interviews.heldWithin72h} of ${plural(interviews.returned, 'return')} had an interview held within 72 hours (${interviews.heldWithin72hPercent ?? 0}%); ${interviews.notOffered} not offered, ${interviews.outstanding} still open.`,
      columns: [
        { key: 'outcome', label: 'Interview' },
        { key: 'returns', label: 'Returns' },
      ],
      rows: [
        { outcome: 'Held within 72 hours', returns: interviews.heldWithin72h },
        { outcome: 'Held late', returns: interviews.heldLate },
        { outcome: 'Declined by the child', returns: interviews.declined },
        { outcome: 'Child not available', returns: interviews.notAvailable },
        { outcome: 'Not offered', returns: interviews.notOffered },
        { outcome: 'Still open', returns: interviews.outstanding },
      ],
    },
    {
      id: 'cse',
      title: 'Children at risk of exploitation, with and without a current safety plan',
      summary: `Of ${plural(children.length, 'child', 'children')} who went missing or away, ${cse.atRisk} ${cse.atRisk === 1 ? 'is' : 'are'} at risk of exploitation of some kind; ${cse.withoutPlan} of them without a current signed-off safety plan${cse.notScreened ? `. ${cse.notScreened} not screened yet` : ''}.`,
      columns: [
        { key: 'level', label: 'Latest screening (highest kind)' },
        { key: 'withPlan', label: 'With a current plan' },
        { key: 'withoutPlan', label: 'Without a current plan' },
      ],
      rows: cse.rows,
    },
    kindsTable(children),
  ]
  return {
    totals: {
      episodes: episodes.length,
      missing,
      away: episodes.length - missing,
      children: perChild.size,
      daytime,
      under24h,
      stillOut,
    },
    tables,
  }
}

const total = (m: { missing: number; away: number }) => m.missing + m.away

/** "Mondays and Fridays (4 each)": every category with the highest count, in words. */
function busiest(counts: [label: string, n: number][]) {
  const top = Math.max(...counts.map(([, n]) => n))
  const labels = counts.filter(([, n]) => n === top).map(([label]) => label)
  const list = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}` : labels[0]
  return `${list} (${top}${labels.length > 1 ? ' each' : ''})`
}
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`

/** Each kind counted separately: a child at risk of two kinds is in both rows. */
function kindsTable(children: ChildCseFact[]): ReportTable {
  const rows = EXPLOITATION_KINDS.map((kind) => {
    const at = (level: Level) => children.filter((c) => c.kinds[kind] === level).length
    return {
      kind: KIND_LABELS[kind],
      significant: at('SIGNIFICANT'),
      atRisk: at('AT_RISK'),
      notAtRisk: at('NOT_AT_RISK'),
      notScreened: children.filter((c) => !c.kinds[kind]).length,
    }
  })
  const words = rows.map((r) => `${r.significant + r.atRisk} of ${r.kind.split(',')[0].toLowerCase()}`).join('; ')
  return {
    id: 'exploitation-kinds',
    title: 'Children by latest screening, kind by kind',
    summary: `Of ${plural(children.length, 'child', 'children')} who went missing or away, at risk or at significant risk: ${words}.`,
    columns: [
      { key: 'kind', label: 'Kind of exploitation' },
      { key: 'significant', label: 'Significant risk' },
      { key: 'atRisk', label: 'At risk' },
      { key: 'notAtRisk', label: 'Not at risk' },
      { key: 'notScreened', label: 'Not screened for it' },
    ],
    rows,
  }
}

function cseRows(children: ChildCseFact[]) {
  const levels = [
    ['SIGNIFICANT', 'Significant risk'],
    ['AT_RISK', 'At risk'],
    ['NOT_AT_RISK', 'Not at risk'],
    ['NOT_SCREENED', 'Not screened'],
  ] as const
  const rows = levels.map(([level, label]) => {
    const those = children.filter((c) => c.level === level)
    return {
      level: label,
      withPlan: those.filter((c) => c.currentPlan).length,
      withoutPlan: those.filter((c) => !c.currentPlan).length,
    }
  })
  const needing = children.filter((c) => c.needsPlan)
  return {
    rows,
    atRisk: needing.length,
    withoutPlan: needing.filter((c) => !c.currentPlan).length,
    notScreened: rows[3].withPlan + rows[3].withoutPlan,
  }
}
