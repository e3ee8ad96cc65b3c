'use client'
import { useRouter } from 'next/navigation'
import { describedBy, Field, Radios, SubmitButton, useActionForm } from '@/components/form-kit'
import { ABSENCE_LABELS } from '@/lib/domain/episodes'
import { reportMissingSchema } from '@/lib/validation/episodes'
import { reportMissingAction } from '@/app/episodes/actions'

export function ReportMissingForm({ childId, firstName, defaults }: { childId: string; firstName: string; defaults: { lastSeenAt: string; lastSeenPlace: string; wentWithEpisodeId: string | null } }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: reportMissingSchema,
    defaultValues: { lastSeenAt: defaults.lastSeenAt, lastSeenPlace: defaults.lastSeenPlace, lastSeenWith: '', clothing: '', policeReference: '', wentWithEpisodeId: defaults.wentWithEpisodeId ?? '' },
    action: (values) => reportMissingAction(childId, values),
    onSuccess: ({ id }) => router.push(`/episodes/${id}?reported=1`),
  })
  const input = (name: 'lastSeenAt' | 'lastSeenPlace' | 'lastSeenWith' | 'clothing' | 'policeReference', hint = false) => ({
    ...describedBy(name, { error: errors[name]?.message, hint }),
    ...form.register(name),
  })
  const policeInformed = form.watch('policeInformed')
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <Radios
        name="absenceType"
        legend={`Do you know where ${firstName} is?`}
        error={errors.absenceType?.message}
        register={form.register('absenceType')}
        options={[
          { value: 'MISSING', label: 'No: missing', hint: ABSENCE_LABELS.MISSING },
          { value: 'AWAY', label: 'Yes: away without authorisation', hint: ABSENCE_LABELS.AWAY },
        ]}
      />
      <Field name="lastSeenAt" label="When were they last seen?" hint="UK time. Change it if it was earlier." error={errors.lastSeenAt?.message}>
        <input type="datetime-local" {...input('lastSeenAt', true)} style={{ maxWidth: '16rem' }} />
      </Field>
      <Field name="lastSeenPlace" label="Where were they last seen?" error={errors.lastSeenPlace?.message}>
        <input type="text" autoComplete="off" {...input('lastSeenPlace')} />
      </Field>
      <Field name="lastSeenWith" label="Who were they with? (optional)" hint="Names, or a description" error={errors.lastSeenWith?.message}>
        <input type="text" autoComplete="off" {...input('lastSeenWith', true)} />
      </Field>
      <Field name="clothing" label="What were they wearing? (optional)" error={errors.clothing?.message}>
        <textarea rows={2} {...input('clothing')} />
      </Field>
      <Radios
        name="policeInformed"
        legend="Have the police been told?"
        inline
        error={errors.policeInformed?.message}
        register={form.register('policeInformed')}
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'Not yet' },
        ]}
      />
      {policeInformed === 'yes' && (
        <Field name="policeReference" label="Police reference (optional)" error={errors.policeReference?.message}>
          <input type="text" autoComplete="off" {...input('policeReference')} style={{ maxWidth: '16rem' }} />
        </Field>
      )}
      <SubmitButton busy={busy}>Report {firstName} missing</SubmitButton>
    </form>
  )
}
