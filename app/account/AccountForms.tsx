'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { applyServerErrors, describedBy, ErrorSummary, Field, SubmitButton } from '@/components/form-kit'
import { createTokenAction, revokeOtherSessionsAction, revokeSessionAction, revokeTokenAction } from './actions'

export function CreateTokenForm() {
  const [message, setMessage] = useState<string | null>(null)
  const [issued, setIssued] = useState<{ token: string; expiresAt: string } | null>(null)
  const form = useForm<{ name: string; password: string }>({ defaultValues: { name: '', password: '' }, shouldFocusError: false })
  const { errors } = form.formState
  const router = useRouter()
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null)
    const result = await createTokenAction(values)
    if (result.ok) {
      setIssued(result.data)
      form.reset()
      router.refresh()
    } else {
      setMessage(result.message)
      applyServerErrors(form, result.fieldErrors)
    }
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} message={message} submitCount={form.formState.submitCount} />
      {issued && (
        <div className="notice" role="status">
          <p>
            <strong>Copy this token now: it will not be shown again.</strong> It expires on {new Date(issued.expiresAt).toLocaleString('en-GB', { timeZone: 'Europe/London' })}.
          </p>
          <p className="secret">{issued.token}</p>
        </div>
      )}
      <Field name="name" label="What is the token for?" error={errors.name?.message}>
        <input type="text" {...describedBy('name', { error: errors.name?.message })} {...form.register('name')} />
      </Field>
      <Field name="password" label="Your password" error={errors.password?.message}>
        <input type="password" autoComplete="current-password" {...describedBy('password', { error: errors.password?.message })} {...form.register('password')} />
      </Field>
      <SubmitButton busy={form.formState.isSubmitting}>Create token</SubmitButton>
    </form>
  )
}

export function RevokeButton({ kind, id, label }: { kind: 'token' | 'session' | 'otherSessions'; id: string; label: string }) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  return (
    <>
      <button
        type="button"
        className="button secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true)
          const result =
            kind === 'otherSessions' ? await revokeOtherSessionsAction() : await (kind === 'token' ? revokeTokenAction : revokeSessionAction)({ id })
          setBusy(false)
          if (result.ok) router.refresh()
          else setProblem(result.message)
        }}
      >
        {label}
      </button>
      {problem && <span className="field-error" role="alert">{problem}</span>}
    </>
  )
}
