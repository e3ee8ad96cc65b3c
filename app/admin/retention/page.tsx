import { notFound } from 'next/navigation'
import { can } from '@/lib/domain/permissions'
import { retentionSchedule } from '@/lib/domain/retention'
import { formatDate } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { listRetentionDue } from '@/lib/server/retention'
import { settings } from '@/lib/settings'
import { RetentionDecisionForm } from './RetentionDecisionForm'

export const metadata = { title: 'Retention' }

export default async function RetentionPage() {
  const actor = await requireActor()
  if (!can(actor, 'retention.review')) notFound()
  const due = await listRetentionDue(actor)
  return (
    <>
      <h1>Retention</h1>
      <p className="lede">
        How long Haven keeps each kind of record, and the children&apos;s case records that have reached the end of
        theirs. Nothing about a child is erased without a person&apos;s decision; the decision is recorded.
      </p>
      <h2>The schedule</h2>
      <dl className="summary">
        {retentionSchedule(settings.retention.signInDays).map((r) => (
          <div key={r.rule}>
            <dt>{r.what}</dt>
            <dd>
              {r.keptFor}. <span className="hint">Source: {r.source}.</span>
            </dd>
          </div>
        ))}
      </dl>
      <h2>Case records at the end of their period ({due.length})</h2>
      {due.length === 0 ? (
        <p className="empty">None waiting for a decision.</p>
      ) : (
        due.map((d) => (
          <section key={d.childId} className="panel" aria-labelledby={`due-${d.childId}`}>
            <h3 id={`due-${d.childId}`}>
              {d.initials} (record {d.childId}): kept until {formatDate(d.keptUntil)}
            </h3>
            <RetentionDecisionForm childId={d.childId} initials={d.initials} />
          </section>
        ))
      )}
    </>
  )
}
