import {
  AMENDABLE_FIELDS,
  POLICE_RISK_GRADE,
  RETURN_METHOD_LABELS,
  RISK_GRADE_LABELS,
  UPDATE_KIND_LABELS,
  ABSENCE_SHORT,
} from '@/lib/domain/episodes'
import { formatDateTime } from '@/lib/domain/time'
import type { EpisodeView } from '@/lib/validation/responses'

type Entry = { at: string; key: string; title: string; body?: string; who: string; amended?: boolean }

/** A stored value as a person would read it. */
function readable(field: string, value: string | boolean | null) {
  if (value === null || value === '') return '(blank)'
  if (field === 'lastSeenAt' || field === 'returnedAt') return formatDateTime(new Date(String(value)))
  if (field === 'absenceType') return ABSENCE_SHORT[value as keyof typeof ABSENCE_SHORT] ?? String(value)
  if (field === 'returnMethod') return RETURN_METHOD_LABELS[value as keyof typeof RETURN_METHOD_LABELS] ?? String(value)
  return String(value)
}

/** Everything that happened in the episode, in order: reported, updates, return, corrections, review; `more` adds
 * entries the page read beside it ("went with" links and their undoing). */
export function EpisodeTimeline({ episode, more = [] }: { episode: EpisodeView; more?: Entry[] }) {
  const entries: Entry[] = [
    ...more,
    {
      at: episode.lastSeenAt,
      key: 'seen',
      title: `Last seen at ${episode.lastSeenPlace}`,
      who: `Reported by ${episode.reportedBy.name} at ${formatDateTime(new Date(episode.reportedAt))}`,
    },
    ...episode.updates.map((u) => ({
      at: u.at,
      key: u.id,
      title:
        u.kind === 'POLICE_RISK_GRADE' && u.riskGrade
          ? `${POLICE_RISK_GRADE.label}: ${RISK_GRADE_LABELS[u.riskGrade]}`
          : UPDATE_KIND_LABELS[u.kind],
      body: u.text,
      who: `${u.author.name}, written ${formatDateTime(new Date(u.createdAt))}`,
    })),
    ...(episode.return
      ? [
          {
            at: episode.return.returnedAt,
            key: 'return',
            title: `Returned: ${RETURN_METHOD_LABELS[episode.return.method]}`,
            who: `Recorded by ${episode.return.recordedBy?.name ?? 'unknown'} at ${formatDateTime(new Date(episode.return.recordedAt))}`,
          },
        ]
      : []),
    ...episode.amendments.map((a) => ({
      at: a.createdAt,
      key: a.id,
      amended: true,
      title: `Corrected: ${AMENDABLE_FIELDS[a.field as keyof typeof AMENDABLE_FIELDS] ?? a.field}`,
      body: `Was: ${readable(a.field, a.previousValue)}. Now: ${readable(a.field, a.newValue)}. Why: ${a.reason}`,
      who: a.author.name,
    })),
    ...(episode.review
      ? [
          {
            at: episode.review.closedAt,
            key: 'review',
            title: 'Reviewed and closed',
            body: episode.review.note,
            who: episode.review.closedBy?.name ?? '',
          },
        ]
      : []),
  ].sort((a, b) => a.at.localeCompare(b.at))
  return (
    <ol className="timeline" aria-label="Timeline">
      {entries.map((e) => (
        <li key={e.key} className={e.amended ? 'amended' : undefined}>
          <div className="when">
            <time dateTime={e.at}>{formatDateTime(new Date(e.at))}</time> · {e.title}
          </div>
          {e.body && <div>{e.body}</div>}
          <div className="who">{e.who}</div>
        </li>
      ))}
    </ol>
  )
}
