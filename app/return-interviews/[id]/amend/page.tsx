import Link from 'next/link'
import { AmendmentForm, type AmendmentInputKind } from '@/components/AmendmentForm'
import { PREVENTION_LABELS } from '@/lib/domain/return-interviews'
import { notFound } from 'next/navigation'
import { londonLocal } from '@/lib/domain/time'
import { loadInterviewOr404 } from '@/app/(lib)/load-or-404'
import {
  INTERVIEW_AMENDABLE,
  INTERVIEW_CORRECTION_MAX,
  type InterviewAmendableField,
} from '@/lib/validation/return-interviews'
import { amendInterviewAction } from '../../actions'

export const metadata = { title: 'Correct the interview record' }

/** How each field's new value is typed. */
function inputFor(field: InterviewAmendableField): AmendmentInputKind {
  if (field === 'heldAt') return { kind: 'moment' }
  if (field === 'preventionInterview') return { kind: 'choice', choices: Object.entries(PREVENTION_LABELS) }
  return { kind: 'text', rows: 4 }
}

export default async function AmendInterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { interview: i } = await loadInterviewOr404((await params).id)
  if (!i.mayRecord || !i.outcome) notFound()
  const current: Record<InterviewAmendableField, string> = {
    heldAt: i.heldAt ? londonLocal(new Date(i.heldAt)) : '',
    heldWhere: i.heldWhere ?? '',
    interviewerName: i.interviewerName ?? '',
    interviewerOrganisation: i.interviewerOrganisation ?? '',
    ...Object.fromEntries(Object.entries(i.childSays).map(([k, v]) => [k, v ?? ''])),
    concernsAboutHome: i.concernsAboutHome ?? '',
    preventionInterview: i.preventionInterview ?? '',
  } as Record<InterviewAmendableField, string>
  const fields = (Object.keys(INTERVIEW_AMENDABLE) as InterviewAmendableField[]).filter(
    (f) =>
      (f !== 'concernsAboutHome' || i.concernsVisible) &&
      (i.outcome === 'HELD' || !['heldAt', 'heldWhere', 'interviewerName', 'interviewerOrganisation'].includes(f)),
  )
  return (
    <>
      <p>
        <Link href={`/return-interviews/${i.id}`}>Back to the interview</Link>
      </p>
      <h1>
        Correct the interview record for {i.child.firstName} {i.child.lastName}
      </h1>
      <p className="lede">Your correction is added with your name and reason; the original stays readable.</p>
      <AmendmentForm
        fields={fields.map((f) => ({ name: f, label: INTERVIEW_AMENDABLE[f], input: inputFor(f) }))}
        current={current}
        version={i.version}
        maxLength={INTERVIEW_CORRECTION_MAX}
        action={amendInterviewAction.bind(null, i.id)}
        done={`/return-interviews/${i.id}`}
      />
    </>
  )
}
