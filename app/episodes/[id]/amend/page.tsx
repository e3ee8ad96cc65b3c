import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AmendmentForm, type AmendmentInputKind } from '@/components/AmendmentForm'
import { ABSENCE_SHORT, AMENDABLE_FIELDS, RETURN_METHOD_LABELS, type AmendableField } from '@/lib/domain/episodes'
import { can } from '@/lib/domain/permissions'
import { londonLocal } from '@/lib/domain/time'
import { loadEpisodeOr404 } from '@/app/(lib)/load-or-404'
import { EPISODE_CORRECTION_MAX } from '@/lib/validation/episodes'
import { amendEpisodeAction } from '../../actions'

export const metadata = { title: 'Correct the record' }

/** How each field's new value is typed. */
function inputFor(field: AmendableField): AmendmentInputKind {
  if (field === 'lastSeenAt' || field === 'returnedAt') return { kind: 'moment' }
  if (field === 'absenceType') return { kind: 'choice', choices: Object.entries(ABSENCE_SHORT) }
  if (field === 'returnMethod') return { kind: 'choice', choices: Object.entries(RETURN_METHOD_LABELS) }
  return { kind: 'text', rows: 3 }
}

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
  const returnFields: AmendableField[] = [
    'returnedAt',
    'returnMethod',
    'injuries',
    'signsOfHarm',
    'medicalAttention',
    'whoInformed',
  ]
  const fields = (Object.keys(AMENDABLE_FIELDS) as AmendableField[]).filter((f) => back || !returnFields.includes(f))
  return (
    <>
      <p>
        <Link href={`/episodes/${episode.id}`}>Back to the episode</Link>
      </p>
      <h1>
        Correct the record for {episode.child.firstName} {episode.child.lastName}
      </h1>
      <p className="lede">
        Records are never overwritten: your correction is added, with your name and reason, and the original stays
        readable.
      </p>
      <AmendmentForm
        fields={fields.map((f) => ({ name: f, label: AMENDABLE_FIELDS[f], input: inputFor(f) }))}
        current={current}
        version={episode.version}
        maxLength={EPISODE_CORRECTION_MAX}
        action={amendEpisodeAction.bind(null, episode.id)}
        done={`/episodes/${episode.id}`}
      />
    </>
  )
}
