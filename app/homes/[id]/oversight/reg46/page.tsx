import Link from 'next/link'
import { formatDate, londonDate } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { recordId } from '@/lib/server/errors'
import { reg46Context } from '@/lib/server/oversight/reviews'
import { orNotFound } from '@/app/(lib)/load-or-404'
import { settings } from '@/lib/settings'
import { LocationShareForm, Reg46Form } from '../ReviewForms'

export const metadata = { title: 'Location assessment' }

export default async function Reg46Page({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  const { home, recurringPlaces, assessments, shares } = await orNotFound(
    reg46Context(actor, recordId((await params).id, 'home')),
  )
  const today = londonDate(new Date())
  return (
    <>
      <p>
        <Link href={`/homes/${home.id}/oversight`}>Back to the oversight of {home.name}</Link>
      </p>
      <h1>Location assessment: {home.name}</h1>
      <p className="lede">
        Regulation 46: reviewed at least once a year, consulting the police (report recommendation 5). The police should
        know where the home is (recommendation 6).
      </p>
      <section aria-labelledby="places">
        <h2 id="places">Places that recur in Haven’s records for this home’s children</h2>
        <p>
          Places named in {settings.oversight.recurringPlaceEpisodes} or more missing episodes from {home.name} in the
          last {settings.patterns.lookbackDays} days. They are kept with the assessment as it was made.
        </p>
        {recurringPlaces.length ? (
          <ul>
            {recurringPlaces.map((p) => (
              <li key={p.name}>
                {p.name}
                {p.postcode ? `, ${p.postcode}` : ''}: {p.episodes} episodes, {p.children}{' '}
                {p.children === 1 ? 'child' : 'children'}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">No place recurs in this home’s episodes.</p>
        )}
      </section>
      <section aria-labelledby="earlier">
        <h2 id="earlier">Earlier assessments</h2>
        {assessments.length ? (
          <ul>
            {assessments.map((a) => (
              <li key={a.id}>
                {formatDate(a.assessedOn)}: {a.policeForce} ({a.policeOfficer}, consulted {formatDate(a.consultedOn)}).
                Hot spots: {a.hotSpots}
                {a.sexOffenderInfo ? `. Registered sex offender information: ${a.sexOffenderInfo}` : ''}. Actions:{' '}
                {a.actions}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">None recorded.</p>
        )}
      </section>
      <h2>Record a new assessment</h2>
      <Reg46Form homeId={home.id} today={today} />
      <section aria-labelledby="shared">
        <h2 id="shared">The home’s location shared with the police</h2>
        {shares.length ? (
          <ul>
            {shares.map((s) => (
              <li key={s.id}>
                {formatDate(s.sharedOn)}: {s.sharedWith}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">Not recorded yet.</p>
        )}
        <LocationShareForm homeId={home.id} today={today} />
      </section>
    </>
  )
}
