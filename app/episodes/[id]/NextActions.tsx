import Link from 'next/link'
import { can } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { STATUS_LABELS } from '@/lib/domain/return-interviews'
import { formatDateTime } from '@/lib/domain/time'
import type { EpisodeView } from '@/lib/validation/responses'

type Interview = { id: string; status: keyof typeof STATUS_LABELS; dueAt: string | Date }

/** "What to do next", at the top of the episode page: the actions for this person's role now, each a link to its
 * place (on a phone, "Review and close" was two thousand pixels down). */
export function NextActions({
  episode,
  actor,
  mayClose,
  interview,
  protocolStepsLeft,
  mayLink,
}: {
  episode: EpisodeView
  actor: Actor
  mayClose: boolean
  interview: Interview | null
  protocolStepsLeft: number
  mayLink: boolean
}) {
  const first = episode.child.firstName
  const open = episode.status === 'open'
  const returned = episode.status === 'returned'
  const tasks = [
    open && can(actor, 'episode.update') && (
      <a href="#add-update">Add a call, a place checked or a sighting to the timeline</a>
    ),
    open && protocolStepsLeft > 0 && can(actor, 'protocol.step') && (
      <a href="#protocol">
        Follow {first}&apos;s missing protocol: {protocolStepsLeft} step{protocolStepsLeft === 1 ? '' : 's'} not done
        yet
      </a>
    ),
    mayLink && <a href="#went-with">Did another child go with {first}? Link them or report them missing too</a>,
    interview && (
      <Link href={`/return-interviews/${interview.id}`}>
        The return interview: {STATUS_LABELS[interview.status].toLowerCase()}, due by{' '}
        {formatDateTime(new Date(interview.dueAt))}
      </Link>
    ),
    returned && !mayClose && <span>The registered manager reviews and closes the episode.</span>,
  ].filter(Boolean)
  const buttons = [
    open && can(actor, 'grabpack.read') && (
      <Link key="pack" className="button big-action" href={`/episodes/${episode.id}/grab-pack`}>
        Give the police the grab pack
      </Link>
    ),
    open && can(actor, 'episode.return') && (
      <Link key="return" className="button secondary big-action" href={`/episodes/${episode.id}/return`}>
        {first} is back: record the return
      </Link>
    ),
    returned && mayClose && (
      <a key="review" className="button big-action" href="#review">
        Review and close
      </a>
    ),
  ].filter(Boolean)
  if (!tasks.length && !buttons.length) return null
  return (
    <section aria-labelledby="next" className="next-actions">
      <h2 id="next">What to do next</h2>
      {buttons}
      {tasks.length > 0 && (
        <ul className="task-list">
          {tasks.map((task, i) => (
            <li key={i}>{task}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
