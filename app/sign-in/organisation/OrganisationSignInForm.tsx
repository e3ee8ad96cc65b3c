'use client'
import { describedBy, Field, useActionForm } from '@/components/form-kit'
import { organisationEmailSchema } from '@/lib/validation/organisation-sign-in'
import { startOrganisationSignInAction } from './actions'

export function OrganisationSignInForm() {
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: organisationEmailSchema,
    defaultValues: { email: '' },
    action: startOrganisationSignInAction,
    // off to the organisation's own sign-in page (another site)
    onSuccess: ({ url }) => window.location.assign(url),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <Field
        name="email"
        label="Your work e-mail address"
        hint="Haven finds your organisation from it"
        error={errors.email?.message}
      >
        <input
          type="email"
          autoComplete="username"
          spellCheck={false}
          {...describedBy('email', { error: errors.email?.message, hint: true })}
          {...form.register('email')}
        />
      </Field>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Going to your organisation…' : 'Continue to your organisation’s sign-in'}
      </button>
    </form>
  )
}
