'use client'
// "Correct something in this record": the one form for every record corrected by amendment (episodes, return
// interviews, Regulation 44 visits, referrals, meetings). The person picks a field, edits its value as it stands now,
// and says why; the server keeps the old value beside the new one (lib/server/amendments.ts).
import { useRouter } from 'next/navigation'
import { useEffect, useMemo } from 'react'
import type { ActionResult } from '@/lib/server/action'
import { EXPLOITATION_KINDS } from '@/lib/domain/cse'
import { amendmentSchema } from '@/lib/validation/amendments'
import { DateTimeInput } from './DateTimeInput'
import { ExploitationKindsField } from './ExploitationKindsField'
import { describedBy, Field, SubmitButton, useActionForm } from './form-kit'

/** How a field's new value is typed: a date and time, a date, a whole number, a choice, kinds of exploitation (ticked;
 * sent as comma-separated codes), or text. */
export type AmendmentInputKind =
  | { kind: 'moment' }
  | { kind: 'kinds' }
  | { kind: 'date' }
  | { kind: 'count' }
  | { kind: 'choice'; choices: [value: string, label: string][] }
  | { kind: 'text'; rows: number }
export type AmendmentField = { name: string; label: string; input: AmendmentInputKind }

export function AmendmentForm(props: {
  fields: AmendmentField[]
  /** each field's value now, as its input shows it */
  current: Record<string, string>
  version: number
  maxLength: number
  /** the server action for this record (bound to its id) */
  action: (input: unknown) => Promise<ActionResult<unknown>>
  /** where to go once saved; without it the form stays on the page, cleared, and the page shows the correction */
  done?: string
  /** the form's accessible name, where the page has several forms */
  label?: string
}) {
  const { fields, current, version, maxLength, action, done, label } = props
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
    onSuccess: (_, f) => {
      if (done) router.push(done)
      else f.reset({ field: undefined, value: '', reason: '', version: version + 1 })
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
  const ticked = (form.watch('value') ?? '').split(',').filter(Boolean)
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={label}>
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
      {input?.kind === 'moment' && <DateTimeInput form={form} name="value" label="What it should say" />}
      {input?.kind === 'kinds' && (
        <ExploitationKindsField
          name="value"
          legend="What it should say"
          error={errors.value?.message}
          box={(k) => ({
            checked: ticked.includes(k),
            onChange: (e) =>
              form.setValue(
                'value',
                EXPLOITATION_KINDS.filter((x) => (x === k ? e.target.checked : ticked.includes(x))).join(','),
              ),
          })}
        />
      )}
      {input && input.kind !== 'moment' && input.kind !== 'kinds' && (
        <Field name="value" label="What it should say" error={errors.value?.message}>
          {input.kind === 'date' ? (
            <input type="date" style={{ maxWidth: '12rem' }} {...valueProps} />
          ) : input.kind === 'count' ? (
            <input type="number" inputMode="numeric" min={0} style={{ maxWidth: '8rem' }} {...valueProps} />
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
