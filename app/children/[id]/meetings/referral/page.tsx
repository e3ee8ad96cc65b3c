import Link from 'next/link'
import { notFound } from 'next/navigation'
import { loadChildOr404 } from '@/app/(lib)/load-or-404'
import { can, mayRecordReferral } from '@/lib/domain/permissions'
import { ReferralForm } from '../MeetingForms'

export const metadata = { title: 'Record a referral' }

/** Its own page: the meetings page's form has fields of the same names (a kind, a date). */
export default async function RecordReferralPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, child } = await loadChildOr404((await params).id)
  if (!can(actor, 'referral.record')) notFound()
  return (
    <>
      <p>
        <Link href={`/children/${child.id}/meetings`}>Back to referrals and meetings</Link>
      </p>
      <h1>
        Record a referral: {child.firstName} {child.lastName}
      </h1>
      <ReferralForm childId={child.id} mayNrm={mayRecordReferral(actor, 'NRM')} />
    </>
  )
}
