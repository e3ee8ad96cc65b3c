import Link from 'next/link'
import { formatDateTime } from '@/lib/domain/time'
import { listAlerts } from '@/lib/server/alerts'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError } from '@/lib/server/errors'

export const metadata = { title: 'Alerts' }

const FILTERS = [
  { status: 'open', label: 'Open' },
  { status: 'resolved', label: 'Resolved' },
  { status: 'all', label: 'All' },
] as const

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requireActor()
  const requested = (await searchParams).status
  const filter = FILTERS.find((f) => f.status === requested) ?? FILTERS[0]
  const alerts = await listAlerts(actor, filter.status === 'all' ? {} : { status: filter.status === 'open' ? 'OPEN' : 'RESOLVED' }).catch((e) => {
    if (e instanceof ForbiddenError) return null
    throw e
  })
  return (
    <>
      <h1>Alerts</h1>
      <nav aria-label="Which alerts">
        <ul className="inline-links">
          {FILTERS.map((f) => (
            <li key={f.status}>
              <Link href={`/alerts?status=${f.status}`} aria-current={f === filter ? 'page' : undefined}>
                {f.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {!alerts ? (
        <p>Your roles do not include pattern alerts.</p>
      ) : alerts.length === 0 ? (
        <p className="empty">No {filter.status === 'all' ? '' : `${filter.label.toLowerCase()} `}alerts. Repeat episodes, children going missing together, places, people and vehicles that link children, and other patterns appear here for the people who need to act.</p>
      ) : (
        <ul className="cards">
          {alerts.map((a) => (
            <li key={a.id}>
              <Link className="title" href={`/alerts/${a.id}`}>
                {a.title}
              </Link>{' '}
              <span className={`status ${a.status === 'OPEN' ? (a.severity === 'critical' ? 'status-open' : 'status-returned') : 'status-closed'}`}>{a.status === 'OPEN' ? `${a.severity === 'critical' ? 'Critical' : 'Warning'}, ${a.acknowledgedAt ? 'open' : 'new'}` : 'Resolved'}</span>
              <div>{[...a.children.map((c) => c.name), ...(a.otherChildren ? [`${a.otherChildren} other ${a.otherChildren === 1 ? 'child' : 'children'}`] : [])].join(', ')}</div>
              <div className="muted">
                {a.summary} · since {formatDateTime(new Date(a.openedAt))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
