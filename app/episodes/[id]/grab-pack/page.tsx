import Link from 'next/link'
import { notFound } from 'next/navigation'
import { GrabPackDetails } from '@/components/GrabPackDetails'
import { ABSENCE_SHORT, POLICE_RISK_GRADE, RISK_GRADE_LABELS, UPDATE_KIND_LABELS } from '@/lib/domain/episodes'
import { can } from '@/lib/domain/permissions'
import { formatDateTime } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { NotFoundError, recordId } from '@/lib/server/errors'
import { grabPackForPolice } from '@/lib/server/grab-packs'
import { getEpisodeProtocol } from '@/lib/server/episode-protocol'
import { KnownRecordLinks } from '@/components/KnownRecordLinks'
import { toldLine } from '../AroundTheEpisode'
import { PrintButton, ShareForm } from './ShareForm'

export const metadata = { title: 'Grab pack for the police' }

export default async function PoliceGrabPackPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  const { id } = await params
  const { episode, pack } = await grabPackForPolice(actor, recordId(id, 'episode')).catch((e) => {
    if (e instanceof NotFoundError) notFound()
    throw e
  })
  const around = can(actor, 'protocol.read') ? await getEpisodeProtocol(actor, episode.id) : null
  const name = `${episode.child.firstName} ${episode.child.lastName}`
  // what staff have already done, in time order: the timeline, the protocol's steps, the people told
  const taken = [
    ...episode.updates.map((u) => ({ at: new Date(u.at), text: `${UPDATE_KIND_LABELS[u.kind]}: ${u.text}` })),
    ...(around?.protocol?.steps ?? []).flatMap((s) =>
      s.done ? [{ at: s.done.at, text: `Missing protocol step: ${s.text} (${s.done.by})` }] : [],
    ),
    ...(around?.told ?? []).map((t) => ({ at: t.toldAt, text: `Told: ${toldLine(t)}` })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime())
  return (
    <>
      <p className="no-print">
        <Link href={`/episodes/${episode.id}`}>Back to the episode</Link>
      </p>
      <h1>Missing child: {name}</h1>
      <p className="lede">
        Philomena Protocol grab pack. Printed {formatDateTime(new Date())} from Haven
        {episode.home ? `, ${episode.home.name}` : ''}.
      </p>
      <div className="actions no-print">
        <PrintButton />
      </div>
      <section aria-labelledby="part-2">
        <h2 id="part-2">Part 2: this episode</h2>
        <dl className="summary">
          <div>
            <dt>Status</dt>
            <dd>
              {ABSENCE_SHORT[episode.absenceType]}
              {episode.return ? `, returned ${formatDateTime(new Date(episode.return.returnedAt))}` : ', still missing'}
            </dd>
          </div>
          <div>
            <dt>Last seen</dt>
            <dd>{formatDateTime(new Date(episode.lastSeenAt))}</dd>
          </div>
          <div>
            <dt>Where last seen</dt>
            <dd>{episode.lastSeenPlace}</dd>
          </div>
          <div>
            <dt>With</dt>
            <dd>{episode.lastSeenWith ?? 'Not known'}</dd>
          </div>
          <div>
            <dt>Wearing</dt>
            <dd>{episode.clothing ?? 'Not recorded'}</dd>
          </div>
          <div>
            <dt>Took with them</dt>
            <dd>{episode.takenWith ?? 'Not recorded'}</dd>
          </div>
          <div>
            <dt>Police reference</dt>
            <dd>{around?.police.reference ?? episode.policeReference ?? 'Not yet given'}</dd>
          </div>
          <div>
            <dt>{POLICE_RISK_GRADE.label}</dt>
            <dd>{episode.policeRiskGrade ? RISK_GRADE_LABELS[episode.policeRiskGrade] : 'Not graded yet'}</dd>
          </div>
          <div>
            <dt>Reported by</dt>
            <dd>
              {episode.reportedBy.name}, {formatDateTime(new Date(episode.reportedAt))}
            </dd>
          </div>
        </dl>
        <h3>Actions already taken</h3>
        {taken.length === 0 ? (
          <p className="empty">None recorded yet.</p>
        ) : (
          <ul>
            {taken.map((a, i) => (
              <li key={i}>
                {formatDateTime(a.at)}: {a.text}
              </li>
            ))}
          </ul>
        )}
        {around?.protocol && (
          <>
            <h3>The home&apos;s missing protocol for {episode.child.firstName}</h3>
            <p>
              Missing means: {around.protocol.whenMissing}. Call the police at once if:{' '}
              {around.protocol.callPoliceAtOnce}. Where to look first: {around.protocol.whereToLook}.
            </p>
            {(around.protocol.knownRecords.length > 0 || around.protocol.knownPlacesAndPeople) && (
              <>
                <h4>Known places and people</h4>
                <KnownRecordLinks records={around.protocol.knownRecords} />
                {around.protocol.knownPlacesAndPeople && <p>{around.protocol.knownPlacesAndPeople}</p>}
              </>
            )}
            <ol>
              {around.protocol.steps.map((s) => (
                <li key={s.step}>
                  {s.text}: {s.done ? `done ${formatDateTime(s.done.at)} by ${s.done.by}` : 'not yet'}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      <GrabPackDetails pack={pack} />
      <section className="no-print" aria-labelledby="shared">
        <h2 id="shared">Given to the police</h2>
        {episode.grabPackShares.length === 0 ? (
          <p className="empty">Not recorded as given to the police yet.</p>
        ) : (
          <ul>
            {episode.grabPackShares.map((s) => (
              <li key={s.sharedAt}>
                {formatDateTime(new Date(s.sharedAt))}: {s.policeForce}
                {s.reference ? ` (${s.reference})` : ''}, by {s.sharedBy?.name ?? 'unknown'}
              </li>
            ))}
          </ul>
        )}
        {can(actor, 'grabpack.share') && <ShareForm episodeId={episode.id} policeReference={episode.policeReference} />}
      </section>
    </>
  )
}
