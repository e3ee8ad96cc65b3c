import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AccessPeriodForm } from '@/app/(lib)/AccessPeriodForm'
import { can } from '@/lib/domain/permissions'
import { formatDate, formatDateTime } from '@/lib/domain/time'
import { getChildAccessReport } from '@/lib/server/access-report'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError, NotFoundError, recordId } from '@/lib/server/errors'
import { accessPeriodSchema } from '@/lib/validation/access'

export const metadata = { title: 'Who has seen this record' }

export default async function AccessReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ from?: string; to?: string }>
}) {
  const actor = await requireActor()
  const { id } = await params
  const asked = await searchParams
  const parsed = accessPeriodSchema.safeParse(asked)
  const report = await getChildAccessReport(actor, recordId(id, 'child'), parsed.success ? parsed.data : {}).catch(
    (e) => {
      if (e instanceof NotFoundError || e instanceof ForbiddenError) notFound()
      throw e
    },
  )
  const { child, entries } = report
  return (
    <>
      <p className="no-print">
        <Link href={`/children/${child.id}`}>Back to {child.name}</Link>
      </p>
      <h1>Who has seen this record: {child.name}</h1>
      <p className="lede">
        Every person who read or changed {child.name}&apos;s records from {formatDate(report.from)} to{' '}
        {formatDate(report.to)}, newest first: who, when, what and on which page. Lists, reports and exports that showed
        the child are here too. Reading this report is recorded as well.
      </p>
      <AccessPeriodForm asked={asked} problems={parsed.success ? [] : parsed.error.issues} label="Choose the period" />
      {can(actor, 'child.subject-access') && (
        <p className="no-print">
          <a href={`/children/${child.id}/access/export`} download>
            Download everything Haven holds about {child.name} (subject access: a zip of a readable page and JSON)
          </a>
        </p>
      )}
      <p aria-live="polite">
        {entries.length} entries by {report.people} people
        {report.more ? ': only the newest are shown; choose a shorter period to see the rest' : ''}
      </p>
      {entries.length === 0 ? (
        <p className="empty">Nobody read or changed the record in this period.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Who has seen this record: table">
          <table>
            <caption className="visually-hidden">Who read or changed the record</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Where</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={i}>
                  <td>{formatDateTime(new Date(e.at))}</td>
                  <td>
                    {e.person}
                    {e.roles.length > 0 && <span className="hint"> ({e.roles.join(', ')})</span>}
                  </td>
                  <td>{e.change ? <strong>{e.words}</strong> : e.words}</td>
                  <td>{e.where}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
