import Link from 'next/link'
import { ChildCards } from '@/components/ChildCards'
import { can } from '@/lib/domain/permissions'
import { listChildren } from '@/lib/server/children'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError } from '@/lib/server/errors'

export const metadata = { title: 'Children' }

export default async function ChildrenPage({ searchParams }: { searchParams: Promise<{ search?: string }> }) {
  const actor = await requireActor()
  const { search } = await searchParams
  const query = typeof search === 'string' ? Array.from(search).slice(0, 100).join('') : '' // by character, not half an emoji
  let children
  try {
    children = await listChildren(actor, { search: query })
  } catch (e) {
    if (!(e instanceof ForbiddenError)) throw e
    return (
      <>
        <h1>Children</h1>
        <p>Your roles do not include seeing children&apos;s records. If you need to, ask your administrator.</p>
      </>
    )
  }
  return (
    <>
      <h1>Children</h1>
      <p className="lede">Children placed in your homes or allocated to you. Others are not shown.</p>
      {can(actor, 'child.create') && (
        <p>
          <Link href="/children/new" className="button">
            Add a child
          </Link>
        </p>
      )}
      <form role="search" method="get" className="field">
        <label htmlFor="search">Search by name</label>
        <div className="actions" style={{ marginTop: 0 }}>
          <input type="search" id="search" name="search" defaultValue={query} />
          <button type="submit" className="button secondary">
            Search
          </button>
        </div>
      </form>
      <p aria-live="polite">
        {children.length === 0
          ? query
            ? `No children in your view match “${query}”.`
            : 'No children are in your view yet. Children placed in your homes, or allocated to you, will appear here.'
          : `${children.length} ${children.length === 1 ? 'child' : 'children'}${query ? ` matching “${query}”` : ''}`}
      </p>
      <ChildCards list={children} />
    </>
  )
}
