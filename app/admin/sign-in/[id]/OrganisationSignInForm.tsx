'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Checkbox, describedBy, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { organisationSignInSchema } from '@/lib/validation/organisation-sign-in'
import { saveOrganisationSignInAction } from '../actions'

type Defaults = {
  issuer: string
  clientId: string
  emailDomains: string
  enabled: boolean
  providerOnly: boolean
  providerEnforcesMfa: boolean
}

export function OrganisationSignInForm(props: { organisationId: string; hasSecret: boolean; defaults: Defaults }) {
  const router = useRouter()
  const [saved, setSaved] = useState(false)
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: organisationSignInSchema,
    defaultValues: { organisationId: props.organisationId, clientSecret: '', ...props.defaults },
    action: (values) => {
      setSaved(false)
      return saveOrganisationSignInAction(values)
    },
    onSuccess: (_data, f) => {
      f.setValue('clientSecret', '')
      setSaved(true)
      router.refresh()
    },
  })
  const text = (name: 'issuer' | 'clientId' | 'clientSecret' | 'emailDomains', label: string, hint?: string) => (
    <Field name={name} label={label} hint={hint} error={errors[name]?.message}>
      <input
        type={name === 'clientSecret' ? 'password' : 'text'}
        autoComplete="off"
        spellCheck={false}
        {...describedBy(name, { error: errors[name]?.message, hint: Boolean(hint) })}
        {...form.register(name)}
      />
    </Field>
  )
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      {saved && (
        <p className="notice" role="status">
          Saved.
        </p>
      )}
      {text('issuer', 'Issuer', 'For Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0')}
      {text('clientId', 'Client id (application id)')}
      {text(
        'clientSecret',
        'Client secret',
        props.hasSecret ? 'Stored and never shown. Leave blank to keep it.' : 'Stored encrypted and never shown again.',
      )}
      {text('emailDomains', 'E-mail domains it serves', 'Separated by commas, like council.gov.uk, council.org.uk')}
      <Checkbox name="enabled" label="Turned on" register={form.register('enabled')} />
      <Checkbox
        name="providerOnly"
        label="Its people sign in only through it (no Haven passwords)"
        register={form.register('providerOnly')}
      />
      <Checkbox
        name="providerEnforcesMfa"
        label="It asks for a second factor itself (Haven then does not ask for its own code)"
        register={form.register('providerEnforcesMfa')}
      />
      <SubmitButton busy={busy}>Save</SubmitButton>
    </form>
  )
}
