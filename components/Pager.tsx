// Previous and next pages of a long list, with where the reader is in words ("101 to 200 of 553").
import Link from 'next/link'

export function Pager({
  page,
  pages,
  total,
  perPage,
  href,
  noun,
}: {
  page: number
  pages: number
  total: number
  perPage: number
  href: (page: number) => string
  noun: string
}) {
  if (pages <= 1) return null
  const first = (page - 1) * perPage + 1
  const last = Math.min(page * perPage, total)
  return (
    <nav aria-label={`Pages of ${noun}`} className="pager">
      <p>
        Showing {first} to {last} of {total} {noun} (page {page} of {pages}).
      </p>
      <ul className="inline-links">
        {page > 1 && (
          <li>
            <Link href={href(page - 1)} rel="prev">
              Previous page<span className="visually-hidden"> of {noun}</span>
            </Link>
          </li>
        )}
        {page < pages && (
          <li>
            <Link href={href(page + 1)} rel="next">
              Next page<span className="visually-hidden"> of {noun}</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  )
}
