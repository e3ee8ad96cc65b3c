'use client'
import { useRouter } from 'next/navigation'
import { describedBy, Field, Narrative, SubmitButton, useActionForm } from '@/components/form-kit'
import { POLICE_RISK_GRADE, RISK_GRADE_LABELS, UPDATE_KIND_LABELS } from '@/lib/domain/episodes'
import { closeEpisodeSchema, episodeUpdateSchema, RISK_GRADES, UPDATE_KINDS } from '@/lib/validation/episodes'
import { addUpdateAction, closeEpisodeAction } from '../actions'
import { DateTimeInput } from '@/components/DateTimeInput'

export function AddUpdateForm({ episodeId, now }: { episodeId: string; now: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, saved, errors, busy } = useActionForm({
    schema: episodeUpdateSchema,
    defaultValues: { kind: 'CALL', at: now, text: '', riskGrade: '' },
    action: (values) => addUpdateAction(episodeId, values),
    onSuccess: (_, form) => {
      form.setValue('kind', kind) // cleared for the next entry, which is often of the same kind
      router.refresh()
    },
    saved: () => 'Added to the timeline above. Add the next call or sighting here as it happens.',
  })
  const kind = form.watch('kind')
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Add to the timeline">
      {saved}
      {summary}
      <Field name="kind" label="What is it?" error={errors.kind?.message}>
        <select {...describedBy('kind', { error: errors.kind?.message })} {...form.register('kind')}>
          {UPDATE_KINDS.map((k) => (
            <option key={k} value={k}>
              {UPDATE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <DateTimeInput form={form} name="at" label="When?" />
      {kind === 'POLICE_RISK_GRADE' && (
        <Field
          name="riskGrade"
          label={POLICE_RISK_GRADE.label}
          hint={POLICE_RISK_GRADE.hint}
          error={errors.riskGrade?.message}
        >
          <select
            {...describedBy('riskGrade', { error: errors.riskGrade?.message, hint: true })}
            {...form.register('riskGrade', { shouldUnregister: true })}
          >
            <option value="">Select the grade</option>
            {RISK_GRADES.map((g) => (
              <option key={g} value={g}>
                {RISK_GRADE_LABELS[g]}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Narrative
        form={form}
        name="text"
        label={kind === 'POLICE_RISK_GRADE' ? 'Details (optional)' : 'Details'}
        hint="Who you called, where you looked, what you were told"
        rows={3}
      />
      <SubmitButton busy={busy}>Add to the timeline</SubmitButton>
    </form>
  )
}

export function CloseEpisodeForm({ episodeId, version }: { episodeId: string; version: number }) {
  const router = useRouter()
  const { form, onSubmit, summary, busy } = useActionForm({
    schema: closeEpisodeSchema,
    defaultValues: { reviewNote: '', version },
    action: (values) => closeEpisodeAction(episodeId, values),
    // the form goes once the episode is closed: the page says so
    onSuccess: () => router.replace(`/episodes/${episodeId}?saved=closed`),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Review and close">
      {summary}
      <Narrative
        form={form}
        name="reviewNote"
        label="Your review"
        hint="Was the response right? Was the return interview offered? What happens next?"
      />
      <SubmitButton busy={busy}>Close the episode</SubmitButton>
    </form>
  )
}
