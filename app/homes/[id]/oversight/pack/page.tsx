import Link from 'next/link'
import { CheckList, LevelTag } from '@/components/OversightStatus'
import { can } from '@/lib/domain/permissions'
import { formatDate, formatDateTime, formatMonth } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { recordId } from '@/lib/server/errors'
import { currentMonth, getOversightMonth } from '@/lib/server/oversight/month'
import { visitorChecklist } from '@/lib/server/oversight/checklist'
import { orNotFound } from '@/app/(lib)/load-or-404'
import { PrintButton } from '@/app/episodes/[id]/grab-pack/ShareForm'
import { ChecklistView } from '../Checklist'
import { monthOrCurrent } from '../MonthPicker'

export const metadata = { title: 'Monthly oversight pack' }

/** The month on paper, for Ofsted and the Regulation 44 visitor: the checks (for those who oversee the home) and the
 * visitor's checklist. */
export default async function PackPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ month?: string }>
}) {
  const actor = await requireActor()
  const homeId = recordId((await params).id, 'home')
  const { month } = monthOrCurrent((await searchParams).month, currentMonth())
  const checklist = await orNotFound(visitorChecklist(actor, homeId, month))
  const o = can(actor, 'oversight.read') ? await orNotFound(getOversightMonth(actor, homeId, month)) : null
  return (
    <>
      <p className="no-print">
        <Link
          href={o ? `/homes/${homeId}/oversight?month=${month}` : `/homes/${homeId}/oversight/checklist?month=${month}`}
        >
          Back
        </Link>
      </p>
      <h1>
        {checklist.home.name}: oversight pack for {formatMonth(month)}
      </h1>
      <p className="lede">
        Ofsted URN {checklist.home.ofstedUrn}, {checklist.home.town}. Printed {formatDateTime(new Date())}.
      </p>
      <div className="actions no-print">
        <PrintButton />
      </div>
      {o && (
        <section aria-labelledby="checks">
          <h2 id="checks">
            The month: <LevelTag level={o.level} />
          </h2>
          <CheckList checks={o.checks} />
          <h3>Visits</h3>
          {o.visits.length ? (
            <ul>
              {o.visits.map((v) => (
                <li key={v.id}>
                  {formatDate(v.visitedOn)}, {v.visitor} ({v.announced ? 'announced' : 'unannounced'};{' '}
                  {v.independent ? 'independent' : 'not independent'})
                </li>
              ))}
            </ul>
          ) : (
            <p>No visit recorded this month.</p>
          )}
          <h3>Actions</h3>
          {o.actions.length ? (
            <ul>
              {o.actions.map((a) => (
                <li key={a.id}>
                  {a.recommendation}: {a.owner}, due {formatDate(a.dueOn)};{' '}
                  {a.completedOn ? `completed ${formatDate(a.completedOn)}` : 'open'}
                </li>
              ))}
            </ul>
          ) : (
            <p>None open.</p>
          )}
          <h3>Figures</h3>
          <p>
            Missing or away episodes: {o.figures.episodes.thisMonth} this month (average{' '}
            {o.figures.episodes.averageBefore} over the three months before). Return interviews due:{' '}
            {o.figures.returnInterviews.due}, held within 72 hours: {o.figures.returnInterviews.heldInTime}. Children at
            risk of child sexual exploitation: {o.figures.cse.atRisk}, with a current safety plan:{' '}
            {o.figures.cse.withCurrentPlan}.
          </p>
        </section>
      )}
      <ChecklistView checklist={checklist} />
    </>
  )
}
