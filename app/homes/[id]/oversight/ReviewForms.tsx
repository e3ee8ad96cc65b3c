'use client'
import { useRouter } from 'next/navigation'
import { Checkbox, describedBy, errorAt, Field, Narrative, SubmitButton, useActionForm } from '@/components/form-kit'
import { endAppointmentSchema, locationShareSchema, reg45Schema, reg46Schema } from '@/lib/validation/oversight'
import { endAppointmentAction, locationShareAction, reg45Action, reg46Action } from '@/app/oversight/actions'

const date = { type: 'date', style: { maxWidth: '12rem' } } as const

/** After saving: the home's oversight, read afresh. */
const backToOversight = (router: ReturnType<typeof useRouter>, homeId: string) => () => {
  router.push(`/homes/${homeId}/oversight`)
  router.refresh()
}

export function Reg45Form({ homeId, today }: { homeId: string; today: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: reg45Schema,
    defaultValues: {
      completedOn: today,
      viewsChildren: false,
      viewsParents: false,
      viewsPlacingAuthorities: false,
      viewsStaff: false,
      report: '',
      sentToOfstedOn: '',
    },
    action: (values) => reg45Action(homeId, values),
    onSuccess: backToOversight(router, homeId),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <Field name="completedOn" label="Date the review was completed" error={errorAt(errors, 'completedOn')}>
        <input
          {...date}
          {...describedBy('completedOn', { error: errorAt(errors, 'completedOn') })}
          {...form.register('completedOn')}
        />
      </Field>
      <fieldset
        className="field"
        aria-describedby={errorAt(errors, 'viewsChildren') ? 'f-viewsChildren-error' : undefined}
      >
        <legend className="label">Whose views were sought (Regulation 45(2))</legend>
        {errorAt(errors, 'viewsChildren') && (
          <span className="field-error" id="f-viewsChildren-error">
            <span className="visually-hidden">Error: </span>
            {errorAt(errors, 'viewsChildren')}
          </span>
        )}
        {(
          [
            ['viewsChildren', 'Children'],
            ['viewsParents', 'Parents'],
            ['viewsPlacingAuthorities', 'Placing authorities'],
            ['viewsStaff', 'Staff'],
          ] as const
        ).map(([name, label]) => (
          <Checkbox key={name} name={name} label={label} register={form.register(name)} />
        ))}
      </fieldset>
      <Narrative form={form} name="report" label="What the review found, and the plan to improve" rows={8} />
      <Field
        name="sentToOfstedOn"
        label="Report sent to Ofsted on (optional)"
        hint="Within 28 days of completing the review"
        error={errorAt(errors, 'sentToOfstedOn')}
      >
        <input
          {...date}
          {...describedBy('sentToOfstedOn', { error: errorAt(errors, 'sentToOfstedOn'), hint: true })}
          {...form.register('sentToOfstedOn')}
        />
      </Field>
      <SubmitButton busy={busy}>Record the review</SubmitButton>
    </form>
  )
}

export function Reg46Form({ homeId, today }: { homeId: string; today: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: reg46Schema,
    defaultValues: {
      assessedOn: today,
      policeForce: '',
      policeOfficer: '',
      consultedOn: today,
      hotSpots: '',
      sexOffenderInfo: '',
      otherRisks: '',
      actions: '',
    },
    action: (values) => reg46Action(homeId, values),
    onSuccess: backToOversight(router, homeId),
  })
  const text = (name: 'policeForce' | 'policeOfficer', label: string) => (
    <Field name={name} label={label} error={errorAt(errors, name)}>
      <input type="text" {...describedBy(name, { error: errorAt(errors, name) })} {...form.register(name)} />
    </Field>
  )
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Record a location assessment">
      {summary}
      <Field name="assessedOn" label="Date of the assessment" error={errorAt(errors, 'assessedOn')}>
        <input
          {...date}
          {...describedBy('assessedOn', { error: errorAt(errors, 'assessedOn') })}
          {...form.register('assessedOn')}
        />
      </Field>
      {text('policeForce', 'Police force consulted')}
      {text('policeOfficer', 'Officer consulted')}
      <Field name="consultedOn" label="Date the police were consulted" error={errorAt(errors, 'consultedOn')}>
        <input
          {...date}
          {...describedBy('consultedOn', { error: errorAt(errors, 'consultedOn') })}
          {...form.register('consultedOn')}
        />
      </Field>
      <Narrative
        form={form}
        name="hotSpots"
        label="Known exploitation hot spots near the home"
        hint="From the police and from the places above; say “none known” if there are none"
      />
      <Narrative
        form={form}
        name="sexOffenderInfo"
        label="What the police said about registered sex offenders nearby (optional)"
      />
      <Narrative form={form} name="otherRisks" label="Other risks (optional)" />
      <Narrative form={form} name="actions" label="Actions agreed" />
      <SubmitButton busy={busy}>Record the assessment</SubmitButton>
    </form>
  )
}

export function LocationShareForm({ homeId, today }: { homeId: string; today: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: locationShareSchema,
    defaultValues: { sharedOn: today, sharedWith: '' },
    action: (values) => locationShareAction(homeId, values),
    onSuccess: (_, f) => {
      f.reset({ sharedOn: today, sharedWith: '' })
      router.refresh()
    },
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Record the location shared with the police">
      {summary}
      <Field name="sharedOn" label="Date shared" error={errorAt(errors, 'sharedOn')}>
        <input
          {...date}
          {...describedBy('sharedOn', { error: errorAt(errors, 'sharedOn') })}
          {...form.register('sharedOn')}
        />
      </Field>
      <Field
        name="sharedWith"
        label="Shared with"
        hint="Force and team or officer"
        error={errorAt(errors, 'sharedWith')}
      >
        <input
          type="text"
          {...describedBy('sharedWith', { error: errorAt(errors, 'sharedWith'), hint: true })}
          {...form.register('sharedWith')}
        />
      </Field>
      <SubmitButton busy={busy}>Record the sharing</SubmitButton>
    </form>
  )
}

/** Ends an independent person's appointment. */
export function EndAppointmentForm({ homeId, personId, today }: { homeId: string; personId: string; today: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: endAppointmentSchema,
    defaultValues: { endedOn: today, reason: '' },
    action: (values) => endAppointmentAction(personId, values),
    onSuccess: backToOversight(router, homeId),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <Field name="endedOn" label="Date the appointment ended" error={errorAt(errors, 'endedOn')}>
        <input
          {...date}
          {...describedBy('endedOn', { error: errorAt(errors, 'endedOn') })}
          {...form.register('endedOn')}
        />
      </Field>
      <Field
        name="reason"
        label="Why it ended"
        hint="For example: resigned, a conflict of interest, a new declaration registered"
        error={errorAt(errors, 'reason')}
      >
        <textarea
          rows={3}
          {...describedBy('reason', { error: errorAt(errors, 'reason'), hint: true })}
          {...form.register('reason')}
        />
      </Field>
      <SubmitButton busy={busy}>End the appointment</SubmitButton>
    </form>
  )
}
