'use client'
import { useRouter } from 'next/navigation'
import { CodeOptions } from '@/components/CodeOptions'
import { describedBy, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { PLACEMENT_END_REASONS } from '@/lib/domain/ssda903'
import { placementEndSchema } from '@/lib/validation/children'
import { endPlacementAction } from '../../../../actions'

export function EndPlacementForm({ childId, placementId }: { childId: string; placementId: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: placementEndSchema,
    defaultValues: { endDate: '', endReason: '' },
    action: (values) => endPlacementAction(placementId, values),
    onSuccess: () => {
      router.push(`/children/${childId}`)
      router.refresh()
    },
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <Field name="endDate" label="End date" error={errors.endDate?.message}>
        <input
          type="date"
          style={{ maxWidth: '12rem' }}
          {...describedBy('endDate', { error: errors.endDate?.message })}
          {...form.register('endDate')}
        />
      </Field>
      <Field name="endReason" label="Why the placement ended (SSDA903 REC)" error={errors.endReason?.message}>
        <select {...describedBy('endReason', { error: errors.endReason?.message })} {...form.register('endReason')}>
          <CodeOptions codes={PLACEMENT_END_REASONS} prompt="Select the reason" />
        </select>
      </Field>
      <SubmitButton busy={busy}>End placement</SubmitButton>
    </form>
  )
}
