import { ABSENCE_SHORT } from '@/lib/domain/episodes'
import { codeLabel, ETHNICITIES } from '@/lib/domain/ssda903'
import { ageOn, formatDate, formatDateTime, formatDuration, londonDate } from '@/lib/domain/time'
import type { getGrabPack } from '@/lib/server/grab-packs'

type Pack = Awaited<ReturnType<typeof getGrabPack>>

/** Part 1 of the Philomena Protocol grab pack, as kept ready, with the missing history from Haven's episodes. */
export function GrabPackDetails({ pack }: { pack: Pack }) {
  const { child, current } = pack
  const rows: [string, string | null | undefined][] = current
    ? [
        ['Description', current.description],
        ['Friends and associates', current.friendsAndAssociates],
        ['Places they go', current.placesTheyGo],
        ['Phone numbers', current.phoneNumbers],
        ['Social media', current.socialMedia],
        ['Medical needs', current.medicalNeeds],
        ['Vulnerabilities', current.vulnerabilities],
        ['Transport', current.transport],
        ['Addresses they may go to', current.addresses],
        ['Bank cards and money', current.bankCardsAndMoney],
        ['Nationality', current.nationality],
        ['Immigration status', current.immigrationStatus],
      ]
    : []
  return (
    <section aria-labelledby="part-1">
      <h2 id="part-1">Part 1: about {child.firstName}</h2>
      <dl className="summary">
        <div>
          <dt>Name</dt>
          <dd>
            {child.firstName} {child.lastName}
          </dd>
        </div>
        <div>
          <dt>Date of birth</dt>
          <dd>
            {formatDate(child.dateOfBirth)} (age {ageOn(child.dateOfBirth, londonDate(new Date()))})
          </dd>
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
          <dt>Photo</dt>
          <dd>
            {current?.photoId ? (
              // eslint-disable-next-line @next/next/no-img-element -- a private, scoped image: not for the optimiser
              <img
                className="photo"
                src={`/children/${child.id}/photos/${current.photoId}`}
                alt={`Photo of ${child.firstName} ${child.lastName}`}
              />
            ) : (
              'No photo yet'
            )}
          </dd>
        </div>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd style={{ whiteSpace: 'pre-line' }}>{value || 'Not recorded'}</dd>
          </div>
        ))}
      </dl>
      {!current && (
        <p className="concern concern-warning">
          There is no grab pack for {child.firstName} yet. Fill one in now so it is ready.
        </p>
      )}
      {current && (
        <p className="muted">
          Version {current.version}, saved {formatDateTime(current.createdAt)} by {current.createdBy}.
        </p>
      )}
      <h3>Missing history</h3>
      {pack.missingHistory.length === 0 ? (
        <p className="empty">No missing episodes recorded in Haven.</p>
      ) : (
        <ul>
          {pack.missingHistory.map((e) => (
            <li key={e.id}>
              {formatDateTime(e.lastSeenAt)}: {ABSENCE_SHORT[e.absenceType]}, from {e.lastSeenPlace}
              {e.returnedAt
                ? `, back after ${formatDuration((e.returnedAt.getTime() - e.lastSeenAt.getTime()) / 60000)}`
                : ', still missing'}
              {e.foundAt ? `, found at ${e.foundAt}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
