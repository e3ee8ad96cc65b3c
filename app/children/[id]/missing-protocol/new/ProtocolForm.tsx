'use client'
import { useRouter } from 'next/navigation'
import { useFieldArray } from 'react-hook-form'
import { describedBy, errorAt, Field, Narrative, SubmitButton, useActionForm } from '@/components/form-kit'
import { TOLD_WHO } from '@/lib/domain/missing-protocols'
import { protocolSchema, type ProtocolInput } from '@/lib/validation/missing-protocols'
import { createProtocolAction } from '../actions'
import { KnownRecordsFields } from './KnownRecordsFields'

type Defaults = Omit<ProtocolInput, 'toTell' | 'knownRecords'> & {
  toTell: { who: string; name: string; contact: string; email: string }[]
  knownRecords: { kind: string; recordId: string; name: string; detail: string }[]
}

export function ProtocolForm({
  childId,
  firstName,
  defaults,
  choices,
}: {
  childId: string
  firstName: string
  defaults: Defaults
  choices: React.ComponentProps<typeof KnownRecordsFields>['choices']
}) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: protocolSchema,
    defaultValues: defaults as never,
    action: (values) => createProtocolAction(childId, values),
    onSuccess: () => {
      router.push(`/children/${childId}/missing-protocol`)
      router.refresh()
    },
  })
  const steps = useFieldArray({ control: form.control, name: 'steps' })
  const toTell = useFieldArray({ control: form.control, name: 'toTell' })
  const input = (name: string) => ({
    ...describedBy(name, { error: errorAt(errors, name) }),
    ...form.register(name as never),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <fieldset>
        <legend>Before {firstName} goes missing</legend>
        <Narrative
          form={form}
          name="whenMissing"
          label={`What counts as missing for ${firstName}`}
          hint="How long after they are due back"
          rows={2}
        />
        <Narrative form={form} name="callPoliceAtOnce" label="Call the police at once if" rows={2} />
        <Narrative form={form} name="whereToLook" label="Where to look first" rows={3} />
        <Narrative
          form={form}
          name="knownPlacesAndPeople"
          label="Other known places and people (optional)"
          hint="Anything not linked as a record below"
          rows={3}
        />
        <Narrative form={form} name="medicalNeeds" label="Medical needs (optional)" rows={2} />
        <Narrative
          form={form}
          name="childsView"
          label={`What ${firstName} wants to happen`}
          hint="In their words"
          rows={3}
        />
      </fieldset>
      <KnownRecordsFields form={form as never} errors={errors} choices={choices} />
      <fieldset>
        <legend>Steps, in order</legend>
        {errorAt(errors, 'steps') && (
          <span className="field-error" id="f-steps">
            {errorAt(errors, 'steps')}
          </span>
        )}
        {steps.fields.map((field, i) => (
          <Field
            key={field.id}
            name={`steps.${i}.text`}
            label={`Step ${i + 1}`}
            error={errorAt(errors, `steps.${i}.text`)}
          >
            <input type="text" {...input(`steps.${i}.text`)} />
          </Field>
        ))}
        <button type="button" className="button secondary" onClick={() => steps.append({ text: '' })}>
          Add a step
        </button>
      </fieldset>
      <fieldset>
        <legend>Who to tell, in order</legend>
        {toTell.fields.map((field, i) => (
          <div className="row" key={field.id}>
            <Field name={`toTell.${i}.who`} label={`Who (${i + 1})`} error={errorAt(errors, `toTell.${i}.who`)}>
              <select {...input(`toTell.${i}.who`)}>
                {Object.entries(TOLD_WHO).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              name={`toTell.${i}.name`}
              label={`Name (${i + 1}, optional)`}
              error={errorAt(errors, `toTell.${i}.name`)}
            >
              <input type="text" {...input(`toTell.${i}.name`)} />
            </Field>
            <Field
              name={`toTell.${i}.contact`}
              label={`Phone or other way to reach them (${i + 1}, optional)`}
              error={errorAt(errors, `toTell.${i}.contact`)}
            >
              <input type="text" {...input(`toTell.${i}.contact`)} />
            </Field>
            <Field
              name={`toTell.${i}.email`}
              label={`E-mail for Haven to tell them (${i + 1}, optional)`}
              hint={`Once this version is agreed and signed off, Haven e-mails this address when ${firstName} is reported missing and when they come back`}
              error={errorAt(errors, `toTell.${i}.email`)}
            >
              <input
                type="email"
                autoComplete="off"
                {...describedBy(`toTell.${i}.email`, { error: errorAt(errors, `toTell.${i}.email`), hint: true })}
                {...form.register(`toTell.${i}.email` as never)}
              />
            </Field>
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => toTell.append({ who: 'OTHER', name: '', contact: '', email: '' } as never)}
        >
          Add someone to tell
        </button>
      </fieldset>
      <Field
        name="reviewDate"
        label="Review date"
        hint="At the latest; and after any episode"
        error={errors.reviewDate?.message}
      >
        <input type="date" style={{ maxWidth: '12rem' }} {...input('reviewDate')} />
      </Field>
      <SubmitButton busy={busy}>Save this version</SubmitButton>
    </form>
  )
}
