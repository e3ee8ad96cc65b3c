import Link from 'next/link'
import { EpisodeTimeline } from '@/components/EpisodeTimeline'
import { ABSENCE_SHORT, LOCATION_KIND_LABELS, POLICE_RISK_GRADE, RISK_GRADE_LABELS } from '@/lib/domain/episodes'
import { can, mayCloseEpisode, mayLinkWentWith, mayUndoWentWith } from '@/lib/domain/permissions'
import { formatDateTime, formatDuration, londonLocal } from '@/lib/domain/time'
import { loadEpisodeOr404 } from '@/app/(lib)/load-or-404'
import { wentWithCandidates } from '@/lib/server/episodes'
import { getInterview } from '@/lib/server/return-interviews'
import { STATUS_LABELS } from '@/lib/domain/return-interviews'
import { getEpisodeProtocol } from '@/lib/server/episode-protocol'
import { SavedMessage } from '@/components/form-kit'
import { AddUpdateForm, CloseEpisodeForm } from './EpisodeForms'
import { AroundTheEpisode } from './AroundTheEpisode'
import { NextActions } from './NextActions'
import { WentWith } from './WentWith'

export const metadata = { title: 'Missing episode' }

const STATUS = { open: 'Missing now', returned: 'Returned: to review', closed: 'Closed' }

