'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { describedBy, Field, useActionForm } from '@/components/form-kit'
import { signInSchema } from '@/lib/validation/users'
import { signInAction } from './actions'
import { CodeField } from './CodeField'

export function SignInForm() {
  const router = useRouter()
  // asked for once the password is right and the account has a second factor
  const [askCode, setAskCode] = useState(false)
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: signInSchema,
    defaultValues: { email: '', password: '' },
    action: async (values) => {
      const result = await signInAction(values)
      if (!result.ok && result.fieldErrors.code) setAskCode(true)
      return result
    },
    onSuccess: () => {
      router.replace('/')
      router.refresh()
    },
  })
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
      <Field name="password" label="Password" error={errors.password?.message}>
        <input
          type="password"
          autoComplete="current-password"
          {...describedBy('password', { error: errors.password?.message })}
          {...form.register('password')}
        />
      </Field>
      {askCode && <CodeField error={errors.code?.message} register={form.register('code')} />}
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  )
}
