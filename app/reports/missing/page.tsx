import { notFound } from 'next/navigation'
import { AGE_BANDS, type ReportTable, type TableId } from '@/lib/domain/missing-report'
import { formatDate } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError, NotFoundError } from '@/lib/server/errors'
import { missingReport } from '@/lib/server/missing-report'
import { missingReportQuerySchema } from '@/lib/validation/reports'
import { ReportChart, type ChartSeries } from '@/components/ReportChart'
import { ReportLinks } from '@/components/ReportLinks'
import { lastYearTo } from '@/components/PeriodForm'

export const metadata = { title: 'Missing episodes' }

type Asked = { from?: string; to?: string; home?: string; authority?: string; ageBand?: string; sex?: string }

const episodes: ChartSeries[] = [{ key: 'episodes', label: 'Episodes' }]
const missingAndAway: ChartSeries[] = [
  { key: 'missing', label: 'Missing' },
  { key: 'away', label: 'Away without authorisation' },
]
/** How each table is drawn: which column is the category, which are the bars. */
const CHARTS: Record<TableId, { category: string; series: ChartSeries[]; horizontal?: boolean }> = {
  'by-month': { category: 'month', series: missingAndAway },
  'by-home': { category: 'name', series: missingAndAway, horizontal: true },
  'by-authority': { category: 'name', series: missingAndAway, horizontal: true },
  duration: { category: 'duration', series: episodes },
  'time-of-day': { category: 'hour', series: episodes },
  'day-of-week': { category: 'day', series: episodes },
  'repeat-children': { category: 'times', series: [{ key: 'children', label: 'Children' }] },
  'return-interviews': { category: 'outcome', series: [{ key: 'returns', label: 'Returns' }] },
  cse: {
    category: 'level',
    series: [
      { key: 'withPlan', label: 'With a current plan' },
      { key: 'withoutPlan', label: 'Without a current plan' },
    ],
    horizontal: true,
  },
  'exploitation-kinds': {
    category: 'kind',
    series: [
      { key: 'significant', label: 'Significant risk' },
      { key: 'atRisk', label: 'At risk' },
      { key: 'notAtRisk', label: 'Not at risk' },
      { key: 'notScreened', label: 'Not screened for it' },
    ],
    horizontal: true,
  },
}
/** A long list of homes is charted as the busiest ones; the table view has them all. */
const CHART_ROWS = 15

/** The filters asked for, or the last year for everyone in view, with what was wrong named. */
function queryOrDefault(asked: Asked, now = new Date()) {
  const lastYear = lastYearTo(now)
  const parsed = missingReportQuerySchema.safeParse({
    ...asked,
    from: asked.from ?? lastYear.from,
    to: asked.to ?? lastYear.to,
  })
  return parsed.success
    ? { query: parsed.data, problem: null }
    : { query: missingReportQuerySchema.parse(lastYear), problem: parsed.error.issues[0].message }
}

