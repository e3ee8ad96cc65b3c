import Link from 'next/link'
import { redirect } from 'next/navigation'
import { currentActor } from '@/lib/server/current-actor'
import { SignInForm } from './SignInForm'

export const metadata = { title: 'Sign in' }

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  if (await currentActor()) redirect('/')
  const { password } = await searchParams
  return (
    <>
      <h1>Sign in to Haven</h1>
      {password === 'set' && (
        <p className="notice" role="status">
          Your password is set. Sign in with it now.
        </p>
      )}
      <p className="lede">Use your e-mail address and the password you chose.</p>
      <SignInForm />
      <p>
        <Link href="/sign-in/forgotten">Forgotten your password?</Link>
      </p>
      <p>
        <Link href="/sign-in/organisation">Sign in with your organisation’s account</Link> (if your council or provider
        has set it up)
      </p>
    </>
  )
}
