import Link from 'next/link'
import { notFound } from 'next/navigation'
import { addMonths } from '@/lib/domain/time'
import { can } from '@/lib/domain/permissions'
import { isoDate, londonDate } from '@/lib/domain/time'
import { loadCseOr404 } from '@/app/(lib)/load-or-404'
import { settings } from '@/lib/settings'
import { PlanForm } from './PlanForm'

export const metadata = { title: 'Safety plan' }

export default async function NewPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, cse } = await loadCseOr404((await params).id)
  if (!can(actor, 'plan.write')) notFound()
  const latest = cse.plans[0]
  const screened = cse.screenings[0]?.indicators ?? []
  // the kinds the latest screenings found a risk of, else those the last plan addressed
  const atRisk = Object.values(cse.latestByKind)
    .filter((k) => k.level !== 'NOT_AT_RISK')
    .map((k) => k.kind)
  const kinds = atRisk.length ? atRisk : (latest?.kinds ?? ['sexual' as const])
  const defaults = latest
    ? {
        kinds,
        risks: latest.risks.map((r) => ({ code: r.code ?? '', text: r.text ?? '' })),
        actions: latest.actions.map((a) => ({ who: a.who ?? '', what: a.what ?? '', byWhen: a.byWhen ?? '' })),
        ifMissingPlaces: latest.ifMissingPlaces,
        ifMissingPeople: latest.ifMissingPeople,
        trustedAdults: latest.trustedAdults ?? '',
        childsWords: '',
        childAgrees: latest.childAgrees,
        familyEngaged: latest.familyEngaged ?? '',
        policeInvolved: latest.policeInvolved ? ('yes' as const) : ('no' as const),
        policeOfficer: latest.policeOfficer ?? '',
        policeReference: latest.policeReference ?? '',
        reviewDate:
          isoDate(latest.reviewDate) > londonDate(new Date())
            ? isoDate(latest.reviewDate)
            : addMonths(londonDate(new Date()), settings.cse.rescreenMonths),
        basedOnVersion: latest.version,
      }
    : {
        // start from what the latest screening found
        kinds,
        risks: screened.length ? screened.map((i) => ({ code: i.code, text: i.note ?? '' })) : [{ code: '', text: '' }],
        actions: [{ who: '', what: '', byWhen: '' }],
        ifMissingPlaces: '',
        ifMissingPeople: '',
        trustedAdults: '',
        childsWords: '',
        familyEngaged: '',
        policeInvolved: '' as const,
        policeOfficer: '',
        policeReference: '',
        reviewDate: addMonths(londonDate(new Date()), settings.cse.rescreenMonths),
        basedOnVersion: 0,
      }
  return (
    <>
      <p>
        <Link href={`/children/${cse.child.id}/cse`}>Back</Link>
      </p>
      <h1>
        Safety plan for {cse.child.firstName} {cse.child.lastName}:{' '}
        {latest ? `version ${latest.version + 1}` : 'first version'}
      </h1>
      <p className="lede">
        Negotiated with {cse.child.firstName}, with family and supporting adults, and the police where appropriate. The
        registered manager signs it off.
      </p>
      <PlanForm childId={cse.child.id} firstName={cse.child.firstName} defaults={defaults as never} />
    </>
  )
}
