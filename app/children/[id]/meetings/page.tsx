import Link from 'next/link'
import { loadChildOr404 } from '@/app/(lib)/load-or-404'
import { describeKinds } from '@/lib/domain/exploitation-kinds'
import { can, mayRecordReferral } from '@/lib/domain/permissions'
import { CAWN_STATUSES, NRM_DECISIONS } from '@/lib/domain/referrals'
import { formatDate, formatDateTime } from '@/lib/domain/time'
import { listAlerts } from '@/lib/server/alerts'
import { listChildEpisodes } from '@/lib/server/episodes'
import { listMeetings } from '@/lib/server/meetings'
import { listReferrals } from '@/lib/server/referrals'
import { CompleteActionForm, MeetingForm } from './MeetingForms'

export const metadata = { title: 'Referrals and meetings' }

const STATE = { done: 'Done', overdue: 'Overdue', open: 'Open' } as const

export default async function MeetingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, child } = await loadChildOr404((await params).id)
  const [{ meetings, flags }, { referrals }] = [
    await listMeetings(actor, child.id),
    await listReferrals(actor, child.id),
  ]
  const mayRecordMeeting = can(actor, 'meeting.record')
  const episodes = mayRecordMeeting && can(actor, 'episode.read') ? await listChildEpisodes(actor, child.id) : []
  const alerts =
    mayRecordMeeting && can(actor, 'alert.read')
      ? (await listAlerts(actor, { status: 'OPEN' })).alerts.filter((a) => a.children.some((c) => c.id === child.id))
      : []
  const page = `/children/${child.id}/meetings`
  return (
    <>
      <p>
        <Link href={`/children/${child.id}`}>
          Back to {child.firstName} {child.lastName}
        </Link>
      </p>
      <h1>
        Referrals and meetings: {child.firstName} {child.lastName}
      </h1>
      <p className="lede">
        Working Together to Safeguard Children (2023) asks for a strategy discussion when there is reasonable cause to
        suspect a child is suffering, or likely to suffer, significant harm. The local missing protocol asks for one
        after repeated or high-risk episodes.
      </p>
      {flags.map((f) => (
        <div key={`${f.kind}-${f.subjectId}`} className="concern concern-critical">
          <h2>{f.title}</h2>
          <p>
            Due by {formatDateTime(new Date(f.due))}.{' '}
            {f.kind === 'high-risk-episode' ? (
              <Link href={`/episodes/${f.subjectId}`}>The episode</Link>
            ) : (
              <Link href={`/alerts/${f.subjectId}`}>The alert</Link>
            )}
          </p>
        </div>
      ))}

      <h2>Meetings</h2>
      {meetings.length === 0 ? (
        <p className="empty">No strategy discussions or meetings recorded.</p>
      ) : (
        meetings.map((m) => (
          <section key={m.id} aria-labelledby={`m-${m.id}`} className="card">
            <h3 id={`m-${m.id}`}>
              {m.kindLabel}, {formatDate(m.heldOn)}
            </h3>
            <p>Kinds of exploitation: {describeKinds(m.kinds)}</p>
            <p>Took part: {m.participants.map((p) => `${p.name} (${p.agency})`).join(', ')}</p>
            {m.childViews && <p>Child’s views: {m.childViews}</p>}
            {m.familyViews && <p>Family’s views: {m.familyViews}</p>}
            <p>Decisions: {m.decisions}</p>
            {m.actions.length > 0 && (
              <table>
                <caption>Actions</caption>
                <thead>
                  <tr>
                    <th scope="col">Action</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Due</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody>
                  {m.actions.map((a) => (
                    <tr key={a.id}>
                      <td>{a.action}</td>
                      <td>{a.owner}</td>
                      <td>{formatDate(a.dueOn)}</td>
                      <td>
                        {a.state === 'overdue' ? (
                          <strong className="tag tag-critical">{STATE.overdue}</strong>
                        ) : (
                          STATE[a.state]
                        )}
                        {a.completedOn && ` on ${formatDate(a.completedOn)}: ${a.completionNote}`}
                        {a.state !== 'done' && can(actor, 'meeting.action') && (
                          <details>
                            <summary>Mark completed</summary>
                            <CompleteActionForm meetingId={m.id} actionId={a.id} label={a.action} />
                          </details>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p>
              <Link href={`${page}/${m.id}`}>
                {can(actor, 'meeting.amend') ? 'Correct this meeting' : 'Open this meeting'}
                <span className="visually-hidden">
                  : {m.kindLabel}, {formatDate(m.heldOn)}
                </span>
                {m.amendments.length > 0 &&
                  ` (corrected ${m.amendments.length === 1 ? 'once' : `${m.amendments.length} times`})`}
              </Link>
            </p>
          </section>
        ))
      )}
      {mayRecordMeeting && (
        <details>
          <summary>Record a strategy discussion or meeting</summary>
          <MeetingForm
            childId={child.id}
            episodes={episodes.map((e) => ({
              id: e.id,
              label: `Missing from ${formatDateTime(new Date(e.lastSeenAt))}`,
            }))}
            alerts={alerts.map((a) => ({
              id: a.id,
              label: `${a.title} (opened ${formatDateTime(new Date(a.openedAt))})`,
            }))}
          />
        </details>
      )}

      <h2>Referrals</h2>
      {referrals.length === 0 ? (
        <p className="empty">No referrals recorded.</p>
      ) : (
        referrals.map((r) => (
          <section key={r.id} aria-labelledby={`r-${r.id}`} className="card">
            <h3 id={`r-${r.id}`}>
              {r.kindLabel}, {formatDate(r.madeOn)}
            </h3>
            <p>Kinds of exploitation: {describeKinds(r.kinds)}</p>
            <p>
              Made by {r.madeBy}
              {r.reference ? ` · ${r.reference}` : ''}
            </p>
            {r.kind === 'NRM' && (
              <p>
                Reasonable grounds:{' '}
                {r.reasonableGrounds
                  ? `${NRM_DECISIONS[r.reasonableGrounds]} on ${formatDate(r.reasonableGroundsOn!)}`
                  : 'not known yet'}
                . Conclusive grounds:{' '}
                {r.conclusiveGrounds
                  ? `${NRM_DECISIONS[r.conclusiveGrounds]} on ${formatDate(r.conclusiveGroundsOn!)}`
                  : 'not known yet'}
                .
              </p>
            )}
            {r.kind === 'CAWN' && (
              <p>
                {r.cawnStatus && CAWN_STATUSES[r.cawnStatus]}, to {r.personName}
              </p>
            )}
            {r.interviewId && (
              <p>
                <Link href={`/return-interviews/${r.interviewId}`}>Shared from the return interview</Link>
              </p>
            )}
            {r.summary && <p>{r.summary}</p>}
            {r.amendments.length > 0 && (
              <ul>
                {r.amendments.map((a) => (
                  <li key={a.at + a.field}>
                    {a.field} changed by {a.author} on {formatDateTime(new Date(a.at))}: {a.reason}
                  </li>
                ))}
              </ul>
            )}
            {can(actor, 'referral.record') && mayRecordReferral(actor, r.kind) && (
              <p>
                <Link href={`${page}/referral/${r.id}`}>Add a decision or correct this referral</Link>
              </p>
            )}
          </section>
        ))
      )}
      {can(actor, 'referral.record') && (
        <p>
          <Link href={`${page}/referral`} className="button">
            Record a referral
          </Link>
        </p>
      )}
    </>
  )
}
