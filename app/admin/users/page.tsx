import Link from 'next/link'
import { ROLE_LABELS } from '@/lib/domain/roles'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError } from '@/lib/server/errors'
import { formatDateTime } from '@/lib/domain/time'
import { pendingGrants } from '@/lib/server/role-grants'
import { listUsers } from '@/lib/server/users'
import { notFound } from 'next/navigation'

export const metadata = { title: 'Users' }

export default async function UsersPage() {
  const actor = await requireActor()
  const [users, pending] = await Promise.all([listUsers(actor), pendingGrants(actor)]).catch((e) => {
    if (e instanceof ForbiddenError) notFound()
    throw e
  })
  return (
    <>
      <h1>Users</h1>
      <p>
        <Link className="button" href="/admin/users/new">
          Create an account
        </Link>{' '}
        <Link href="/admin/users/grants">Role grants report</Link>{' '}
        <Link href="/admin/sign-in">Sign-in with organisations’ accounts</Link>
      </p>
      {pending.length > 0 && (
        <>
          <h2>Role grants waiting for approval</h2>
          <p>A second administrator approves each of these before it takes effect.</p>
          <ul className="cards">
            {pending.map((g) => (
              <li key={g.id}>
                <Link className="title" href={`/admin/users/grants/${g.id}`}>
                  {g.user.name}: {ROLE_LABELS[g.role]}
                  {g.organisation && `, ${g.organisation}`}
                </Link>
                <div>{g.reason}</div>
                <div className="muted">
                  Asked for by {g.requestedBy.name}, {formatDateTime(g.requestedAt)}
                </div>
              </li>
            ))}
          </ul>
          <h2>People</h2>
        </>
      )}
      <ul className="cards">
        {users.map((u) => (
          <li key={u.id}>
            <Link className="title" href={`/admin/users/${u.id}`}>
              {u.name}
            </Link>
            {!u.active && (
              <>
                {' '}
                <span className="tag tag-critical">Deactivated</span>
              </>
            )}
            <div>{u.email}</div>
            <div className="muted">
              {u.roles
                .map(
                  (r) =>
                    `${ROLE_LABELS[r.role]}${r.home ? `, ${r.home.name}` : r.provider ? `, ${r.provider.name}` : r.localAuthority ? `, ${r.localAuthority.name}` : ''}`,
                )
                .join(' · ') || 'No roles'}
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
