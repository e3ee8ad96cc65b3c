'use client'
import { useRouter } from 'next/navigation'
import { describedBy, Field, Radios, SubmitButton, useActionForm } from '@/components/form-kit'
import { retentionDecisionSchema } from '@/lib/validation/retention'
import { decideRetentionAction } from './actions'

/** The administrator's decision on case records past their period: erase now, or keep with the reason. */
export function RetentionDecisionForm({ childId, initials }: { childId: string; initials: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: retentionDecisionSchema,
    defaultValues: { decision: undefined, reason: '' },
    action: (values) => decideRetentionAction(childId, values),
    onSuccess: () => router.refresh(),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={`Decide on ${initials}'s records`}>
      {summary}
      <Radios
        name="decision"
        legend="Decision"
        error={errors.decision?.message}
        register={form.register('decision')}
        options={[
          { value: 'ERASE', label: 'Erase: names, free text about the child and photos are removed now' },
          { value: 'KEEP', label: 'Keep: for example a legal hold, a claim or an inquiry' },
        ]}
      />
      <Field name="reason" label="Reason" error={errors.reason?.message}>
        <textarea rows={2} {...describedBy('reason', { error: errors.reason?.message })} {...form.register('reason')} />
      </Field>
      <SubmitButton busy={busy}>Record the decision</SubmitButton>
    </form>
  )
}
