import Link from 'next/link'
import { Corrections } from '@/components/Corrections'
import { notFound } from 'next/navigation'
import { can } from '@/lib/domain/permissions'
import { formatDate, formatDateTime, londonDate } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { recordId } from '@/lib/server/errors'
import { getVisit } from '@/lib/server/oversight/visits'
import { orNotFound } from '@/app/(lib)/load-or-404'
import { REPORT_EVENT_KINDS } from '@/lib/validation/oversight'
import { AmendmentForm, type AmendmentInputKind } from '@/components/AmendmentForm'
import { VISIT_AMENDABLE, VISIT_CORRECTION_MAX, type VisitAmendableField } from '@/lib/domain/oversight'
import { amendVisitAction } from '@/app/oversight/actions'
import { AddActionForm, ReportEventForm, ReportVersionForm, ResponseForm } from './VisitForms'

export const metadata = { title: 'Regulation 44 visit' }

const yes = (b: boolean) => (b ? 'Yes' : 'No')

/** How each kind of visit field is corrected. */
const visitInput: Record<(typeof VISIT_AMENDABLE)[VisitAmendableField]['kind'], AmendmentInputKind> = {
  date: { kind: 'date' },
  'yes-no': {
    kind: 'choice',
    choices: [
      ['yes', 'Yes'],
      ['no', 'No'],
    ],
  },
  count: { kind: 'count' },
  text: { kind: 'text', rows: 3 },
  'required-text': { kind: 'text', rows: 3 },
}

