'use client'
import { useRouter } from 'next/navigation'
import { describedBy, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { grabPackShareSchema } from '@/lib/validation/episodes'
import { shareGrabPackAction } from '../../actions'

export function ShareForm({ episodeId, policeReference }: { episodeId: string; policeReference: string | null }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: grabPackShareSchema,
    defaultValues: { policeForce: '', reference: policeReference ?? '' },
    action: (values) => shareGrabPackAction(episodeId, values),
    onSuccess: () => router.refresh(),
  })
  return (
    <form className="stack no-print" onSubmit={onSubmit} noValidate>
      {summary}
      <Field name="policeForce" label="Police force given it" error={errors.policeForce?.message}>
        <input
          type="text"
          {...describedBy('policeForce', { error: errors.policeForce?.message })}
          {...form.register('policeForce')}
        />
      </Field>
      <Field name="reference" label="Police reference (optional)" error={errors.reference?.message}>
        <input
          type="text"
          style={{ maxWidth: '16rem' }}
          {...describedBy('reference', { error: errors.reference?.message })}
          {...form.register('reference')}
        />
      </Field>
      <SubmitButton busy={busy}>Record that the police have it</SubmitButton>
    </form>
  )
}

export function PrintButton() {
  return (
    <button type="button" className="button no-print" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  )
}
