import Link from 'next/link'
import { formatDateTime } from '@/lib/domain/time'
import { ALERTS_PER_PAGE, listAlerts } from '@/lib/server/alerts'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError } from '@/lib/server/errors'
import { pageField } from '@/lib/validation/fields'
import { Pager } from '@/components/Pager'
import { groupAlerts, namedInGroup } from '@/lib/domain/alert-groups'

type AlertItem = Awaited<ReturnType<typeof listAlerts>>['alerts'][number]

/** Each alert: what it is about, how urgent, its children (those outside the reader's view counted). */
function AlertCards({ alerts }: { alerts: AlertItem[] }) {
  return (
    <ul className="cards">
      {alerts.map((a) => (
        <li key={a.id}>
          <Link className="title" href={`/alerts/${a.id}`}>
            {a.about ? `${a.title}: ${a.about}` : a.title}
          </Link>{' '}
          <span
            className={`status ${a.status === 'OPEN' ? (a.severity === 'critical' ? 'status-open' : 'status-returned') : 'status-closed'}`}
          >
            {a.status === 'OPEN'
              ? `${a.severity === 'critical' ? 'Critical' : 'Warning'}, ${a.escalatedAt ? 'overdue' : a.told && !a.acknowledgedAt ? 'new' : 'open'}`
              : 'Resolved'}
          </span>
          <div>
            {[
              ...a.children.map((c) => c.name),
              ...(a.otherChildren ? [`${a.otherChildren} other ${a.otherChildren === 1 ? 'child' : 'children'}`] : []),
            ].join(', ')}
          </div>
          <div className="muted">
            {a.summary} · since {formatDateTime(new Date(a.openedAt))}
          </div>
        </li>
      ))}
    </ul>
  )
}

export const metadata = { title: 'Alerts' }

// a kind with more alerts than this shows one line naming them, expandable to each alert and its children
const OPEN_GROUP = 3

const FILTERS = [
  { status: 'open', label: 'Open' },
  { status: 'resolved', label: 'Resolved' },
  { status: 'all', label: 'All' },
] as const

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; page?: string }>
}) {
  const actor = await requireActor()
  const asked = await searchParams
  const filter = FILTERS.find((f) => f.status === asked.status) ?? FILTERS[0]
  const page = pageField.safeParse(asked.page).data ?? 1 // a page past the end shows the last
  const list = await listAlerts(actor, {
    ...(filter.status === 'all' ? {} : { status: filter.status === 'open' ? 'OPEN' : 'RESOLVED' }),
    page,
  }).catch((e) => {
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
      {!list ? (
        <p>Your roles do not include pattern alerts.</p>
      ) : list.total === 0 ? (
        <p className="empty">
          No {filter.status === 'all' ? '' : `${filter.label.toLowerCase()} `}alerts. Repeat episodes, children going
          missing together, places, people and vehicles that link children, and other patterns appear here for the
          people who need to act.
        </p>
      ) : (
        <>
          <p>
            {list.total} {filter.status === 'all' ? '' : `${filter.label.toLowerCase()} `}
            {list.total === 1 ? 'alert' : 'alerts'}
            {list.pages > 1 && `, ${ALERTS_PER_PAGE} a page: this is page ${list.page} of ${list.pages}`}.
          </p>
          {groupAlerts(list.alerts).map((group) =>
            group.alerts.length > 1 ? (
              <section className="panel" key={group.rule} aria-label={`${group.title}: ${group.alerts.length}`}>
                <h2>
                  {group.title} ({group.alerts.length})
                </h2>
                <p>{namedInGroup(group.alerts.map((a) => a.about))}</p>
                <details open={group.alerts.length <= OPEN_GROUP}>
                  <summary>Each of the {group.alerts.length}, with its children</summary>
                  <AlertCards alerts={group.alerts} />
                </details>
              </section>
            ) : (
              <AlertCards key={group.rule} alerts={group.alerts} />
            ),
          )}
          <Pager
            page={list.page}
            pages={list.pages}
            total={list.total}
            perPage={ALERTS_PER_PAGE}
            noun="alerts"
            href={(n) => `/alerts?status=${filter.status}&page=${n}`}
          />
        </>
      )}
    </>
  )
}
