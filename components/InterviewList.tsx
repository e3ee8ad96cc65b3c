import Link from 'next/link'
import { STATUS_LABELS } from '@/lib/domain/return-interviews'
import { formatDateTime } from '@/lib/domain/time'
import type { InterviewSummary } from '@/lib/validation/responses'

const TAG: Record<InterviewSummary['status'], string> = {
  due: 'status-closed',
  'due-soon': 'status-returned',
  overdue: 'status-open',
  held: 'status-closed',
  'held-late': 'status-returned',
  declined: 'status-closed',
  'not-available': 'status-closed',
  'not-offered': 'status-open',
}

export function InterviewList({ interviews }: { interviews: InterviewSummary[] }) {
  return (
    <ul className="cards">
      {interviews.map((i) => (
        <li key={i.id}>
          <Link className="title" href={`/return-interviews/${i.id}`}>
            {i.child.firstName} {i.child.lastName}
          </Link>{' '}
          <span className={`status ${TAG[i.status]}`}>{STATUS_LABELS[i.status]}</span>
          <div>
            Age {i.child.age}
            {i.home ? ` · ${i.home.name}` : ''} · back {formatDateTime(new Date(i.returnedAt))}
          </div>
          <div className="muted">
            Due by {formatDateTime(new Date(i.dueAt))} ·{' '}
            {i.heldBy === 'service' ? 'return interview service' : 'social worker'}
          </div>
        </li>
      ))}
    </ul>
  )
}
