import Link from 'next/link'
import { ABSENCE_SHORT } from '@/lib/domain/episodes'
import { formatDateTime, formatDuration } from '@/lib/domain/time'
import type { EpisodeSummary } from '@/lib/validation/responses'

const STATUS = { open: 'Missing now', returned: 'Returned: to review', closed: 'Closed' }

export function EpisodeList({ episodes, showChild = true }: { episodes: EpisodeSummary[]; showChild?: boolean }) {
  return (
    <ul className="cards">
      {episodes.map((e) => (
        <li key={e.id}>
          <Link className="title" href={`/episodes/${e.id}`}>
            {showChild ? `${e.child.firstName} ${e.child.lastName}` : formatDateTime(new Date(e.lastSeenAt))}
          </Link>{' '}
          <span className={`status status-${e.status}`}>{STATUS[e.status]}</span>
          <div>
            {showChild && <>Last seen {formatDateTime(new Date(e.lastSeenAt))} · </>}
            {/* "Missing now" already says it */}
            {e.status === 'open' && e.absenceType === 'MISSING' ? null : <>{ABSENCE_SHORT[e.absenceType]} · </>}
            {e.status === 'open' ? `${formatDuration(e.durationMinutes)} so far` : formatDuration(e.durationMinutes)}
          </div>
          <div className="muted">From {e.lastSeenPlace}</div>
        </li>
      ))}
    </ul>
  )
}
