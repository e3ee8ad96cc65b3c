'use client'
import { useRouter } from 'next/navigation'
import { describedBy, Field, Radios, SubmitButton, useActionForm } from '@/components/form-kit'
import { PARTICIPATION } from '@/lib/domain/reviews'
import { lookedAfterSinceSchema, reviewHeldSchema } from '@/lib/validation/reviews'
import { correctLookedAfterSinceAction, recordReviewAction } from './actions'

/** A looked-after review that has been held: when, how the child took part, what was decided. */
export function ReviewHeldForm({ childId, firstName }: { childId: string; firstName: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: reviewHeldSchema,
    defaultValues: { heldOn: '', participation: undefined, outcome: '' },
    action: (values) => recordReviewAction(childId, values),
    onSuccess: () => {
      form.reset({ heldOn: '', participation: undefined, outcome: '' })
      router.refresh()
    },
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Record a review held">
      {summary}
      <Field name="heldOn" label="Date the review was held" error={errors.heldOn?.message}>
        <input
          type="date"
          style={{ maxWidth: '12rem' }}
          {...describedBy('heldOn', { error: errors.heldOn?.message })}
          {...form.register('heldOn')}
        />
      </Field>
      <Radios
        name="participation"
        legend={`How ${firstName} took part`}
        error={errors.participation?.message}
        register={form.register('participation')}
        options={Object.entries(PARTICIPATION).map(([value, label]) => ({ value, label }))}
      />
      <Field
        name="outcome"
        label="Outcome"
        hint="The review's main decisions, briefly. The full record stays in the authority's system."
        error={errors.outcome?.message}
      >
        <textarea
          rows={3}
          {...describedBy('outcome', { hint: true, error: errors.outcome?.message })}
          {...form.register('outcome')}
        />
      </Field>
      <SubmitButton busy={busy}>Record the review</SubmitButton>
    </form>
  )
}

/** The placing authority corrects the day the child became looked after. */
export function LookedAfterSinceForm({ childId, current }: { childId: string; current: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: lookedAfterSinceSchema,
    defaultValues: { startDate: current, reason: '' },
    action: (values) => correctLookedAfterSinceAction(childId, values),
    onSuccess: () => router.refresh(),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Correct the date the child became looked after">
      {summary}
      <Field name="startDate" label="Date the child became looked after" error={errors.startDate?.message}>
        <input
          type="date"
          style={{ maxWidth: '12rem' }}
          {...describedBy('startDate', { error: errors.startDate?.message })}
          {...form.register('startDate')}
        />
      </Field>
      <Field
        name="reason"
        label="Where the date comes from"
        hint="For example: the court order, the section 20 agreement."
        error={errors.reason?.message}
      >
        <input
          type="text"
          autoComplete="off"
          {...describedBy('reason', { hint: true, error: errors.reason?.message })}
          {...form.register('reason')}
        />
      </Field>
      <SubmitButton busy={busy}>Correct the date</SubmitButton>
    </form>
  )
}
