// The visitor's checklist for a month: first names and facts only, never a child's case record.
import { formatDate, formatDateTime, formatDuration } from '@/lib/domain/time'
import type { visitorChecklist } from '@/lib/server/oversight/checklist'

type Checklist = Awaited<ReturnType<typeof visitorChecklist>>

export function ChecklistView({ checklist }: { checklist: Checklist }) {
  const withEpisodes = checklist.children.filter((c) => c.episodes.length)
  const withoutPlans = checklist.children.filter((c) => c.cse.length)
  return (
    <>
      <section aria-labelledby="episodes">
        <h2 id="episodes">Missing and away this month, and the return interviews</h2>
        {withEpisodes.length === 0 ? (
          <p className="empty">No child was recorded missing or away from the home this month.</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Episodes this month">
            <table>
              <thead>
                <tr>
                  <th scope="col">Child</th>
                  <th scope="col">Missing or away</th>
                  <th scope="col">Last seen</th>
                  <th scope="col">Back after</th>
                  <th scope="col">Return interview</th>
                </tr>
              </thead>
              <tbody>
                {withEpisodes.flatMap((c) =>
                  c.episodes.map((e, i) => (
                    <tr key={`${c.name}-${i}`}>
                      <th scope="row">{c.name}</th>
                      <td>{e.type === 'MISSING' ? 'Missing' : 'Away without authorisation'}</td>
                      <td>{formatDateTime(e.lastSeenAt)}</td>
                      <td>
                        {e.returnedAt
                          ? formatDuration((e.returnedAt.getTime() - e.lastSeenAt.getTime()) / 60_000)
                          : 'Not back yet'}
                      </td>
                      <td>{e.interview}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="cse">
        <h2 id="cse">At risk of child sexual exploitation without a current safety plan</h2>
        <p>As the screenings and plans stood on {formatDate(checklist.cseAsOf)}.</p>
        {withoutPlans.length === 0 ? (
          <p className="empty">Every child at risk has a current signed-off safety plan.</p>
        ) : (
          <ul>
            {withoutPlans.map((c) => (
              <li key={c.name}>
                <strong>{c.name}</strong>: {c.cse.join(' ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="alerts">
        <h2 id="alerts">Alerts open now</h2>
        {checklist.alerts.length === 0 ? (
          <p className="empty">No open alerts for the home.</p>
        ) : (
          <ul>
            {checklist.alerts.map((a, i) => (
              <li key={i}>
                <strong>{a.title}</strong> ({a.children.join(', ')}), open since {formatDateTime(a.openedAt)}:{' '}
                {a.summary}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
