'use client'
import { useRouter } from 'next/navigation'
import { useRef } from 'react'
import {
  answersWithFile,
  describedBy,
  errorAt,
  Field,
  Narrative,
  Radios,
  SubmitButton,
  useActionForm,
} from '@/components/form-kit'
import { ReportFileField } from '@/components/ReportFileField'
import {
  actionSchema,
  REPORT_EVENT_KINDS,
  reportEventSchema,
  reportVersionSchema,
  responseFormSchema,
} from '@/lib/validation/oversight'
import { addActionAction, addReportAction, reportEventAction, respondAction } from '@/app/oversight/actions'

const date = { type: 'date', style: { maxWidth: '12rem' } } as const

export function ReportEventForm({
  visitId,
  today,
  placing,
}: {
  visitId: string
  today: string
  placing: { id: string; name: string }[]
}) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: reportEventSchema,
    defaultValues: { authorityId: '', on: today },
    action: (values) => reportEventAction(visitId, values),
    onSuccess: (_, f) => {
      f.reset({ authorityId: '', on: today })
      router.refresh()
    },
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Record where the report went">
      {summary}
      <Field name="kind" label="What happened" error={errorAt(errors, 'kind')}>
        <select {...describedBy('kind', { error: errorAt(errors, 'kind') })} {...form.register('kind')}>
          <option value="">Select</option>
          {Object.entries(REPORT_EVENT_KINDS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="authorityId" label="Placing authority (when sent to one)" error={errorAt(errors, 'authorityId')}>
        <select
          {...describedBy('authorityId', { error: errorAt(errors, 'authorityId') })}
          {...form.register('authorityId')}
        >
          <option value="">Not a placing authority</option>
          {placing.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="on" label="Date" error={errorAt(errors, 'on')}>
        <input {...date} {...describedBy('on', { error: errorAt(errors, 'on') })} {...form.register('on')} />
      </Field>
      <SubmitButton busy={busy}>Record it</SubmitButton>
    </form>
  )
}

export function AddActionForm({ visitId }: { visitId: string }) {
  const router = useRouter()
  const blank = { recommendation: '', owner: '', dueOn: '' }
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: actionSchema,
    defaultValues: blank,
    action: (values) => addActionAction(visitId, values),
    onSuccess: (_, f) => {
      f.reset(blank)
      router.refresh()
    },
  })
  const input = (name: 'recommendation' | 'owner' | 'dueOn') => ({
    ...describedBy(name, { error: errorAt(errors, name) }),
    ...form.register(name),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Add an action">
      {summary}
      <Field name="recommendation" label="Recommendation" error={errorAt(errors, 'recommendation')}>
        <input type="text" {...input('recommendation')} />
      </Field>
      <Field name="owner" label="Owner" error={errorAt(errors, 'owner')}>
        <input type="text" {...input('owner')} />
      </Field>
      <Field name="dueOn" label="Due by" error={errorAt(errors, 'dueOn')}>
        <input {...date} {...input('dueOn')} />
      </Field>
      <SubmitButton busy={busy}>Add the action</SubmitButton>
    </form>
  )
}

export function ResponseForm({ actions, today }: { actions: { id: string; label: string }[]; today: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: responseFormSchema,
    defaultValues: { actionId: actions.length === 1 ? actions[0].id : '', text: '', respondedOn: today },
    action: (values) => respondAction(values),
    onSuccess: (_, f) => {
      f.reset({ actionId: '', text: '', respondedOn: today })
      router.refresh()
    },
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Respond to an action">
      {summary}
      <Field name="actionId" label="Action" error={errorAt(errors, 'actionId')}>
        <select {...describedBy('actionId', { error: errorAt(errors, 'actionId') })} {...form.register('actionId')}>
          <option value="">Select</option>
          {actions.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        name="text"
        label="Response"
        hint="What was considered and done (Regulation 44(5))"
        error={errorAt(errors, 'text')}
      >
        <textarea
          rows={3}
          {...describedBy('text', { error: errorAt(errors, 'text'), hint: true })}
          {...form.register('text')}
        />
      </Field>
      <Radios
        name="completed"
        legend="Is the action completed?"
        inline
        options={[
          { value: 'yes', label: 'Completed' },
          { value: 'no', label: 'Not yet' },
        ]}
        error={errorAt(errors, 'completed')}
        register={form.register('completed')}
      />
      <Field name="respondedOn" label="Date" error={errorAt(errors, 'respondedOn')}>
        <input
          {...date}
          {...describedBy('respondedOn', { error: errorAt(errors, 'respondedOn') })}
          {...form.register('respondedOn')}
        />
      </Field>
      <SubmitButton busy={busy}>Record the response</SubmitButton>
    </form>
  )
}

export function ReportVersionForm({ visitId, today }: { visitId: string; today: string }) {
  const router = useRouter()
  const file = useRef<HTMLInputElement>(null)
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: reportVersionSchema,
    defaultValues: { reportText: '', reportReceivedOn: today },
    action: (values) => addReportAction(visitId, answersWithFile(values, 'reportFile', file.current)),
    onSuccess: (_, f) => {
      f.reset({ reportText: '', reportReceivedOn: today })
      if (file.current) file.current.value = ''
      router.refresh()
    },
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Add the report">
      {summary}
      <Narrative form={form} name="reportText" label="Report written here (optional)" rows={6} />
      <ReportFileField file={file} error={errorAt(errors, 'reportFile')} />
      <Field name="reportReceivedOn" label="Date received" error={errorAt(errors, 'reportReceivedOn')}>
        <input
          {...date}
          {...describedBy('reportReceivedOn', { error: errorAt(errors, 'reportReceivedOn') })}
          {...form.register('reportReceivedOn')}
        />
      </Field>
      <SubmitButton busy={busy}>Save this version of the report</SubmitButton>
    </form>
  )
}
