import { notFound } from 'next/navigation'
import { AccessPeriodForm } from '@/app/(lib)/AccessPeriodForm'
import { can } from '@/lib/domain/permissions'
import { formatDate, formatDateTime } from '@/lib/domain/time'
import { getPersonAccessReport } from '@/lib/server/access-report'
import { requireActor } from '@/lib/server/current-actor'
import { NotFoundError } from '@/lib/server/errors'
import { listUsers } from '@/lib/server/users'
import { accessPeriodSchema } from '@/lib/validation/access'

export const metadata = { title: 'What a person read' }

type Query = { person?: string; from?: string; to?: string }

export default async function PersonAccessPage({ searchParams }: { searchParams: Promise<Query> }) {
  const actor = await requireActor()
  if (!can(actor, 'audit.person-access')) notFound()
  const asked = await searchParams
  const users = await listUsers(actor)
  const parsed = accessPeriodSchema.safeParse(asked)
  const report = asked.person
    ? await getPersonAccessReport(actor, asked.person, parsed.success ? parsed.data : {}).catch((e) => {
        if (e instanceof NotFoundError) return null
        throw e
      })
    : null
  return (
    <>
      <h1>What a person read</h1>
      <p className="lede">
        For an investigation: everything one person read or changed in Haven in a period, with the children each entry
        covered (by initials). Reading this report is recorded, in each child&apos;s access report too.
      </p>
      <form method="get" className="no-print panel" aria-label="Choose the person">
        <div className="field">
          <label htmlFor="f-person">Person</label>
          <select id="f-person" name="person" defaultValue={asked.person ?? ''}>
            <option value="">Choose…</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="from" value={asked.from ?? ''} />
        <input type="hidden" name="to" value={asked.to ?? ''} />
        <button type="submit">Choose</button>
      </form>
      {report && (
        <>
          <h2>
            {report.person.name}: {formatDate(report.from)} to {formatDate(report.to)}
          </h2>
          <AccessPeriodForm
            asked={asked}
            problems={parsed.success ? [] : parsed.error.issues}
            label="Choose the period"
            keep={{ person: report.person.id }}
          />
          <p aria-live="polite">
            {report.entries.length} entries
            {report.more ? ': only the newest are shown; choose a shorter period to see the rest' : ''}
          </p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="What the person read: table">
            <table>
              <caption className="visually-hidden">What the person read or changed</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  <th scope="col">Where</th>
                  <th scope="col">Children</th>
                </tr>
              </thead>
              <tbody>
                {report.entries.map((e, i) => (
                  <tr key={i}>
                    <td>{formatDateTime(new Date(e.at))}</td>
                    <td>{e.change ? <strong>{e.words}</strong> : e.words}</td>
                    <td>{e.where}</td>
                    <td>{e.children.map((c) => c.initials).join(', ') || 'none'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {asked.person && !report && <p className="concern">No such person.</p>}
    </>
  )
}
