import Link from 'next/link'
import type { ChildSummary } from '@/lib/validation/responses'

/** The care worker's children, each with the way to report them missing (the form's defaults, now and the home,
 * mean few keys are needed); a child missing now says so instead. */
export function ReportMissingList({ list, missingNow }: { list: ChildSummary[]; missingNow: Set<string> }) {
  return (
    <ul className="cards report-list">
      {list.map((child) => (
        <li key={child.id}>
          {/* the name is not a link: one key a child to reach the one that matters (the Children page links them) */}
          <span className="title">
            {child.firstName} {child.lastName}
          </span>
          {missingNow.has(child.id) ? (
            <span className="status status-open">Missing now</span>
          ) : (
            <Link className="button warning" href={`/children/${child.id}/missing/new`}>
              Report {child.firstName} missing
            </Link>
          )}
        </li>
      ))}
    </ul>
  )
}
