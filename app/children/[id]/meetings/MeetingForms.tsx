'use client'
import { useRouter } from 'next/navigation'
import { useFieldArray } from 'react-hook-form'
import { CodeOptions } from '@/components/CodeOptions'
import { ExploitationKindsField } from '@/components/ExploitationKindsField'
import { describedBy, errorAt, Field, Narrative, SubmitButton, useActionForm } from '@/components/form-kit'
import type { ExploitationKind } from '@/lib/domain/cse'
import { MEETING_KINDS } from '@/lib/domain/meetings'
import { CAWN_STATUSES, NRM_DECISIONS, REFERRAL_KINDS } from '@/lib/domain/referrals'
import { completeActionSchema, meetingSchema, referralSchema } from '@/lib/validation/meetings'
import { completeActionAction, recordMeetingAction, recordReferralAction } from './actions'

const dateStyle = { maxWidth: '12rem' }

/** An NRM referral, a CAWN or an intelligence submission: what the form asks follows the kind chosen. `kinds`: the
 * kinds of exploitation ticked to start with (those a screening found a risk of, when recorded from it). */
export function ReferralForm({
  childId,
  mayNrm,
  kinds = [],
}: {
  childId: string
  mayNrm: boolean
  kinds?: ExploitationKind[]
}) {
  const router = useRouter()
  const empty = {
    kind: '',
    kinds,
    madeOn: '',
    madeBy: '',
    reference: '',
    summary: '',
    reasonableGrounds: '',
    reasonableGroundsOn: '',
    conclusiveGrounds: '',
    conclusiveGroundsOn: '',
    cawnStatus: '',
    personName: '',
    personDescription: '',
    policeSharingId: '',
  }
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: referralSchema,
    defaultValues: empty,
    action: (values) => recordReferralAction(childId, values),
    onSuccess: () => router.push(`/children/${childId}/meetings`),
  })
  const kind = form.watch('kind')
  const referralKinds = Object.fromEntries(Object.entries(REFERRAL_KINDS).filter(([k]) => mayNrm || k !== 'NRM'))
  const text = (name: 'madeBy' | 'reference' | 'personName' | 'personDescription', label: string, hint?: string) => (
    <Field name={name} label={label} hint={hint} error={errorAt(errors, name)}>
      <input
        type="text"
        {...describedBy(name, { error: errorAt(errors, name), hint: Boolean(hint) })}
        {...form.register(name)}
      />
    </Field>
  )
  const date = (name: 'madeOn' | 'reasonableGroundsOn' | 'conclusiveGroundsOn', label: string) => (
    <Field name={name} label={label} error={errorAt(errors, name)}>
      <input
        type="date"
        style={dateStyle}
        {...describedBy(name, { error: errorAt(errors, name) })}
        {...form.register(name)}
      />
    </Field>
  )
  const decision = (name: 'reasonableGrounds' | 'conclusiveGrounds', label: string) => (
    <Field name={name} label={label} error={errorAt(errors, name)}>
      <select {...describedBy(name, { error: errorAt(errors, name) })} {...form.register(name)}>
        <option value="">Not known yet</option>
        {Object.entries(NRM_DECISIONS).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </Field>
  )
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Record a referral">
      {summary}
      <Field name="kind" label="Kind of referral" error={errorAt(errors, 'kind')}>
        <select {...describedBy('kind', { error: errorAt(errors, 'kind') })} {...form.register('kind')}>
          <option value="">Choose</option>
          {Object.entries(referralKinds).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </Field>
      <ExploitationKindsField
        name="kinds"
        legend="Which kinds of exploitation is it about?"
        hint="An NRM referral: child sexual or criminal exploitation, or trafficking. A CAWN: usually sexual or criminal."
        error={errorAt(errors, 'kinds')}
        box={() => form.register('kinds')}
      />
      {date('madeOn', 'Date made')}
      {text('madeBy', 'Made by', 'The person or team, as you would name them')}
      {kind === 'CAWN' && (
        <>
          <Field name="cawnStatus" label="Requested or issued" error={errorAt(errors, 'cawnStatus')}>
            <select
              {...describedBy('cawnStatus', { error: errorAt(errors, 'cawnStatus') })}
              {...form.register('cawnStatus')}
            >
              <CodeOptions codes={CAWN_STATUSES} prompt="Choose" />
            </select>
          </Field>
          {text('personName', 'Name of the person the notice is given to')}
          {text('personDescription', 'Description of the person (optional)', 'Helps match them to other records')}
        </>
      )}
      {kind === 'NRM' && (
        <>
          {decision('reasonableGrounds', 'Reasonable grounds decision')}
          {date('reasonableGroundsOn', 'Date of the reasonable grounds decision (if made)')}
          {decision('conclusiveGrounds', 'Conclusive grounds decision')}
          {date('conclusiveGroundsOn', 'Date of the conclusive grounds decision (if made)')}
        </>
      )}
      {text('reference', 'Reference or police force (optional)')}
      <Narrative form={form} name="summary" label="Summary (optional)" rows={3} />
      <SubmitButton busy={busy}>Record the referral</SubmitButton>
    </form>
  )
}

