import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ROLE_LABELS } from '@/lib/domain/roles'
import { formatDate, formatDateTime } from '@/lib/domain/time'
import { PeriodForm, periodOrLastYear } from '@/components/PeriodForm'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError } from '@/lib/server/errors'
import { roleGrantReport } from '@/lib/server/role-grants'

export const metadata = { title: 'Role grants report' }

const EVENT_WORDS = {
  granted: 'Granted',
  removed: 'Removed',
  requested: 'Asked for (waiting for approval)',
  refused: 'Refused',
}

export default async function RoleGrantsPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; to?: string }>
}) {
  const actor = await requireActor()
  const { period, problem } = periodOrLastYear(await searchParams)
  const report = await roleGrantReport(actor, period).catch((e) => {
    if (e instanceof ForbiddenError) notFound()
    throw e
  })
  return (
    <>
      <p>
        <Link href="/admin/users">All users</Link>
      </p>
      <h1>Role grants report</h1>
      <p>
        Every role given or taken away, with who did it, why, and the second administrator who approved it. Also from
        the API: GET /api/v1/reports/role-grants?from=&amp;to=.
      </p>
      <PeriodForm period={period} problem={problem} />
      {report.rows.length === 0 ? (
        <p className="empty">No roles were granted or removed in this period.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Role grants and removals">
          <table>
            <caption>
              Role grants and removals, {formatDate(period.from)} to {formatDate(period.to)}
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                <th scope="col">By</th>
                <th scope="col">Reason</th>
                <th scope="col">Approved by</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r, i) => (
                <tr key={i}>
                  <td>{formatDateTime(new Date(r.at))}</td>
                  <td>{EVENT_WORDS[r.event]}</td>
                  <th scope="row">
                    <Link href={`/admin/users/${r.person.id}`}>{r.person.name}</Link>
                  </th>
                  <td>
                    {ROLE_LABELS[r.role]}
                    {r.organisation && `, ${r.organisation}`}
                  </td>
                  <td>{r.by?.name ?? 'Haven (command line)'}</td>
                  <td>{r.reason ?? '–'}</td>
                  <td>{r.approvedBy?.name ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