export default async function EpisodePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ reported?: string; saved?: string }>
}) {
  const { actor, episode, socialWorkerId, wentWith } = await loadEpisodeOr404((await params).id)
  const { reported, saved } = await searchParams
  const name = `${episode.child.firstName} ${episode.child.lastName}`
  const open = episode.status === 'open'
  const mayLink = mayLinkWentWith(actor, episode)
  const candidates = mayLink ? await wentWithCandidates(actor, episode.id) : []
  const linked = new Set(episode.wentWith.map((w) => w.episodeId))
  const choices = candidates.filter((c) => !c.episodeId || !linked.has(c.episodeId))
  const back = episode.return
  const mayClose = mayCloseEpisode(actor, { homeId: episode.home?.id ?? null, socialWorkerId })
  const interview =
    back && can(actor, 'interview.read') ? await getInterview(actor, { episodeId: episode.id }).catch(() => null) : null
  const around = can(actor, 'protocol.read') ? await getEpisodeProtocol(actor, episode.id) : null
  // the police told later: the latest record of telling them (the report's own answer stays on the timeline)
  const police = around?.police ?? {
    told: episode.policeInformed,
    reference: episode.policeReference,
    force: null,
    at: null,
  }
  return (
    <>
      <p>
        <Link href={`/children/${episode.child.id}`}>{name}</Link>
      </p>
      <h1>
        {name}: {open ? 'missing since' : 'missing from'} {formatDateTime(new Date(episode.lastSeenAt))}
      </h1>
      <p className="lede">
        <span className={`status status-${episode.status}`}>{STATUS[episode.status]}</span> ·{' '}
        {/* "Missing now" already says it */}
        {!(open && episode.absenceType === 'MISSING') && <>{ABSENCE_SHORT[episode.absenceType]} · </>}
        {open ? `${formatDuration(episode.durationMinutes)} so far` : `for ${formatDuration(episode.durationMinutes)}`}
      </p>
      {reported === '1' && open && (
        <SavedMessage>
          Reported. Now give the police the grab pack, and add calls and sightings below as they happen.
        </SavedMessage>
      )}
      {saved === 'returned' && back && (
        <SavedMessage>
          The return is recorded. Next: the return interview
          {interview ? `, due by ${formatDateTime(new Date(interview.dueAt))}` : ''}; the registered manager then
          reviews and closes the episode.
        </SavedMessage>
      )}
      {saved === 'closed' && episode.status === 'closed' && (
        <SavedMessage>The episode is reviewed and closed. Your review is at the end of the timeline.</SavedMessage>
      )}
      <NextActions
        episode={episode}
        actor={actor}
        mayClose={mayClose}
        interview={interview}
        protocolStepsLeft={around?.protocol?.steps.filter((s) => !s.done).length ?? 0}
        mayLink={mayLink && choices.length > 0}
      />

      <h2>What we know</h2>
      <dl className="summary">
        <div>
          <dt>Last seen</dt>
          <dd>
            {formatDateTime(new Date(episode.lastSeenAt))} at {episode.lastSeenPlace}
          </dd>
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
          <dt>Police</dt>
          <dd>
            {police.told
              ? `Told${police.at ? ` ${formatDateTime(police.at)}` : ''}${police.force ? `, ${police.force}` : ''}${police.reference ? `, reference ${police.reference}` : ', no reference yet'}`
              : 'Not told yet'}
          </dd>
        </div>
        <div>
          <dt>{POLICE_RISK_GRADE.label}</dt>
          <dd>{episode.policeRiskGrade ? RISK_GRADE_LABELS[episode.policeRiskGrade] : 'Not graded yet'}</dd>
        </div>
        <div>
          <dt>Home</dt>
          <dd>{episode.home?.name ?? 'Not a Haven home'}</dd>
        </div>
        <div>
          <dt>Grab pack given to police</dt>
          <dd>
            {episode.grabPackShares.length
              ? episode.grabPackShares
                  .map(
                    (s) =>
                      `${formatDateTime(new Date(s.sharedAt))}, ${s.policeForce}${s.reference ? ` (${s.reference})` : ''}, by ${s.sharedBy?.name ?? 'unknown'}`,
                  )
                  .join('; ')
              : 'Not yet'}
          </dd>
        </div>
      </dl>

      {around && (
        <AroundTheEpisode
          around={around}
          episodeId={episode.id}
          childId={episode.child.id}
          firstName={episode.child.firstName}
          mayStep={episode.status !== 'closed' && can(actor, 'protocol.step')}
          mayTell={episode.status !== 'closed' && can(actor, 'episode.tell')}
          now={londonLocal(new Date())}
        />
      )}

      <section aria-labelledby="went-with">
        <h2 id="went-with">Went with</h2>
        <WentWith
          episodeId={episode.id}
          firstName={episode.child.firstName}
          homeName={episode.home?.name ?? 'the home'}
          linked={episode.wentWith}
          choices={choices}
          mayUndo={mayUndoWentWith(actor, episode)}
        />
      </section>

      {back && (
        <>
          <h2>The return</h2>
          <dl className="summary">
            <div>
              <dt>Returned</dt>
              <dd>
                {formatDateTime(new Date(back.returnedAt))} ({formatDuration(episode.durationMinutes)} after last seen)
              </dd>
            </div>
            <div>
              <dt>Found at</dt>
              <dd>
                {back.foundLocation
                  ? `${back.foundLocation.name}${back.foundLocation.postcode ? `, ${back.foundLocation.postcode}` : ''} (${LOCATION_KIND_LABELS[back.foundLocation.kind as keyof typeof LOCATION_KIND_LABELS] ?? back.foundLocation.kind})`
                  : 'Not recorded'}
              </dd>
            </div>
            <div>
              <dt>Had been at</dt>
              <dd>{back.visitedLocations.map((l) => l.name).join('; ') || 'Not recorded'}</dd>
            </div>
            <div>
              <dt>With</dt>
              <dd>
                {back.associates.map((a) => [a.name, a.description].filter(Boolean).join(': ')).join('; ') ||
                  'Not recorded'}
              </dd>
            </div>
            <div>
              <dt>Vehicles</dt>
              <dd>
                {back.vehicles
                  .map((v) => [v.registration, v.description, v.taxiFirm].filter(Boolean).join(', '))
                  .join('; ') || 'None recorded'}
              </dd>
            </div>
            <div>
              <dt>Condition</dt>
              <dd>
                {[back.hungry && 'hungry', back.tired && 'tired', back.intoxicated && 'intoxicated']
                  .filter(Boolean)
                  .join(', ') || 'No hunger, tiredness or intoxication noted'}
                {back.injuries && <div>Injuries: {back.injuries}</div>}
                {back.signsOfHarm && <div>Signs of harm: {back.signsOfHarm}</div>}
              </dd>
            </div>
            <div>
              <dt>First aid or medical attention</dt>
              <dd>{back.medicalAttention ?? 'None recorded'}</dd>
            </div>
            <div>
              <dt>Who was informed</dt>
              <dd>{back.whoInformed ?? 'Not recorded'}</dd>
            </div>
          </dl>
        </>
      )}

      {interview && (
        <p className={interview.status === 'overdue' ? 'concern concern-critical' : 'notice'}>
          <strong>Return interview: {STATUS_LABELS[interview.status]}</strong> (due by{' '}
          {formatDateTime(new Date(interview.dueAt))}).{' '}
          <Link href={`/return-interviews/${interview.id}`}>Open the return interview</Link>
        </p>
      )}
      <h2>Timeline</h2>
      <EpisodeTimeline episode={episode} more={wentWith} />
      {open && can(actor, 'episode.update') && (
        <section aria-labelledby="add-update">
          <h3 id="add-update">Add to the timeline</h3>
          <AddUpdateForm episodeId={episode.id} now={londonLocal(new Date())} />
        </section>
      )}
      {can(actor, 'episode.amend') && (
        <p>
          <Link href={`/episodes/${episode.id}/amend`}>Correct something in this record</Link>
        </p>
      )}
      {can(actor, 'reg40.propose') && (
        <p>
          <Link href={`/episodes/${episode.id}/notifiable-event`}>
            This may be a Regulation 40 event: tell the registered manager
          </Link>
        </p>
      )}
      {episode.status === 'returned' && mayClose && (
        <section aria-labelledby="review">
          <h2 id="review">Review and close</h2>
          <CloseEpisodeForm episodeId={episode.id} version={episode.version} />
        </section>
      )}
    </>
  )
}
