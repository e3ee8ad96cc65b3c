import Link from 'next/link'
import { TOLD_WHO } from '@/lib/domain/missing-protocols'
import { can, mayActOnHome } from '@/lib/domain/permissions'
import { formatDate, formatDateTime } from '@/lib/domain/time'
import { orNotFound } from '@/app/(lib)/load-or-404'
import { requireActor } from '@/lib/server/current-actor'
import { recordId } from '@/lib/server/errors'
import { getMissingProtocols } from '@/lib/server/missing-protocols'
import { HomePhoneMissing } from '@/components/HomePhoneMissing'
import { KnownRecordLinks } from '@/components/KnownRecordLinks'
import { ApproveButton } from './ApproveButton'

export const metadata = { title: 'Missing protocol' }

type Version = Awaited<ReturnType<typeof getMissingProtocols>>['versions'][number]

function ProtocolDetails({ p, firstName }: { p: Version; firstName: string }) {
  return (
    <>
      <dl className="summary">
        <div>
          <dt>Missing means</dt>
          <dd>{p.whenMissing}</dd>
        </div>
        <div>
          <dt>Call the police at once if</dt>
          <dd>{p.callPoliceAtOnce}</dd>
        </div>
        <div>
          <dt>Where to look first</dt>
          <dd>{p.whereToLook}</dd>
        </div>
        <div>
          <dt>Known places and people</dt>
          <dd>
            <KnownRecordLinks records={p.knownRecords} />
            {p.knownPlacesAndPeople ?? (p.knownRecords.length ? null : 'None recorded')}
          </dd>
        </div>
        <div>
          <dt>Medical needs</dt>
          <dd>{p.medicalNeeds ?? 'None recorded'}</dd>
        </div>
        <div>
          <dt>What {firstName} wants to happen</dt>
          <dd>{p.childsView}</dd>
        </div>
        <div>
          <dt>Review by</dt>
          <dd>{formatDate(p.reviewDate)}</dd>
        </div>
      </dl>
      <h3>Steps, in order</h3>
      <ol>
        {p.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      <h3>Who to tell, in order</h3>
      {p.toTell.length === 0 && <p className="empty">Nobody named.</p>}
      <ol>
        {p.toTell.map((c, i) => (
          <li key={i}>
            {[TOLD_WHO[c.who], c.name, c.contact].filter(Boolean).join(': ')}
            {c.email && `; Haven e-mails ${c.email} when the child is reported missing and when they come back`}
          </li>
        ))}
      </ol>
      <p className="muted">
        Version {p.version}, written {formatDateTime(new Date(p.createdAt))} by {p.createdBy?.name ?? 'unknown'}.{' '}
        {p.agreedAt
          ? `Agreed by the social worker ${p.agreedBy?.name ?? ''} on ${formatDateTime(new Date(p.agreedAt))}.`
          : 'Not agreed by the social worker yet.'}{' '}
        {p.signedOffAt
          ? `Signed off by ${p.signedOffBy?.name ?? 'the registered manager'} on ${formatDateTime(new Date(p.signedOffAt))}.`
          : 'Not signed off by the registered manager yet.'}
      </p>
    </>
  )
}

export default async function MissingProtocolPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  const data = await orNotFound(getMissingProtocols(actor, recordId((await params).id, 'child')))
  const { child, versions } = data
  const name = `${child.firstName} ${child.lastName}`
  const [latest, ...older] = versions
  return (
    <>
      <p>
        <Link href={`/children/${child.id}`}>Back to {name}</Link>
      </p>
      <h1>Missing protocol: {name}</h1>
      <p className="lede">
        What staff do when {child.firstName} goes missing: the steps, who to tell, where to look. The police call it a
        trigger plan; the grab pack goes with it.
      </p>
      <p className={data.state === 'current' ? 'notice' : 'concern concern-warning'}>{data.stateMessage}</p>
      {data.home && !data.home.phone && mayActOnHome(actor, 'home.phone', data.home) && (
        <HomePhoneMissing home={data.home} />
      )}
      {latest && (
        <>
          <h2>Version {latest.version}</h2>
          <ProtocolDetails p={latest} firstName={child.firstName} />
          {!latest.agreedAt && can(actor, 'protocol.agree') && (
            <ApproveButton protocolId={latest.id} as="protocol.agree" label={`Agree version ${latest.version}`} />
          )}{' '}
          {!latest.signedOffAt && can(actor, 'protocol.signoff') && (
            <ApproveButton protocolId={latest.id} as="protocol.signoff" label={`Sign off version ${latest.version}`} />
          )}
        </>
      )}
      {can(actor, 'protocol.write') && (
        <p>
          <Link className="button" href={`/children/${child.id}/missing-protocol/new`}>
            {latest ? 'Review it: write a new version' : 'Write the missing protocol'}
          </Link>
        </p>
      )}
      {older.length > 0 && (
        <>
          <h2>Earlier versions</h2>
          {older.map((p) => (
            <details key={p.id}>
              <summary>
                Version {p.version}, written {formatDateTime(new Date(p.createdAt))}
              </summary>
              <ProtocolDetails p={p} firstName={child.firstName} />
            </details>
          ))}
        </>
      )}
    </>
  )
}
