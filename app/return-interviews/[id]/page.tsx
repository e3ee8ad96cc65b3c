import Link from 'next/link'
import { Corrections } from '@/components/Corrections'
import { can } from '@/lib/domain/permissions'
import {
  CHILD_SAYS_SECTIONS,
  isOutstanding,
  OFFER_METHOD_LABELS,
  OUTCOME_LABELS,
  PREVENTION_LABELS,
  SHARING_BASIS_LABELS,
  STATUS_LABELS,
} from '@/lib/domain/return-interviews'
import { formatDate, formatDateTime, londonLocal } from '@/lib/domain/time'
import { loadInterviewOr404 } from '@/app/(lib)/load-or-404'
import { INTERVIEW_AMENDABLE } from '@/lib/validation/return-interviews'
import { FollowUpForm, OfferForm, OutcomeForm, PoliceSharingForm, PreventionForm } from './InterviewForms'

export const metadata = { title: 'Return interview' }

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, interview: i } = await loadInterviewOr404((await params).id)
  const { mayRecord, providerName: provider } = i
  const now = londonLocal(new Date())
  const name = `${i.child.firstName} ${i.child.lastName}`
  const said = Object.entries(CHILD_SAYS_SECTIONS).filter(([key]) => i.childSays[key as keyof typeof i.childSays])
  return (
    <>
      {can(actor, 'episode.read') && (
        <p>
          <Link href={`/episodes/${i.episodeId}`}>The missing episode</Link>
        </p>
      )}
      <h1>Return interview: {name}</h1>
      <p className="lede">
        <span
          className={`status ${isOutstanding(i.status) ? (i.status === 'overdue' ? 'status-open' : 'status-returned') : 'status-closed'}`}
        >
          {STATUS_LABELS[i.status]}
        </span>{' '}
        · due by {formatDateTime(new Date(i.dueAt))}
      </p>
      <dl className="summary">
        <div>
          <dt>Child</dt>
          <dd>
            {name}, age {i.child.age}
          </dd>
        </div>
        <div>
          <dt>Home</dt>
          <dd>{i.home?.name ?? 'Not a Haven home'}</dd>
        </div>
        <div>
          <dt>Missing</dt>
          <dd>
            From {formatDateTime(new Date(i.lastSeenAt))} to {formatDateTime(new Date(i.returnedAt))}
          </dd>
        </div>
        <div>
          <dt>Held by</dt>
          <dd>
            {i.heldBy === 'service'
              ? 'The placing authority’s return interview service'
              : 'The child’s social worker (the authority has no return interview service)'}
          </dd>
        </div>
        <div>
          <dt>Offered</dt>
          <dd>
            {i.offeredAt
              ? `${formatDateTime(new Date(i.offeredAt))}${i.offerMethod ? `, ${OFFER_METHOD_LABELS[i.offerMethod as keyof typeof OFFER_METHOD_LABELS]}` : ''}`
              : 'Not yet'}
          </dd>
        </div>
        {i.outcome && (
          <div>
            <dt>Outcome</dt>
            <dd>
              {OUTCOME_LABELS[i.outcome]}
              {i.notOfferedReason ? `: ${i.notOfferedReason}` : ''}
            </dd>
          </div>
        )}
        {i.outcome === 'HELD' && (
          <div>
            <dt>Held</dt>
            <dd>
              {formatDateTime(new Date(i.heldAt!))}
              {i.heldWhere ? ` at ${i.heldWhere}` : ''} by {i.interviewerName}
              {i.childChoseTrustedAdult
                ? ` (the child's chosen trusted adult: ${i.trustedAdult})`
                : `, ${i.interviewerOrganisation}, declared independent`}
            </dd>
          </div>
        )}
        <div>
          <dt>Police prevention interview</dt>
          <dd>
            {i.preventionInterview
              ? `${PREVENTION_LABELS[i.preventionInterview]}${i.preventionInterviewDate ? `, ${formatDate(i.preventionInterviewDate)}` : ''}`
              : 'Not recorded'}
          </dd>
        </div>
      </dl>

      {said.length > 0 && (
        <section aria-labelledby="said">
          <h2 id="said">What {i.child.firstName} said</h2>
          <dl className="summary">
            {said.map(([key, label]) => (
              <div key={key}>
                <dt>{label}</dt>
                <dd style={{ whiteSpace: 'pre-line' }}>{i.childSays[key as keyof typeof i.childSays]}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {i.concernsVisible && i.concernsAboutHome && (
        <section aria-labelledby="concerns" className="panel">
          <h2 id="concerns">Concerns about the home</h2>
          <p className="muted">
            Seen only by the child&apos;s IRO, social worker, the placing authority&apos;s missing lead and the return
            interview service.
          </p>
          <p style={{ whiteSpace: 'pre-line' }}>{i.concernsAboutHome}</p>
        </section>
      )}
      {(i.locations.length > 0 || i.associates.length > 0 || i.vehicles.length > 0) && (
        <section aria-labelledby="named">
          <h2 id="named">Places, people and vehicles named</h2>
          <ul>
            {i.locations.map((l) => (
              <li key={l.id}>
                Place: {l.name}
                {l.postcode ? `, ${l.postcode}` : ''}
              </li>
            ))}
            {i.associates.map((a) => (
              <li key={a.id}>Person: {[a.name, a.description].filter(Boolean).join(', ')}</li>
            ))}
            {i.vehicles.map((v) => (
              <li key={v.id}>Vehicle: {[v.registration, v.description, v.taxiFirm].filter(Boolean).join(', ')}</li>
            ))}
          </ul>
          <p>
            <Link href={`/return-interviews/${i.id}/police-summary`}>Police intelligence summary (printable)</Link>
          </p>
        </section>
      )}
      {can(actor, 'reg40.propose') && (
        <p>
          <Link href={`/return-interviews/${i.id}/notifiable-event`}>
            This may be a Regulation 40 event: tell the registered manager
          </Link>
        </p>
      )}
      {i.followUps.length > 0 && (
        <section aria-labelledby="follow-ups">
          <h2 id="follow-ups">Started from this interview</h2>
          <ul>
            {i.followUps.map((f) => (
              <li key={f.id}>
                {f.kind === 'CSE_SCREENING' ? 'CSE screening' : 'Safeguarding referral'} on{' '}
                {formatDateTime(new Date(f.createdAt))} by {f.createdBy?.name}
                {f.reference ? ` (${f.reference})` : ''}
                {f.note ? `: ${f.note}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {i.sharings.length > 0 && (
        <section aria-labelledby="shared">
          <h2 id="shared">Shared with the police</h2>
          <ul>
            {i.sharings.map((s) => (
              <li key={s.id}>
                {formatDateTime(new Date(s.sharedAt))}, {s.policeForce}:{' '}
                {s.what ?? 'details seen by the IRO, social worker, missing lead and service'}.{' '}
                {SHARING_BASIS_LABELS[s.basis]}
                {s.reason ? ` (${s.reason})` : ''}. Recorded by {s.recordedBy?.name}.
              </li>
            ))}
          </ul>
        </section>
      )}
      <Corrections
        corrections={i.amendments.map((a) => ({
          id: a.id,
          at: a.createdAt,
          author: a.author?.name,
          field: INTERVIEW_AMENDABLE[a.field as keyof typeof INTERVIEW_AMENDABLE] ?? a.field,
          previous: a.previousValue,
          now: a.newValue,
          reason: a.reason,
        }))}
      />

      {mayRecord && !i.outcome && !i.offeredAt && (
        <section aria-labelledby="offer">
          <h2 id="offer">Record the offer</h2>
          <OfferForm interviewId={i.id} now={now} />
        </section>
      )}
      {mayRecord && !i.outcome && (
        <section aria-labelledby="outcome">
          <h2 id="outcome">Record the interview</h2>
          <OutcomeForm interviewId={i.id} now={now} offered={Boolean(i.offeredAt)} providerName={provider} />
        </section>
      )}
      {mayRecord && i.outcome && (
        <>
          <section aria-labelledby="start">
            <h2 id="start">Did the child disclose exploitation or harm?</h2>
            <FollowUpForm interviewId={i.id} />
          </section>
          <section aria-labelledby="police">
            <h2 id="police">Share with the police</h2>
            <PoliceSharingForm interviewId={i.id} now={now} />
          </section>
          {!i.preventionInterview && (
            <section aria-labelledby="prevention">
              <h2 id="prevention">Police prevention interview</h2>
              <PreventionForm interviewId={i.id} />
            </section>
          )}
          <p>
            <Link href={`/return-interviews/${i.id}/amend`}>Correct something in this record</Link>
          </p>
        </>
      )}
    </>
  )
}
