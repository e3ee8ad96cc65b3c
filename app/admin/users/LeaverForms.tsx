'use client'
// Deactivating someone who holds children (as IRO or social worker): who takes them over, or nobody yet (each child's
// missing lead is told). And handing them over later.
import { useRouter } from 'next/navigation'
import { describedBy, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { deactivationSchema, handOverSchema } from '@/lib/validation/users'
import { deactivateAction, handOverAction } from './actions'

type Candidates = { id: string; name: string }[]

function SuccessorField({
  form,
  error,
  candidates,
  hint,
  noneLabel,
}: {
  form: { register: (name: 'successorId') => object }
  error?: string
  candidates: Candidates
  hint: string
  noneLabel: string
}) {
  return (
    <Field name="successorId" label="Who takes their children over" hint={hint} error={error}>
      <select {...describedBy('successorId', { error, hint: true })} {...form.register('successorId')}>
        <option value="">{noneLabel}</option>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </Field>
  )
}

export function DeactivateForm({ userId, candidates, hint }: { userId: string; candidates: Candidates; hint: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: deactivationSchema,
    defaultValues: { successorId: '' },
    action: (values) => deactivateAction(userId, values),
    onSuccess: () => router.refresh(),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <SuccessorField
        form={form}
        error={errors.successorId?.message}
        candidates={candidates}
        hint={hint}
        noneLabel="Nobody yet: tell each child's missing lead"
      />
      <SubmitButton busy={busy}>Deactivate account</SubmitButton>
    </form>
  )
}

export function HandOverForm({ userId, candidates, hint }: { userId: string; candidates: Candidates; hint: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: handOverSchema,
    defaultValues: { successorId: '' },
    action: (values) => handOverAction(userId, values),
    onSuccess: () => router.refresh(),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <SuccessorField
        form={form}
        error={errors.successorId?.message}
        candidates={candidates}
        hint={hint}
        noneLabel="Select"
      />
      <SubmitButton busy={busy}>Hand their children over</SubmitButton>
    </form>
  )
}
