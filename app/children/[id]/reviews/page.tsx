import Link from 'next/link'
import { notFound } from 'next/navigation'
import { can } from '@/lib/domain/permissions'
import { codeLabel, LEGAL_STATUS } from '@/lib/domain/ssda903'
import { formatDate } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { NotFoundError, recordId } from '@/lib/server/errors'
import { getReviews } from '@/lib/server/reviews'
import { LookedAfterSinceForm, ReviewHeldForm } from './ReviewForms'

export const metadata = { title: 'Looked-after reviews' }

export default async function ReviewsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  const { id } = await params
  const { child, lookedAfterSince, legalStatuses, next, reviews } = await getReviews(
    actor,
    recordId(id, 'child'),
  ).catch((e) => {
    if (e instanceof NotFoundError) notFound()
    throw e
  })
  return (
    <>
      <p>
        <Link href={`/children/${child.id}`}>
          Back to {child.firstName} {child.lastName}
        </Link>
      </p>
      <h1>
        Looked-after reviews: {child.firstName} {child.lastName}
      </h1>
      <p className="lede">
        The first review is due within 20 working days of the child becoming looked after, the second within 3 months of
        the first, then at most 6 months after the one before. The IRO can bring a review forward.
      </p>
      {next && (
        <div className={next.overdue ? 'concern concern-critical' : 'notice'}>
          <h2>
            {next.overdue
              ? `Review overdue since ${formatDate(next.date)}`
              : `Next review due by ${formatDate(next.date)}`}
          </h2>
          {next.broughtForward && <p>Brought forward by the IRO (by the timetable: {formatDate(next.byTimetable)}).</p>}
          <p>
            {next.lastHeld
              ? `Last review held on ${formatDate(next.lastHeld)}.`
              : 'No review held yet in this period of care.'}
          </p>
        </div>
      )}
      <dl className="summary">
        <div>
          <dt>Looked after since</dt>
          <dd>{lookedAfterSince ? formatDate(lookedAfterSince) : 'Not recorded'}</dd>
        </div>
        <div>
          <dt>IRO</dt>
          <dd>{child.iro ?? 'Not allocated'}</dd>
        </div>
        {legalStatuses.map((l) => (
          <div key={l.from}>
            <dt>Legal status from {formatDate(l.from)}</dt>
            <dd>
              {codeLabel(LEGAL_STATUS, l.legalStatus)}
              {l.categoryOfNeed ? ` (category of need ${l.categoryOfNeed})` : ''}
            </dd>
          </div>
        ))}
      </dl>
      {can(actor, 'review.record') && (
        <section aria-labelledby="record-review">
          <h2 id="record-review">Record a review held</h2>
          <ReviewHeldForm childId={child.id} firstName={child.firstName} />
        </section>
      )}
      <h2>Reviews held</h2>
      {reviews.length === 0 ? (
        <p className="empty">No reviews recorded.</p>
      ) : (
        <ol>
          {reviews.map((r) => (
            <li key={r.id}>
              <strong>{formatDate(r.heldOn)}</strong>
              {r.chair ? `, chaired by ${r.chair}` : ''}. {r.participationLabel}. {r.outcome}
            </li>
          ))}
        </ol>
      )}
      {can(actor, 'care.period') && lookedAfterSince && (
        <details>
          <summary>Correct the date the child became looked after</summary>
          <LookedAfterSinceForm childId={child.id} current={lookedAfterSince} />
        </details>
      )}
    </>
  )
}