type Choice = { id: string; label: string }

/** A meeting held: who took part, views, decisions, actions, and the episodes and alerts that led to it. */
export function MeetingForm({ childId, episodes, alerts }: { childId: string; episodes: Choice[]; alerts: Choice[] }) {
  const router = useRouter()
  const empty = {
    kind: '',
    kinds: [] as ExploitationKind[],
    heldOn: '',
    participants: [{ name: '', agency: '' }],
    childViews: '',
    familyViews: '',
    decisions: '',
    actions: [] as { action: string; owner: string; dueOn: string }[],
    episodeIds: [] as string[],
    alertIds: [] as string[],
  }
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: meetingSchema,
    defaultValues: empty,
    action: (values) => recordMeetingAction(childId, values),
    onSuccess: () => {
      form.reset(empty)
      router.refresh()
    },
  })
  const participants = useFieldArray({ control: form.control, name: 'participants' })
  const actions = useFieldArray({ control: form.control, name: 'actions' })
  const input = (name: string, label: string, type = 'text') => (
    <Field name={name} label={label} error={errorAt(errors, name)}>
      <input
        type={type}
        style={type === 'date' ? dateStyle : undefined}
        {...describedBy(name, { error: errorAt(errors, name) })}
        {...form.register(name as 'heldOn')}
      />
    </Field>
  )
  const links = (name: 'episodeIds' | 'alertIds', legend: string, choices: Choice[]) =>
    choices.length > 0 && (
      <fieldset className="field">
        <legend className="label">{legend}</legend>
        {choices.map((c) => (
          <div className="checkbox" key={c.id}>
            <input type="checkbox" id={`f-${name}-${c.id}`} value={c.id} {...form.register(name)} />
            <label htmlFor={`f-${name}-${c.id}`}>{c.label}</label>
          </div>
        ))}
      </fieldset>
    )
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Record a meeting">
      {summary}
      <Field name="kind" label="Kind of meeting" error={errorAt(errors, 'kind')}>
        <select {...describedBy('kind', { error: errorAt(errors, 'kind') })} {...form.register('kind')}>
          <option value="">Choose</option>
          {Object.entries(MEETING_KINDS).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </Field>
      <ExploitationKindsField
        name="kinds"
        legend="Which kinds of exploitation is it about?"
        hint="At least one for a MACE meeting; none if it is about missing episodes alone"
        error={errorAt(errors, 'kinds')}
        box={() => form.register('kinds')}
      />
      {input('heldOn', 'Date held', 'date')}
      <fieldset className="field">
        <legend className="label">Who took part</legend>
        {participants.fields.map((p, i) => (
          <div key={p.id} className="stack">
            {input(`participants.${i}.name`, `Person ${i + 1}: name`)}
            {input(`participants.${i}.agency`, `Person ${i + 1}: agency`)}
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => participants.append({ name: '', agency: '' })}
        >
          Add a person
        </button>
      </fieldset>
      <Narrative form={form} name="childViews" label="The child’s views (optional)" rows={3} />
      <Narrative form={form} name="familyViews" label="The family’s views (optional)" rows={3} />
      <Narrative form={form} name="decisions" label="Decisions" rows={4} />
      <fieldset className="field">
        <legend className="label">Actions</legend>
        {actions.fields.map((a, i) => (
          <div key={a.id} className="stack">
            {input(`actions.${i}.action`, `Action ${i + 1}: what`)}
            {input(`actions.${i}.owner`, `Action ${i + 1}: who owns it`)}
            {input(`actions.${i}.dueOn`, `Action ${i + 1}: due by`, 'date')}
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => actions.append({ action: '', owner: '', dueOn: '' })}
        >
          Add an action
        </button>
      </fieldset>
      {links('episodeIds', 'Episodes that led to it (optional)', episodes)}
      {links('alertIds', 'Alerts that led to it (optional)', alerts)}
      <SubmitButton busy={busy}>Record the meeting</SubmitButton>
    </form>
  )
}

/** Marks one action completed, with the date and what was done. */
export function CompleteActionForm({
  meetingId,
  actionId,
  label,
}: {
  meetingId: string
  actionId: string
  label: string
}) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: completeActionSchema,
    defaultValues: { completedOn: '', note: '' },
    action: (values) => completeActionAction(meetingId, actionId, values),
    onSuccess: () => router.refresh(),
  })
  const prefix = `a-${actionId}-`
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={`Complete: ${label}`}>
      {summary}
      <Field name={`${prefix}completedOn`} label="Completed on" error={errors.completedOn?.message}>
        <input
          type="date"
          style={dateStyle}
          {...describedBy(`${prefix}completedOn`, { error: errors.completedOn?.message })}
          {...form.register('completedOn')}
        />
      </Field>
      <Field name={`${prefix}note`} label="What was done" error={errors.note?.message}>
        <textarea
          rows={2}
          {...describedBy(`${prefix}note`, { error: errors.note?.message })}
          {...form.register('note')}
        />
      </Field>
      <SubmitButton busy={busy}>Mark completed</SubmitButton>
    </form>
  )
}
