import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PrintButton } from '@/app/episodes/[id]/grab-pack/ShareForm'
import { CHRONOLOGY_KINDS, type ChronologyKind } from '@/lib/domain/chronology'
import { formatDate, formatDateTime } from '@/lib/domain/time'
import { getChronology } from '@/lib/server/chronology'
import { requireActor } from '@/lib/server/current-actor'
import { NotFoundError, recordId } from '@/lib/server/errors'
import { chronologyQuerySchema } from '@/lib/validation/chronology'

export const metadata = { title: 'Chronology' }

type Query = { kind?: string | string[]; from?: string; to?: string }

export default async function ChronologyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<Query>
}) {
  const actor = await requireActor()
  const { id } = await params
  const asked = await searchParams
  const parsed = chronologyQuerySchema.safeParse(asked)
  const filter = parsed.success ? { kinds: parsed.data.kind, from: parsed.data.from, to: parsed.data.to } : {}
  const { child, entries, total } = await getChronology(actor, recordId(id, 'child'), filter).catch((e) => {
    if (e instanceof NotFoundError) notFound()
    throw e
  })
  const chosen = new Set(parsed.success ? parsed.data.kind : [])
  const filtered = entries.length !== total
  return (
    <>
      <p className="no-print">
        <Link href={`/children/${child.id}`}>
          Back to {child.firstName} {child.lastName}
        </Link>
      </p>
      <h1>
        Chronology: {child.firstName} {child.lastName}
      </h1>
      <p className="lede">
        Everything Haven holds about {child.firstName}, newest first: placements, missing episodes and their timelines,
        returns, return interviews, CSE screenings, safety plans, alerts and the IRO&apos;s decisions.
      </p>
      {!parsed.success && (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>The filter could not be used</h2>
          <ul>
            {parsed.error.issues.map((issue) => (
              <li key={issue.path.join('.')}>
                <a href={`#f-${String(issue.path[0] ?? 'kind')}`}>{issue.message}</a>
              </li>
            ))}
          </ul>
          <p>Showing everything instead.</p>
        </div>
      )}
      <form method="get" className="no-print panel" aria-label="Filter the chronology">
        <fieldset className="field">
          <legend className="label">Show</legend>
          <div className="radios inline" id="f-kind">
            {(Object.entries(CHRONOLOGY_KINDS) as [ChronologyKind, string][]).map(([kind, label]) => (
              <div className="checkbox" key={kind}>
                <input type="checkbox" id={`kind-${kind}`} name="kind" value={kind} defaultChecked={chosen.has(kind)} />
                <label htmlFor={`kind-${kind}`}>{label}</label>
              </div>
            ))}
          </div>
          <p className="hint">None ticked shows everything.</p>
        </fieldset>
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
          {filtered && <Link href={`/children/${child.id}/chronology`}>Show everything</Link>}
          <PrintButton />
        </div>
      </form>
      <p aria-live="polite">{filtered ? `${entries.length} of ${total} entries` : `${total} entries`}</p>
      {entries.length === 0 ? (
        <p className="empty">Nothing to show for this filter.</p>
      ) : (
        <ol className="timeline" aria-label={`Chronology of ${child.firstName} ${child.lastName}`}>
          {entries.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <span className="when">
                {e.dateOnly ? formatDate(e.at.slice(0, 10)) : formatDateTime(new Date(e.at))}
              </span>{' '}
              <span className="who">{CHRONOLOGY_KINDS[e.kind]}</span>
              <br />
              {e.link ? <Link href={e.link}>{e.title}</Link> : e.title}
              {e.detail && <span>: {e.detail}</span>}
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
