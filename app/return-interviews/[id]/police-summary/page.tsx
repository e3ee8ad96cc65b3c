import Link from 'next/link'
import { LOCATION_KIND_LABELS } from '@/lib/domain/episodes'
import { SHARING_BASIS_LABELS } from '@/lib/domain/return-interviews'
import { formatDateTime } from '@/lib/domain/time'
import { loadInterviewOr404 } from '@/app/(lib)/load-or-404'
import { PrintButton } from '@/app/episodes/[id]/grab-pack/ShareForm'

export const metadata = { title: 'Police intelligence summary' }

/** For police intelligence (recommendation 10): the places, people and vehicles the child named. */
export default async function PoliceSummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const { interview: i } = await loadInterviewOr404((await params).id)
  return (
    <>
      <p className="no-print">
        <Link href={`/return-interviews/${i.id}`}>Back to the interview</Link>
      </p>
      <h1>Police intelligence summary</h1>
      <p className="lede">
        From the return interview with {i.child.firstName} {i.child.lastName} (age {i.child.age}), missing{' '}
        {formatDateTime(new Date(i.lastSeenAt))} to {formatDateTime(new Date(i.returnedAt))}. Printed{' '}
        {formatDateTime(new Date())}.
      </p>
      <div className="actions no-print">
        <PrintButton />
      </div>
      <h2>Places</h2>
      {i.locations.length ? (
        <ul>
          {i.locations.map((l) => (
            <li key={l.id}>
              {l.name}
              {l.postcode ? `, ${l.postcode}` : ''} (
              {LOCATION_KIND_LABELS[l.kind as keyof typeof LOCATION_KIND_LABELS] ?? l.kind})
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">None named.</p>
      )}
      <h2>People</h2>
      {i.associates.length ? (
        <ul>
          {i.associates.map((a) => (
            <li key={a.id}>{[a.name, a.description].filter(Boolean).join(': ')}</li>
          ))}
        </ul>
      ) : (
        <p className="empty">None named.</p>
      )}
      <h2>Vehicles</h2>
      {i.vehicles.length ? (
        <ul>
          {i.vehicles.map((v) => (
            <li key={v.id}>
              {[v.registration, v.description, v.taxiFirm && `taxi firm ${v.taxiFirm}`].filter(Boolean).join(', ')}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">None named.</p>
      )}
      <h2>Sharing recorded</h2>
      {i.sharings.length ? (
        <ul>
          {i.sharings.map((s) => (
            <li key={s.id}>
              {formatDateTime(new Date(s.sharedAt))}, {s.policeForce}: {SHARING_BASIS_LABELS[s.basis]}
              {s.reason ? ` (${s.reason})` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">Not yet recorded as shared. Record the sharing on the interview page, with its basis.</p>
      )}
    </>
  )
}
