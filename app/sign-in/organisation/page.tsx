import Link from 'next/link'
import { redirect } from 'next/navigation'
import { REFUSAL_WORDS } from '@/lib/domain/organisation-sign-in'
import { currentActor } from '@/lib/server/current-actor'
import { OrganisationSignInForm } from './OrganisationSignInForm'

export const metadata = { title: 'Sign in with your organisation’s account' }

export default async function OrganisationSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ refused?: string }>
}) {
  if (await currentActor()) redirect('/')
  const { refused } = await searchParams
  const words = refused && Object.hasOwn(REFUSAL_WORDS, refused) ? REFUSAL_WORDS[refused as 'failed'] : null
  return (
    <>
      <h1>Sign in with your organisation’s account</h1>
      {words && (
        <div className="error-summary" role="alert" aria-labelledby="refused-title">
          <h2 id="refused-title">You are not signed in</h2>
          <p>{words}</p>
        </div>
      )}
      <p className="lede">
        If your council or provider has set this up, you sign in to Haven with the account you use for your work e-mail.
        Your organisation’s own sign-in page opens next.
      </p>
      <OrganisationSignInForm />
      <p>
        <Link href="/sign-in">Sign in with your Haven password instead</Link>
      </p>
    </>
  )
}
