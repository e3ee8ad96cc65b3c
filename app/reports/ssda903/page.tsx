import Link from 'next/link'
import { grantsFor } from '@/lib/domain/permissions'
import { formatDate, londonDate } from '@/lib/domain/time'
import { getPrisma } from '@/lib/server/database'
import { requireActor } from '@/lib/server/current-actor'
import { NotFoundError } from '@/lib/server/errors'
import { collectionYear, collectionYearOn } from '@/lib/domain/ssda903'
import { ssda903Return, SSDA903_COLUMNS, type Ssda903File, type Ssda903Table } from '@/lib/server/ssda903'
import { ssda903QuerySchema } from '@/lib/validation/exports'
import { ReportLinks } from '@/components/ReportLinks'
import { UploadCheck } from './UploadCheck'

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
  const fileHref = (table: Ssda903File) =>
    `/reports/ssda903/download?year=${query.year}&authority=${encodeURIComponent(query.authority)}&table=${table}`
  return (
    <>
      <h1>SSDA903 return</h1>
      <ReportLinks actor={actor} current="/reports/ssda903" />
      <p className="lede">
        The DfE&apos;s children looked after return: the Header, Episodes and Missing tables for a collection year (1
        April to 31 March), from Haven&apos;s records, keyed by your authority&apos;s own child references and checked
        against the DfE&apos;s rules for the year. MOTHER and MC_DOB are not held in Haven and are left blank for your
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
          {result.rulesYear !== result.year && (
            <p className="concern concern-warning">
              Haven holds the DfE&apos;s rules for {label(result.rulesYear)}, not this year: they are the ones checked.
            </p>
          )}
          {result.failures.length === 0 ? (
            <p className="concern concern-info">Every row passes the DfE&apos;s rules for the year: ready to submit.</p>
          ) : (
            <p className="concern concern-warning">
              Not ready to submit: {result.failures.length} {result.failures.length === 1 ? 'row fails' : 'rows fail'}{' '}
              the DfE&apos;s rules. Fix them in the children&apos;s records (or in your case management system) and
              check again. The tables still download, named &ldquo;not-ready&rdquo;, with the failures as a separate
              CSV.
            </p>
          )}
          <ul>
            {(Object.keys(SSDA903_COLUMNS) as Ssda903Table[]).map((table) => (
              <li key={table}>
                <a href={fileHref(table)} download>
                  {table[0].toUpperCase() + table.slice(1)} table (CSV)
                  {result.failures.length > 0 && ', not ready to submit'}
                </a>
              </li>
            ))}
            <li>
              <a href={fileHref('all')} download>
                All three tables in one zip file{result.failures.length > 0 && ', with the failures'}
              </a>
            </li>
            {result.failures.length > 0 && (
              <li>
                <a href={fileHref('failures')} download>
                  The failing rows (CSV)
                </a>
              </li>
            )}
          </ul>
          {result.failures.length > 0 && (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Rows failing the rules">
              <table>
                <caption>Rows failing the DfE&apos;s rules</caption>
                <thead>
                  <tr>
                    <th scope="col">Child</th>
                    <th scope="col">Table and row</th>
                    <th scope="col">Rule</th>
                    <th scope="col">Problem</th>
                    <th scope="col">How to fix it</th>
                  </tr>
                </thead>
                <tbody>
                  {result.failures.map((f, i) => (
                    <tr key={i}>
                      <td>
                        {f.childId ? <Link href={`/children/${f.childId}`}>{f.name}</Link> : f.child}
                        {f.dateOfBirth && <>, born {formatDate(f.dateOfBirth)}</>}
                        <br />
                        {f.authorityRef ? `Reference ${f.authorityRef}` : 'No authority reference'}
                      </td>
                      <td>
                        {f.table[0].toUpperCase() + f.table.slice(1)}, row {f.row}
                      </td>
                      <td>{f.rule}</td>
                      <td>{f.problem}</td>
                      <td>{f.fix}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <UploadCheck year={result.year} authority={result.authority.id} />
        </>
      )}
    </>
  )
}
