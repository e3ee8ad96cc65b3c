import { londonDate, shiftDate } from '@/lib/domain/time'
import { timelinessQuerySchema } from '@/lib/validation/return-interviews'

/** The period a report page shows: what was asked for, or the last year with the problem named. */
/** The year to today, in UK days: what a report shows until asked for another period. */
export function lastYearTo(now: Date) {
  const today = londonDate(now)
  return { from: shiftDate(today, { years: -1, days: 1 }), to: today }
}

export function periodOrLastYear(asked: { from?: string; to?: string }, now = new Date()) {
  const lastYear = lastYearTo(now)
  const parsed = timelinessQuerySchema.safeParse({ from: asked.from ?? lastYear.from, to: asked.to ?? lastYear.to })
  return parsed.success
    ? { period: parsed.data, problem: null }
    : { period: lastYear, problem: parsed.error.issues[0].message }
}

/** From and to dates for a report (a GET form: the period stays in the address to share or bookmark). */
export function PeriodForm({ period, problem }: { period: { from: string; to: string }; problem: string | null }) {
  return (
    <>
      {problem && <p className="concern concern-warning">{problem}: showing the last year instead.</p>}
      <form method="get" className="actions" aria-label="Period">
        <div className="field">
          <label htmlFor="from">From</label>
          <input type="date" id="from" name="from" defaultValue={period.from} />
        </div>
        <div className="field">
          <label htmlFor="to">To</label>
          <input type="date" id="to" name="to" defaultValue={period.to} />
        </div>
        <button className="button secondary" type="submit">
          Show
        </button>
      </form>
    </>
  )
}
