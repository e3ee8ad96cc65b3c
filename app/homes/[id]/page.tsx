import Link from 'next/link'
import { notFound } from 'next/navigation'
import { EpisodeList } from '@/components/EpisodeList'
import { HomePhoneMissing } from '@/components/HomePhoneMissing'
import { can, mayActOnHome } from '@/lib/domain/permissions'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError, NotFoundError, recordId } from '@/lib/server/errors'
import { getHome } from '@/lib/server/homes'
import { PhoneForm } from './PhoneForm'

export const metadata = { title: 'Home' }

export default async function HomePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  const { id } = await params
  const { home, children, missingNow } = await getHome(actor, recordId(id, 'home')).catch((e) => {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) notFound()
    throw e
  })
  const missing = new Set(missingNow.map((e) => e.child.id))
  const mayChangePhone = mayActOnHome(actor, 'home.phone', home)
  return (
    <>
      <h1>{home.name}</h1>
      <p className="lede">
        {home.town}, {home.postcode} · Ofsted URN {home.ofstedUrn} ·{' '}
        {home.phone ? (
          <>
            Phone <a href={`tel:${home.phone.replace(/ /g, '')}`}>{home.phone}</a>
          </>
        ) : (
          'No phone number recorded'
        )}
      </p>
      {mayChangePhone && !home.phone && <HomePhoneMissing home={home} onHomePage />}
      {can(actor, 'oversight.read') && (
        <p>
          <Link href={`/homes/${home.id}/oversight`}>
            Oversight: Regulation 44 visits, Regulation 45 reviews, location assessment
          </Link>
        </p>
      )}
      {can(actor, 'reg40.read') && (
        <p>
          <Link href={`/homes/${home.id}/notifiable-events`}>
            Notifiable events (Regulation 40): to decide, to notify, notified
          </Link>
        </p>
      )}
      <h2>Missing now</h2>
      {missingNow.length === 0 ? (
        <p className="empty">Nobody from {home.name} is recorded as missing or away.</p>
      ) : (
        <EpisodeList episodes={missingNow} />
      )}
      <h2>Living here now</h2>
      <ul className="cards">
        {children.map((c) => (
          <li key={c.id}>
            <Link className="title" href={`/children/${c.id}`}>
              {c.firstName} {c.lastName}
            </Link>
            <div>Age {c.age}</div>
            {!missing.has(c.id) && can(actor, 'episode.report') && (
              <p style={{ margin: '0.5rem 0 0' }}>
                <Link className="button warning" href={`/children/${c.id}/missing/new`}>
                  Report {c.firstName} missing
                </Link>
              </p>
            )}
          </li>
        ))}
      </ul>
      {mayChangePhone && (
        <section id="phone" aria-labelledby="phone-heading">
          <h2 id="phone-heading">Phone number</h2>
          <p>
            Haven&apos;s e-mails to the contacts in a child&apos;s missing protocol who have no Haven account (the
            emergency duty team, a host authority&apos;s missing coordinator) ask them to ring {home.name} on this
            number.
          </p>
          <PhoneForm homeId={home.id} phone={home.phone} />
        </section>
      )}
    </>
  )
}
