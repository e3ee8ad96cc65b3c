import Link from 'next/link'
import { ROLE_LABELS, type Role } from '@/lib/domain/roles'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError } from '@/lib/server/errors'
import { listUsers } from '@/lib/server/users'
import { notFound } from 'next/navigation'

export const metadata = { title: 'Users' }

export default async function UsersPage() {
  const actor = await requireActor()
  const users = await listUsers(actor).catch((e) => {
    if (e instanceof ForbiddenError) notFound()
    throw e
  })
  return (
    <>
      <h1>Users</h1>
      <p>
        <Link className="button" href="/admin/users/new">
          Create an account
        </Link>
      </p>
      <ul className="cards">
        {users.map((u) => (
          <li key={u.id}>
            <Link className="title" href={`/admin/users/${u.id}`}>
              {u.name}
            </Link>
            {!u.active && <> <span className="tag tag-critical">Deactivated</span></>}
            <div>{u.email}</div>
            <div className="muted">
              {u.roles.map((r) => `${ROLE_LABELS[r.role as Role]}${r.home ? `, ${r.home.name}` : r.provider ? `, ${r.provider.name}` : r.localAuthority ? `, ${r.localAuthority.name}` : ''}`).join(' · ') || 'No roles'}
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
