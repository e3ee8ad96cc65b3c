'use client'
import { useState } from 'react'
import { describedBy, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { passwordResetRequestSchema } from '@/lib/validation/users'
import { requestResetAction } from '../actions'

export function ForgottenPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null)
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: passwordResetRequestSchema,
    defaultValues: { email: '' },
    action: requestResetAction,
    onSuccess: () => setSentTo(form.getValues('email')),
  })
  if (sentTo)
    return (
      <p className="notice" role="status">
        If {sentTo} has a Haven account, an e-mail with a link to choose a new password is on its way. It can take a few
        minutes; check your junk folder too.
      </p>
    )
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <Field name="email" label="E-mail address" error={errors.email?.message}>
        <input
          type="email"
          autoComplete="username"
          spellCheck={false}
          {...describedBy('email', { error: errors.email?.message })}
          {...form.register('email')}
        />
      </Field>
      <SubmitButton busy={busy}>Send me a link</SubmitButton>
    </form>
  )
}
