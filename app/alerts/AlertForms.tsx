'use client'
import { useRouter } from 'next/navigation'
import {
  ActionButton,
  describedBy,
  errorAt,
  Field,
  Narrative,
  Radios,
  SubmitButton,
  useActionForm,
} from '@/components/form-kit'
import { areaNoticeSchema, decisionSchema, resolveSchema } from '@/lib/validation/alerts'
import {
  acknowledgeAction,
  areaNoticeAction,
  decisionAction,
  markAllReadAction,
  markReadAction,
  resolveAction,
} from './actions'

export function AcknowledgeButton({ alertId }: { alertId: string }) {
  return <ActionButton label="Acknowledge" run={() => acknowledgeAction(alertId)} />
}

export function MarkReadButton({ notificationId, label }: { notificationId: string; label: string }) {
  return <ActionButton label={label} run={() => markReadAction(notificationId)} />
}

/** `upTo`: when the newest notification on the page arrived (one that arrives after the page was shown stays unread) */
export function MarkAllReadButton({ upTo }: { upTo: string }) {
  return <ActionButton label="Mark all as read" run={() => markAllReadAction({ upTo })} />
}

export function DecisionForm({
  alertId,
  children,
}: {
  alertId: string
  children: { id: string; name: string; nextReview: string | null }[]
}) {
  const router = useRouter()
  const { form, onSubmit, summary, saved, errors, busy } = useActionForm({
    schema: decisionSchema,
    defaultValues: { childId: children[0]?.id ?? '', reviewDate: '', reason: '' },
    action: (values) => decisionAction(alertId, values),
    onSuccess: () => router.refresh(),
    saved: () =>
      'Your decision is recorded and shown above. If you brought the review forward, arrange it with the child’s social worker.',
  })
  const bringForward = form.watch('bringForward')
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Your decision">
      {saved}
      {summary}
      {children.length > 1 && (
        <Field name="childId" label="Child" error={errors.childId?.message}>
          <select {...describedBy('childId', { error: errors.childId?.message })} {...form.register('childId')}>
            {children.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Radios
        name="bringForward"
        legend="Will you bring the child's review forward?"
        inline
        error={errors.bringForward?.message}
        register={form.register('bringForward')}
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
      />
      {bringForward === 'yes' && (
        <Field name="reviewDate" label="Review brought forward to" error={errorAt(errors, 'reviewDate')}>
          <input
            type="date"
            style={{ maxWidth: '12rem' }}
            {...describedBy('reviewDate', { error: errorAt(errors, 'reviewDate') })}
            {...form.register('reviewDate')}
          />
        </Field>
      )}
      <Narrative form={form} name="reason" label={bringForward === 'no' ? 'Why not?' : 'Reason (optional)'} rows={3} />
      <SubmitButton busy={busy}>Record the decision</SubmitButton>
    </form>
  )
}

export function ResolveForm({ alertId, meetings }: { alertId: string; meetings: { id: string; label: string }[] }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: resolveSchema,
    defaultValues: { reason: '', meetingId: '' },
    action: (values) => resolveAction(alertId, values),
    onSuccess: () => router.refresh(),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Resolve the alert">
      {summary}
      {meetings.length > 0 && (
        <Field
          name="meetingId"
          label="The meeting that dealt with it (optional)"
          hint="Its kind and date are the reason if you write none"
          error={errorAt(errors, 'meetingId')}
        >
          <select
            {...describedBy('meetingId', { error: errorAt(errors, 'meetingId'), hint: true })}
            {...form.register('meetingId')}
          >
            <option value="">No meeting</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Narrative
        form={form}
        name="reason"
        label="Why can it be resolved?"
        hint="If the pattern continues with new evidence, the alert reopens"
        rows={3}
      />
      <SubmitButton busy={busy}>Resolve</SubmitButton>
    </form>
  )
}

export function AreaNoticeForm({ placementId, atDistance }: { placementId: string; atDistance: boolean }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: areaNoticeSchema,
    defaultValues: { areaNotifiedOn: '', atDistance, directorApprovedOn: '', areaConsultedOn: '' },
    action: (values) => areaNoticeAction(placementId, values),
    onSuccess: () => router.refresh(),
  })
  const date = (name: 'areaNotifiedOn' | 'directorApprovedOn' | 'areaConsultedOn', label: string) => (
    <Field name={name} label={label} error={errors[name]?.message}>
      <input
        type="date"
        style={{ maxWidth: '12rem' }}
        {...describedBy(name, { error: errors[name]?.message })}
        {...form.register(name)}
      />
    </Field>
  )
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Out-of-area notice">
      {summary}
      {date('areaNotifiedOn', 'Area authority told on (optional)')}
      <div className="checkbox field">
        <input type="checkbox" id="f-atDistance" {...form.register('atDistance')} />
        <label htmlFor="f-atDistance">At a distance (not in an authority next to the placing authority)</label>
      </div>
      {form.watch('atDistance') && (
        <>
          {date('directorApprovedOn', 'Director approved on (optional)')}
          {date('areaConsultedOn', 'Area authority consulted on (optional)')}
        </>
      )}
      <SubmitButton busy={busy}>Save</SubmitButton>
    </form>
  )
}
