import Link from 'next/link'
import { redirect } from 'next/navigation'
import { enrollingActor } from '@/lib/server/current-actor'
import { secondFactorState } from '@/lib/server/second-factor'
import { signOutAction } from '@/app/sign-in/actions'
import { EnrolForm, NewRecoveryCodesButton } from './SecondFactorForms'

export const metadata = { title: 'Second factor' }

export default async function SecondFactorPage() {
  const actor = await enrollingActor()
  if (!actor) redirect('/sign-in')
  const state = await secondFactorState(actor)
  return (
    <>
      <p>
        <Link href="/account">Your account</Link>
      </p>
      <h1>Second factor</h1>
      {state.enrolled ? (
        <>
          <p>
            Your authenticator app is set up: Haven asks for a code from it each time you sign in. You have{' '}
            {state.codesLeft} unused recovery code{state.codesLeft === 1 ? '' : 's'}.
          </p>
          <p className="muted">
            New recovery codes replace all the old ones. If you lose your phone and your codes, ask your administrator
            to reset your second factor.
          </p>
          <NewRecoveryCodesButton />
        </>
      ) : (
        <>
          {state.required ? (
            <p className="notice" role="status">
              Your role needs a second factor: set one up to continue into Haven.
            </p>
          ) : (
            <p>A second factor keeps your account safe even if someone learns your password.</p>
          )}
          <p>
            Each time you sign in, after your password, Haven will ask for the 6-digit code an app on your phone shows.
            The codes change every 30 seconds.
          </p>
          <EnrolForm />
          {state.required && (
            // the header shows no menu until it is set up: this is the way out
            <form action={signOutAction}>
              <button type="submit" className="link-button">
                Sign out
              </button>
            </form>
          )}
        </>
      )}
    </>
  )
}
