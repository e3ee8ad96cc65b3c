import Link from 'next/link'
import { notFound } from 'next/navigation'
import { requireActor } from '@/lib/server/current-actor'
import { NotFoundError, recordId } from '@/lib/server/errors'
import { getReturnDetails } from '@/lib/server/return-details'
import { ReturnDetailsForm } from './ReturnDetailsForm'

export const metadata = { title: 'Details for the SSDA903 return' }

export default async function ReturnDetailsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  const { id } = await params
  const details = await getReturnDetails(actor, recordId(id, 'child')).catch((e) => {
    if (e instanceof NotFoundError) notFound()
    throw e
  })
  const { child, hasPeriodOfCare, ...values } = details
  return (
    <>
      <p>
        <Link href={`/children/${child.id}`}>
          Back to {child.firstName} {child.lastName}
        </Link>
      </p>
      <h1>
        Details for the SSDA903 return: {child.firstName} {child.lastName}
      </h1>
      <p className="lede">
        What only the placing authority knows: your reference for the child, the UPN (or why there is none), the home
        postcode when the child became looked after and the category of need. Who changes them is recorded.
      </p>
      {!hasPeriodOfCare && (
        <p className="concern concern-warning">
          Haven holds no period of care for this child: the home postcode and category of need need one.
        </p>
      )}
      <ReturnDetailsForm childId={child.id} values={values} recordedSex={child.sex === 'MALE' ? 'Male' : 'Female'} />
    </>
  )
}
