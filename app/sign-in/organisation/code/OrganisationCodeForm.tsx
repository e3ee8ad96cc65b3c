'use client'
import { useRouter } from 'next/navigation'
import { z } from 'zod'
import { describedBy, Field, useActionForm } from '@/components/form-kit'
import { organisationCodeAction } from '../actions'

const codeSchema = z.object({
  code: z.string().trim().min(1, 'Enter the 6 digits from your authenticator app').max(40),
})

export function OrganisationCodeForm() {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: codeSchema,
    defaultValues: { code: '' },
    action: organisationCodeAction,
    onSuccess: () => {
      router.replace('/')
      router.refresh()
    },
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <Field
        name="code"
        label="Code from your authenticator app"
        hint="6 digits. Lost your phone? Enter one of your recovery codes instead."
        error={errors.code?.message}
      >
        <input
          type="text"
          autoComplete="one-time-code"
          spellCheck={false}
          {...describedBy('code', { error: errors.code?.message, hint: true })}
          {...form.register('code')}
        />
      </Field>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  )
}
