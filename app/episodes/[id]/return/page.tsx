import Link from 'next/link'
import { notFound } from 'next/navigation'
import { can } from '@/lib/domain/permissions'
import { formatDateTime, londonLocal } from '@/lib/domain/time'
import { loadEpisodeOr404 } from '@/app/(lib)/load-or-404'
import { RecordReturnForm } from './RecordReturnForm'

export const metadata = { title: 'Record the return' }

export default async function ReturnPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, episode } = await loadEpisodeOr404((await params).id)
  if (!can(actor, 'episode.return')) notFound()
  const name = `${episode.child.firstName} ${episode.child.lastName}`
  return (
    <>
      <p>
        <Link href={`/episodes/${episode.id}`}>Back to the episode</Link>
      </p>
      <h1>{name} is back</h1>
      <p className="lede">
        Missing since {formatDateTime(new Date(episode.lastSeenAt))}. Ask where they have been and who with, and look
        after them first.
      </p>
      {episode.return ? (
        <p className="notice">
          The return has already been recorded. To change it, correct the record from the episode page.
        </p>
      ) : (
        <RecordReturnForm episodeId={episode.id} firstName={episode.child.firstName} now={londonLocal(new Date())} />
      )}
    </>
  )
}
