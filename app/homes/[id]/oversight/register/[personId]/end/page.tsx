import Link from 'next/link'
import { notFound } from 'next/navigation'
import { formatDate, londonDate } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { recordId } from '@/lib/server/errors'
import { getIndependentPerson } from '@/lib/server/oversight/register'
import { orNotFound } from '@/app/(lib)/load-or-404'
import { EndAppointmentForm } from '../../../ReviewForms'

export const metadata = { title: 'End an independent person’s appointment' }

export default async function EndAppointmentPage({ params }: { params: Promise<{ id: string; personId: string }> }) {
  const actor = await requireActor()
  const { id, personId } = await params
  const { home, person } = await orNotFound(getIndependentPerson(actor, recordId(personId, 'independent person')))
  if (home.id !== id) notFound()
  const base = `/homes/${home.id}/oversight`
  return (
    <>
      <p>
        <Link href={base}>Back to the oversight of {home.name}</Link>
      </p>
      <h1>
        End {person.name}’s appointment at {home.name}
      </h1>
      <p className="lede">
        Appointed {formatDate(person.appointedOn)} by {person.appointedBy}. Their entry and visits stay on the register.
        If their declaration has changed, end this appointment and{' '}
        <Link href={`${base}/register`}>register them again</Link> with the new declaration.
      </p>
      {person.endedOn ? (
        <p className="concern concern-info">
          This appointment ended on {formatDate(person.endedOn)}: {person.endReason}
        </p>
      ) : (
        <EndAppointmentForm homeId={home.id} personId={person.id} today={londonDate(new Date())} />
      )}
    </>
  )
}
