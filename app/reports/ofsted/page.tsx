import Link from 'next/link'
import { EXPLOITATION_KINDS, KIND_LABELS } from '@/lib/domain/cse'
import { can } from '@/lib/domain/permissions'
import { formatDate } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { annexAFigures, homeInspectionFigures } from '@/lib/server/ofsted'
import { PeriodForm, periodOrLastYear } from '@/components/PeriodForm'
import { ReportLinks } from '@/components/ReportLinks'

/** radicalisation is screened only where an authority asks: its column would mostly read 0 */
const KINDS = EXPLOITATION_KINDS.filter((k) => k !== 'radicalisation')
export const metadata = { title: 'Figures for Ofsted' }

export default async function OfstedPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const actor = await requireActor()
  const { period, problem } = periodOrLastYear(await searchParams)
  const homes = can(actor, 'report.ofsted-home') ? await homeInspectionFigures(actor, period) : null
  const annexA = can(actor, 'report.annex-a') ? await annexAFigures(actor) : null
  return (
    <>
      <h1>Figures for Ofsted</h1>
      <ReportLinks actor={actor} current="/reports/ofsted" />
      {!homes && !annexA && (
        <p>These figures are for registered managers, responsible individuals and LA missing leads.</p>
      )}
      {homes && (
        <section aria-labelledby="homes">
          <h2 id="homes">Children&apos;s home inspection</h2>
          <PeriodForm period={period} problem={problem} />
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Home inspection figures">
            <table>
              <caption>
                Episodes starting {formatDate(period.from)} to {formatDate(period.to)}; residents and their risk of
                exploitation, each kind counted separately, as of today
              </caption>
              <thead>
                <tr>
                  <th scope="col">Home</th>
                  <th scope="col">Times missing</th>
                  <th scope="col">Times away without authorisation</th>
                  <th scope="col">Children who went missing or away</th>
                  <th scope="col">Residents now</th>
                  {KINDS.map((k) => (
                    <th scope="col" key={k}>
                      Residents at risk of {KIND_LABELS[k].replace(/^Child /, '').toLowerCase()}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {homes.map((h) => (
                  <tr key={h.id}>
                    <th scope="row">
                      <Link href={`/homes/${h.id}`}>{h.name}</Link>
                    </th>
                    <td>{h.missing}</td>
                    <td>{h.away}</td>
                    <td>{h.children}</td>
                    <td>{h.residents}</td>
                    {KINDS.map((k) => (
                      <td key={k}>{h.atRiskByKind[k]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {annexA && (
        <section aria-labelledby="annex-a">
          <h2 id="annex-a">Annex A: children looked after</h2>
          <p>
            Missing and absent (away without authorisation) episodes in the last 12 months, and whether a return
            interview was offered and accepted after the last missing episode. Blank: no missing episode, or not back
            yet.
          </p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Annex A missing columns">
            <table>
              <caption>Children your authority looks after now</caption>
              <thead>
                <tr>
                  <th scope="col">Child</th>
                  <th scope="col">Date of birth</th>
                  <th scope="col">Missing episodes</th>
                  <th scope="col">Absent episodes</th>
                  <th scope="col">Return interview offered</th>
                  <th scope="col">Return interview accepted</th>
                </tr>
              </thead>
              <tbody>
                {annexA.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link href={`/children/${c.id}`}>{c.name}</Link>
                    </th>
                    <td>{formatDate(c.dateOfBirth)}</td>
                    <td>{c.missingEpisodes}</td>
                    <td>{c.absentEpisodes}</td>
                    <td>{c.returnInterviewOffered}</td>
                    <td>{c.returnInterviewAccepted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  )
}
