'use client'
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'
import { describedBy, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { ABSENCE_SHORT, AMENDABLE_FIELDS, RETURN_METHOD_LABELS, type AmendableField } from '@/lib/domain/episodes'
import { amendEpisodeSchema } from '@/lib/validation/episodes'
import { amendEpisodeAction } from '../../actions'

/** current: each field's value now, as the input for it shows it */
export function AmendForm({ episodeId, version, fields, current }: { episodeId: string; version: number; fields: AmendableField[]; current: Record<string, string> }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: amendEpisodeSchema,
    defaultValues: { value: '', reason: '', version },
    action: (values) => amendEpisodeAction(episodeId, values),
    onSuccess: () => {
      router.push(`/episodes/${episodeId}`)
      router.refresh()
    },
  })
  const field = form.watch('field') as AmendableField | undefined
  // start from the value as it stands, so a small fix is a small edit
  useEffect(() => {
    if (field) form.setValue('value', current[field] ?? '')
  }, [field, current, form])
  const valueProps = { ...describedBy('value', { error: errors.value?.message }), ...form.register('value') }
  const choices =
    field === 'absenceType' ? Object.entries(ABSENCE_SHORT) : field === 'returnMethod' ? Object.entries(RETURN_METHOD_LABELS) : null
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <Field name="field" label="What needs correcting?" error={errors.field?.message}>
        <select {...describedBy('field', { error: errors.field?.message })} {...form.register('field')}>
          <option value="">Select</option>
          {fields.map((f) => (
            <option key={f} value={f}>
              {AMENDABLE_FIELDS[f]}
            </option>
          ))}
        </select>
      </Field>
      {field && (
        <Field name="value" label="What it should say" error={errors.value?.message}>
          {field === 'lastSeenAt' || field === 'returnedAt' ? (
            <input type="datetime-local" style={{ maxWidth: '16rem' }} {...valueProps} />
          ) : choices ? (
            <select {...valueProps}>
              {choices.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          ) : (
            <textarea rows={3} {...valueProps} />
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
