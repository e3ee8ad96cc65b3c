// The corrections to a record, each beside what it corrected: when, who, the field, what it was and is, and why.
import { formatDateTime } from '@/lib/domain/time'

export type Correction = {
  id: string
  at: Date | string
  author: string | null | undefined
  field: string
  previous: unknown
  now: unknown
  reason: string
}

// an amended field holds one text, number, date or yes/no value (a JSON scalar), or a list of codes; never an object
export const shown = (v: unknown) =>
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  v === true ? 'yes' : v === false ? 'no' : v === null || v === undefined || v === '' ? 'blank' : String(v)

export function Corrections({
  corrections,
  show = shown,
}: {
  corrections: Correction[]
  /** how a value reads (a list of codes, a date), where the plain text of the value would not do */
  show?: (v: unknown) => string
}) {
  if (!corrections.length) return null
  return (
    <section aria-labelledby="corrections">
      <h2 id="corrections">Corrections</h2>
      <ul>
        {corrections.map((c) => (
          <li key={c.id} className="amended">
            {formatDateTime(new Date(c.at))}, {c.author ?? 'Unknown'}: {c.field} was “{show(c.previous)}”, now “
            {show(c.now)}”. Why: {c.reason}
          </li>
        ))}
      </ul>
    </section>
  )
}
