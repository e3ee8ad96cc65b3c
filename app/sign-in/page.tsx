import { redirect } from 'next/navigation'
import { currentActor } from '@/lib/server/current-actor'
import { SignInForm } from './SignInForm'

export const metadata = { title: 'Sign in' }

export default async function SignInPage() {
  if (await currentActor()) redirect('/')
  return (
    <>
      <h1>Sign in to Haven</h1>
      <p className="lede">Use the e-mail address and password your administrator gave you.</p>
      <SignInForm />
    </>
  )
}
