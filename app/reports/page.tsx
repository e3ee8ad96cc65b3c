import Link from 'next/link'
import { requireActor } from '@/lib/server/current-actor'
import { reportsFor } from '@/components/ReportLinks'

export const metadata = { title: 'Reports' }

export default async function ReportsPage() {
  const reports = reportsFor(await requireActor())
  return (
    <>
      <h1>Reports</h1>
      {reports.length === 0 ? (
        <p>Your roles do not include any reports.</p>
      ) : (
        <ul className="cards">
          {reports.map((r) => (
            <li key={r.href}>
              <Link className="title" href={r.href}>
                {r.label}
              </Link>
              <p>{r.about}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
