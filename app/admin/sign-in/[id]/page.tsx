import Link from 'next/link'
import { notFound } from 'next/navigation'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError } from '@/lib/server/errors'
import { redirectUri, SCOPES } from '@/lib/server/organisation-sign-in'
import { listOrganisationSignIns } from '@/lib/server/organisation-sign-in-admin'
import { OrganisationSignInForm } from './OrganisationSignInForm'

export const metadata = { title: 'Sign-in with the organisation’s account' }

export default async function OrganisationSignInPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  const { id } = await params
  const organisations = await listOrganisationSignIns(actor).catch((e) => {
    if (e instanceof ForbiddenError) notFound()
    throw e
  })
  const organisation = organisations.find((o) => o.id === id)
  if (!organisation) notFound()
  const config = organisation.organisationSignIn
  return (
    <>
      <p>
        <Link href="/admin/sign-in">All organisations</Link>
      </p>
      <h1>Sign-in with {organisation.name}’s account</h1>
      <p>Register Haven with the organisation’s identity provider as a web application, with:</p>
      <dl className="summary">
        <div>
          <dt>Redirect URI</dt>
          <dd>
            <code className="secret">{redirectUri()}</code>
          </dd>
        </div>
        <div>
          <dt>Scopes</dt>
          <dd>
            <code>{SCOPES}</code>
          </dd>
        </div>
      </dl>
      <p>Then copy its issuer, client id and a client secret here.</p>
      <OrganisationSignInForm
        organisationId={organisation.id}
        hasSecret={Boolean(config)}
        defaults={{
          issuer: config?.issuer ?? '',
          clientId: config?.clientId ?? '',
          emailDomains: config?.emailDomains.join(', ') ?? '',
          enabled: config?.enabled ?? true,
          providerOnly: config?.providerOnly ?? false,
          providerEnforcesMfa: config?.providerEnforcesMfa ?? true,
        }}
      />
    </>
  )
}
