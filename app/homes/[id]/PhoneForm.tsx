'use client'
import { useRouter } from 'next/navigation'
import { describedBy, errorAt, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { homePhoneSchema } from '@/lib/validation/homes'
import { homePhoneAction } from './actions'

const HINT =
  'The number other agencies ring about a child, answered day and night, for example 0114 496 0123. ' +
  'Leave it blank to remove it.'

/** The home's phone number: set, changed or removed (blank) by its registered manager or responsible individual. */
export function PhoneForm({ homeId, phone }: { homeId: string; phone: string | null }) {
  const router = useRouter()
  const { form, onSubmit, summary, saved, errors, busy } = useActionForm({
    schema: homePhoneSchema,
    defaultValues: { phone: phone ?? '' },
    action: (values) => homePhoneAction(homeId, values),
    saved: (home) =>
      home.phone
        ? `Saved. Haven's e-mails to the missing protocols' outside contacts now ask them to ring ${home.phone}.`
        : "Removed. Haven's e-mails to the missing protocols' outside contacts no longer give a number to ring.",
    onSuccess: (home, f) => {
      // the number as Haven keeps it stays in the box, and the page above shows it
      f.reset({ phone: home.phone ?? '' })
      router.refresh()
    },
  })
  const error = errorAt(errors, 'phone')
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      {saved}
      <Field name="phone" label="The home’s phone number" hint={HINT} error={error}>
        <input
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          spellCheck={false}
          style={{ maxWidth: '16rem' }}
          {...describedBy('phone', { error, hint: true })}
          {...form.register('phone')}
        />
      </Field>
      <SubmitButton busy={busy}>Save the phone number</SubmitButton>
    </form>
  )
}
