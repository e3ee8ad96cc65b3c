import Link from 'next/link'
import { notFound } from 'next/navigation'
import { can } from '@/lib/domain/permissions'
import { londonLocal } from '@/lib/domain/time'
import { loadChildOr404 } from '@/app/(lib)/load-or-404'
import { ReportMissingForm } from './ReportMissingForm'

export const metadata = { title: 'Report missing' }

export default async function ReportMissingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ with?: string }>
}) {
  const { actor, child } = await loadChildOr404((await params).id)
  if (!can(actor, 'episode.report')) notFound()
  const wentWith = (await searchParams).with
  const current = child.placements.find((p) => !p.endDate)
  return (
    <>
      <p>
        <Link href={`/children/${child.id}`}>
          Back to {child.firstName} {child.lastName}
        </Link>
      </p>
      <h1>
        Report {child.firstName} {child.lastName} missing
      </h1>
      <p>Only what you know now. You can add calls, sightings and everything else on the next page.</p>
      <ReportMissingForm
        childId={child.id}
        firstName={child.firstName}
        defaults={{
          lastSeenAt: londonLocal(new Date()),
          lastSeenPlace: current?.home?.name ?? current?.settingName ?? '',
          wentWithEpisodeId: typeof wentWith === 'string' ? wentWith : null,
        }}
      />
    </>
  )
}
