import { notFound } from 'next/navigation'
import { formatDateTime } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError } from '@/lib/server/errors'
import { dispatcherState } from '@/lib/server/outbox'
import { RetryButton } from './RetryButton'

export const metadata = { title: 'E-mail outbox' }

/** "3 h 5 min", "42 s": how long something has waited. */
function duration(seconds: number) {
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} days`
}

export default async function DispatcherPage() {
  const actor = await requireActor()
  const state = await dispatcherState(actor).catch((e) => {
    if (e instanceof ForbiddenError) notFound()
    throw e
  })
  return (
    <>
      <h1>E-mail outbox</h1>
      <p>
        Every notification is written to the outbox with the event that causes it; the dispatcher sends its e-mail. A
        message that fails is tried again with a growing wait, and given up after 10 attempts. Only kinds, times and
        recipients are shown here.
      </p>
      <dl className="summary">
        <div>
          <dt>Waiting to be sent</dt>
          <dd>{state.waiting}</dd>
        </div>
        <div>
          <dt>Failed, being retried</dt>
          <dd>{state.retrying}</dd>
        </div>
        <div>
          <dt>Given up</dt>
          <dd>{state.gaveUp}</dd>
        </div>
        <div>
          <dt>Sent</dt>
          <dd>{state.sent}</dd>
        </div>
        <div>
          <dt>Not sent (e-mail not configured, or the recipient deactivated)</dt>
          <dd>{state.skipped}</dd>
        </div>
        <div>
          <dt>Oldest message not yet sent</dt>
          <dd>
            {state.oldestWaitingSeconds === null ? 'None' : `Written ${duration(state.oldestWaitingSeconds)} ago`}
          </dd>
        </div>
        <div>
          <dt>Dispatcher lag</dt>
          <dd>
            {state.lagSeconds ? `A message due ${duration(state.lagSeconds)} ago is still waiting` : 'Keeping up'}
          </dd>
        </div>
      </dl>
      <h2>Given up</h2>
      {state.givenUp.length === 0 ? (
        <p>No message has been given up.</p>
      ) : (
        <>
          <p>Retrying puts the message back in the outbox: the dispatcher tries it again, up to 10 more times.</p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Messages given up">
            <table>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Recipient</th>
                  <th scope="col">Written</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">
                    <span className="visually-hidden">Retry</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.givenUp.map((m) => (
                  <tr key={m.id}>
                    <td>{m.kind}</td>
                    <td>{m.recipient}</td>
                    <td>{formatDateTime(new Date(m.writtenAt))}</td>
                    <td>{m.attempts}</td>
                    <td>
                      <RetryButton id={m.id} label={`Retry the message to ${m.recipient}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  )
}
