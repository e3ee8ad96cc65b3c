'use client'
// A second administrator's decision on a pending role grant: approve at once, or refuse with a reason.
import { useRouter } from 'next/navigation'
import { ActionButton, describedBy, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { grantDecisionSchema } from '@/lib/validation/users'
import { decideGrantAction } from './actions'

export function GrantDecision({ requestId }: { requestId: string }) {
  const router = useRouter()
  const decided = () => router.push('/admin/users')
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: grantDecisionSchema,
    defaultValues: { approve: false, refusalReason: '' },
    action: (values) => decideGrantAction(requestId, values),
    onSuccess: decided,
  })
  return (
    <div className="stack">
      <p>
        <ActionButton
          label="Approve the grant"
          run={async () => {
            const result = await decideGrantAction(requestId, { approve: true })
            if (result.ok) decided()
            return result
          }}
        />
      </p>
      <form className="stack" onSubmit={onSubmit} noValidate>
        {summary}
        <Field name="refusalReason" label="Or refuse it: why?" error={errors.refusalReason?.message}>
          <input
            type="text"
            autoComplete="off"
            {...describedBy('refusalReason', { error: errors.refusalReason?.message })}
            {...form.register('refusalReason')}
          />
        </Field>
        <SubmitButton busy={busy}>Refuse the grant</SubmitButton>
      </form>
    </div>
  )
}
