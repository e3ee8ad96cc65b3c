import type { z } from 'zod'
import { PrintButton } from '@/app/episodes/[id]/grab-pack/ShareForm'

/** The access reports' period filter (a GET form) with the problems of a period that could not be used. */
export function AccessPeriodForm({
  asked,
  problems,
  label,
  keep = {},
}: {
  asked: { from?: string; to?: string }
  problems: z.core.$ZodIssue[]
  label: string
  /** other query values the form carries over (the person chosen) */
  keep?: Record<string, string>
}) {
  return (
    <>
      {problems.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>The period could not be used</h2>
          <ul>
            {problems.map((issue) => (
              <li key={issue.path.join('.')}>
                <a href={`#f-${String(issue.path[0] ?? 'from')}`}>{issue.message}</a>
              </li>
            ))}
          </ul>
          <p>Showing the last 12 months instead.</p>
        </div>
      )}
      <form method="get" className="no-print panel" aria-label={label}>
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="row">
          <div className="field">
            <label htmlFor="f-from">From (optional)</label>
            <input type="date" id="f-from" name="from" defaultValue={asked.from ?? ''} />
          </div>
          <div className="field">
            <label htmlFor="f-to">To (optional)</label>
            <input type="date" id="f-to" name="to" defaultValue={asked.to ?? ''} />
          </div>
        </div>
        <div className="actions">
          <button type="submit">Show</button>
          <PrintButton />
        </div>
      </form>
    </>
  )
}
