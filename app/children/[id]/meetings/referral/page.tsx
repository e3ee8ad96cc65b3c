import Link from 'next/link'
import { notFound } from 'next/navigation'
import { loadChildOr404 } from '@/app/(lib)/load-or-404'
import { EXPLOITATION_KINDS } from '@/lib/domain/cse'
import { can, mayRecordReferral } from '@/lib/domain/permissions'
import { ReferralForm } from '../MeetingForms'

export const metadata = { title: 'Record a referral' }

/** Its own page: the meetings page's form has fields of the same names (a kind, a date). From a screening's outcome,
 * `?kinds=criminal,trafficking` ticks the kinds it found a risk of. */
export default async function RecordReferralPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ kinds?: string | string[] }>
}) {
  const { actor, child } = await loadChildOr404((await params).id)
  if (!can(actor, 'referral.record')) notFound()
  const asked = String((await searchParams).kinds ?? '').split(',')
  const kinds = EXPLOITATION_KINDS.filter((k) => asked.includes(k))
  return (
    <>
      <p>
        <Link href={`/children/${child.id}/meetings`}>Back to referrals and meetings</Link>
      </p>
      <h1>
        Record a referral: {child.firstName} {child.lastName}
      </h1>
      {kinds.length > 0 && (
        <p className="lede">
          The kinds of exploitation the latest screening found a risk of are ticked: change them if needed.
        </p>
      )}
      <ReferralForm childId={child.id} mayNrm={mayRecordReferral(actor, 'NRM')} kinds={kinds} />
    </>
  )
}
