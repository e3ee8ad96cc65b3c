import Link from 'next/link'
import { notFound } from 'next/navigation'
import { can } from '@/lib/domain/permissions'
import { placementFormOptions } from '@/lib/server/placement-setting'
import { loadChildOr404 } from '@/app/(lib)/load-or-404'
import { StartPlacementForm } from './StartPlacementForm'

export const metadata = { title: 'Start a placement' }

export default async function StartPlacementPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, child } = await loadChildOr404((await params).id)
  if (!can(actor, 'placement.start')) notFound()
  const options = await placementFormOptions(actor)
  const open = child.placements.find((p) => !p.endDate)
  return (
    <>
      <p>
        <Link href={`/children/${child.id}`}>
          Back to {child.firstName} {child.lastName}
        </Link>
      </p>
      <h1>
        Start a placement for {child.firstName} {child.lastName}
      </h1>
      {open && (
        <p className="notice">
          The current placement at {open.home?.name ?? open.settingName} will end on the new placement&apos;s start
          date.
        </p>
      )}
      <StartPlacementForm
        childId={child.id}
        hasPlacements={child.placements.length > 0}
        options={{ ...options, allowOtherSetting: actor.grants.some((g) => g.role === 'SOCIAL_WORKER') }}
      />
    </>
  )
}
