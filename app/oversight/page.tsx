import Link from 'next/link'
import { LevelTag } from '@/components/OversightStatus'
import { LEVEL_WORDS } from '@/lib/domain/oversight'
import { formatDate, formatMonth } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { visitorVisits } from '@/lib/server/oversight/your-visits'
import { oversightOverview } from '@/lib/server/oversight/month'

export const metadata = { title: 'Oversight of homes' }

/** Each home the person oversees, for the last six months: the level in words and colour, with the reasons. */
export default async function OversightPage() {
  const actor = await requireActor()
  const overview = await oversightOverview(actor)
  const visiting = !overview ? await visitorVisits(actor) : []
  return (
    <>
      <h1>Oversight of homes</h1>
      <p className="lede">
        Regulation 44 visits and reports, actions, Regulation 45 reviews and Regulation 46 location assessments, month
        by month.
      </p>
      {!overview && visiting.length === 0 && (
        <p>Oversight is for registered managers, responsible individuals, LA missing leads and independent visitors.</p>
      )}
      {visiting.length > 0 && (
        <section aria-labelledby="your-visits">
          <h2 id="your-visits">Your visits</h2>
          {visiting.map(({ home, mine, monthsWithout, visitedThisMonth }) => (
            <section key={home.id} aria-labelledby={`home-${home.id}`}>
              <h3 id={`home-${home.id}`}>
                {home.name}, {home.town}
              </h3>
              <ul className="inline-links">
                <li>
                  <Link href={`/homes/${home.id}/oversight/checklist`}>This month’s checklist</Link>
                </li>
                <li>
                  <Link href={`/homes/${home.id}/oversight/visits/new`}>Record a visit</Link>
                </li>
              </ul>
              <p>{visitedThisMonth ? 'Visited this month.' : 'Not visited yet this month.'}</p>
              <h4>Months of the last year without a visit</h4>
              {monthsWithout.length === 0 ? (
                <p className="empty">None: the home was visited every month.</p>
              ) : (
                <ul aria-label={`${home.name}: months without a visit`}>
                  {monthsWithout.map((m) => (
                    <li key={m}>{formatMonth(m)}</li>
                  ))}
                </ul>
              )}
              <h4>Your visits in the last year</h4>
              {mine.length === 0 ? (
                <p className="empty">You have not recorded a visit here in the last year.</p>
              ) : (
                <ul aria-label={`${home.name}: your visits`}>
                  {mine.map((v) => (
                    <li key={v.id}>
                      <Link href={`/homes/${home.id}/oversight/visits/${v.id}`}>{formatDate(v.visitedOn)}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </section>
      )}
      {overview && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Homes by month">
          <table className="oversight">
            <caption>Each home’s month: the level, then what needs action</caption>
            <thead>
              <tr>
                <th scope="col">Home</th>
                {overview.months.map((m) => (
                  <th scope="col" key={m}>
                    {formatMonth(m)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {overview.rows.map((r) => (
                <tr key={r.home.id}>
                  <th scope="row">
                    <Link href={`/homes/${r.home.id}/oversight`}>{r.home.name}</Link>
                    <div className="muted">{r.home.provider.name}</div>
                  </th>
                  {r.months.map((m) => (
                    <td key={m.month}>
                      <Link
                        href={`/homes/${r.home.id}/oversight?month=${m.month}`}
                        aria-label={`${r.home.name}, ${formatMonth(m.month)}: ${LEVEL_WORDS[m.level]}`}
                      >
                        <LevelTag level={m.level} />
                      </Link>
                      <ul>
                        {m.checks
                          .filter((c) => c.level !== 'green')
                          .map((c) => (
                            <li key={c.code}>
                              {c.title}: {c.reason}
                            </li>
                          ))}
                      </ul>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
