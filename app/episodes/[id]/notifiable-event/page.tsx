import Link from 'next/link'
import { notFound } from 'next/navigation'
import { can } from '@/lib/domain/permissions'
import { formatDateTime } from '@/lib/domain/time'
import { loadEpisodeOr404 } from '@/app/(lib)/load-or-404'
import { ProposeNotifiableEventForm } from '@/components/ProposeNotifiableEventForm'

export const metadata = { title: 'This may be a Regulation 40 event' }

export default async function ProposeNotifiableEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, episode } = await loadEpisodeOr404((await params).id)
  if (!can(actor, 'reg40.propose')) notFound()
  return (
    <>
      <p>
        <Link href={`/episodes/${episode.id}`}>Back to the episode</Link>
      </p>
      <h1>This may be a Regulation 40 event</h1>
      <p className="lede">
        {episode.child.firstName} {episode.child.lastName}, missing since {formatDateTime(new Date(episode.lastSeenAt))}
        . The registered manager decides whether to notify Ofsted and the others Regulation 40 names, or records why it
        is not notifiable.
      </p>
      <ProposeNotifiableEventForm source={{ episodeId: episode.id }} returnTo={`/episodes/${episode.id}`} />
    </>
  )
}
