'use client'
import { useRouter } from 'next/navigation'
import { describedBy, Field, Radios, SubmitButton, useActionForm } from '@/components/form-kit'
import { EVENT_KIND, EVENT_KINDS } from '@/lib/domain/notifiable-events'
import { proposalSchema } from '@/lib/validation/notifiable-events'
import { proposeNotifiableEventAction } from '@/app/notifiable-events/actions'

/**
 * Proposes a Regulation 40 event from a missing episode, a return interview or an exploitation screening; the
 * registered manager decides.
 */
export function ProposeNotifiableEventForm({
  source,
  returnTo,
}: {
  source: { episodeId: string } | { interviewId: string } | { screeningId: string }
  returnTo: string
}) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: proposalSchema,
    defaultValues: { because: '' },
    action: (values) => proposeNotifiableEventAction(source, values),
    onSuccess: () => router.push(returnTo),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Propose a Regulation 40 event">
      {summary}
      <Radios
        name="kind"
        legend="Which event may it be?"
        options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND[k].label }))}
        error={errors.kind?.message}
        register={form.register('kind')}
      />
      <Field
        name="because"
        label="Why you think so"
        hint="What happened, briefly: the registered manager reads this to decide"
        error={errors.because?.message}
      >
        <textarea
          rows={4}
          {...describedBy('because', { error: errors.because?.message, hint: true })}
          {...form.register('because')}
        />
      </Field>
      <SubmitButton busy={busy}>Propose it to the registered manager</SubmitButton>
    </form>
  )
}
