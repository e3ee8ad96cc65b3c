import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ROLE_LABELS } from '@/lib/domain/roles'
import { formatDateTime } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError } from '@/lib/server/errors'
import { pendingGrants } from '@/lib/server/role-grants'
import { GrantDecision } from '../../GrantDecision'

export const metadata = { title: 'Role grant to approve' }

export default async function PendingGrantPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  const { id } = await params
  const grants = await pendingGrants(actor).catch((e) => {
    if (e instanceof ForbiddenError) notFound()
    throw e
  })
  const grant = grants.find((g) => g.id === id)
  if (!grant) notFound()
  return (
    <>
      <p>
        <Link href="/admin/users">All users</Link>
      </p>
      <h1>Role grant to approve</h1>
      <dl className="summary">
        <div>
          <dt>Person</dt>
          <dd>
            <Link href={`/admin/users/${grant.user.id}`}>{grant.user.name}</Link>
          </dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>
            {ROLE_LABELS[grant.role]}
            {grant.organisation && `, ${grant.organisation}`}
          </dd>
        </div>
        <div>
          <dt>Why</dt>
          <dd>{grant.reason}</dd>
        </div>
        <div>
          <dt>Asked for by</dt>
          <dd>
            {grant.requestedBy.name}, {formatDateTime(grant.requestedAt)}
          </dd>
        </div>
      </dl>
      {grant.mine ? (
        <p>You asked for this grant: another administrator approves or refuses it.</p>
      ) : (
        <GrantDecision requestId={grant.id} />
      )}
    </>
  )
}
