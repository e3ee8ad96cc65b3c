'use client'
// "Correct something in this record": the one form for every record corrected by amendment (episodes, return
// interviews). The person picks a field, edits its value as it stands now, and says why; the server keeps the old
// value beside the new one (lib/server/amendments.ts).
import { useRouter } from 'next/navigation'
import { useEffect, useMemo } from 'react'
import type { ActionResult } from '@/lib/server/action'
import { amendmentSchema } from '@/lib/validation/amendments'
import { describedBy, Field, SubmitButton, useActionForm } from './form-kit'

/** How a field's new value is typed: a date and time, a choice, or text. */
export type AmendmentInputKind =
  { kind: 'moment' } | { kind: 'choice'; choices: [value: string, label: string][] } | { kind: 'text'; rows: number }
export type AmendmentField = { name: string; label: string; input: AmendmentInputKind }

export function AmendmentForm(props: {
  fields: AmendmentField[]
  /** each field's value now, as its input shows it */
  current: Record<string, string>
  version: number
  maxLength: number
  /** the server action for this record (bound to its id) */
  action: (input: unknown) => Promise<ActionResult<unknown>>
  /** where to go once saved */
  done: string
}) {
  const { fields, current, version, maxLength, action, done } = props
  const router = useRouter()
  const schema = useMemo(
    () =>
      amendmentSchema(
        fields.map((f) => f.name),
        maxLength,
      ),
    [fields, maxLength],
  )
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema,
    defaultValues: { value: '', reason: '', version },
    action,
    onSuccess: () => {
      router.push(done)
      router.refresh()
    },
  })
  const chosen = fields.find((f) => f.name === form.watch('field'))
  // start from the value as it stands, so a small fix is a small edit
  useEffect(() => {
    if (chosen) form.setValue('value', current[chosen.name] ?? '')
  }, [chosen, current, form])
  const valueProps = { ...describedBy('value', { error: errors.value?.message }), ...form.register('value') }
  const input = chosen?.input
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <Field name="field" label="What needs correcting?" error={errors.field?.message}>
        <select {...describedBy('field', { error: errors.field?.message })} {...form.register('field')}>
          <option value="">Select</option>
          {fields.map((f) => (
            <option key={f.name} value={f.name}>
              {f.label}
            </option>
          ))}
        </select>
      </Field>
      {input && (
        <Field name="value" label="What it should say" error={errors.value?.message}>
          {input.kind === 'moment' ? (
            <input type="datetime-local" style={{ maxWidth: '16rem' }} {...valueProps} />
          ) : input.kind === 'choice' ? (
            <select {...valueProps}>
              {input.choices.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          ) : (
            <textarea rows={input.rows} {...valueProps} />
          )}
        </Field>
      )}
      <Field
        name="reason"
        label="Why does it need correcting?"
        hint="The original stays in the record beside your correction"
        error={errors.reason?.message}
      >
        <textarea
          rows={3}
          {...describedBy('reason', { error: errors.reason?.message, hint: true })}
          {...form.register('reason')}
        />
      </Field>
      <SubmitButton busy={busy}>Save the correction</SubmitButton>
    </form>
  )
}
