import Link from 'next/link'

type KnownRecord = { kind: 'location' | 'associate' | 'vehicle'; id: string; label: string; detail: string | null }

const KIND = { location: 'Place', associate: 'Person', vehicle: 'Vehicle' } as const

/** A protocol's known places, people and vehicles, each a link to where the record is shown with who else it names. */
export function KnownRecordLinks({ records }: { records: KnownRecord[] }) {
  if (records.length === 0) return null
  return (
    <ul>
      {records.map((r, i) => (
        <li key={i}>
          {KIND[r.kind]}: <Link href={`/places#${r.kind}-${r.id}`}>{r.label}</Link>
          {r.detail && ` (${r.detail})`}
        </li>
      ))}
    </ul>
  )
}
