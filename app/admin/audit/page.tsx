import { notFound } from 'next/navigation'
import { requireActor } from '@/lib/server/current-actor'
import { can } from '@/lib/domain/permissions'
import { verifyAudit } from '@/lib/server/audit'

export const metadata = { title: 'Audit trail' }

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ verify?: string }> }) {
  const actor = await requireActor()
  if (!can(actor, 'audit.verify')) notFound()
  const result = (await searchParams).verify ? await verifyAudit(actor) : null
  return (
    <>
      <h1>Audit trail</h1>
      <p>
        Every change and every read of a child&apos;s record is written to the audit trail with who, what and when. Each
        entry is chained to the one before by a hash, so an entry changed or removed afterwards is detected here.
      </p>
      <form method="get">
        <input type="hidden" name="verify" value="1" />
        <button className="button" type="submit">
          Verify the audit trail
        </button>
      </form>
      {result && (
        <div className={result.ok ? 'notice' : 'concern concern-critical'} role="status">
          {result.ok
            ? `The audit trail is intact: ${result.checked} entries checked.`
            : `The audit trail is broken at entry ${result.brokenSeq}: ${result.reason}. Tell your data protection officer.`}
        </div>
      )}
    </>
  )
}
