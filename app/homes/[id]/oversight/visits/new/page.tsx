import Link from 'next/link'
import { londonDate } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { recordId } from '@/lib/server/errors'
import { visitFormContext } from '@/lib/server/oversight/visits'
import { orNotFound } from '@/app/(lib)/load-or-404'
import { VisitForm } from './VisitForm'

export const metadata = { title: 'Record a Regulation 44 visit' }

export default async function NewVisitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  const { home, manages, people, placing } = await orNotFound(
    visitFormContext(actor, recordId((await params).id, 'home')),
  )
  return (
    <>
      <p>
        <Link href={manages ? `/homes/${home.id}/oversight` : '/'}>
          {manages ? `Back to the oversight of ${home.name}` : 'Back to your dashboard'}
        </Link>
      </p>
      <h1>Record a Regulation 44 visit to {home.name}</h1>
      {people.length === 0 ? (
        <p className="empty">
          {manages
            ? 'Register the independent person first.'
            : 'You are not registered as an independent person for this home: ask the registered manager to register you.'}
        </p>
      ) : (
        <VisitForm
          homeId={home.id}
          today={londonDate(new Date())}
          people={people}
          placing={placing}
          hostName={home.hostAuthority.name}
        />
      )}
    </>
  )
}
