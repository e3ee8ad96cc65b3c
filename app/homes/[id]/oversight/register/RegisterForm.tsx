'use client'
import { useRouter } from 'next/navigation'
import { Checkbox, describedBy, errorAt, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { DECLARATION } from '@/lib/domain/independent-person'
import { independentPersonSchema } from '@/lib/validation/oversight'
import { registerPersonAction } from '@/app/oversight/actions'

export function RegisterForm({
  homeId,
  today,
  authorities,
}: {
  homeId: string
  today: string
  authorities: { id: string; name: string }[]
}) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: independentPersonSchema,
    defaultValues: {
      name: '',
      organisation: '',
      email: '',
      appointedBy: '',
      appointedOn: today,
      connectionDetails: '',
      approvedByAuthorityId: '',
      approvedOn: '',
      ...Object.fromEntries(DECLARATION.map((d) => [d.key, false])),
    },
    action: (values) => registerPersonAction(homeId, values),
    onSuccess: () => {
      router.push(`/homes/${homeId}/oversight`)
      router.refresh()
    },
  })
  const input = (name: string, hint = false) => ({
    ...describedBy(name, { error: errorAt(errors, name), hint }),
    ...form.register(name as never),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <Field name="name" label="Name" error={errorAt(errors, 'name')}>
        <input type="text" autoComplete="off" {...input('name')} />
      </Field>
      <Field name="organisation" label="Organisation (optional)" error={errorAt(errors, 'organisation')}>
        <input type="text" {...input('organisation')} />
      </Field>
      <Field
        name="email"
        label="E-mail address (optional)"
        hint="If they have a Haven account, Haven checks its roles for conflicts and lets them record their own visits."
        error={errorAt(errors, 'email')}
      >
        <input type="email" {...input('email', true)} />
      </Field>
      <Field
        name="appointedBy"
        label="Appointed by"
        hint="Who, for the registered provider"
        error={errorAt(errors, 'appointedBy')}
      >
        <input type="text" {...input('appointedBy', true)} />
      </Field>
      <Field name="appointedOn" label="Date appointed" error={errorAt(errors, 'appointedOn')}>
        <input type="date" style={{ maxWidth: '12rem' }} {...input('appointedOn')} />
      </Field>
      <fieldset className="field">
        <legend className="label">Their declaration (Regulation 43(3)): tick each that is true</legend>
        <span className="hint">
          Leave a box unticked if it is not true: the person is then recorded as not independent, with the reason.
        </span>
        {DECLARATION.map((d) => (
          <Checkbox key={d.key} name={d.key} label={d.label} register={form.register(d.key)} />
        ))}
      </fieldset>
      <Field
        name="connectionDetails"
        label="Any connection with the registered person, staff or a child (optional)"
        hint="Needed when the last box is not ticked"
        error={errorAt(errors, 'connectionDetails')}
      >
        <textarea rows={2} {...input('connectionDetails', true)} />
      </Field>
      <fieldset className="field">
        <legend className="label">Local authority approval (optional)</legend>
        <span className="hint">
          Recommendation 4 asked for the placing or host authority’s approval; the law does not require it.
        </span>
        <Field name="approvedByAuthorityId" label="Approved by" error={errorAt(errors, 'approvedByAuthorityId')}>
          <select {...input('approvedByAuthorityId')}>
            <option value="">Not approved by an authority</option>
            {authorities.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="approvedOn" label="Date approved" error={errorAt(errors, 'approvedOn')}>
          <input type="date" style={{ maxWidth: '12rem' }} {...input('approvedOn')} />
        </Field>
      </fieldset>
      <SubmitButton busy={busy}>Register the independent person</SubmitButton>
    </form>
  )
}
