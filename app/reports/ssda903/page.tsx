import Link from 'next/link'
import { grantsFor } from '@/lib/domain/permissions'
import { londonDate } from '@/lib/domain/time'
import { getPrisma } from '@/lib/server/database'
import { requireActor } from '@/lib/server/current-actor'
import { NotFoundError } from '@/lib/server/errors'
import {
  collectionYear,
  collectionYearOn,
  ssda903Return,
  SSDA903_COLUMNS,
  type Ssda903Table,
} from '@/lib/server/ssda903'
import { ssda903QuerySchema } from '@/lib/validation/exports'
import { ReportLinks } from '@/components/ReportLinks'

export const metadata = { title: 'SSDA903 return' }

export default async function Ssda903Page({
  searchParams,
}: {
  searchParams: Promise<{ year?: string; authority?: string }>
}) {
  const actor = await requireActor()
  const authorityIds = grantsFor(actor, 'export.ssda903')
    .map((g) => g.localAuthorityId!)
    .filter(Boolean)
  if (!authorityIds.length)
    return (
      <>
        <h1>SSDA903 return</h1>
        <p>The return is exported by the placing authority&apos;s LA missing lead.</p>
      </>
    )
  const authorities = await (
    await getPrisma()
  ).localAuthority.findMany({
    where: { id: { in: authorityIds } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  })
  const current = collectionYearOn(londonDate(new Date()))
  const asked = await searchParams
  const parsed = ssda903QuerySchema.safeParse({
    year: asked.year ?? current,
    authority: asked.authority ?? authorities[0].id,
  })
  const query = parsed.success ? parsed.data : { year: current, authority: authorities[0].id }
  const result = await ssda903Return(actor, { year: query.year, authorityId: query.authority }).catch((e) => {
    if (e instanceof NotFoundError) return null
    throw e
  })
  const years = Array.from({ length: 4 }, (_, i) => current - i)
  const label = (y: number) => `April ${y} to March ${y + 1}`
  return (
    <>
      <h1>SSDA903 return</h1>
      <ReportLinks actor={actor} current="/reports/ssda903" />
      <p className="lede">
        The DfE&apos;s children looked after return: the Header, Episodes and Missing tables for a collection year (1
        April to 31 March), from Haven&apos;s records, checked against the DfE&apos;s rules for the Missing table before
        they can be downloaded. UPN, MOTHER, MC_DOB, CIN and HOME_POST are not held in Haven and are left blank for your
        case management system&apos;s values.
      </p>
      {!parsed.success && (
        <p className="concern concern-warning">
          {parsed.error.issues[0].message}: showing {label(current)} instead.
        </p>
      )}
      <form method="get" className="panel row" aria-label="Which return">
        <div className="field">
          <label htmlFor="f-year">Collection year</label>
          <select id="f-year" name="year" defaultValue={String(query.year)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {label(y)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-authority">Placing authority</label>
          <select id="f-authority" name="authority" defaultValue={query.authority}>
            {authorities.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit">Check</button>
        </div>
      </form>
      {!result ? (
        <p>That authority is not one of yours.</p>
      ) : (
        <>
          <h2>
            {result.authority.name}, {label(result.year)} ({collectionYear(result.year).from} to{' '}
            {collectionYear(result.year).to})
          </h2>
          <p>
            {result.tables.header.length} children, {result.tables.episodes.length} placement episodes,{' '}
            {result.tables.missing.length} missing or away periods.
          </p>
          {result.failures.length === 0 ? (
            <>
              <p className="concern concern-info">
                The Missing table passes every DfE check. Download each table as CSV:
              </p>
              <ul>
                {(Object.keys(SSDA903_COLUMNS) as Ssda903Table[]).map((table) => (
                  <li key={table}>
                    <a
                      href={`/reports/ssda903/download?year=${result.year}&authority=${encodeURIComponent(result.authority.id)}&table=${table}`}
                      download
                    >
                      {table[0].toUpperCase() + table.slice(1)} table (CSV)
                    </a>
                  </li>
                ))}
                <li>
                  <a
                    href={`/reports/ssda903/download?year=${result.year}&authority=${encodeURIComponent(result.authority.id)}&table=all`}
                    download
                  >
                    All three tables in one zip file
                  </a>
                </li>
              </ul>
            </>
          ) : (
            <>
              <p className="concern concern-warning">
                {result.failures.length} {result.failures.length === 1 ? 'row fails' : 'rows fail'} the DfE checks. Fix
                them in the children&apos;s records (corrections to an episode are amendments) and check again; the
                tables download once every row passes.
              </p>
              <div className="table-wrap" tabIndex={0} role="region" aria-label="Rows failing the checks">
                <table>
                  <caption>Rows failing the DfE checks on the Missing table</caption>
                  <thead>
                    <tr>
                      <th scope="col">Row</th>
                      <th scope="col">Child</th>
                      <th scope="col">Rule</th>
                      <th scope="col">Problem</th>
                      <th scope="col">How to fix it</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.failures.map((f, i) => (
                      <tr key={i}>
                        <td>{f.row}</td>
                        <td>
                          <Link href={`/children/${f.child}/chronology?kind=episode&kind=return&kind=placement`}>
                            {f.child}
                          </Link>
                        </td>
                        <td>{f.rule === 'header' ? 'Header match' : f.rule}</td>
                        <td>{f.problem}</td>
                        <td>{f.fix}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </>
  )
}
