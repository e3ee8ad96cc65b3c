import Link from 'next/link'
import { notFound } from 'next/navigation'
import { GrabPackDetails } from '@/components/GrabPackDetails'
import { can } from '@/lib/domain/permissions'
import { requireActor } from '@/lib/server/current-actor'
import { NotFoundError, recordId } from '@/lib/server/errors'
import { getGrabPack } from '@/lib/server/grab-packs'
import { formatDateTime } from '@/lib/domain/time'
import { GrabPackForm } from './GrabPackForm'

export const metadata = { title: 'Grab pack' }

export default async function GrabPackPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  const { id } = await params
  const pack = await getGrabPack(actor, recordId(id, 'child')).catch((e) => {
    if (e instanceof NotFoundError) notFound()
    throw e
  })
  const { child, current } = pack
  return (
    <>
      <p>
        <Link href={`/children/${child.id}`}>
          Back to {child.firstName} {child.lastName}
        </Link>
      </p>
      <h1>
        Grab pack for {child.firstName} {child.lastName}
      </h1>
      <p className="lede">
        Kept ready under the Philomena Protocol, so the police have it in the first minutes if {child.firstName} goes
        missing.
      </p>
      <GrabPackDetails pack={pack} />
      {pack.older.length > 0 && (
        <details className="no-print">
          <summary>Earlier versions ({pack.older.length})</summary>
          <ul>
            {pack.older.map((p) => (
              <li key={p.id}>
                Version {p.version}, {formatDateTime(p.createdAt)}, by {p.createdBy}: {p.description}
              </li>
            ))}
          </ul>
        </details>
      )}
      {can(actor, 'grabpack.edit') && (
        <section aria-labelledby="update-pack" className="no-print">
          <h2 id="update-pack">{current ? 'Update the grab pack' : 'Fill in the grab pack'}</h2>
          <GrabPackForm childId={child.id} current={current} />
        </section>
      )}
    </>
  )
}
