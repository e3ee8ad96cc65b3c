import Link from 'next/link'
import { NotifiableEventSummary } from '@/components/NotifiableEvent'
import { can } from '@/lib/domain/permissions'
import { londonLocal } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { recordId } from '@/lib/server/errors'
import { listNotifiableEvents } from '@/lib/server/notifiable-events'
import { orNotFound } from '@/app/(lib)/load-or-404'
import { settings } from '@/lib/settings'
import { DecideForm, NotifiedForm, RecordEventForm } from './EventForms'

export const metadata = { title: 'Notifiable events (Regulation 40)' }

// one form at a time (?act=<event id>, or ?act=new to record one): the forms share field names, and ids must be unique
export default async function NotifiableEventsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ act?: string }>
}) {
  const actor = await requireActor()
  const { id } = await params
  const { act } = await searchParams
  const { home, events, children } = await orNotFound(listNotifiableEvents(actor, recordId(id, 'home')))
  const record = can(actor, 'reg40.record')
  const now = londonLocal(new Date())
  const waiting = events.filter((e) => e.status === 'PROPOSED' || e.status === 'TO_NOTIFY')
  const done = events.filter((e) => e.status === 'NOTIFIED' || e.status === 'NOT_NOTIFIABLE')
  const base = `/homes/${home.id}/notifiable-events`
  const actions = (e: (typeof events)[number]) => {
    if (!record) return null
    if (act !== e.id)
      return (
        <p>
          <Link href={`${base}?act=${e.id}#event-${e.id}`}>
            {e.status === 'PROPOSED' ? 'Decide' : 'Record who was told'}
          </Link>
        </p>
      )
    return e.status === 'PROPOSED' ? <DecideForm eventId={e.id} /> : <NotifiedForm eventId={e.id} now={now} />
  }
  return (
    <>
      <p>
        <Link href={`/homes/${home.id}`}>Back to {home.name}</Link>
      </p>
      <h1>Notifiable events: {home.name}</h1>
      <p className="lede">
        Regulation 40 of the Children&apos;s Homes (England) Regulations 2015: the registered person tells Ofsted and
        the others the regulation names for each event without delay. Haven counts a notification as overdue after{' '}
        {settings.reg40.notifyWorkingDays} working day
        {settings.reg40.notifyWorkingDays === 1 ? '' : 's'}. A screening, an episode or a return interview can propose
        an event; the registered person decides.
      </p>
      <h2>To decide or to notify</h2>
      {waiting.length === 0 ? (
        <p className="empty">Nothing waiting. Proposed events and events still to notify appear here.</p>
      ) : (
        waiting.map((e) => (
          <NotifiableEventSummary key={e.id} event={e} headingLevel={3}>
            {actions(e)}
          </NotifiableEventSummary>
        ))
      )}
      {record && (
        <>
          <h2 id="record">Record a notifiable event</h2>
          {act === 'new' ? (
            <RecordEventForm
              homeId={home.id}
              children={children.map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}` }))}
              now={now}
            />
          ) : (
            <p>
              <Link href={`${base}?act=new#record`}>Record an event at {home.name}</Link>
            </p>
          )}
        </>
      )}
      <h2>Notified or not notifiable</h2>
      {done.length === 0 ? (
        <p className="empty">None yet.</p>
      ) : (
        done.map((e) => <NotifiableEventSummary key={e.id} event={e} headingLevel={3} />)
      )}
    </>
  )
}
