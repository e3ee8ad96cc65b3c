import Link from 'next/link'
import { notFound } from 'next/navigation'
import { mayEndPlacement } from '@/lib/domain/permissions'
import { formatDate } from '@/lib/domain/time'
import { loadChildOr404 } from '@/app/(lib)/load-or-404'
import { EndPlacementForm } from './EndPlacementForm'

export const metadata = { title: 'End a placement' }

export default async function EndPlacementPage({ params }: { params: Promise<{ id: string; placementId: string }> }) {
  const { id, placementId } = await params
  const { actor, child } = await loadChildOr404(id)
  const placement = child.placements.find((p) => p.id === placementId && !p.endDate)
  if (!placement || !mayEndPlacement(actor, { homeId: placement.home?.id ?? null })) notFound()
  return (
    <>
      <p>
        <Link href={`/children/${child.id}`}>
          Back to {child.firstName} {child.lastName}
        </Link>
      </p>
      <h1>End the placement at {placement.home?.name ?? placement.settingName}</h1>
      <p className="lede">
        {child.firstName} {child.lastName} has been placed there since {formatDate(placement.startDate)}.
      </p>
      <EndPlacementForm childId={child.id} placementId={placement.id} />
    </>
  )
}
