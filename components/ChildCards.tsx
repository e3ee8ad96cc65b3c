import Link from 'next/link'
import type { ChildSummary } from '@/lib/validation/responses'
import { formatDate } from '@/lib/domain/time'

export function ChildCards({ list }: { list: ChildSummary[] }) {
  return (
    <ul className="cards">
      {list.map((child) => {
        const placement = child.currentPlacement
        return (
          <li key={child.id}>
            <Link className="title" href={`/children/${child.id}`}>
              {child.firstName} {child.lastName}
            </Link>
            <div>
              Age {child.age} · born {formatDate(child.dateOfBirth)}
            </div>
            <div className="muted">
              {placement ? (placement.home?.name ?? placement.settingName) : 'No current placement'} · placed by{' '}
              {child.placingAuthority}
            </div>
            {placement?.concerns
              .filter((c) => c.level === 'critical')
              .map((c) => (
                <div key={c.message}>
                  <span className="tag tag-critical">{c.message.split('.')[0]}</span>
                </div>
              ))}
          </li>
        )
      })}
    </ul>
  )
}
