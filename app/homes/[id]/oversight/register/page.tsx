import Link from 'next/link'
import { londonDate } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { recordId } from '@/lib/server/errors'
import { approvingAuthorities } from '@/lib/server/oversight/register'
import { orNotFound } from '@/app/(lib)/load-or-404'
import { RegisterForm } from './RegisterForm'

export const metadata = { title: 'Register an independent person' }

export default async function RegisterPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  const { home, authorities } = await orNotFound(approvingAuthorities(actor, recordId((await params).id, 'home')))
  return (
    <>
      <p>
        <Link href={`/homes/${home.id}/oversight`}>Back to the oversight of {home.name}</Link>
      </p>
      <h1>Register an independent person for {home.name}</h1>
      <p className="lede">
        The registered provider appoints the independent person who visits at least monthly (Regulation 43). Haven works
        out whether they are independent from their declaration and from what it knows of their roles.
      </p>
      <RegisterForm homeId={home.id} today={londonDate(new Date())} authorities={authorities} />
    </>
  )
}
