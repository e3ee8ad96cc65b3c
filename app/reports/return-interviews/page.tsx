import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError } from '@/lib/server/errors'
import { timelinessReport } from '@/lib/server/return-interviews'
import { PeriodForm, periodOrLastYear } from '@/components/PeriodForm'
import { ReportLinks } from '@/components/ReportLinks'

export const metadata = { title: 'Return interview timeliness' }

type Row = Awaited<ReturnType<typeof timelinessReport>>['byHome'][number]

function Table({ caption, rows }: { caption: string; rows: Row[] }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col">Returned</th>
            <th scope="col">Offered</th>
            <th scope="col">Held in 72 h</th>
            <th scope="col">Held late</th>
            <th scope="col">Declined</th>
            <th scope="col">Not available</th>
            <th scope="col">Not offered</th>
            <th scope="col">Still open</th>
            <th scope="col">% in 72 h</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              <td>{r.returned}</td>
              <td>{r.offered}</td>
              <td>{r.heldWithin72h}</td>
              <td>{r.heldLate}</td>
              <td>{r.declined}</td>
              <td>{r.notAvailable}</td>
              <td>{r.notOffered}</td>
              <td>{r.outstanding}</td>
              <td>{r.heldWithin72hPercent === null ? '–' : `${r.heldWithin72hPercent}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export default async function TimelinessPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; to?: string }>
}) {
  const actor = await requireActor()
  const { period, problem } = periodOrLastYear(await searchParams)
  const report = await timelinessReport(actor, period).catch((e) => {
    if (e instanceof ForbiddenError) return null
    throw e
  })
  if (!report)
    return (
      <>
        <h1>Return interview timeliness</h1>
        <p>Your roles do not include these figures.</p>
      </>
    )
  return (
    <>
      <h1>Return interview timeliness</h1>
      <ReportLinks actor={actor} current="/reports/return-interviews" />
      <p className="lede">
        Returns from {period.from} to {period.to}, for the children in your view. Nationally in 2023-24, on average 63%
        of interviews were held within 72 hours.
      </p>
      <PeriodForm period={period} problem={problem} />
      <p>
        <strong>{report.total.returned}</strong> returns; <strong>{report.total.heldWithin72hPercent ?? 0}%</strong> of
        interviews held within 72 hours.
      </p>
      <Table caption="By home" rows={report.byHome} />
      <Table caption="By placing authority" rows={report.byAuthority} />
    </>
  )
}
