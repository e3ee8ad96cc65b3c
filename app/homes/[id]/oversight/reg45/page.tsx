import Link from 'next/link'
import { londonDate } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { recordId } from '@/lib/server/errors'
import { approvingAuthorities } from '@/lib/server/oversight/register'
import { orNotFound } from '@/app/(lib)/load-or-404'
import { Reg45Form } from '../ReviewForms'

export const metadata = { title: 'Regulation 45 review' }

export default async function Reg45Page({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  const { home } = await orNotFound(approvingAuthorities(actor, recordId((await params).id, 'home')))
  return (
    <>
      <p>
        <Link href={`/homes/${home.id}/oversight`}>Back to the oversight of {home.name}</Link>
      </p>
      <h1>Regulation 45 review: {home.name}</h1>
      <p className="lede">
        A review of the quality of care at least every 6 months, seeking the views of children, parents, placing
        authorities and staff; its report goes to Ofsted within 28 days.
      </p>
      <Reg45Form homeId={home.id} today={londonDate(new Date())} />
    </>
  )
}
