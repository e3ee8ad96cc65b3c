import Link from 'next/link'
import { notFound } from 'next/navigation'
import { KIND_LABELS, LEVEL_LABELS } from '@/lib/domain/cse'
import { can } from '@/lib/domain/permissions'
import { formatDateTime } from '@/lib/domain/time'
import { loadCseOr404 } from '@/app/(lib)/load-or-404'
import { ProposeNotifiableEventForm } from '@/components/ProposeNotifiableEventForm'

export const metadata = { title: 'This may be a Regulation 40 event' }

/** From the child's latest exploitation screening: the worker proposes, the registered manager decides. */
export default async function ProposeFromScreeningPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, cse } = await loadCseOr404((await params).id)
  const latest = cse.screenings[0]
  if (!latest || !can(actor, 'reg40.propose')) notFound()
  const back = `/children/${cse.child.id}/cse`
  return (
    <>
      <p>
        <Link href={back}>Back to the screening</Link>
      </p>
      <h1>This may be a Regulation 40 event</h1>
      <p className="lede">
        {cse.child.firstName} {cse.child.lastName}, screened {formatDateTime(latest.screenedAt)}:{' '}
        {latest.kinds
          .map((k) => `${KIND_LABELS[k.kind].toLowerCase()} ${LEVEL_LABELS[k.level].toLowerCase()}`)
          .join('; ')}
        . The registered manager decides whether to notify Ofsted and the others Regulation 40 names, or records why it
        is not notifiable.
      </p>
      <ProposeNotifiableEventForm source={{ screeningId: latest.id }} returnTo={back} />
    </>
  )
}
