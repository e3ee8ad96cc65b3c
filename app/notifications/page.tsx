import Link from 'next/link'
import { formatDateTime } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { listNotifications } from '@/lib/server/notifications'
import { MarkAllReadButton, MarkReadButton } from '../alerts/AlertForms'

export const metadata = { title: 'Inbox' }

export default async function InboxPage() {
  const actor = await requireActor()
  const notifications = await listNotifications(actor)
  const unread = notifications.filter((n) => !n.readAt)
  return (
    <>
      <h1>Inbox</h1>
      {unread.length > 0 && (
        <p>
          {unread.length} unread, shown first. <MarkAllReadButton upTo={unread[0].createdAt.toISOString()} />
        </p>
      )}
      {notifications.length === 0 ? (
        <p className="empty">
          Nothing yet. Episodes of children you work with, their returns and pattern alerts arrive here, and by e-mail.
        </p>
      ) : (
        <ul className="cards">
          {notifications.map((n) => (
            <li key={n.id}>
              <Link className="title" href={n.link}>
                {n.title}
              </Link>
              {!n.readAt && (
                <>
                  {' '}
                  <span className="tag tag-info">Unread</span>
                </>
              )}
              {/* the e-mail's own words (its subject and body) are not shown: they say only that something needs
                  attention */}
              <div className="muted">
                {formatDateTime(n.createdAt)}
                {n.deliveries.some((d) => d.status === 'SENT') && ' · also sent to you by e-mail'}
              </div>
              {!n.readAt && <MarkReadButton notificationId={n.id} label={`Mark as read: ${n.title}`} />}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
