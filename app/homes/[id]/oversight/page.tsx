import Link from 'next/link'
import { CheckList, LevelTag } from '@/components/OversightStatus'
import { can } from '@/lib/domain/permissions'
import { EVENT_KIND } from '@/lib/domain/notifiable-events'
import { formatDate, formatDateTime, formatMonth } from '@/lib/domain/time'
import { STATUS as REG40_STATUS } from '@/components/NotifiableEvent'
import { requireActor } from '@/lib/server/current-actor'
import { recordId } from '@/lib/server/errors'
import { currentMonth, getOversightMonth } from '@/lib/server/oversight/month'
import { orNotFound } from '@/app/(lib)/load-or-404'
import { MonthPicker, monthOrCurrent } from './MonthPicker'

export const metadata = { title: 'Oversight' }

export default async function OversightMonthPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ month?: string }>
}) {
  const actor = await requireActor()
  const { id } = await params
  const { month, problem } = monthOrCurrent((await searchParams).month, currentMonth())
  const o = await orNotFound(getOversightMonth(actor, recordId(id, 'home'), month))
  const base = `/homes/${o.home.id}/oversight`
  const manage = can(actor, 'oversight.manage')
  const f = o.figures
  return (
    <>
      <p className="no-print">
        <Link href={`/homes/${o.home.id}`}>Back to {o.home.name}</Link>
      </p>
      <h1>
        Oversight: {o.home.name}, {formatMonth(month)}
      </h1>
      <p className="lede">
        Regulation 44 visits, Regulation 45 reviews and the Regulation 46 location assessment. Ofsted URN{' '}
        {o.home.ofstedUrn}; hosted by {o.home.hostAuthority.name}.
      </p>
      {problem && <p className="concern concern-warning">{problem}: showing this month instead.</p>}
      <MonthPicker base={base} month={month} current={currentMonth()} />
      <section aria-labelledby="status">
        <h2 id="status">
          {formatMonth(month)}: <LevelTag level={o.level} />
        </h2>
        {o.inProgress && <p>The month is still running: checks are as of today.</p>}
        <CheckList checks={o.checks} />
      </section>
      <ul className="inline-links no-print">
        {can(actor, 'reg44.record') && (
          <li>
            <Link href={`${base}/visits/new`}>Record a visit</Link>
          </li>
        )}
        {manage && (
          <li>
            <Link href={`${base}/register`}>Register an independent person</Link>
          </li>
        )}
        {manage && (
          <li>
            <Link href={`${base}/reg45`}>Record a Regulation 45 review</Link>
          </li>
        )}
        {manage && (
          <li>
            <Link href={`${base}/reg46`}>Location assessment and police</Link>
          </li>
        )}
        <li>
          <Link href={`${base}/checklist?month=${month}`}>The visitor’s checklist</Link>
        </li>
        <li>
          <Link href={`${base}/pack?month=${month}`}>Printable monthly pack</Link>
        </li>
      </ul>

      <section aria-labelledby="figures">
        <h2 id="figures">Missing, return interviews and CSE</h2>
        <dl className="summary">
          <div>
            <dt>Missing or away episodes this month</dt>
            <dd>
              {f.episodes.thisMonth} (the three months before:{' '}
              {f.episodes.previous.map((m) => `${formatMonth(m.month)} ${m.episodes}`).join(', ')}; average{' '}
              {f.episodes.averageBefore})
            </dd>
          </div>
          <div>
            <dt>Return interviews due this month</dt>
            <dd>
              {f.returnInterviews.due === 0
                ? 'None due'
                : `${f.returnInterviews.heldInTime} of ${f.returnInterviews.due} held within 72 hours; ${f.returnInterviews.heldLate} held late; ${f.returnInterviews.overdue} overdue; ${f.returnInterviews.other} declined, not available or not offered`}
            </dd>
          </div>
          <div>
            <dt>
              Children at risk of child sexual exploitation {o.inProgress ? '(today)' : '(at the end of the month)'}
            </dt>
            <dd>
              {f.cse.atRisk} of {f.cse.residents} living here; {f.cse.withCurrentPlan} with a current signed-off safety
              plan
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="visits">
        <h2 id="visits">Visits this month</h2>
        {o.visits.length ? (
          <ul>
            {o.visits.map((v) => (
              <li key={v.id}>
                <Link href={`${base}/visits/${v.id}`}>
                  {formatDate(v.visitedOn)} by {v.visitor}
                </Link>{' '}
                ({v.announced ? 'announced' : 'unannounced'}; {v.independent ? 'independent' : 'not independent'})
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">No visit recorded this month.</p>
        )}
      </section>

      <section aria-labelledby="actions">
        <h2 id="actions">Actions from visits</h2>
        {o.actions.length ? (
          <ul>
            {o.actions.map((a) => (
              <li key={a.id}>
                <Link href={`${base}/visits/${a.visitId}`}>{a.recommendation}</Link>: {a.owner}, due{' '}
                {formatDate(a.dueOn)};{' '}
                {a.completedOn
                  ? `completed ${formatDate(a.completedOn)}`
                  : `open (${a.responses} ${a.responses === 1 ? 'response' : 'responses'})`}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">No actions open this month.</p>
        )}
      </section>

      <section aria-labelledby="reg40">
        <h2 id="reg40">Regulation 40 notifiable events</h2>
        {o.notifiableEvents.length ? (
          <ul>
            {o.notifiableEvents.map((e) => (
              <li key={e.id}>
                {EVENT_KIND[e.kind]?.label ?? e.kind}, {formatDateTime(new Date(e.occurredAt))}:{' '}
                {REG40_STATUS[e.status]}
                {e.overdue && <strong className="tag tag-critical"> Overdue</strong>}
                {e.toldLate && ' (told later than the day it was due)'}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">No notifiable event this month.</p>
        )}
        {can(actor, 'reg40.read') && (
          <Link href={`/homes/${o.home.id}/notifiable-events`}>The home’s notifiable events</Link>
        )}
      </section>

      <section aria-labelledby="reviews">
        <h2 id="reviews">Regulation 45 reviews, location assessment and the police</h2>
        <ul>
          <li>
            Last quality of care review:{' '}
            {o.reg45[0]
              ? `completed ${formatDate(o.reg45[0].completedOn)}; ${o.reg45[0].sentToOfstedOn ? `sent to Ofsted ${formatDate(o.reg45[0].sentToOfstedOn)}` : 'not yet sent to Ofsted'}`
              : 'none recorded'}
          </li>
          <li>
            Last location assessment:{' '}
            {o.reg46[0]
              ? `${formatDate(o.reg46[0].assessedOn)}, with ${o.reg46[0].policeForce} (${o.reg46[0].policeOfficer}, consulted ${formatDate(o.reg46[0].consultedOn)})`
              : 'none recorded'}
          </li>
          <li>
            Home’s location last shared with the police:{' '}
            {o.locationShares[0]
              ? `${formatDate(o.locationShares[0].sharedOn)}, with ${o.locationShares[0].sharedWith}`
              : 'not recorded'}
          </li>
        </ul>
      </section>

      <section aria-labelledby="people">
        <h2 id="people">Independent persons</h2>
        {o.people.length ? (
          <ul className="cards">
            {o.people.map((p) => (
              <li key={p.id}>
                <span className="title">{p.name}</span>
                {p.organisation && `, ${p.organisation}`}
                <div>
                  Appointed {formatDate(p.appointedOn)} by {p.appointedBy}
                  {p.approvedBy
                    ? `; approved by ${p.approvedBy} on ${formatDate(p.approvedOn!)}`
                    : '; no local authority approval recorded'}
                </div>
                <div>
                  <strong>{p.independent ? 'Independent' : 'Not independent'}</strong>
                  {!p.independent && `: ${p.reasons.join('; ')}`}
                </div>
                {p.endedOn && (
                  <div>
                    <strong>Appointment ended {formatDate(p.endedOn)}</strong>: {p.endReason}
                  </div>
                )}
                {manage && !p.endedOn && (
                  <div className="no-print">
                    <Link href={`${base}/register/${p.id}/end`}>
                      End the appointment<span className="visually-hidden"> of {p.name}</span>
                    </Link>
                  </div>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">No independent person registered for this home yet.</p>
        )}
      </section>
    </>
  )
}
