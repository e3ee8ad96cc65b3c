'use client'
import { useRouter } from 'next/navigation'
import { describedBy, Field, Radios, SubmitButton, useActionForm } from '@/components/form-kit'
import { REG41_KIND_LABELS, REG41_METHOD_LABELS } from '@/lib/domain/placements'
import { reg41NoticeSchema } from '@/lib/validation/children'
import { reg41NoticeAction } from '@/app/children/actions'

/** The home's Regulation 41 notice to the authority it is in: admission, or discharge once the placement has ended. */
export function Reg41NoticeForm({
  placementId,
  kinds,
  authority,
}: {
  placementId: string
  kinds: ('ADMISSION' | 'DISCHARGE')[]
  authority: string
}) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: reg41NoticeSchema,
    // no method chosen until the user picks one (the schema refuses an empty choice with its own message)
    defaultValues: { kind: kinds[0], notifiedOn: '', method: undefined, givenBy: '' },
    action: (values) => reg41NoticeAction(placementId, values),
    onSuccess: () => router.refresh(),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={`Regulation 41 notice to ${authority}`}>
      {summary}
      <Radios
        name="kind"
        legend="Notice of"
        inline
        error={errors.kind?.message}
        register={form.register('kind')}
        options={kinds.map((k) => ({ value: k, label: REG41_KIND_LABELS[k] }))}
      />
      <Field name="notifiedOn" label={`When was ${authority} told?`} error={errors.notifiedOn?.message}>
        <input
          type="date"
          style={{ maxWidth: '12rem' }}
          {...describedBy('notifiedOn', { error: errors.notifiedOn?.message })}
          {...form.register('notifiedOn')}
        />
      </Field>
      <Field name="method" label="How (in writing)" error={errors.method?.message}>
        <select {...describedBy('method', { error: errors.method?.message })} {...form.register('method')}>
          <option value="">Select how it was sent</option>
          {Object.entries(REG41_METHOD_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="givenBy" label="Sent by" error={errors.givenBy?.message}>
        <input
          type="text"
          autoComplete="off"
          {...describedBy('givenBy', { error: errors.givenBy?.message })}
          {...form.register('givenBy')}
        />
      </Field>
      <SubmitButton busy={busy}>Record the notice</SubmitButton>
    </form>
  )
}
