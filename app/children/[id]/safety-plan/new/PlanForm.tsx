'use client'
import { useRouter } from 'next/navigation'
import { useFieldArray } from 'react-hook-form'
import { describedBy, errorAt, Field, Narrative, Radios, SubmitButton, useActionForm } from '@/components/form-kit'
import { EXPLOITATION_KINDS, INDICATORS, KIND_LABELS } from '@/lib/domain/cse'
import { planSchema, type PlanInput } from '@/lib/validation/cse'
import { createPlanAction } from '@/app/cse/actions'

type Defaults = Omit<PlanInput, 'policeInvolved'> & { policeInvolved: 'yes' | 'no' | '' }

export function PlanForm({ childId, firstName, defaults }: { childId: string; firstName: string; defaults: Defaults }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: planSchema,
    defaultValues: defaults as never,
    action: (values) => createPlanAction(childId, values),
    onSuccess: () => {
      router.push(`/children/${childId}/cse`)
      router.refresh()
    },
  })
  const risks = useFieldArray({ control: form.control, name: 'risks' })
  const actions = useFieldArray({ control: form.control, name: 'actions' })
  const input = (name: string) => ({
    ...describedBy(name, { error: errorAt(errors, name) }),
    ...form.register(name as never),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <fieldset aria-describedby={errorAt(errors, 'kinds') ? 'f-kinds-error' : undefined}>
        <legend>The kinds of exploitation this plan addresses</legend>
        {errorAt(errors, 'kinds') && (
          <span className="field-error" id="f-kinds-error">
            {errorAt(errors, 'kinds')}
          </span>
        )}
        {EXPLOITATION_KINDS.map((k) => (
          <div className="checkbox" key={k}>
            <input type="checkbox" id={`f-kinds-${k}`} value={k} {...form.register('kinds')} />
            <label htmlFor={`f-kinds-${k}`}>{KIND_LABELS[k]}</label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>The risks this plan addresses</legend>
        {risks.fields.map((field, i) => (
          <div className="row" key={field.id}>
            <Field name={`risks.${i}.code`} label={`Indicator (${i + 1})`}>
              <select {...input(`risks.${i}.code`)}>
                <option value="">Not one of the indicators</option>
                {INDICATORS.map((ind) => (
                  <option key={ind.code} value={ind.code}>
                    {ind.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field name={`risks.${i}.text`} label={`The risk for ${firstName} (${i + 1})`}>
              <input type="text" {...input(`risks.${i}.text`)} />
            </Field>
          </div>
        ))}
        <button type="button" className="button secondary" onClick={() => risks.append({ code: '', text: '' })}>
          Add a risk
        </button>
      </fieldset>
      <fieldset>
        <legend>Protective actions: who does what, by when</legend>
        {errorAt(errors, 'actions') && (
          <span className="field-error" id="f-actions">
            {errorAt(errors, 'actions')}
          </span>
        )}
        {actions.fields.map((field, i) => (
          <div className="row" key={field.id}>
            <Field name={`actions.${i}.who`} label={`Who (${i + 1})`} error={errorAt(errors, `actions.${i}.who`)}>
              <input type="text" {...input(`actions.${i}.who`)} />
            </Field>
            <Field
              name={`actions.${i}.what`}
              label={`Does what (${i + 1})`}
              error={errorAt(errors, `actions.${i}.what`)}
            >
              <input type="text" {...input(`actions.${i}.what`)} />
            </Field>
            <Field
              name={`actions.${i}.byWhen`}
              label={`By when (${i + 1}, optional)`}
              error={errorAt(errors, `actions.${i}.byWhen`)}
            >
              <input type="date" style={{ maxWidth: '12rem' }} {...input(`actions.${i}.byWhen`)} />
            </Field>
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => actions.append({ who: '', what: '', byWhen: '' })}
        >
          Add an action
        </button>
      </fieldset>
      <fieldset>
        <legend>If {firstName} goes missing</legend>
        <Narrative
          form={form}
          name="ifMissingPlaces"
          label="Places to check"
          hint="Specific places: names, streets, addresses"
          rows={3}
        />
        <Narrative
          form={form}
          name="ifMissingPeople"
          label="People to call"
          hint="Names and numbers, in order"
          rows={3}
        />
      </fieldset>
      <fieldset>
        <legend>Made with {firstName}</legend>
        <Narrative form={form} name="trustedAdults" label="Trusted adults (optional)" rows={2} />
        <Narrative
          form={form}
          name="childsWords"
          label={`${firstName}'s own words (optional)`}
          hint="What they said about the risks and the plan, in their words"
        />
        <Radios
          name="childAgrees"
          legend={`Does ${firstName} agree with the plan?`}
          inline
          error={errors.childAgrees?.message}
          register={form.register('childAgrees')}
          options={[
            { value: 'YES', label: 'Yes' },
            { value: 'PARTLY', label: 'Partly' },
            { value: 'NO', label: 'No' },
            { value: 'NOT_ASKED', label: 'Not asked yet' },
          ]}
        />
        <Narrative form={form} name="familyEngaged" label="Family and supporting adults engaged (optional)" rows={2} />
      </fieldset>
      <fieldset>
        <legend>Police</legend>
        <Radios
          name="policeInvolved"
          legend="Are the police involved?"
          inline
          error={errors.policeInvolved?.message}
          register={form.register('policeInvolved')}
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
        />
        {form.watch('policeInvolved') === 'yes' && (
          <>
            <Field name="policeOfficer" label="Officer (optional)" error={errorAt(errors, 'policeOfficer')}>
              <input type="text" {...input('policeOfficer')} />
            </Field>
            <Field
              name="policeReference"
              label="Police reference (optional)"
              error={errorAt(errors, 'policeReference')}
            >
              <input type="text" {...input('policeReference')} />
            </Field>
          </>
        )}
      </fieldset>
      <Field name="reviewDate" label="Review date" error={errors.reviewDate?.message}>
        <input type="date" style={{ maxWidth: '12rem' }} {...input('reviewDate')} />
      </Field>
      <SubmitButton busy={busy}>Save this version</SubmitButton>
    </form>
  )
}
