// One Regulation 40 notifiable event: its kind with the paragraph, what happened, the decision, who must be told and
// each recipient told. Used on the home's notifiable events page and the child's CSE page. No database access.
import type { ReactNode } from 'react'
import { EVENT_KIND, RECIPIENT_LABEL, type EventStatus, type Recipient } from '@/lib/domain/notifiable-events'
import { formatDate, formatDateTime } from '@/lib/domain/time'

export type EventView = {
  id: string
  kind: keyof typeof EVENT_KIND
  occurredAt: Date
  whatHappened: string
  child: { id: string; firstName: string; lastName: string } | null
  personConcerned: string | null
  proposedBecause: string | null
  recordedAt: Date
  recordedBy: string | null
  decision: 'NOTIFY' | 'NOT_NOTIFIABLE' | null
  decisionReason: string | null
  decidedAt: Date | null
  decidedBy: string | null
  completedAt: Date | null
  status: EventStatus
  overdue: boolean
  notifyBy: string
  required: { recipient: Recipient; who: string | null; paragraph: string }[]
  stillToTell: { recipient: Recipient; who: string | null; paragraph: string }[]
  notices: { id: string; recipient: Recipient; who: string; how: string; at: Date; toldBy: string | null }[]
}

export const STATUS: Record<EventStatus, string> = {
  PROPOSED: 'Proposed: waiting for the registered person to decide',
  TO_NOTIFY: 'To notify without delay',
  NOTIFIED: 'Everyone required told',
  NOT_NOTIFIABLE: 'Decided not notifiable',
}

export const recipientName = (r: { recipient: Recipient; who: string | null }) =>
  r.who ? r.who : RECIPIENT_LABEL[r.recipient]

export function NotifiableEventSummary({
  event: e,
  headingLevel = 2,
  children,
}: {
  event: EventView
  headingLevel?: 2 | 3
  children?: ReactNode
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const open = e.status === 'PROPOSED' || e.status === 'TO_NOTIFY'
  const about = e.child ? `${e.child.firstName} ${e.child.lastName}` : (e.personConcerned ?? '')
  return (
    <section
      id={`event-${e.id}`}
      className={open ? (e.overdue ? 'concern concern-critical' : 'concern concern-warning') : 'panel'}
      aria-labelledby={`event-${e.id}-title`}
    >
      <Heading id={`event-${e.id}-title`}>
        {EVENT_KIND[e.kind].label} (regulation {EVENT_KIND[e.kind].paragraph}){about ? `: ${about}` : ''}
      </Heading>
      <p>
        <strong>{STATUS[e.status]}</strong>
        {open &&
          (e.overdue
            ? `: overdue, due by the end of ${formatDate(e.notifyBy)}`
            : `: by the end of ${formatDate(e.notifyBy)}`)}
      </p>
      <dl className="summary">
        <div>
          <dt>When</dt>
          <dd>{formatDateTime(e.occurredAt)}</dd>
        </div>
        <div>
          <dt>What happened</dt>
          <dd>{e.whatHappened}</dd>
        </div>
        {e.proposedBecause && e.proposedBecause !== e.whatHappened && (
          <div>
            <dt>Proposed because</dt>
            <dd>{e.proposedBecause}</dd>
          </div>
        )}
        <div>
          <dt>Recorded</dt>
          <dd>
            {formatDateTime(e.recordedAt)}
            {e.recordedBy ? ` by ${e.recordedBy}` : ''}
          </dd>
        </div>
        {e.decision && (
          <div>
            <dt>Decision</dt>
            <dd>
              {e.decision === 'NOTIFY' ? 'Notify' : `Not notifiable: ${e.decisionReason}`}
              {e.decidedAt ? `, ${formatDateTime(e.decidedAt)}` : ''}
              {e.decidedBy ? ` by ${e.decidedBy}` : ''}
            </dd>
          </div>
        )}
      </dl>
      {e.required.length > 0 && (
        <>
          <p>Must be told without delay:</p>
          <ul>
            {e.required.map((r) => {
              const waiting = e.stillToTell.some((s) => s.recipient === r.recipient && s.who === r.who)
              return (
                <li key={`${r.recipient}-${r.who ?? ''}`}>
                  {recipientName(r)} (regulation {r.paragraph}): {waiting ? <strong>not told yet</strong> : 'told'}
                </li>
              )
            })}
          </ul>
        </>
      )}
      {e.notices.length > 0 && (
        <table>
          <caption>Who was told</caption>
          <thead>
            <tr>
              <th scope="col">Who</th>
              <th scope="col">When</th>
              <th scope="col">How</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {e.notices.map((n) => (
              <tr key={n.id}>
                <td>{n.recipient === 'OTHER_RELEVANT_PERSON' ? n.who : `${RECIPIENT_LABEL[n.recipient]}: ${n.who}`}</td>
                <td>{formatDateTime(n.at)}</td>
                <td>{n.how}</td>
                <td>{n.toldBy ?? 'not known'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {children}
    </section>
  )
}
