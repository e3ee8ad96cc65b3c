import { redirect } from 'next/navigation'
import { currentActor } from '@/lib/server/current-actor'
import { OrganisationCodeForm } from './OrganisationCodeForm'

export const metadata = { title: 'Code from your authenticator app' }

export default async function OrganisationCodePage() {
  if (await currentActor()) redirect('/')
  return (
    <>
      <h1>One more step</h1>
      <p className="lede">
        Your organisation let you in. Haven also needs the code from your authenticator app, as your organisation’s
        sign-in does not ask for a second factor itself.
      </p>
      <OrganisationCodeForm />
    </>
  )
}
