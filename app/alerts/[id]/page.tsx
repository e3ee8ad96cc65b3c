import Link from 'next/link'
import { notFound } from 'next/navigation'
import { can } from '@/lib/domain/permissions'
import { formatDate, formatDateTime, formatDuration, isoDate } from '@/lib/domain/time'
import { getAlert } from '@/lib/server/alerts'
import { requireActor } from '@/lib/server/current-actor'
import { NotFoundError, recordId } from '@/lib/server/errors'
import { AcknowledgeButton, DecisionForm, ResolveForm } from '../AlertForms'

export const metadata = { title: 'Alert' }

export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  const { id } = await params
  const alert = await getAlert(actor, recordId(id, 'alert')).catch((e) => {
    if (e instanceof NotFoundError) notFound()
    throw e
  })
  const mine = alert.children.filter((c) => c.isMine)
  return (
    <>
      <p>
        <Link href="/alerts">All alerts</Link>
      </p>
      <h1>{alert.title}</h1>
      <p className={`concern concern-${alert.severity === 'critical' ? 'critical' : 'warning'}`}>
        <strong>{alert.severity === 'critical' ? 'Critical: ' : 'Warning: '}</strong>
        {alert.summary}
      </p>
      <p className="lede">
        {alert.status === 'OPEN'
          ? `Open since ${formatDateTime(alert.openedAt)}`
          : `Resolved ${formatDateTime(alert.resolvedAt!)}: ${alert.resolutionReason}`}
        {alert.escalatedAt && ` · escalated to the LA missing lead ${formatDateTime(alert.escalatedAt)}`}
      </p>
      {alert.status === 'OPEN' && alert.told && !alert.acknowledgedAt && <AcknowledgeButton alertId={alert.id} />}

      <h2>Children</h2>
      <ul>
        {alert.children.map((c) => (
          <li key={c.id}>
            <Link href={`/children/${c.id}`}>{c.name}</Link>
            {c.review && (
              <span className="muted">
                {' '}
                · next review{' '}
                {c.review.broughtForward
                  ? `brought forward to ${formatDate(c.review.date)} (timetable: ${formatDate(c.review.byTimetable)})`
                  : `due by ${formatDate(c.review.date)}`}
              </span>
            )}
          </li>
        ))}
        {alert.otherChildren > 0 && (
          <li className="muted">
            {alert.otherChildren} other {alert.otherChildren === 1 ? 'child' : 'children'} outside your view
          </li>
        )}
      </ul>

      <h2>Evidence</h2>
      {alert.episodes.length === 0 && alert.facts.length === 0 && (
        <p className="empty">The evidence is in records outside your view.</p>
      )}
      {alert.episodes.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Episodes in the evidence">
          <table>
            <thead>
              <tr>
                <th scope="col">Child</th>
                <th scope="col">Last seen</th>
                <th scope="col">For</th>
                <th scope="col">From</th>
                <th scope="col">Found at</th>
              </tr>
            </thead>
            <tbody>
              {alert.episodes.map((e) => (
                <tr key={e.id}>
                  <td>{e.child}</td>
                  <td>
                    <Link href={`/episodes/${e.id}`}>{formatDateTime(e.lastSeenAt)}</Link>
                  </td>
                  <td>
                    {e.returnedAt
                      ? formatDuration((e.returnedAt.getTime() - e.lastSeenAt.getTime()) / 60000)
                      : 'still missing'}
                  </td>
                  <td>{e.home?.name ?? e.lastSeenPlace}</td>
                  <td>
                    {e.locations
                      .filter((l) => l.role === 'FOUND')
                      .map((l) => l.typedName)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {alert.otherEpisodes > 0 && (
        <p className="muted">And {alert.otherEpisodes} episodes of children outside your view.</p>
      )}

      {mine.length > 0 && (
        <section aria-labelledby="decide">
          <h2 id="decide">Your decision as IRO</h2>
          {alert.decisions.map((d) => (
            <p key={d.id} className="notice">
              {formatDateTime(d.decidedAt)}:{' '}
              {d.bringForward
                ? `review brought forward to ${formatDate(isoDate(d.reviewDate!))}`
                : `review not brought forward: ${d.reason}`}
            </p>
          ))}
          {can(actor, 'alert.decide') && (
            <DecisionForm
              alertId={alert.id}
              children={mine.map((c) => ({ id: c.id, name: c.name, nextReview: c.review?.date ?? null }))}
            />
          )}
        </section>
      )}

      <h2>Who was told</h2>
      <ul>
        {alert.recipients.map((r, i) => (
          <li key={i}>
            {r.name} ({r.reason}), {formatDateTime(r.notifiedAt)}:{' '}
            {r.acknowledgedAt ? `acknowledged ${formatDateTime(r.acknowledgedAt)}` : 'not acknowledged yet'}
          </li>
        ))}
        {alert.otherRecipients > 0 && (
          <li className="muted">
            {alert.otherRecipients} other {alert.otherRecipients === 1 ? 'person' : 'people'} outside your organisations
          </li>
        )}
      </ul>
      <h2>History</h2>
      <ul>
        {alert.events.map((e) => (
          <li key={e.id}>
            {formatDateTime(e.at)}: {e.kind}
            {e.note ? `, ${e.note}` : ''}
          </li>
        ))}
      </ul>
      {alert.status === 'OPEN' && can(actor, 'alert.resolve') && (
        <section aria-labelledby="resolve">
          <h2 id="resolve">Resolve</h2>
          <ResolveForm
            alertId={alert.id}
            meetings={alert.meetings.map((m) => ({
              id: m.id,
              label: `${m.child}: ${m.kindLabel}, ${formatDate(m.heldOn)}`,
            }))}
          />
        </section>
      )}
    </>
  )
}
