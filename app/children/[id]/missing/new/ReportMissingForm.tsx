'use client'
import { useRouter } from 'next/navigation'
import { describedBy, errorAt, Field, Radios, SubmitButton, useActionForm } from '@/components/form-kit'
import { ABSENCE_LABELS, RETURN_METHOD_LABELS } from '@/lib/domain/episodes'
import { RETURN_METHODS, reportMissingSchema } from '@/lib/validation/episodes'
import { reportMissingAction } from '@/app/episodes/actions'
import { DateTimeInput } from '@/components/DateTimeInput'

export function ReportMissingForm({
  childId,
  firstName,
  defaults,
}: {
  childId: string
  firstName: string
  defaults: { lastSeenAt: string; lastSeenPlace: string; wentWithEpisodeId: string | null }
}) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: reportMissingSchema,
    defaultValues: {
      lastSeenAt: defaults.lastSeenAt,
      lastSeenPlace: defaults.lastSeenPlace,
      lastSeenWith: '',
      clothing: '',
      takenWith: '',
      policeReference: '',
      wentWithEpisodeId: defaults.wentWithEpisodeId ?? '',
    },
    action: (values) => reportMissingAction(childId, values),
    onSuccess: ({ id }) => router.push(`/episodes/${id}?reported=1`),
  })
  const input = (
    name: 'lastSeenAt' | 'lastSeenPlace' | 'lastSeenWith' | 'clothing' | 'takenWith' | 'policeReference',
    hint = false,
  ) => ({
    ...describedBy(name, { error: errors[name]?.message, hint }),
    ...form.register(name),
  })
  const policeInformed = form.watch('policeInformed')
  // an episode that has already ended (reported late) is recorded with its return, so it is never open alongside a
  // later one
  const back = form.watch('return')
  const returnError = (name: string) => errorAt(errors, `return.${name}`)
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
      {/* the two questions that need an answer first; the defaults (now, the home) and the details after */}
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
      <DateTimeInput
        form={form}
        name="lastSeenAt"
        label="When were they last seen?"
        hint="UK time. Change it if it was earlier"
      />
      <Field name="lastSeenPlace" label="Where were they last seen?" error={errors.lastSeenPlace?.message}>
        <input type="text" autoComplete="off" {...input('lastSeenPlace')} />
      </Field>
      <Field
        name="lastSeenWith"
        label="Who were they with? (optional)"
        hint="Names, or a description"
        error={errors.lastSeenWith?.message}
      >
        <input type="text" autoComplete="off" {...input('lastSeenWith', true)} />
      </Field>
      <Field name="clothing" label="What were they wearing? (optional)" error={errors.clothing?.message}>
        <textarea rows={2} {...input('clothing')} />
      </Field>
      <Field
        name="takenWith"
        label="What did they take with them? (optional)"
        hint="Money, bank cards, phone, bags"
        error={errors.takenWith?.message}
      >
        <textarea rows={2} {...input('takenWith', true)} />
      </Field>
      <div className="field">
        <div className="checkbox">
          <input
            type="checkbox"
            id="f-already-back"
            checked={Boolean(back)}
            onChange={(e) =>
              form.setValue(
                'return',
                e.target.checked ? { returnedAt: '', returnMethod: undefined as never, returnMethodOther: '' } : null,
              )
            }
          />
          <label htmlFor="f-already-back">{firstName} is already back (reporting an episode that has ended)</label>
        </div>
      </div>
      {back && (
        <>
          <DateTimeInput form={form} name="return.returnedAt" label={`When did ${firstName} come back?`} />
          <Radios
            name="return.returnMethod"
            legend="How did they come back?"
            error={returnError('returnMethod')}
            register={form.register('return.returnMethod')}
            options={RETURN_METHODS.map((m) => ({ value: m, label: RETURN_METHOD_LABELS[m] }))}
          />
          {back.returnMethod === 'OTHER' && (
            <Field
              name="return.returnMethodOther"
              label="How did they come back?"
              error={returnError('returnMethodOther')}
            >
              <input
                type="text"
                autoComplete="off"
                {...describedBy('return.returnMethodOther', { error: returnError('returnMethodOther') })}
                {...form.register('return.returnMethodOther')}
              />
            </Field>
          )}
        </>
      )}
      <SubmitButton busy={busy}>{back ? `Record ${firstName}'s episode` : `Report ${firstName} missing`}</SubmitButton>
    </form>
  )
}
