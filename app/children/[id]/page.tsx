import Link from 'next/link'
import { can, mayEndPlacement } from '@/lib/domain/permissions'
import {
  codeLabel,
  collectionYearName,
  collectionYearOn,
  ETHNICITIES,
  LEGAL_STATUS,
  PLACEMENT_CHANGE_REASONS,
  PLACEMENT_END_REASONS,
  PLACEMENT_PROVIDERS,
  PLACEMENT_TYPES,
  placeCodeRefusedFrom,
} from '@/lib/domain/ssda903'
import { formatDate, isoDate, londonDate } from '@/lib/domain/time'
import { EpisodeList } from '@/components/EpisodeList'
import { listChildEpisodes } from '@/lib/server/episodes'
import { getCseOverview } from '@/lib/server/cse'
import { childReviewDecisions } from '@/lib/server/reviews'
import { getReviews } from '@/lib/server/reviews'
import { AreaNoticeForm } from '@/app/alerts/AlertForms'
import { REG41_KIND_LABELS, REG41_METHOD_LABELS, reg41NoticesMissing } from '@/lib/domain/placements'
import { Reg41NoticeForm } from './Reg41NoticeForm'
import { KIND_LABELS, LEVEL_LABELS } from '@/lib/domain/cse'
import { addMonths } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import { or404 } from '@/app/(lib)/load-or-404'
import { getChild } from '@/lib/server/children'
import { requireActor } from '@/lib/server/current-actor'
import { recordId } from '@/lib/server/errors'
import { readTogether } from '@/lib/server/use-case'

export const metadata = { title: 'Child' }

const DISABILITY = { NOT_DISABLED: 'No disability', DISABLED: 'Has a disability', NOT_KNOWN: 'Not known' }

