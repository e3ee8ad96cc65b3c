'use client'
import { useRouter } from 'next/navigation'
import type { UseFormReturn } from 'react-hook-form'
import { describedBy, Field, Radios, SubmitButton, useActionForm } from '@/components/form-kit'
import { EVENT_KIND, EVENT_KINDS, RECIPIENT_LABEL, RECIPIENTS } from '@/lib/domain/notifiable-events'
import { decisionSchema, notifiableEventSchema, notifiedSchema } from '@/lib/validation/notifiable-events'
import { decideAction, notifiedAction, recordEventAction } from './actions'
import { DateTimeInput } from '@/components/DateTimeInput'

const DECISIONS = [
  { value: 'NOTIFY', label: 'Notify', hint: 'Name each other relevant person to tell, one a line' },
  { value: 'NOT_NOTIFIABLE', label: 'Not notifiable', hint: 'Say why' },
]

/** The registered person's decision: notify (naming each other relevant person) or not notifiable (with why). The
 * same fields when an event is recorded with its decision and when a proposal is decided. */
function DecisionFields({
  form,
  legend,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by two forms
  form: UseFormReturn<any>
  legend: string
}) {
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>
  return (
    <>
      <Radios
        name="decision"
        legend={legend}
        options={DECISIONS}
        error={errors.decision?.message}
        register={form.register('decision')}
      />
      <Field
        name="otherRelevantPersons"
        label="Other relevant persons to tell (if notifying)"
        hint="One a line: anyone relevant to the child's care, protection or safeguarding"
        error={errors.otherRelevantPersons?.message}
      >
        <textarea
          rows={3}
          {...describedBy('otherRelevantPersons', { error: errors.otherRelevantPersons?.message, hint: true })}
          {...form.register('otherRelevantPersons')}
        />
      </Field>
      <Field name="decisionReason" label="Why it is not notifiable (if not)" error={errors.decisionReason?.message}>
        <textarea
          rows={3}
          {...describedBy('decisionReason', { error: errors.decisionReason?.message })}
          {...form.register('decisionReason')}
        />
      </Field>
    </>
  )
}

/** The registered person's decision on a proposal. */
export function DecideForm({ eventId }: { eventId: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, busy } = useActionForm({
    schema: decisionSchema,
    defaultValues: { decisionReason: '', otherRelevantPersons: 'Placing authority' },
    action: (values) => decideAction(eventId, values),
    onSuccess: () => router.refresh(),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Decide">
      {summary}
      <DecisionFields form={form} legend="Your decision" />
      <SubmitButton busy={busy}>Record the decision</SubmitButton>
    </form>
  )
}

/** One recipient told: who, when, how. */
export function NotifiedForm({ eventId, now }: { eventId: string; now: string }) {
  const router = useRouter()
  const empty = { who: '', how: '', at: now }
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: notifiedSchema,
    defaultValues: empty,
    action: (values) => notifiedAction(eventId, values),
    onSuccess: (_, f) => {
      f.reset(empty)
      router.refresh()
    },
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Record who was told">
      {summary}
      <Field name="recipient" label="Who was told?" error={errors.recipient?.message}>
        <select {...describedBy('recipient', { error: errors.recipient?.message })} {...form.register('recipient')}>
          <option value="">Select</option>
          {RECIPIENTS.map((r) => (
            <option key={r} value={r}>
              {RECIPIENT_LABEL[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        name="who"
        label="Which team, office or person"
        hint="For another relevant person, as named in the decision"
        error={errors.who?.message}
      >
        <input
          type="text"
          {...describedBy('who', { error: errors.who?.message, hint: true })}
          {...form.register('who')}
        />
      </Field>
      <Field
        name="how"
        label="How?"
        hint="For example Ofsted's online notification form, a phone call to the duty team"
        error={errors.how?.message}
      >
        <input
          type="text"
          {...describedBy('how', { error: errors.how?.message, hint: true })}
          {...form.register('how')}
        />
      </Field>
      <DateTimeInput form={form} name="at" label="When?" />
      <SubmitButton busy={busy}>Record who was told</SubmitButton>
    </form>
  )
}

/** A new event at the home, recorded by the registered person. */
export function RecordEventForm({
  homeId,
  children,
  now,
}: {
  homeId: string
  children: { id: string; name: string }[]
  now: string
}) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: notifiableEventSchema,
    defaultValues: {
      occurredAt: now,
      whatHappened: '',
      childId: '',
      personConcerned: '',
      decisionReason: '',
      otherRelevantPersons: 'Placing authority',
    },
    action: (values) => recordEventAction(homeId, values),
    onSuccess: () => {
      form.reset()
      router.refresh()
    },
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Record a notifiable event">
      {summary}
      <Radios
        name="kind"
        legend="What happened (Regulation 40)"
        options={EVENT_KINDS.map((k) => ({
          value: k,
          label: EVENT_KIND[k].label,
          hint: `Regulation ${EVENT_KIND[k].paragraph}`,
        }))}
        error={errors.kind?.message}
        register={form.register('kind')}
      />
      <DateTimeInput form={form} name="occurredAt" label="When did it happen?" />
      <Field
        name="childId"
        label="The child"
        hint="Leave blank only for a referral of a person working at the home"
        error={errors.childId?.message}
      >
        <select
          {...describedBy('childId', { error: errors.childId?.message, hint: true })}
          {...form.register('childId')}
        >
          <option value="">No child</option>
          {children.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <Field
        name="personConcerned"
        label="The person referred (a referral under section 35 only)"
        error={errors.personConcerned?.message}
      >
        <input
          type="text"
          {...describedBy('personConcerned', { error: errors.personConcerned?.message })}
          {...form.register('personConcerned')}
        />
      </Field>
      <Field name="whatHappened" label="What happened" error={errors.whatHappened?.message}>
        <textarea
          rows={4}
          {...describedBy('whatHappened', { error: errors.whatHappened?.message })}
          {...form.register('whatHappened')}
        />
      </Field>
      <DecisionFields form={form} legend="Your decision (leave unanswered to decide later)" />
      <SubmitButton busy={busy}>Record the event</SubmitButton>
    </form>
  )
}
