'use client'
import { formatDateTime } from '@/lib/domain/time'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { ActionButton, describedBy, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { passwordChangeSchema, tokenFormSchema } from '@/lib/validation/users'
import {
  changePasswordAction,
  createTokenAction,
  revokeOtherSessionsAction,
  revokeSessionAction,
  revokeTokenAction,
} from './actions'

export function CreateTokenForm() {
  const [issued, setIssued] = useState<{ token: string; expiresAt: string } | null>(null)
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: tokenFormSchema,
    defaultValues: { name: '', password: '' },
    action: createTokenAction,
    onSuccess: (token, form) => {
      setIssued(token)
      form.reset()
      router.refresh()
    },
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      {issued && (
        <div className="notice" role="status">
          <p>
            <strong>Copy this token now: it will not be shown again.</strong> It expires on{' '}
            {formatDateTime(new Date(issued.expiresAt))}.
          </p>
          <p className="secret">{issued.token}</p>
        </div>
      )}
      <Field name="name" label="What is the token for?" error={errors.name?.message}>
        <input type="text" {...describedBy('name', { error: errors.name?.message })} {...form.register('name')} />
      </Field>
      <Field name="password" label="Your password" error={errors.password?.message}>
        <input
          type="password"
          autoComplete="current-password"
          {...describedBy('password', { error: errors.password?.message })}
          {...form.register('password')}
        />
      </Field>
      <SubmitButton busy={busy}>Create token</SubmitButton>
    </form>
  )
}

export function RevokeButton({
  kind,
  id,
  label,
}: {
  kind: 'token' | 'session' | 'otherSessions'
  id: string
  label: string
}) {
  const run = {
    token: () => revokeTokenAction({ id }),
    session: () => revokeSessionAction({ id }),
    otherSessions: () => revokeOtherSessionsAction(),
  }[kind]
  return <ActionButton label={label} run={run} />
}

export function ChangePasswordForm() {
  const [changed, setChanged] = useState(false)
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: passwordChangeSchema,
    defaultValues: { currentPassword: '', newPassword: '' },
    action: changePasswordAction,
    onSuccess: (_, form) => {
      setChanged(true)
      form.reset()
      router.refresh()
    },
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      {changed && (
        <p className="notice" role="status">
          Your password is changed. You are signed out everywhere else, and your API tokens have ended.
        </p>
      )}
      <Field name="currentPassword" label="Current password" error={errors.currentPassword?.message}>
        <input
          type="password"
          autoComplete="current-password"
          {...describedBy('currentPassword', { error: errors.currentPassword?.message })}
          {...form.register('currentPassword')}
        />
      </Field>
      <Field
        name="newPassword"
        label="New password"
        hint="At least 12 characters. Three random words work well; common passwords are refused."
        error={errors.newPassword?.message}
      >
        <input
          type="password"
          autoComplete="new-password"
          {...describedBy('newPassword', { error: errors.newPassword?.message, hint: true })}
          {...form.register('newPassword')}
        />
      </Field>
      <SubmitButton busy={busy}>Change password</SubmitButton>
    </form>
  )
}
