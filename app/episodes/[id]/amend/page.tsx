import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AMENDABLE_FIELDS, type AmendableField } from '@/lib/domain/episodes'
import { can } from '@/lib/domain/permissions'
import { londonLocal } from '@/lib/domain/time'
import { loadEpisodeOr404 } from '@/app/(lib)/load-or-404'
import { AmendForm } from './AmendForm'

export const metadata = { title: 'Correct the record' }

export default async function AmendPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, episode } = await loadEpisodeOr404((await params).id)
  if (!can(actor, 'episode.amend')) notFound()
  const back = episode.return
  const current: Record<AmendableField, string> = {
    absenceType: episode.absenceType,
    lastSeenAt: londonLocal(new Date(episode.lastSeenAt)),
    lastSeenPlace: episode.lastSeenPlace,
    lastSeenWith: episode.lastSeenWith ?? '',
    clothing: episode.clothing ?? '',
    policeReference: episode.policeReference ?? '',
    returnedAt: back ? londonLocal(new Date(back.returnedAt)) : '',
    returnMethod: back?.method ?? '',
    injuries: back?.injuries ?? '',
    signsOfHarm: back?.signsOfHarm ?? '',
    medicalAttention: back?.medicalAttention ?? '',
    whoInformed: back?.whoInformed ?? '',
  }
  const returnFields: AmendableField[] = ['returnedAt', 'returnMethod', 'injuries', 'signsOfHarm', 'medicalAttention', 'whoInformed']
  const fields = (Object.keys(AMENDABLE_FIELDS) as AmendableField[]).filter((f) => back || !returnFields.includes(f))
  return (
    <>
      <p>
        <Link href={`/episodes/${episode.id}`}>Back to the episode</Link>
      </p>
      <h1>Correct the record for {episode.child.firstName} {episode.child.lastName}</h1>
      <p className="lede">Records are never overwritten: your correction is added, with your name and reason, and the original stays readable.</p>
      <AmendForm episodeId={episode.id} version={episode.version} fields={fields} current={current} />
    </>
  )
}
