'use client'
// The second factor's code, asked after a password (SignInForm) or after the organisation's provider
// (OrganisationCodeForm): one field, so both ask in the same words.
import type { UseFormRegisterReturn } from 'react-hook-form'
import { describedBy, Field } from '@/components/form-kit'

export function CodeField({ error, register }: { error?: string; register: UseFormRegisterReturn }) {
  return (
    <Field
      name="code"
      label="Code from your authenticator app"
      hint="6 digits. Lost your phone? Enter one of your recovery codes instead."
      error={error}
    >
      <input
        type="text"
        autoComplete="one-time-code"
        spellCheck={false}
        {...describedBy('code', { error, hint: true })}
        {...register}
      />
    </Field>
  )
}
