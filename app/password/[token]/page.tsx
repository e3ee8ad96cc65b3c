import Link from 'next/link'
import { passwordLinkPurpose } from '@/lib/server/passwords'
import { NewPasswordForm } from './NewPasswordForm'

export const metadata = { title: 'Choose your password' }

export default async function PasswordLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const purpose = await passwordLinkPurpose(decodeURIComponent(token))
  if (!purpose)
    return (
      <>
        <h1>This link no longer works</h1>
        <p className="lede">It has expired or has already been used. You can ask for a new one.</p>
        <p>
          <Link href="/sign-in/forgotten">Forgotten your password?</Link>
        </p>
      </>
    )
  return (
    <>
      <h1>{purpose === 'INVITATION' ? 'Welcome to Haven: choose your password' : 'Choose a new password'}</h1>
      <p className="lede">
        At least 12 characters. Three random words work well; common passwords are refused. You will be signed out
        everywhere else.
      </p>
      <NewPasswordForm token={decodeURIComponent(token)} />
    </>
  )
}
