import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ROLE_LABELS } from '@/lib/domain/roles'
import { formatDateTime } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError, NotFoundError } from '@/lib/server/errors'
import { getUser, organisationOptions } from '@/lib/server/users'
import { allocationsOf } from '@/lib/server/handover'
import { AddRoleForm, UserActionButton } from '../UserForms'
import { DeactivateForm, HandOverForm } from '../LeaverForms'

export const metadata = { title: 'User' }

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  const { id } = await params
  const loaded = await Promise.all([getUser(actor, id), organisationOptions(actor), allocationsOf(actor, id)]).catch(
    (e) => {
      if (e instanceof ForbiddenError || e instanceof NotFoundError) notFound()
      throw e
    },
  )
  const [user, organisations, allocations] = loaded
  const holdsChildren = allocations.iro + allocations.socialWorker > 0
  const held = [
    allocations.iro && `IRO for ${allocations.iro}`,
    allocations.socialWorker && `social worker for ${allocations.socialWorker}`,
  ]
    .filter(Boolean)
    .join(' and ')
  const successorHint = `They are ${held} ${allocations.iro + allocations.socialWorker === 1 ? 'child' : 'children'}. Whoever takes over must be: ${allocations.needed.join('; ')}. They are told of each child, and each move is audited.`
  return (
    <>
      <p>
        <Link href="/admin/users">All users</Link>
      </p>
      <h1>{user.name}</h1>
      <dl className="summary">
        <div>
          <dt>E-mail</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{user.active ? 'Active' : 'Deactivated: cannot sign in or use API tokens'}</dd>
        </div>
        <div>
          <dt>Account created</dt>
          <dd>{formatDateTime(user.createdAt)}</dd>
        </div>
        <div>
          <dt>Signed in now</dt>
          <dd>
            {user.sessions.length} session{user.sessions.length === 1 ? '' : 's'}
          </dd>
        </div>
        <div>
          <dt>Second factor</dt>
          <dd>
            {user.secondFactor?.confirmedAt
              ? `Authenticator app, set up ${formatDateTime(user.secondFactor.confirmedAt)}`
              : 'None set up'}
          </dd>
        </div>
      </dl>
      <div className="actions">
        {user.active && !holdsChildren && (
          <UserActionButton action="deactivate" id={user.id} label="Deactivate account" warning />
        )}
        {!user.active && <UserActionButton action="activate" id={user.id} label="Reactivate account" />}
        {user.sessions.length > 0 && (
          <UserActionButton action="revokeSessions" id={user.id} label="Sign out everywhere" />
        )}
        {/* their password stops working and they are e-mailed a link to choose a new one: you never see or set it */}
        {user.active && <UserActionButton action="forceReset" id={user.id} label="Make them choose a new password" />}
        {/* a lost phone and no recovery codes: they set it up again after signing in with their password */}
        {user.secondFactor && user.id !== actor.userId && (
          <UserActionButton action="resetSecondFactor" id={user.id} label="Reset their second factor" warning />
        )}
      </div>
      {holdsChildren && (
        <section aria-labelledby="children-held">
          <h2 id="children-held">
            {user.active ? 'Deactivate: their children' : 'Their children, still to hand over'}
          </h2>
          {user.active ? (
            <DeactivateForm userId={user.id} candidates={allocations.candidates} hint={successorHint} />
          ) : (
            <>
              <p>
                Each child&apos;s placing authority&apos;s missing lead has been told and sees the child on their
                dashboard until you hand them over.
              </p>
              <HandOverForm userId={user.id} candidates={allocations.candidates} hint={successorHint} />
            </>
          )}
        </section>
      )}
      <h2>Roles</h2>
      {user.roles.length === 0 && <p className="empty">No roles: this person sees nothing.</p>}
      <ul className="cards">
        {user.roles.map((r) => (
          <li key={r.id}>
            <div className="title">{ROLE_LABELS[r.role]}</div>
            <div className="muted">{r.home?.name ?? r.provider?.name ?? r.localAuthority?.name ?? 'Haven-wide'}</div>
            <UserActionButton action="removeRole" id={r.id} label={`Remove ${ROLE_LABELS[r.role]} role`} />
          </li>
        ))}
      </ul>
      <h2>Add a role</h2>
      <AddRoleForm userId={user.id} organisations={organisations} />
    </>
  )
}