export default async function ChildPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  const id = recordId((await params).id, 'child')
  // five use cases, each audited, in one transaction: one commit for the page
  const { child, episodes, cse, decisions, review } = await readTogether(async () => {
    const child = await or404(() => getChild(actor, id))
    return {
      child,
      episodes: can(actor, 'episode.read') ? await listChildEpisodes(actor, child.id) : [],
      cse: can(actor, 'cse.read') ? await getCseOverview(actor, child.id) : null,
      decisions: await childReviewDecisions(actor, child.id),
      review: can(actor, 'review.read') ? (await getReviews(actor, child.id)).next : null,
    }
  })
  const current = child.placements.find((p) => !p.endDate)
  const open = episodes.find((e) => e.status === 'open')
  // a placement type the DfE withdrew: the record keeps it; the return from that year on refuses it (rule 146)
  const returnYear = collectionYearOn(londonDate(new Date()))
  const refusedNote = (p: { placeCode: string; endDate: string | null }) => {
    const from = placeCodeRefusedFrom(p, returnYear)
    return from === null ? null : `No longer accepted in the SSDA903 return from ${collectionYearName(from)}`
  }
  return (
    <>
      <h1>
        {child.firstName} {child.lastName}
      </h1>
      <p className="lede">
        Age {child.age} ·{' '}
        {current
          ? `placed at ${current.home?.name ?? current.settingName} since ${formatDate(current.startDate)}`
          : 'no current placement'}
      </p>
      {open && (
        <p className="concern concern-critical">
          <strong>Missing now.</strong> <Link href={`/episodes/${open.id}`}>Open the episode</Link> to add calls and
          sightings or record the return.
        </p>
      )}
      {!open && can(actor, 'episode.report') && (
        <Link className="button warning big-action" href={`/children/${child.id}/missing/new`}>
          Report {child.firstName} missing
        </Link>
      )}
      <ul className="actions" style={{ listStyle: 'none', padding: 0 }}>
        {can(actor, 'grabpack.read') && (
          <li>
            <Link href={`/children/${child.id}/grab-pack`}>Grab pack (Philomena Protocol)</Link>
          </li>
        )}
        {can(actor, 'protocol.read') && (
          <li>
            <Link href={`/children/${child.id}/missing-protocol`}>Missing protocol: what to do if they go missing</Link>
          </li>
        )}
        {can(actor, 'cse.read') && (
          <li>
            <Link href={`/children/${child.id}/cse`}>Exploitation screening and safety plan</Link>
          </li>
        )}
        {can(actor, 'child.chronology') && (
          <li>
            <Link href={`/children/${child.id}/chronology`}>Chronology</Link>
          </li>
        )}
        {can(actor, 'audit.child-access') && (
          <li>
            <Link href={`/children/${child.id}/access`}>Who has seen this record</Link>
          </li>
        )}
        {can(actor, 'care.period') && (
          <li>
            <Link href={`/children/${child.id}/return-details`}>Details for the SSDA903 return</Link>
          </li>
        )}
      </ul>
      {cse && (
        <p>
          {cse.screenings[0]
            ? `Exploitation screening on ${formatDate(londonDate(cse.screenings[0].screenedAt))}: ${cse.screenings[0].kinds.map((k) => `${KIND_LABELS[k.kind].split(',')[0].toLowerCase()} ${LEVEL_LABELS[k.level].toLowerCase()}`).join('; ')}; next screening due by ${formatDate(addMonths(londonDate(cse.screenings[0].screenedAt), settings.cse.rescreenMonths))}.`
            : 'Not screened for exploitation yet: every child is screened.'}
        </p>
      )}
      {cse?.flags
        .filter((f) => f.level !== 'info')
        .map((f) => (
          <p key={f.code} className={`concern concern-${f.level}`}>
            {f.message}
          </p>
        ))}
      {current?.concerns.map((c) => (
        <div key={c.message} className={`concern concern-${c.level}`}>
          <strong>{c.level === 'critical' ? 'Needs attention: ' : 'Note: '}</strong>
          {c.message}
        </div>
      ))}
      <h2>Details</h2>
      <dl className="summary">
        <div>
          <dt>Date of birth</dt>
          <dd>{formatDate(child.dateOfBirth)}</dd>
        </div>
        <div>
          <dt>Sex</dt>
          <dd>{child.sex === 'FEMALE' ? 'Female' : 'Male'}</dd>
        </div>
        <div>
          <dt>Ethnicity</dt>
          <dd>{codeLabel(ETHNICITIES, child.ethnicity)}</dd>
        </div>
        <div>
          <dt>Disability</dt>
          <dd>
            {DISABILITY[child.disability]}
            {child.disabilityDetails ? `: ${child.disabilityDetails}` : ''}
          </dd>
        </div>
        <div>
          <dt>Legal status</dt>
          <dd>{codeLabel(LEGAL_STATUS, child.legalStatus)}</dd>
        </div>
        <div>
          <dt>Placing authority</dt>
          <dd>{child.placingAuthority.name}</dd>
        </div>
        <div>
          <dt>Social worker</dt>
          <dd>{child.socialWorker?.name ?? 'Not allocated'}</dd>
        </div>
        <div>
          <dt>IRO</dt>
          <dd>{child.iro?.name ?? 'Not allocated'}</dd>
        </div>
        {review && (
          <div>
            <dt>Next review</dt>
            <dd>
              {review.overdue && <strong className="tag tag-critical">Overdue</strong>}{' '}
              {review.broughtForward
                ? `Brought forward to ${formatDate(review.date)} (by the timetable: ${formatDate(review.byTimetable)})`
                : `Due by ${formatDate(review.date)}`}
              {' · '}
              <Link href={`/children/${child.id}/reviews`}>
                Reviews held{review.lastHeld ? `, last on ${formatDate(review.lastHeld)}` : ''}
              </Link>
            </dd>
          </div>
        )}
      </dl>
      {can(actor, 'meeting.read') && (
        <p>
          <Link href={`/children/${child.id}/meetings`}>Referrals, strategy discussions and meetings</Link>
        </p>
      )}
      {can(actor, 'episode.read') && (
        <>
          <h2>Missing history</h2>
          {episodes.length === 0 ? (
            <p className="empty">No missing or away episodes recorded.</p>
          ) : (
            <EpisodeList episodes={episodes} showChild={false} />
          )}
        </>
      )}
      {decisions.length > 0 && (
        <>
          <h2>IRO decisions</h2>
          <ul>
            {decisions.map((d) => (
              <li key={d.id}>
                {formatDate(londonDate(d.decidedAt))}:{' '}
                {d.bringForward
                  ? `review brought forward to ${formatDate(isoDate(d.reviewDate!))}`
                  : `review not brought forward (${d.reason})`}
                , after <Link href={`/alerts/${d.alert.id}`}>an alert</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Placements</h2>
      {can(actor, 'placement.start') && (
        <p>
          <Link className="button secondary" href={`/children/${child.id}/placements/new`}>
            Start a new placement
          </Link>
        </p>
      )}
      {child.placements.length === 0 && <p className="empty">No placements recorded.</p>}
      <ol className="cards" aria-label="Placements, newest first">
        {child.placements.map((p) => (
          <li key={p.id}>
            <div className="title">
              {p.home
                ? `${p.home.name} (${p.home.postcode})`
                : `${p.settingName}${p.settingPostcode ? ` (${p.settingPostcode})` : ''}`}
            </div>
            <div>
              {formatDate(p.startDate)} to {p.endDate ? formatDate(p.endDate) : 'now'}
              {p.outOfArea && (
                <>
                  {' '}
                  · <span className="tag tag-info">Out of area</span>
                </>
              )}
            </div>
            <div className="muted">
              {codeLabel(PLACEMENT_TYPES, p.placeCode)}
              {refusedNote(p) && (
                <>
                  {' '}
                  <strong className="tag">{refusedNote(p)}</strong>
                </>
              )}
              {p.bedAndBreakfast ? ', bed and breakfast' : ''} · {codeLabel(PLACEMENT_PROVIDERS, p.placeProvider)} · in{' '}
              {p.areaAuthority.name}
            </div>
            {p.reasonForChange && (
              <div className="muted">Reason for change: {codeLabel(PLACEMENT_CHANGE_REASONS, p.reasonForChange)}</div>
            )}
            {p.endReason && <div className="muted">Ended: {codeLabel(PLACEMENT_END_REASONS, p.endReason)}</div>}
            {p.reg41Notices.map((n) => (
              <div key={n.kind} className="muted">
                Regulation 41 notice of {REG41_KIND_LABELS[n.kind]} to {p.areaAuthority.name}:{' '}
                {formatDate(n.notifiedOn)}, {REG41_METHOD_LABELS[n.method].toLowerCase()}, by {n.givenBy}
              </div>
            ))}
            {p.endDate &&
              p.concerns.map((c) => (
                <div key={c.message} className={`concern concern-${c.level}`}>
                  {c.message}
                </div>
              ))}
            {p.home &&
              can(actor, 'placement.reg41-notice') &&
              reg41NoticesMissing({ homeId: p.home.id, outOfArea: p.outOfArea, endDate: p.endDate }, p.reg41Notices)
                .length > 0 && (
                <details>
                  <summary>Record the Regulation 41 notice to {p.areaAuthority.name}</summary>
                  <Reg41NoticeForm
                    placementId={p.id}
                    kinds={reg41NoticesMissing(
                      { homeId: p.home.id, outOfArea: p.outOfArea, endDate: p.endDate },
                      p.reg41Notices,
                    )}
                    authority={p.areaAuthority.name}
                  />
                </details>
              )}
            {p.outOfArea && !p.endDate && can(actor, 'placement.area-notice') && (
              <details>
                <summary>Record the notice to the area authority</summary>
                <AreaNoticeForm placementId={p.id} atDistance={false} />
              </details>
            )}
            {!p.endDate && mayEndPlacement(actor, { homeId: p.home?.id ?? null }) && (
              <p style={{ margin: '0.5rem 0 0' }}>
                <Link href={`/children/${child.id}/placements/${p.id}/end`}>
                  End this placement<span className="visually-hidden"> at {p.home?.name ?? p.settingName}</span>
                </Link>
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  )
}
