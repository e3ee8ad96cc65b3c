import { addCalendarMonths, formatMonth } from '@/lib/domain/time'
import { monthSchema } from '@/lib/validation/oversight'

/** Previous / next month links and a month field (a GET form: the month stays in the address to share). */
export function MonthPicker({ base, month, current }: { base: string; month: string; current: string }) {
  const previous = addCalendarMonths(month, -1)
  const next = addCalendarMonths(month, 1)
  return (
    <nav aria-label="Month" className="no-print">
      <ul className="inline-links">
        <li>
          <a href={`${base}?month=${previous}`}>Previous month: {formatMonth(previous)}</a>
        </li>
        {next <= current && (
          <li>
            <a href={`${base}?month=${next}`}>Next month: {formatMonth(next)}</a>
          </li>
        )}
      </ul>
      <form method="get" className="actions" aria-label="Choose a month">
        <div className="field">
          <label htmlFor="month">Month</label>
          <span className="hint" id="month-hint">
            YYYY-MM, for example {current}
          </span>
          <input
            type="month"
            id="month"
            name="month"
            defaultValue={month}
            max={current}
            aria-describedby="month-hint"
          />
        </div>
        <button className="button secondary" type="submit">
          Show
        </button>
      </form>
    </nav>
  )
}

/** The month asked for, or this month with the problem named. */
export function monthOrCurrent(asked: string | undefined, current: string) {
  if (asked === undefined) return { month: current, problem: null }
  const parsed = monthSchema.safeParse(asked)
  if (!parsed.success) return { month: current, problem: parsed.error.issues[0].message }
  return parsed.data <= current
    ? { month: parsed.data, problem: null }
    : { month: current, problem: 'The month cannot be in the future' }
}
