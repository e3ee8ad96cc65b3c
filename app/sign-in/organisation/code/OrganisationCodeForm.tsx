'use client'
import { useRouter } from 'next/navigation'
import { z } from 'zod'
import { useActionForm } from '@/components/form-kit'
import { CodeField } from '../../CodeField'
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
      <CodeField error={errors.code?.message} register={form.register('code')} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  )
}
