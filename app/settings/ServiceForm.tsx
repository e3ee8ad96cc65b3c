'use client'
import { useRouter } from 'next/navigation'
import { describedBy, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { serviceSchema } from '@/lib/validation/return-interviews'
import { setServiceAction } from '../return-interviews/actions'

export function ServiceForm({
  localAuthorityId,
  name,
  current,
}: {
  localAuthorityId: string
  name: string
  current: string | null
}) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: serviceSchema,
    defaultValues: { name: current ?? '' },
    action: (values) => setServiceAction(localAuthorityId, values),
    onSuccess: () => router.refresh(),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={`Return interviews for ${name}`}>
      {summary}
      <Field
        name="name"
        label="Return interview service"
        hint="Leave empty if the child's social worker holds return interviews"
        error={errors.name?.message}
      >
        <input
          type="text"
          {...describedBy('name', { error: errors.name?.message, hint: true })}
          {...form.register('name')}
        />
      </Field>
      <SubmitButton busy={busy}>Save</SubmitButton>
    </form>
  )
}
