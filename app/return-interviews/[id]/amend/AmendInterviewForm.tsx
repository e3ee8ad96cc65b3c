'use client'
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'
import { describedBy, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { PREVENTION_LABELS } from '@/lib/domain/return-interviews'
import { amendInterviewSchema, INTERVIEW_AMENDABLE, type InterviewAmendableField } from '@/lib/validation/return-interviews'
import { amendInterviewAction } from '../../actions'

export function AmendInterviewForm({ interviewId, version, fields, current }: { interviewId: string; version: number; fields: InterviewAmendableField[]; current: Record<string, string> }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: amendInterviewSchema,
    defaultValues: { value: '', reason: '', version },
    action: (values) => amendInterviewAction(interviewId, values),
    onSuccess: () => {
      router.push(`/return-interviews/${interviewId}`)
      router.refresh()
    },
  })
  const field = form.watch('field') as InterviewAmendableField | undefined
  useEffect(() => {
    if (field) form.setValue('value', current[field] ?? '')
  }, [field, current, form])
  const valueProps = { ...describedBy('value', { error: errors.value?.message }), ...form.register('value') }
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <Field name="field" label="What needs correcting?" error={errors.field?.message}>
        <select {...describedBy('field', { error: errors.field?.message })} {...form.register('field')}>
          <option value="">Select</option>
          {fields.map((f) => (
            <option key={f} value={f}>
              {INTERVIEW_AMENDABLE[f]}
            </option>
          ))}
        </select>
      </Field>
      {field && (
        <Field name="value" label="What it should say" error={errors.value?.message}>
          {field === 'heldAt' ? (
            <input type="datetime-local" style={{ maxWidth: '16rem' }} {...valueProps} />
          ) : field === 'preventionInterview' ? (
            <select {...valueProps}>
              {Object.entries(PREVENTION_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          ) : (
            <textarea rows={4} {...valueProps} />
          )}
        </Field>
      )}
      <Field name="reason" label="Why does it need correcting?" hint="The original stays in the record beside your correction" error={errors.reason?.message}>
        <textarea rows={3} {...describedBy('reason', { error: errors.reason?.message, hint: true })} {...form.register('reason')} />
      </Field>
      <SubmitButton busy={busy}>Save the correction</SubmitButton>
    </form>
  )
}
