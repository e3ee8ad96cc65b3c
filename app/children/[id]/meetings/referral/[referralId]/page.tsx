import Link from 'next/link'
import { notFound } from 'next/navigation'
import { loadChildOr404 } from '@/app/(lib)/load-or-404'
import { AmendmentForm } from '@/components/AmendmentForm'
import { can, mayRecordReferral } from '@/lib/domain/permissions'
import { REFERRAL_FIELDS, type ReferralField } from '@/lib/domain/referrals'
import { listReferrals } from '@/lib/server/referrals'
import { amendReferralAction } from '../../actions'

export const metadata = { title: 'Add a decision or correct a referral' }

const NRM_ONLY = ['reasonableGrounds', 'reasonableGroundsOn', 'conclusiveGrounds', 'conclusiveGroundsOn']
/** The fields a referral of this kind has (decisions on an NRM referral, requested or issued on a CAWN). */
const referralFields = (kind: string) =>
  (Object.keys(REFERRAL_FIELDS) as ReferralField[]).filter(
    (f) => (kind === 'NRM' || !NRM_ONLY.includes(f)) && (kind === 'CAWN' || f !== 'cawnStatus'),
  )

export default async function AmendReferralPage({ params }: { params: Promise<{ id: string; referralId: string }> }) {
  const { id, referralId } = await params
  const { actor, child } = await loadChildOr404(id)
  const r = (await listReferrals(actor, child.id)).referrals.find((x) => x.id === referralId)
  if (!r || !can(actor, 'referral.record') || !mayRecordReferral(actor, r.kind)) notFound()
  const page = `/children/${child.id}/meetings`
  return (
    <>
      <p>
        <Link href={page}>Back to referrals and meetings</Link>
      </p>
      <h1>
        {r.kindLabel}: {child.firstName} {child.lastName}
      </h1>
      <p className="lede">
        Add a decision that came later (dates as YYYY-MM-DD, decisions as POSITIVE or NEGATIVE, a CAWN as REQUESTED or
        ISSUED), or correct what was recorded. The earlier value stays readable, with your name and reason.
      </p>
      <AmendmentForm
        fields={referralFields(r.kind).map((f) => ({
          name: f,
          label: REFERRAL_FIELDS[f],
          input: f === 'kinds' ? { kind: 'kinds' } : { kind: 'text', rows: 1 },
        }))}
        current={{
          madeOn: r.madeOn,
          madeBy: r.madeBy,
          reference: r.reference ?? '',
          summary: r.summary ?? '',
          reasonableGrounds: r.reasonableGrounds ?? '',
          reasonableGroundsOn: r.reasonableGroundsOn ?? '',
          conclusiveGrounds: r.conclusiveGrounds ?? '',
          conclusiveGroundsOn: r.conclusiveGroundsOn ?? '',
          cawnStatus: r.cawnStatus ?? '',
          kinds: r.kinds.join(','),
        }}
        version={r.version}
        maxLength={2000}
        action={amendReferralAction.bind(null, r.id)}
        done={page}
      />
    </>
  )
}
