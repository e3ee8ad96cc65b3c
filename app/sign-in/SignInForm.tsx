'use client'
import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { applyServerErrors, describedBy, ErrorSummary, Field } from '@/components/form-kit'
import { signInSchema } from '@/lib/validation/users'
import { signInAction } from './actions'

export function SignInForm() {
  const router = useRouter()
  const [message, setMessage] = useState<string | null>(null)
  const form = useForm<z.input<typeof signInSchema>, unknown, z.output<typeof signInSchema>>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: '', password: '' },
    shouldFocusError: false,
  })
  const { errors, isSubmitting, submitCount } = form.formState
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null)
    const result = await signInAction(values)
    if (result.ok) {
      router.replace('/')
      router.refresh()
    } else {
      setMessage(result.message || null)
      applyServerErrors(form, result.fieldErrors)
      form.resetField('password', { keepError: true })
    }
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} message={message} submitCount={submitCount} />
      <Field name="email" label="E-mail address" error={errors.email?.message}>
        <input type="email" autoComplete="username" spellCheck={false} {...describedBy('email', { error: errors.email?.message })} {...form.register('email')} />
      </Field>
      <Field name="password" label="Password" error={errors.password?.message}>
        <input type="password" autoComplete="current-password" {...describedBy('password', { error: errors.password?.message })} {...form.register('password')} />
      </Field>
      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  )
}
