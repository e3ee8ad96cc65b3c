import { can } from '@/lib/domain/permissions'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError } from '@/lib/server/errors'
import { listPlaces, type PlaceKind, type PlaceRecord } from '@/lib/server/places'
import { MergeButton } from './PlaceForms'

export const metadata = { title: 'Places, people and vehicles' }

const HEADINGS: Record<PlaceKind, string> = { location: 'Places', associate: 'People', vehicle: 'Vehicles' }

function PlaceTable({ kind, records }: { kind: PlaceKind; records: PlaceRecord[] }) {
  if (records.length === 0) return <p className="empty">None named in the episodes or protocols you can see.</p>
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={`${HEADINGS[kind]} table`}>
      <table>
        <caption className="visually-hidden">{HEADINGS[kind]} named in missing episodes</caption>
        <thead>
          <tr>
            <th scope="col">{kind === 'vehicle' ? 'Registration' : 'Name'}</th>
            <th scope="col">Details</th>
            <th scope="col">Children</th>
            <th scope="col">Episodes</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id} id={`${kind}-${r.id}`}>
              <td>{r.label}</td>
              <td>{r.detail}</td>
              <td>{r.children}</td>
              <td>{r.episodes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export default async function PlacesPage() {
  const actor = await requireActor()
  const places = await listPlaces(actor).catch((e) => {
    if (e instanceof ForbiddenError) return null
    throw e
  })
  if (!places)
    return (
      <>
        <h1>Places, people and vehicles</h1>
        <p>Your roles do not include seeing children&apos;s missing episodes.</p>
      </>
    )
  const mayMerge = can(actor, 'place.merge')
  return (
    <>
      <h1>Places, people and vehicles</h1>
      <p className="lede">
        Named when children came back from missing episodes you can see, or on their missing protocols. The same
        take-away, person or car recorded for several children can link them: the counts show it.
      </p>
      {places.suggestions.length > 0 && (
        <section className="panel" aria-labelledby="maybe-same">
          <h2 id="maybe-same">Possibly the same</h2>
          <p>
            These look like the same {places.suggestions.length === 1 ? 'record' : 'records'} typed differently.{' '}
            {mayMerge
              ? 'Merging keeps both names in the history; episodes then count as one.'
              : 'A registered manager or LA missing lead can merge them.'}
          </p>
          <ul className="cards">
            {places.suggestions.map(({ kind, a, b }) => {
              const [keep, merge] = a.episodes >= b.episodes ? [a, b] : [b, a]
              return (
                <li key={`${a.id}-${b.id}`}>
                  <div>
                    “{keep.label}” {keep.detail && `(${keep.detail})`} and “{merge.label}”{' '}
                    {merge.detail && `(${merge.detail})`}
                  </div>
                  {mayMerge && (
                    <MergeButton kind={kind} keepId={keep.id} mergeId={merge.id} label={`Merge into “${keep.label}”`} />
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      )}
      {(['location', 'associate', 'vehicle'] as const).map((kind) => (
        <section key={kind} aria-labelledby={`h-${kind}`}>
          <h2 id={`h-${kind}`}>{HEADINGS[kind]}</h2>
          <PlaceTable kind={kind} records={places[kind]} />
        </section>
      ))}
    </>
  )
}
