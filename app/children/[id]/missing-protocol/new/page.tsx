import Link from 'next/link'
import { notFound } from 'next/navigation'
import { can, mayActOnHome } from '@/lib/domain/permissions'
import { addMonths, londonDate } from '@/lib/domain/time'
import { orNotFound } from '@/app/(lib)/load-or-404'
import { requireActor } from '@/lib/server/current-actor'
import { recordId } from '@/lib/server/errors'
import { getMissingProtocols } from '@/lib/server/missing-protocols'
import { knownRecordChoices } from '@/lib/server/protocol-places'
import { settings } from '@/lib/settings'
import { HomePhoneMissing } from '@/components/HomePhoneMissing'
import { ProtocolForm } from './ProtocolForm'

export const metadata = { title: 'Write the missing protocol' }

export default async function NewProtocolPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor()
  if (!can(actor, 'protocol.write')) notFound()
  const childId = recordId((await params).id, 'child')
  const { child, versions, home } = await orNotFound(getMissingProtocols(actor, childId))
  const choices = await knownRecordChoices(actor, childId)
  const latest = versions[0]
  const reviewDate = addMonths(londonDate(new Date()), settings.missingProtocol.reviewMonths)
  // a new version starts from the latest; the first from the people Haven tells and the police
  const defaults = latest
    ? {
        ...latest,
        knownPlacesAndPeople: latest.knownPlacesAndPeople ?? '',
        knownRecords: latest.knownRecords.map((r) => ({ kind: r.kind, recordId: r.id, name: '', detail: '' })),
        medicalNeeds: latest.medicalNeeds ?? '',
        steps: latest.steps.map((text) => ({ text })),
        toTell: latest.toTell.map((c) => ({
          who: c.who,
          name: c.name ?? '',
          contact: c.contact ?? '',
          email: c.email ?? '',
        })),
        reviewDate,
        basedOnVersion: latest.version,
      }
    : {
        whenMissing: '',
        callPoliceAtOnce: '',
        whereToLook: '',
        knownPlacesAndPeople: '',
        knownRecords: [],
        medicalNeeds: '',
        childsView: '',
        steps: [{ text: '' }],
        toTell: ['ON_CALL_MANAGER', 'POLICE', 'SOCIAL_WORKER'].map((who) => ({
          who,
          name: '',
          contact: '',
          email: '',
        })),
        reviewDate,
        basedOnVersion: 0,
      }
  return (
    <>
      <p>
        <Link href={`/children/${child.id}/missing-protocol`}>Back</Link>
      </p>
      <h1>
        Missing protocol for {child.firstName} {child.lastName}:{' '}
        {latest ? `version ${latest.version + 1}` : 'first version'}
      </h1>
      <p className="lede">
        Written with {child.firstName}. The social worker agrees it and the registered manager signs it off.
      </p>
      {home && !home.phone && mayActOnHome(actor, 'home.phone', home) && <HomePhoneMissing home={home} />}
      <ProtocolForm childId={child.id} firstName={child.firstName} defaults={defaults} choices={choices} />
    </>
  )
}
