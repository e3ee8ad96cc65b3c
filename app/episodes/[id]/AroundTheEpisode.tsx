import Link from 'next/link'
import { RISK_GRADE_LABELS } from '@/lib/domain/episodes'
import { episodeReference, TOLD_METHOD, TOLD_WHO } from '@/lib/domain/missing-protocols'
import { formatDateTime } from '@/lib/domain/time'
import type { getEpisodeProtocol } from '@/lib/server/episode-protocol'
import { KnownRecordLinks } from '@/components/KnownRecordLinks'
import { StepDoneButton, ToldForm } from './ProtocolForms'

type Around = Awaited<ReturnType<typeof getEpisodeProtocol>>

/** What became of an e-mail Haven sent to one of the protocol's addresses. */
export const DELIVERY_SHOWN = {
  waiting: 'e-mail waiting to be sent',
  sent: 'e-mail sent',
  failed: 'e-mail failed: tell them another way',
} as const

/** Who told whom, in a line: "The police (Northshire Police, NP-1, medium risk): phone, 22:10 4 Dec, by Kay". */
export function toldLine(t: Around['told'][number]) {
  const police = [t.policeForce, t.policeReference, t.riskGrade && RISK_GRADE_LABELS[t.riskGrade]].filter(Boolean)
  const how = t.email ? `by e-mail through Haven to ${t.email}` : TOLD_METHOD[t.method].toLowerCase()
  return `${TOLD_WHO[t.who]}${t.name ? ` (${t.name})` : ''}${police.length ? `: ${police.join(', ')}` : ''}; ${how}, ${formatDateTime(t.toldAt)}, ${t.by ? `by ${t.by}` : 'by Haven automatically'}${t.delivery ? ` (${DELIVERY_SHOWN[t.delivery]})` : ''}`
}

/** The protocol's steps and who must be told, on the episode page: done or not yet, with when and by whom. */
export function AroundTheEpisode({
  around,
  episodeId,
  childId,
  firstName,
  mayStep,
  mayTell,
  now,
}: {
  around: Around
  episodeId: string
  childId: string
  firstName: string
  mayStep: boolean
  mayTell: boolean
  now: string
}) {
  const { protocol } = around
  return (
    <>
      <section aria-labelledby="protocol">
        <h2 id="protocol">{firstName}&apos;s missing protocol</h2>
        {!protocol && (
          <p className="concern concern-warning">
            {firstName} has no missing protocol. <Link href={`/children/${childId}/missing-protocol`}>Write one</Link>{' '}
            after this episode.
          </p>
        )}
        {protocol && (
          <>
            {!protocol.inForce && (
              <p className="concern concern-warning">
                Version {protocol.version} is not agreed and signed off yet: follow it, and check it with the manager.
              </p>
            )}
            <dl className="summary">
              <div>
                <dt>Missing means</dt>
                <dd>{protocol.whenMissing}</dd>
              </div>
              <div>
                <dt>Call the police at once if</dt>
                <dd>{protocol.callPoliceAtOnce}</dd>
              </div>
              <div>
                <dt>Where to look first</dt>
                <dd>{protocol.whereToLook}</dd>
              </div>
              {(protocol.knownRecords.length > 0 || protocol.knownPlacesAndPeople) && (
                <div>
                  <dt>Known places and people</dt>
                  <dd>
                    <KnownRecordLinks records={protocol.knownRecords} />
                    {protocol.knownPlacesAndPeople}
                  </dd>
                </div>
              )}
              {protocol.medicalNeeds && (
                <div>
                  <dt>Medical needs</dt>
                  <dd>{protocol.medicalNeeds}</dd>
                </div>
              )}
            </dl>
            <h3>Steps</h3>
            <ol className="steps">
              {protocol.steps.map((s) => (
                <li key={s.step}>
                  {s.text}:{' '}
                  {s.done ? (
                    <strong>
                      done {formatDateTime(s.done.at)} by {s.done.by}
                    </strong>
                  ) : mayStep ? (
                    <StepDoneButton episodeId={episodeId} step={s.step} />
                  ) : (
                    'not yet'
                  )}
                </li>
              ))}
            </ol>
            <h3>Who must be told</h3>
            <ul>
              {protocol.toTell.map(({ contact, told, emailFailed }, i) => (
                <li key={i}>
                  {TOLD_WHO[contact.who]}
                  {contact.name ? ` (${contact.name})` : ''}
                  {[contact.contact, contact.email].filter(Boolean).map((c) => `, ${c}`)}:{' '}
                  {told ? (
                    <strong>
                      told {formatDateTime(told.toldAt)}
                      {told.email ? ` by e-mail through Haven (${DELIVERY_SHOWN[told.delivery ?? 'waiting']})` : ''}
                    </strong>
                  ) : (
                    <strong>not yet{emailFailed ? `: ${DELIVERY_SHOWN.failed}` : ''}</strong>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="told">
        <h2 id="told">Who was told</h2>
        {around.told.some((t) => t.email) && (
          <p className="muted">
            Haven&apos;s e-mails to the protocol&apos;s addresses ask them to ring the home with the reference{' '}
            <strong>{episodeReference(episodeId)}</strong>.
          </p>
        )}
        {around.told.length === 0 && <p className="empty">Nobody recorded yet.</p>}
        <ul>
          {around.told.map((t, i) => (
            <li key={t.id ?? `auto-${i}`}>{toldLine(t)}</li>
          ))}
        </ul>
        {mayTell && (
          <details>
            <summary>Record someone told</summary>
            <ToldForm episodeId={episodeId} now={now} />
          </details>
        )}
      </section>
    </>
  )
}
