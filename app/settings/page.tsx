import { notFound } from 'next/navigation'
import { can } from '@/lib/domain/permissions'
import { requireActor } from '@/lib/server/current-actor'
import { authoritySettings } from '@/lib/server/return-interviews'
import { ActionButton } from '@/components/form-kit'
import { setScreensRadicalisationAction } from '../return-interviews/actions'
import { ServiceForm } from './ServiceForm'

export const metadata = { title: 'Authority settings' }

export default async function SettingsPage() {
  const actor = await requireActor()
  if (!can(actor, 'authority.configure')) notFound()
  const authorities = await authoritySettings(actor)
  return (
    <>
      <h1>Authority settings</h1>
      {authorities.map((a) => (
        <section key={a.id} aria-labelledby={`la-${a.id}`}>
          <h2 id={`la-${a.id}`}>{a.name}</h2>
          <p>
            After every return, the interview is assigned to{' '}
            {a.returnInterviewService ? <strong>{a.returnInterviewService.name}</strong> : 'the child’s social worker'}.
            Return interview practitioners of {a.name} see the service&apos;s interviews.
          </p>
          <ServiceForm localAuthorityId={a.id} name={a.name} current={a.returnInterviewService?.name ?? null} />
          <p>
            Exploitation screening of {a.name}&apos;s children covers sexual and criminal exploitation and trafficking
            {a.screensRadicalisation ? ', and radicalisation.' : '; not radicalisation.'}
          </p>
          <ActionButton
            label={a.screensRadicalisation ? 'Stop screening for radicalisation' : 'Screen for radicalisation too'}
            run={setScreensRadicalisationAction.bind(null, a.id, !a.screensRadicalisation)}
          />
        </section>
      ))}
    </>
  )
}
