'use client'
import Link from 'next/link'
import { useState } from 'react'
import { describedBy, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { authenticatorCodeSchema } from '@/lib/validation/users'
import { confirmEnrolmentAction, replaceRecoveryCodesAction, startEnrolmentAction } from './actions'

/** Shown once, after enrolling or asking for new ones. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="notice" role="status">
      <h2>Your recovery codes</h2>
      <p>
        <strong>Save these now: they will not be shown again.</strong> Each signs you in once if you lose your phone.
        Keep them somewhere safe that is not your phone (printed, or in a password manager).
      </p>
      <ul className="secret" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <p>
        <Link href="/" className="button">
          I have saved my recovery codes: continue
        </Link>
      </p>
    </div>
  )
}

/** Step 1: a new secret for the app; step 2: a code from the app confirms it; then the recovery codes. */
export function EnrolForm() {
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null)
  const [codes, setCodes] = useState<string[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: authenticatorCodeSchema,
    defaultValues: { code: '' },
    action: confirmEnrolmentAction,
    onSuccess: setCodes,
  })
  if (codes) return <RecoveryCodes codes={codes} />
  if (!setup)
    return (
      <p>
        <button
          type="button"
          className="button"
          onClick={async () => {
            const result = await startEnrolmentAction()
            if (result.ok) setSetup(result.data)
            else setProblem(result.message)
          }}
        >
          Set up an authenticator app
        </button>
        {problem && (
          <span className="field-error" role="alert">
            {problem}
          </span>
        )}
      </p>
    )
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <ol>
        <li>
          Open an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator) and add
          an account. On this phone you can <a href={setup.uri}>open the app with Haven&apos;s details</a>; otherwise
          choose to type a key, and type this one:
          <p className="secret" id="totp-secret">
            {setup.secret.match(/.{1,4}/g)?.join(' ')}
          </p>
        </li>
        <li>Enter the 6 digits the app now shows for Haven.</li>
      </ol>
      <Field name="code" label="Code from your authenticator app" error={errors.code?.message}>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          {...describedBy('code', { error: errors.code?.message })}
          {...form.register('code')}
        />
      </Field>
      <SubmitButton busy={busy}>Confirm</SubmitButton>
    </form>
  )
}

export function NewRecoveryCodesButton() {
  const [codes, setCodes] = useState<string[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  if (codes) return <RecoveryCodes codes={codes} />
  return (
    <p>
      <button
        type="button"
        className="button secondary"
        onClick={async () => {
          const result = await replaceRecoveryCodesAction()
          if (result.ok) setCodes(result.data)
          else setProblem(result.message)
        }}
      >
        Make new recovery codes
      </button>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </p>
  )
}