export default async function VisitPage({ params }: { params: Promise<{ id: string; visitId: string }> }) {
  const actor = await requireActor()
  const { id, visitId } = await params
  const v = await orNotFound(getVisit(actor, recordId(visitId, 'visit')))
  if (v.homeId !== id) notFound()
  const today = londonDate(new Date())
  const manage = can(actor, 'oversight.manage') && can(actor, 'oversight.read')
  const mayAddToVisit = manage || v.independentPerson.userId === actor.userId
  const open = v.actions.filter((a) => !a.completedOn)
  return (
    <>
      <p>
        <Link
          href={can(actor, 'oversight.read') ? `/homes/${v.homeId}/oversight?month=${v.visitedOn.slice(0, 7)}` : '/'}
        >
          {can(actor, 'oversight.read') ? `Back to the oversight of ${v.home.name}` : 'Back to your dashboard'}
        </Link>
      </p>
      <h1>
        Regulation 44 visit to {v.home.name}, {formatDate(v.visitedOn)}
      </h1>
      <p className="lede">
        By {v.independentPerson.name}
        {v.independentPerson.organisation ? `, ${v.independentPerson.organisation}` : ''};{' '}
        {v.announced ? 'announced' : 'unannounced'}. Recorded by {v.recordedBy} on {formatDateTime(v.createdAt)}.
      </p>
      {v.independent ? (
        <p className="concern concern-info">The visitor was independent of the home on the day of the visit.</p>
      ) : (
        <p className="concern concern-critical">
          The visitor was not independent on the day of the visit: {v.independenceReasons.join('; ')}. This visit does
          not meet Regulation 44.
        </p>
      )}
      <dl className="summary">
        <div>
          <dt>Spoke with</dt>
          <dd>
            {v.spokeWithChildren} children, {v.spokeWithParents} parents or relatives, {v.spokeWithStaff} staff
            {v.consentNote ? ` (${v.consentNote})` : ''}
          </dd>
        </div>
        <div>
          <dt>Missing log checked</dt>
          <dd>{yes(v.checkedMissingLog)}</dd>
        </div>
        <div>
          <dt>Return interviews checked</dt>
          <dd>{yes(v.checkedReturnInterviews)}</dd>
        </div>
        <div>
          <dt>Safety plans checked</dt>
          <dd>{yes(v.checkedSafetyPlans)}</dd>
        </div>
        {v.otherRecordsChecked && (
          <div>
            <dt>Other records</dt>
            <dd>{v.otherRecordsChecked}</dd>
          </div>
        )}
        <div>
          <dt>Are children effectively safeguarded?</dt>
          <dd>{v.safeguardingOpinion}</dd>
        </div>
        <div>
          <dt>Does the home promote their well-being?</dt>
          <dd>{v.wellbeingOpinion}</dd>
        </div>
      </dl>

      <Corrections
        corrections={v.amendments.map((a) => ({
          id: a.id,
          at: a.createdAt,
          author: a.author,
          field: a.label,
          previous: a.previousValue,
          now: a.newValue,
          reason: a.reason,
        }))}
      />
      {mayAddToVisit && (
        <details>
          <summary>Correct something in this visit</summary>
          <AmendmentForm
            label="Correct the visit"
            fields={Object.entries(VISIT_AMENDABLE).map(([name, f]) => ({
              name,
              label: f.label,
              input: visitInput[f.kind],
            }))}
            version={v.version}
            maxLength={VISIT_CORRECTION_MAX}
            action={amendVisitAction.bind(null, v.id)}
            current={{
              visitedOn: v.visitedOn,
              announced: v.announced ? 'yes' : 'no',
              spokeWithChildren: String(v.spokeWithChildren),
              spokeWithParents: String(v.spokeWithParents),
              spokeWithStaff: String(v.spokeWithStaff),
              consentNote: v.consentNote ?? '',
              checkedMissingLog: v.checkedMissingLog ? 'yes' : 'no',
              checkedReturnInterviews: v.checkedReturnInterviews ? 'yes' : 'no',
              checkedSafetyPlans: v.checkedSafetyPlans ? 'yes' : 'no',
              otherRecordsChecked: v.otherRecordsChecked ?? '',
              safeguardingOpinion: v.safeguardingOpinion,
              wellbeingOpinion: v.wellbeingOpinion,
            }}
          />
        </details>
      )}

      <section aria-labelledby="report">
        <h2 id="report">The report</h2>
        {v.reports.length === 0 && <p className="empty">Not received yet.</p>}
        {v.reports.map((r, i) => (
          <article key={r.id} className="panel">
            <h3>
              {i === 0 ? 'Current version' : 'Earlier version'}: received {formatDate(r.receivedOn)} (added by{' '}
              {r.createdBy}, {formatDateTime(r.createdAt)})
            </h3>
            {r.fileName && (
              <p>
                <a href={`/homes/${v.homeId}/oversight/visits/${v.id}/reports/${r.id}`}>Download {r.fileName}</a> (
                {Math.round((r.sizeBytes ?? 0) / 1000)} kB)
              </p>
            )}
            {r.text && <p style={{ whiteSpace: 'pre-wrap' }}>{r.text}</p>}
          </article>
        ))}
        {mayAddToVisit && (
          <details>
            <summary>{v.reports.length ? 'Add a corrected version of the report' : 'Add the report'}</summary>
            <ReportVersionForm visitId={v.id} today={today} />
          </details>
        )}
      </section>

      <section aria-labelledby="sent">
        <h2 id="sent">Where the report went (Regulation 44(7))</h2>
        <ul className="checks">
          <li className={v.facts.sentToOfstedOn ? 'check-green' : 'check-amber'}>
            Ofsted: {v.facts.sentToOfstedOn ? `sent ${formatDate(v.facts.sentToOfstedOn)}` : 'not yet sent'}
          </li>
          {v.facts.placingAuthorities.map((a) => (
            <li key={a.name} className={a.sentOn ? 'check-green' : 'check-amber'}>
              {a.name} (placing authority): {a.sentOn ? `sent ${formatDate(a.sentOn)}` : 'not yet sent'}
            </li>
          ))}
          {v.facts.host && (
            <li className={v.facts.host.sentOn ? 'check-green' : 'check-amber'}>
              {v.facts.host.name} (host authority, asked {formatDate(v.facts.host.requestedOn)}):{' '}
              {v.facts.host.sentOn ? `sent ${formatDate(v.facts.host.sentOn)}` : 'not yet sent'}
            </li>
          )}
        </ul>
        {v.events.length > 0 && (
          <ul>
            {v.events.map((e) => (
              <li key={e.id}>
                {formatDate(e.on)}: {REPORT_EVENT_KINDS[e.kind as keyof typeof REPORT_EVENT_KINDS] ?? e.kind}
                {e.authority ? ` (${e.authority})` : ''}
              </li>
            ))}
          </ul>
        )}
        {mayAddToVisit && (
          <details>
            <summary>Record that the report was sent, or that the host authority asked for it</summary>
            <ReportEventForm visitId={v.id} today={today} placing={v.placingAuthorities} />
          </details>
        )}
      </section>

      <section aria-labelledby="actions">
        <h2 id="actions">Actions</h2>
        {v.actions.length === 0 && <p className="empty">No actions from this visit.</p>}
        <ol>
          {v.actions.map((a) => (
            <li key={a.id}>
              <strong>{a.recommendation}</strong>: {a.owner}, due {formatDate(a.dueOn)}.{' '}
              {a.completedOn ? (
                <span className="level level-green">Completed {formatDate(a.completedOn)}</span>
              ) : a.overdue ? (
                <span className="level level-red">Overdue</span>
              ) : (
                <span className="level level-amber">Open</span>
              )}
              {a.responses.length > 0 && (
                <ul>
                  {a.responses.map((r) => (
                    <li key={r.id}>
                      {formatDate(r.respondedOn)}, {r.createdBy}: {r.text}
                      {r.completed ? ' (completed)' : ''}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
        {can(actor, 'oversight.respond') && open.length > 0 && (
          <>
            <h3>Respond to an action</h3>
            <ResponseForm
              actions={open.map((a) => ({ id: a.id, label: `${a.recommendation} (due ${formatDate(a.dueOn)})` }))}
              today={today}
            />
          </>
        )}
        {manage && (
          <>
            <h3>Add an action</h3>
            <AddActionForm visitId={v.id} />
          </>
        )}
      </section>
    </>
  )
}
