'use client'
import { useRouter } from 'next/navigation'
import { describedBy, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { passwordFromLinkSchema } from '@/lib/validation/users'
import { setPasswordFromLinkAction } from '@/app/sign-in/actions'

export function NewPasswordForm({ token }: { token: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: passwordFromLinkSchema,
    defaultValues: { newPassword: '' },
    action: (values) => setPasswordFromLinkAction(token, values),
    onSuccess: () => router.push('/sign-in?password=set'),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <Field name="newPassword" label="New password" error={errors.newPassword?.message}>
        <input
          type="password"
          autoComplete="new-password"
          {...describedBy('newPassword', { error: errors.newPassword?.message })}
          {...form.register('newPassword')}
        />
      </Field>
      <SubmitButton busy={busy}>Save my password</SubmitButton>
    </form>
  )
}
