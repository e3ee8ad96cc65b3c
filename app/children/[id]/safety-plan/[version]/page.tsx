import Link from 'next/link'
import { notFound } from 'next/navigation'
import { INDICATOR_BY_CODE, KIND_LABELS } from '@/lib/domain/cse'
import { formatDate, formatDateTime, isoDate } from '@/lib/domain/time'
import { loadCseOr404 } from '@/app/(lib)/load-or-404'

export const metadata = { title: 'Safety plan' }

const AGREES = { YES: 'Yes', PARTLY: 'Partly', NO: 'No', NOT_ASKED: 'Not asked yet' }

export default async function PlanVersionPage({ params }: { params: Promise<{ id: string; version: string }> }) {
  const { id, version } = await params
  const { cse } = await loadCseOr404(id)
  const plan = cse.plans.find((p) => String(p.version) === version)
  if (!plan) notFound()
  const newest = cse.plans[0]
  return (
    <>
      <p className="no-print">
        <Link href={`/children/${cse.child.id}/cse`}>Back</Link>
      </p>
      <h1>
        Safety plan for {cse.child.firstName} {cse.child.lastName}, version {plan.version}
      </h1>
      {plan.version !== newest.version && (
        <p className="concern concern-warning">Superseded by version {newest.version}. Kept for the record.</p>
      )}
      <p className="lede">
        Written {formatDateTime(plan.createdAt)} by {plan.createdBy}.{' '}
        {plan.signedOffAt
          ? `Signed off ${formatDateTime(plan.signedOffAt)} by ${plan.signedOffBy}.`
          : 'Not signed off.'}{' '}
        Review by {formatDate(isoDate(plan.reviewDate))}.
      </p>
      <p>About: {plan.kinds.map((k) => KIND_LABELS[k]).join('; ')}.</p>
      <h2>Risks</h2>
      <ul>
        {plan.risks.map((r, i) => (
          <li key={i}>{[r.code && INDICATOR_BY_CODE[r.code]?.label, r.text].filter(Boolean).join(': ')}</li>
        ))}
      </ul>
      <h2>Who does what, by when</h2>
      <ul>
        {plan.actions.map((a, i) => (
          <li key={i}>
            {a.who}: {a.what}
            {a.byWhen ? `, by ${formatDate(a.byWhen)}` : ''}
          </li>
        ))}
      </ul>
      <h2>If {cse.child.firstName} goes missing</h2>
      <dl className="summary">
        <div>
          <dt>Places to check</dt>
          <dd style={{ whiteSpace: 'pre-line' }}>{plan.ifMissingPlaces}</dd>
        </div>
        <div>
          <dt>People to call</dt>
          <dd style={{ whiteSpace: 'pre-line' }}>{plan.ifMissingPeople}</dd>
        </div>
      </dl>
      <h2>Made with {cse.child.firstName}</h2>
      <dl className="summary">
        <div>
          <dt>Trusted adults</dt>
          <dd>{plan.trustedAdults ?? 'Not recorded'}</dd>
        </div>
        <div>
          <dt>In {cse.child.firstName}&apos;s words</dt>
          <dd style={{ whiteSpace: 'pre-line' }}>{plan.childsWords ?? 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Agrees with the plan</dt>
          <dd>{AGREES[plan.childAgrees]}</dd>
        </div>
        <div>
          <dt>Family and supporting adults</dt>
          <dd>{plan.familyEngaged ?? 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Police</dt>
          <dd>
            {plan.policeInvolved
              ? `Involved${plan.policeOfficer ? `: ${plan.policeOfficer}` : ''}${plan.policeReference ? ` (${plan.policeReference})` : ''}`
              : 'Not involved'}
          </dd>
        </div>
      </dl>
    </>
  )
}
