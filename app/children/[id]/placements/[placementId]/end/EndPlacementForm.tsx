'use client'
import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { CodeOptions } from '@/components/CodeOptions'
import { applyServerErrors, describedBy, ErrorSummary, Field, SubmitButton } from '@/components/form-kit'
import { PLACEMENT_END_REASONS } from '@/lib/domain/ssda903'
import { placementEndSchema } from '@/lib/validation/children'
import { endPlacementAction } from '../../../../actions'

export function EndPlacementForm({ childId, placementId }: { childId: string; placementId: string }) {
  const router = useRouter()
  const [message, setMessage] = useState<string | null>(null)
  const form = useForm<z.input<typeof placementEndSchema>, unknown, z.output<typeof placementEndSchema>>({
    resolver: zodResolver(placementEndSchema),
    shouldFocusError: false,
    defaultValues: { endDate: '', endReason: '' },
  })
  const { errors } = form.formState
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null)
    const result = await endPlacementAction(placementId, values)
    if (result.ok) {
      router.push(`/children/${childId}`)
      router.refresh()
    } else {
      setMessage(result.message)
      applyServerErrors(form, result.fieldErrors)
    }
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} message={message} submitCount={form.formState.submitCount} />
      <Field name="endDate" label="End date" error={errors.endDate?.message}>
        <input type="date" style={{ maxWidth: '12rem' }} {...describedBy('endDate', { error: errors.endDate?.message })} {...form.register('endDate')} />
      </Field>
      <Field name="endReason" label="Why the placement ended (SSDA903 REC)" error={errors.endReason?.message}>
        <select {...describedBy('endReason', { error: errors.endReason?.message })} {...form.register('endReason')}>
          <CodeOptions codes={PLACEMENT_END_REASONS} prompt="Select the reason" />
        </select>
      </Field>
      <SubmitButton busy={form.formState.isSubmitting}>End placement</SubmitButton>
    </form>
  )
}