function Figure({ table, csvHref }: { table: ReportTable; csvHref: string }) {
  const chart = CHARTS[table.id]
  const rows = chart.horizontal ? table.rows.slice(0, CHART_ROWS) : table.rows
  return (
    <section aria-labelledby={`t-${table.id}`} className="report-figure">
      <h2 id={`t-${table.id}`}>{table.title}</h2>
      <p>{table.summary}</p>
      {table.rows.length > 0 && (
        <ReportChart
          rows={rows}
          category={chart.category}
          series={chart.series}
          summary={`Chart: ${table.summary}`}
          horizontal={chart.horizontal}
        />
      )}
      {rows.length < table.rows.length && (
        <p className="muted">
          The chart shows the {CHART_ROWS} with the most episodes; the table has all {table.rows.length}.
        </p>
      )}
      <details>
        <summary>Table view: {table.title.toLowerCase()}</summary>
        <div className="table-wrap" tabIndex={0} role="region" aria-label={`${table.title}: table`}>
          <table>
            <caption className="visually-hidden">{table.title}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th scope="col" key={c.key}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>
                  {table.columns.map((c, j) =>
                    j === 0 ? (
                      <th scope="row" key={c.key}>
                        {r[c.key]}
                      </th>
                    ) : (
                      <td key={c.key}>{r[c.key]}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <p>
        <a href={csvHref} download>
          Download {table.title.toLowerCase()} (CSV)
        </a>
      </p>
    </section>
  )
}

export default async function MissingReportPage({ searchParams }: { searchParams: Promise<Asked> }) {
  const actor = await requireActor()
  const { query, problem } = queryOrDefault(await searchParams)
  const report = await missingReport(actor, query).catch((e) => {
    if (e instanceof ForbiddenError) return null
    if (e instanceof NotFoundError) notFound()
    throw e
  })
  if (!report)
    return (
      <>
        <h1>Missing episodes</h1>
        <p>Your roles do not include these figures.</p>
      </>
    )
  const filters = new URLSearchParams(
    Object.entries({ ...report.period, ...report.filter }).filter((kv): kv is [string, string] => Boolean(kv[1])),
  )
  return (
    <>
      <h1>Missing episodes</h1>
      <ReportLinks actor={actor} current="/reports/missing" />
      <p className="lede">
        Episodes that started from {formatDate(report.period.from)} to {formatDate(report.period.to)}, of the children
        in your view (a home&apos;s figures are the episodes that happened there).
      </p>
      {problem && (
        <p className="concern concern-warning">{problem}: showing the last year for everyone in your view instead.</p>
      )}
      {/* on paper the filters are a sentence, not a form */}
      <p className="print-only">
        Filters: {report.options.homes.find((h) => h.id === report.filter.home)?.name ?? 'all homes'};{' '}
        {report.options.authorities.find((a) => a.id === report.filter.authority)?.name ?? 'all placing authorities'};{' '}
        {report.filter.ageBand ? `aged ${AGE_BANDS[report.filter.ageBand].label.toLowerCase()}` : 'all ages'};{' '}
        {report.filter.sex === 'FEMALE' ? 'girls' : report.filter.sex === 'MALE' ? 'boys' : 'boys and girls'}.
      </p>
      <form method="get" className="panel no-print" aria-label="Filters">
        <div className="grid">
          <div className="field">
            <label htmlFor="from">From</label>
            <input type="date" id="from" name="from" defaultValue={report.period.from} />
          </div>
          <div className="field">
            <label htmlFor="to">To</label>
            <input type="date" id="to" name="to" defaultValue={report.period.to} />
          </div>
          <div className="field">
            <label htmlFor="home">Home</label>
            <select id="home" name="home" defaultValue={report.filter.home ?? ''}>
              <option value="">All homes</option>
              {report.options.homes.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="authority">Placing authority</label>
            <select id="authority" name="authority" defaultValue={report.filter.authority ?? ''}>
              <option value="">All authorities</option>
              {report.options.authorities.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ageBand">Age when they went</label>
            <select id="ageBand" name="ageBand" defaultValue={report.filter.ageBand ?? ''}>
              <option value="">All ages</option>
              {Object.entries(AGE_BANDS).map(([band, { label }]) => (
                <option key={band} value={band}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="sex">Sex</label>
            <select id="sex" name="sex" defaultValue={report.filter.sex ?? ''}>
              <option value="">Boys and girls</option>
              <option value="FEMALE">Girls</option>
              <option value="MALE">Boys</option>
            </select>
          </div>
        </div>
        <button className="button" type="submit">
          Show
        </button>
      </form>
      <p>
        <strong>{report.totals.episodes}</strong> episodes ({report.totals.missing} missing, {report.totals.away} away
        without authorisation) by <strong>{report.totals.children}</strong> children; {report.totals.daytime} started in
        the daytime and {report.totals.under24h} lasted under 24 hours.
      </p>
      {report.tables.map((t) => (
        <Figure key={t.id} table={t} csvHref={`/reports/missing/csv?${filters}&table=${t.id}`} />
      ))}
    </>
  )
}
