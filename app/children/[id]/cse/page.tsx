import Link from 'next/link'
import { INDICATOR_BY_CODE, KIND_LABELS, LEVEL_LABELS, WHEN_LABELS } from '@/lib/domain/cse'
import { addMonths } from '@/lib/domain/time'
import { can } from '@/lib/domain/permissions'
import { formatDate, formatDateTime, isoDate, londonDate } from '@/lib/domain/time'
import { loadCseOr404 } from '@/app/(lib)/load-or-404'
import { settings } from '@/lib/settings'
import { NotifiableEventSummary } from '@/components/NotifiableEvent'
import { SignOffButton } from './CseForms'

export const metadata = { title: 'Exploitation screening and safety plan' }

export default async function CsePage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, cse } = await loadCseOr404((await params).id)
  const { child, screenings, plans, notifiableEvents, flags } = cse
  const latest = screenings[0]
  const current = plans.find((p) => p.signedOffAt)
  const draft = plans[0] && !plans[0].signedOffAt ? plans[0] : null
  // the kinds the latest screening found a risk of: a referral recorded from its outcome starts with them ticked
  const atRisk = latest?.kinds.filter((k) => k.level !== 'NOT_AT_RISK').map((k) => k.kind) ?? []
  const name = `${child.firstName} ${child.lastName}`
  return (
    <>
      <p>
        <Link href={`/children/${child.id}`}>Back to {name}</Link>
      </p>
      <h1>Exploitation: {name}</h1>
      {flags.map((f) => (
        <p key={f.code} className={`concern concern-${f.level}`}>
          {f.message}
        </p>
      ))}
      {cse.screeningRequests.map((r) => (
        <p key={r.id} className="notice">
          An exploitation screening was asked for from a return interview on {formatDateTime(r.createdAt)}
          {r.note ? `: ${r.note}` : ''}.
        </p>
      ))}

      <h2>Screening</h2>
      {latest ? (
        <dl className="summary">
          <div>
            <dt>Latest</dt>
            <dd>
              {formatDateTime(latest.screenedAt)} by {latest.screenedBy}
            </dd>
          </div>
          {latest.kinds.map((k) => (
            <div key={k.kind}>
              <dt>{KIND_LABELS[k.kind]}</dt>
              <dd>
                <strong>{LEVEL_LABELS[k.level]}</strong>
                {k.level !== k.suggestedLevel &&
                  ` (the tool suggested ${LEVEL_LABELS[k.suggestedLevel].toLowerCase()}; judgement: ${k.levelReason})`}
              </dd>
            </div>
          ))}
          <div>
            <dt>Indicators</dt>
            <dd>
              {latest.indicators.length
                ? latest.indicators
                    .map((i) => `${INDICATOR_BY_CODE[i.code]?.label ?? i.code} (${WHEN_LABELS[i.when].toLowerCase()})`)
                    .join('; ')
                : 'None'}
            </dd>
          </div>
          {latest.fullAssessmentPrompted && (
            <div>
              <dt>Full assessment</dt>
              <dd>Needed: three or more indicators, or a harm indicator.</dd>
            </div>
          )}
          <div>
            <dt>Next screening due</dt>
            <dd>{formatDate(addMonths(londonDate(latest.screenedAt), settings.cse.rescreenMonths))}</dd>
          </div>
        </dl>
      ) : (
        <p className="empty">Not screened yet. Every child is screened, boys as well as girls.</p>
      )}
      <p className="muted">
        Each level is the worker&apos;s judgement; the counts behind the suggestions are the authority&apos;s local
        practice.
      </p>
      {can(actor, 'cse.screen') && (
        <p>
          <Link className="button" href={`/children/${child.id}/cse/screen`}>
            {latest ? 'Screen again' : 'Start a screening'}
          </Link>
        </p>
      )}
      {atRisk.length > 0 && can(actor, 'referral.record') && (
        <p>
          <Link href={`/children/${child.id}/meetings/referral?kinds=${atRisk.join(',')}`}>
            Record a referral from this screening (NRM, CAWN or intelligence to the police)
          </Link>
        </p>
      )}
      {latest && can(actor, 'reg40.propose') && (
        <p>
          <Link href={`/children/${child.id}/cse/notifiable-event`}>
            This may be a Regulation 40 event: propose it to the registered manager
          </Link>
        </p>
      )}
      {screenings.length > 1 && (
        <details>
          <summary>Earlier screenings ({screenings.length - 1})</summary>
          <ul>
            {screenings.slice(1).map((s) => (
              <li key={s.id}>
                {formatDateTime(s.screenedAt)}:{' '}
                {s.kinds.map((k) => `${KIND_LABELS[k.kind]}: ${LEVEL_LABELS[k.level].toLowerCase()}`).join('; ')} (
                {s.indicators.length} indicators), by {s.screenedBy}
              </li>
            ))}
          </ul>
        </details>
      )}

      <h2>Safety plan</h2>
      {current ? (
        <p>
          <Link href={`/children/${child.id}/safety-plan/${current.version}`}>Version {current.version}</Link>, about{' '}
          {current.kinds.map((k) => KIND_LABELS[k].toLowerCase()).join('; ')}, signed off{' '}
          {formatDateTime(current.signedOffAt!)} by {current.signedOffBy}; review by{' '}
          {formatDate(isoDate(current.reviewDate))}.
        </p>
      ) : (
        <p className="empty">No signed-off safety plan.</p>
      )}
      {draft && (
        <div className="notice">
          <p>
            <Link href={`/children/${child.id}/safety-plan/${draft.version}`}>Version {draft.version}</Link>, written{' '}
            {formatDateTime(draft.createdAt)} by {draft.createdBy}, is waiting for sign-off.
          </p>
          {can(actor, 'plan.signoff') && <SignOffButton planId={draft.id} version={draft.version} />}
        </div>
      )}
      {can(actor, 'plan.write') && (
        <p>
          <Link className="button secondary" href={`/children/${child.id}/safety-plan/new`}>
            {plans.length ? 'Write a new version' : 'Write the safety plan'}
          </Link>
        </p>
      )}
      {plans.length > 1 && (
        <details>
          <summary>All versions ({plans.length})</summary>
          <ul>
            {plans.map((p) => (
              <li key={p.id}>
                <Link href={`/children/${child.id}/safety-plan/${p.version}`}>Version {p.version}</Link>,{' '}
                {formatDateTime(p.createdAt)} by {p.createdBy}
                {p.signedOffAt ? `, signed off by ${p.signedOffBy}` : ', not signed off'}
              </li>
            ))}
          </ul>
        </details>
      )}

      {notifiableEvents.length > 0 && (
        <>
          <h2>Regulation 40 notifications</h2>
          {notifiableEvents.map((e) => (
            <NotifiableEventSummary key={e.id} event={e} headingLevel={3}>
              {can(actor, 'reg40.record') && (
                <p>
                  <Link href={`/homes/${e.home.id}/notifiable-events#event-${e.id}`}>
                    {e.status === 'PROPOSED' ? 'Decide' : e.status === 'TO_NOTIFY' ? 'Record who was told' : 'Open'} on{' '}
                    {e.home.name}&apos;s notifiable events
                  </Link>
                </p>
              )}
            </NotifiableEventSummary>
          ))}
        </>
      )}
    </>
  )
}
