import Link from 'next/link'
import { notFound } from 'next/navigation'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError } from '@/lib/server/errors'
import { listOrganisationSignIns } from '@/lib/server/organisation-sign-in-admin'

export const metadata = { title: 'Sign-in with organisations’ accounts' }

export default async function OrganisationSignInsPage() {
  const actor = await requireActor()
  const organisations = await listOrganisationSignIns(actor).catch((e) => {
    if (e instanceof ForbiddenError) notFound()
    throw e
  })
  return (
    <>
      <h1>Sign-in with organisations’ accounts</h1>
      <p className="lede">
        A council or provider with its own identity provider (such as Microsoft Entra ID) can let its people sign in to
        Haven with their work account. You still create each person’s Haven account and give their roles here.
      </p>
      <ul className="cards">
        {organisations.map((o) => (
          <li key={o.id}>
            <Link className="title" href={`/admin/sign-in/${o.id}`}>
              {o.name}
            </Link>
            <div className="muted">{o.kind === 'provider' ? 'Provider of children’s homes' : 'Local authority'}</div>
            <div>
              {!o.organisationSignIn
                ? 'Not set up: its people sign in with a Haven password'
                : o.organisationSignIn.enabled
                  ? `On, for ${o.organisationSignIn.emailDomains.join(', ')}${o.organisationSignIn.providerOnly ? ' (no Haven passwords)' : ''}`
                  : 'Set up but turned off'}
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
