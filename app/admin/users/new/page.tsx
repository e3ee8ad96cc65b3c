import { notFound } from 'next/navigation'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError } from '@/lib/server/errors'
import { organisationOptions } from '@/lib/server/users'
import { settings } from '@/lib/settings'
import { NewUserForm } from '../UserForms'

export const metadata = { title: 'Create an account' }

export default async function NewUserPage() {
  const actor = await requireActor()
  const organisations = await organisationOptions(actor).catch((e) => {
    if (e instanceof ForbiddenError) notFound()
    throw e
  })
  return (
    <>
      <h1>Create an account</h1>
      <p className="lede">Give the person their first role now; you can add more on their page.</p>
      <NewUserForm organisations={organisations} invitationDays={settings.auth.invitationDays} />
    </>
  )
}
