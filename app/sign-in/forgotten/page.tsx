import Link from 'next/link'
import { settings } from '@/lib/settings'
import { ForgottenPasswordForm } from './ForgottenPasswordForm'

export const metadata = { title: 'Forgotten your password?' }

export default function ForgottenPasswordPage() {
  return (
    <>
      <h1>Forgotten your password?</h1>
      <p className="lede">
        Enter the e-mail address you sign in with. If it has a Haven account, we will send it a link to choose a new
        password. The link works once, for {settings.auth.resetLinkMinutes} minutes.
      </p>
      <ForgottenPasswordForm />
      <p>
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </>
  )
}
