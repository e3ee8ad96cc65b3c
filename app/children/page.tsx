import Link from 'next/link'
import { ChildCards } from '@/components/ChildCards'
import { can } from '@/lib/domain/permissions'
import { CHILDREN_PER_PAGE, listChildren } from '@/lib/server/children'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError } from '@/lib/server/errors'
import { pageField } from '@/lib/validation/fields'
import { Pager } from '@/components/Pager'

export const metadata = { title: 'Children' }

export default async function ChildrenPage({
  searchParams,
}: {
  searchParams: Promise<{ search?: string; page?: string }>
}) {
  const actor = await requireActor()
  const { search, page: askedPage } = await searchParams
  const query = typeof search === 'string' ? Array.from(search).slice(0, 100).join('') : '' // by character, not half an emoji
  const page = pageField.safeParse(askedPage).data ?? 1 // a page past the end shows the last
  let list
  try {
    list = await listChildren(actor, { search: query, page })
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
        {list.total === 0
          ? query
            ? `No children in your view match “${query}”.`
            : 'No children are in your view yet. Children placed in your homes, or allocated to you, will appear here.'
          : `${list.total} ${list.total === 1 ? 'child' : 'children'}${query ? ` matching “${query}”` : ''}${list.pages > 1 ? `, ${CHILDREN_PER_PAGE} a page: this is page ${list.page} of ${list.pages}` : ''}`}
      </p>
      <ChildCards list={list.children} />
      <Pager
        page={list.page}
        pages={list.pages}
        total={list.total}
        perPage={CHILDREN_PER_PAGE}
        noun="children"
        href={(n) => `/children?${new URLSearchParams({ ...(query ? { search: query } : {}), page: String(n) })}`}
      />
    </>
  )
}
