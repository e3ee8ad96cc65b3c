import Link from 'next/link'
import { LevelTag } from '@/components/OversightStatus'
import { LEVEL_WORDS } from '@/lib/domain/oversight'
import { can } from '@/lib/domain/permissions'
import { formatMonth } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { oversightHomes } from '@/lib/server/oversight/home'
import { oversightOverview } from '@/lib/server/oversight/month'

export const metadata = { title: 'Oversight of homes' }

/** Each home the person oversees, for the last six months: the level in words and colour, with the reasons. */
export default async function OversightPage() {
  const actor = await requireActor()
  const overview = await oversightOverview(actor)
  const visiting = !overview && can(actor, 'reg44.record') ? await oversightHomes(actor, 'reg44.record') : []
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
        <ul className="cards">
          {visiting.map((h) => (
            <li key={h.id}>
              <span className="title">{h.name}</span>, {h.town}
              <ul className="inline-links">
                <li>
                  <Link href={`/homes/${h.id}/oversight/checklist`}>This month’s checklist</Link>
                </li>
                <li>
                  <Link href={`/homes/${h.id}/oversight/visits/new`}>Record a visit</Link>
                </li>
              </ul>
            </li>
          ))}
        </ul>
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
