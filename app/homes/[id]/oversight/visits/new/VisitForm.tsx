'use client'
import { useRouter } from 'next/navigation'
import { useRef } from 'react'
import { useFieldArray } from 'react-hook-form'
import {
  answersWithFile,
  Checkbox,
  describedBy,
  errorAt,
  Field,
  Narrative,
  Radios,
  SubmitButton,
  useActionForm,
} from '@/components/form-kit'
import { ReportFileField } from '@/components/ReportFileField'
import { formatDate } from '@/lib/domain/time'
import { visitSchema } from '@/lib/validation/oversight'
import { recordVisitAction } from '@/app/oversight/actions'

type Props = {
  homeId: string
  today: string
  people: { id: string; name: string; independent: boolean; endedOn: string | null }[]
  placing: { id: string; name: string }[]
  hostName: string
}

export function VisitForm({ homeId, today, people, placing, hostName }: Props) {
  const router = useRouter()
  const file = useRef<HTMLInputElement>(null)
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: visitSchema,
    defaultValues: {
      independentPersonId: people.length === 1 ? people[0].id : '',
      visitedOn: today,
      spokeWithChildren: 0,
      spokeWithParents: 0,
      spokeWithStaff: 0,
      consentNote: '',
      checkedMissingLog: false,
      checkedReturnInterviews: false,
      checkedSafetyPlans: false,
      otherRecordsChecked: '',
      safeguardingOpinion: '',
      wellbeingOpinion: '',
      reportText: '',
      reportReceivedOn: '',
      sentToOfstedOn: '',
      sentToPlacing: placing.map((a) => ({ authorityId: a.id, sentOn: '' })),
      hostRequestedOn: '',
      sentToHostOn: '',
      recommendations: [],
    },
    action: (values) => recordVisitAction(homeId, answersWithFile(values, 'reportFile', file.current)),
    onSuccess: ({ id }) => {
      router.push(`/homes/${homeId}/oversight/visits/${id}`)
      router.refresh()
    },
  })
  const recommendations = useFieldArray({ control: form.control, name: 'recommendations' })
  const input = (name: string, hint = false) => ({
    ...describedBy(name, { error: errorAt(errors, name), hint }),
    ...form.register(name as never),
  })
  const date = { type: 'date', style: { maxWidth: '12rem' } } as const
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <Field
        name="independentPersonId"
        label="Independent person who visited"
        error={errorAt(errors, 'independentPersonId')}
      >
        <select {...input('independentPersonId')}>
          <option value="">Select</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.independent ? '' : ' (not independent)'}
              {p.endedOn ? ` (appointment ended ${formatDate(p.endedOn)})` : ''}
            </option>
          ))}
        </select>
      </Field>
      <Field name="visitedOn" label="Date of the visit" error={errorAt(errors, 'visitedOn')}>
        <input {...date} {...input('visitedOn')} />
      </Field>
      <Radios
        name="announced"
        legend="Was the visit announced?"
        inline
        options={[
          { value: 'yes', label: 'Announced' },
          { value: 'no', label: 'Unannounced' },
        ]}
        error={errorAt(errors, 'announced')}
        register={form.register('announced')}
      />
      <fieldset className="field">
        <legend className="label">Who they spoke with, in private and with consent</legend>
        <div className="row">
          <Field name="spokeWithChildren" label="Children" error={errorAt(errors, 'spokeWithChildren')}>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              style={{ maxWidth: '8rem' }}
              {...input('spokeWithChildren')}
            />
          </Field>
          <Field name="spokeWithParents" label="Parents or relatives" error={errorAt(errors, 'spokeWithParents')}>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              style={{ maxWidth: '8rem' }}
              {...input('spokeWithParents')}
            />
          </Field>
          <Field name="spokeWithStaff" label="Staff" error={errorAt(errors, 'spokeWithStaff')}>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              style={{ maxWidth: '8rem' }}
              {...input('spokeWithStaff')}
            />
          </Field>
        </div>
        <Field
          name="consentNote"
          label="Consent (optional)"
          hint="For example, who declined to speak"
          error={errorAt(errors, 'consentNote')}
        >
          <input type="text" {...input('consentNote', true)} />
        </Field>
      </fieldset>
      <fieldset className="field">
        <legend className="label">Records checked</legend>
        {(
          [
            ['checkedMissingLog', 'The missing from care log'],
            ['checkedReturnInterviews', 'Return interviews'],
            ['checkedSafetyPlans', 'CSE safety plans'],
          ] as const
        ).map(([name, label]) => (
          <Checkbox key={name} name={name} label={label} register={form.register(name)} />
        ))}
        <Field
          name="otherRecordsChecked"
          label="Other records checked (optional)"
          error={errorAt(errors, 'otherRecordsChecked')}
        >
          <input type="text" {...input('otherRecordsChecked')} />
        </Field>
      </fieldset>
      <Narrative form={form} name="safeguardingOpinion" label="Opinion: are children effectively safeguarded?" />
      <Narrative
        form={form}
        name="wellbeingOpinion"
        label="Opinion: does the conduct of the home promote children’s well-being?"
      />

      <fieldset className="field">
        <legend className="label">Recommendations, as actions</legend>
        <span className="hint">Each with who owns it and the timescale (Regulation 44(5)).</span>
        {recommendations.fields.map((field, i) => (
          <div className="row" key={field.id}>
            <Field
              name={`recommendations.${i}.recommendation`}
              label={`Recommendation (${i + 1})`}
              error={errorAt(errors, `recommendations.${i}.recommendation`)}
            >
              <input type="text" {...input(`recommendations.${i}.recommendation`)} />
            </Field>
            <Field
              name={`recommendations.${i}.owner`}
              label={`Owner (${i + 1})`}
              error={errorAt(errors, `recommendations.${i}.owner`)}
            >
              <input type="text" {...input(`recommendations.${i}.owner`)} />
            </Field>
            <Field
              name={`recommendations.${i}.dueOn`}
              label={`Due by (${i + 1})`}
              error={errorAt(errors, `recommendations.${i}.dueOn`)}
            >
              <input {...date} {...input(`recommendations.${i}.dueOn`)} />
            </Field>
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => recommendations.append({ recommendation: '', owner: '', dueOn: '' })}
        >
          Add a recommendation
        </button>
      </fieldset>

      <fieldset className="field">
        <legend className="label">The report</legend>
        <Narrative
          form={form}
          name="reportText"
          label="Report written here (optional)"
          hint="Or attach the visitor’s file below"
          rows={8}
        />
        <ReportFileField file={file} error={errorAt(errors, 'reportFile')} />
        <Field
          name="reportReceivedOn"
          label="Date the report was received (optional)"
          error={errorAt(errors, 'reportReceivedOn')}
        >
          <input {...date} {...input('reportReceivedOn')} />
        </Field>
      </fieldset>
      <fieldset className="field">
        <legend className="label">Copies of the report (Regulation 44(7))</legend>
        <span className="hint">
          Leave a date empty if it has not gone yet: you can record it later on the visit’s page.
        </span>
        <Field name="sentToOfstedOn" label="Sent to Ofsted on (optional)" error={errorAt(errors, 'sentToOfstedOn')}>
          <input {...date} {...input('sentToOfstedOn')} />
        </Field>
        {placing.map((a, i) => (
          <Field
            key={a.id}
            name={`sentToPlacing.${i}.sentOn`}
            label={`Sent to ${a.name} (placing authority) on (optional)`}
            error={errorAt(errors, `sentToPlacing.${i}.sentOn`) ?? errorAt(errors, `sentToPlacing.${i}.authorityId`)}
          >
            <input {...date} {...input(`sentToPlacing.${i}.sentOn`)} />
          </Field>
        ))}
        <Field
          name="hostRequestedOn"
          label={`${hostName} (host authority) asked for it on (optional)`}
          error={errorAt(errors, 'hostRequestedOn')}
        >
          <input {...date} {...input('hostRequestedOn')} />
        </Field>
        <Field name="sentToHostOn" label={`Sent to ${hostName} on (optional)`} error={errorAt(errors, 'sentToHostOn')}>
          <input {...date} {...input('sentToHostOn')} />
        </Field>
      </fieldset>
      <SubmitButton busy={busy}>Record the visit</SubmitButton>
    </form>
  )
}
