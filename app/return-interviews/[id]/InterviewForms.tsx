'use client'
import { useRouter } from 'next/navigation'
import { useFieldArray } from 'react-hook-form'
import { describedBy, errorAt, Field, Narrative, Radios, SubmitButton, useActionForm } from '@/components/form-kit'
import { LOCATION_KIND_LABELS } from '@/lib/domain/episodes'
import {
  CHILD_SAYS_SECTIONS,
  OFFER_METHOD_LABELS,
  OUTCOME_LABELS,
  PREVENTION_LABELS,
  SHARING_BASIS_LABELS,
} from '@/lib/domain/return-interviews'
import { LOCATION_KINDS } from '@/lib/validation/episodes'
import {
  followUpSchema,
  OFFER_METHODS,
  offerSchema,
  OUTCOMES,
  outcomeSchema,
  policeSharingSchema,
  PREVENTION_STATUSES,
  preventionSchema,
  SHARING_BASES,
} from '@/lib/validation/return-interviews'
import {
  addFollowUpAction,
  recordOfferAction,
  recordOutcomeAction,
  recordPoliceSharingAction,
  recordPreventionAction,
} from '../actions'
import { DateTimeInput } from '@/components/DateTimeInput'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by several forms
type AnyForm = any

function Text({
  form,
  name,
  label,
  hint,
  long,
}: {
  form: AnyForm
  name: string
  label: string
  hint?: string
  long?: boolean
}) {
  if (long) return <Narrative form={form} name={name} label={label} hint={hint} />
  const error = errorAt(form.formState.errors, name)
  const props = { ...describedBy(name, { error, hint: Boolean(hint) }), ...form.register(name) }
  return (
    <Field name={name} label={label} hint={hint} error={error}>
      {long ? <textarea rows={4} {...props} /> : <input type="text" autoComplete="off" {...props} />}
    </Field>
  )
}

function When({ form, name, label }: { form: AnyForm; name: string; label: string }) {
  return <DateTimeInput form={form} name={name} label={label} />
}

function useRefreshingForm<S extends Parameters<typeof useActionForm>[0]['schema']>(
  schema: S,
  defaultValues: object,
  action: (values: never) => ReturnType<typeof recordOfferAction>,
) {
  const router = useRouter()
  return useActionForm({
    schema,
    defaultValues: defaultValues as never,
    action: action as never,
    onSuccess: () => router.refresh(),
  })
}

export function OfferForm({ interviewId, now }: { interviewId: string; now: string }) {
  const { form, onSubmit, summary, errors, busy } = useRefreshingForm(offerSchema, { offeredAt: now }, (v) =>
    recordOfferAction(interviewId, v),
  )
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Record the offer">
      {summary}
      <When form={form} name="offeredAt" label="When was it offered?" />
      <Field name="offerMethod" label="How was it offered?" error={errors.offerMethod?.message}>
        <select
          {...describedBy('offerMethod', { error: errors.offerMethod?.message })}
          {...form.register('offerMethod' as never)}
        >
          <option value="">Select</option>
          {OFFER_METHODS.map((m) => (
            <option key={m} value={m}>
              {OFFER_METHOD_LABELS[m]}
            </option>
          ))}
        </select>
      </Field>
      <SubmitButton busy={busy}>Record the offer</SubmitButton>
    </form>
  )
}

export function OutcomeForm({
  interviewId,
  now,
  offered,
  providerName,
}: {
  interviewId: string
  now: string
  offered: boolean
  providerName: string | null
}) {
  const { form, onSubmit, summary, errors, busy } = useRefreshingForm(
    outcomeSchema,
    {
      offeredAt: offered ? '' : now,
      heldAt: now,
      locations: [],
      associates: [],
      vehicles: [],
      independenceDeclared: false,
      childChoseTrustedAdult: false,
    },
    (v) => recordOutcomeAction(interviewId, v),
  )
  const f = form as AnyForm
  const outcome = f.watch('outcome')
  const trusted = f.watch('childChoseTrustedAdult')
  const places = useFieldArray({ control: f.control, name: 'locations' })
  const people = useFieldArray({ control: f.control, name: 'associates' })
  const cars = useFieldArray({ control: f.control, name: 'vehicles' })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Record the interview">
      {summary}
      <Radios
        name="outcome"
        legend="What happened?"
        error={errors.outcome?.message}
        register={f.register('outcome')}
        options={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
      />
      {outcome === 'NOT_OFFERED' && <Text form={f} name="notOfferedReason" label="Why was it not offered?" long />}
      {outcome && outcome !== 'NOT_OFFERED' && !offered && (
        <>
          <When form={f} name="offeredAt" label="When was it offered?" />
          <Field name="offerMethod" label="How was it offered? (optional)">
            <select {...describedBy('offerMethod', {})} {...f.register('offerMethod')}>
              <option value="">Select</option>
              {OFFER_METHODS.map((m) => (
                <option key={m} value={m}>
                  {OFFER_METHOD_LABELS[m]}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
      {outcome === 'HELD' && (
        <fieldset>
          <legend>The interview</legend>
          <When form={f} name="heldAt" label="When was it held?" />
          <Text form={f} name="heldWhere" label="Where was it held? (optional)" />
          <Text form={f} name="interviewerName" label="Who held it?" />
          <div className="field">
            <div className="checkbox">
              <input type="checkbox" id="f-childChoseTrustedAdult" {...f.register('childChoseTrustedAdult')} />
              <label htmlFor="f-childChoseTrustedAdult">
                The child chose a trusted adult (a carer or their social worker) instead of an independent person
              </label>
            </div>
          </div>
          {trusted ? (
            <Text form={f} name="trustedAdult" label="Who did the child choose, and why?" />
          ) : (
            <>
              <Text form={f} name="interviewerOrganisation" label="Their organisation" />
              <div className={errorAt(errors, 'independenceDeclared') ? 'field has-error' : 'field'}>
                {errorAt(errors, 'independenceDeclared') && (
                  <span className="field-error" id="f-independenceDeclared-error">
                    {errorAt(errors, 'independenceDeclared')}
                  </span>
                )}
                <div className="checkbox">
                  <input
                    type="checkbox"
                    {...describedBy('independenceDeclared', { error: errorAt(errors, 'independenceDeclared') })}
                    {...f.register('independenceDeclared')}
                  />
                  <label htmlFor="f-independenceDeclared">
                    I declare the person who held it is independent of the child&apos;s care: not the child&apos;s
                    social worker or carer, and not employed by {providerName ?? 'the home’s provider'}
                  </label>
                </div>
              </div>
            </>
          )}
        </fieldset>
      )}
      {(outcome === 'HELD' || outcome === 'DECLINED') && (
        <fieldset>
          <legend>What the child said</legend>
          {Object.entries(CHILD_SAYS_SECTIONS).map(([name, label]) => (
            <Text key={name} form={f} name={name} label={`${label} (optional)`} long />
          ))}
          <div className="notice" id="concerns-who">
            <strong>Who can see the next answer:</strong> the child&apos;s IRO, their social worker, the placing
            authority&apos;s missing lead and the return interview service. The home&apos;s staff and its provider
            cannot.
          </div>
          <Text
            form={f}
            name="concernsAboutHome"
            label="Concerns about the home (optional)"
            hint="Private from the home’s staff and provider. In the child’s words where you can."
            long
          />
          <h3>Places, people and vehicles the child named</h3>
          {places.fields.map((field, i) => (
            <div className="row" key={field.id}>
              <Text form={f} name={`locations.${i}.name`} label={`Place (${i + 1})`} />
              <Field name={`locations.${i}.kind`} label="What kind of place?">
                <select {...describedBy(`locations.${i}.kind`, {})} {...f.register(`locations.${i}.kind`)}>
                  <option value="">Select</option>
                  {LOCATION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {LOCATION_KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              </Field>
              <Text form={f} name={`locations.${i}.postcode`} label="Postcode (optional)" />
            </div>
          ))}
          {people.fields.map((field, i) => (
            <div className="row" key={field.id}>
              <Text form={f} name={`associates.${i}.name`} label={`Person's name (${i + 1})`} />
              <Text form={f} name={`associates.${i}.description`} label={`Description (${i + 1})`} />
            </div>
          ))}
          {cars.fields.map((field, i) => (
            <div className="row" key={field.id}>
              <Text form={f} name={`vehicles.${i}.registration`} label={`Registration (${i + 1})`} />
              <Text form={f} name={`vehicles.${i}.description`} label={`Vehicle description (${i + 1})`} />
              <Text form={f} name={`vehicles.${i}.taxiFirm`} label={`Taxi firm (${i + 1})`} />
            </div>
          ))}
          <div className="actions">
            <button
              type="button"
              className="button secondary"
              onClick={() => places.append({ name: '', kind: '', postcode: '' })}
            >
              Add a place
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => people.append({ name: '', description: '' })}
            >
              Add a person
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => cars.append({ registration: '', description: '', taxiFirm: '' })}
            >
              Add a vehicle
            </button>
          </div>
        </fieldset>
      )}
      <SubmitButton busy={busy}>Save the interview record</SubmitButton>
    </form>
  )
}

export function FollowUpForm({ interviewId }: { interviewId: string }) {
  const { form, onSubmit, summary, errors, busy } = useRefreshingForm(
    followUpSchema,
    { reference: '', note: '' },
    (v) => addFollowUpAction(interviewId, v),
  )
  const f = form as AnyForm
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Start a follow-up">
      {summary}
      <Radios
        name="kind"
        legend="What are you starting?"
        error={errors.kind?.message}
        register={f.register('kind')}
        options={[
          { value: 'CSE_SCREENING', label: 'A child sexual exploitation (CSE) screening' },
          { value: 'SAFEGUARDING_REFERRAL', label: 'A safeguarding referral' },
        ]}
      />
      <Text
        form={f}
        name="reference"
        label="Reference (optional)"
        hint="For example the referral number from the front door"
      />
      <Text form={f} name="note" label="Note (optional)" long />
      <SubmitButton busy={busy}>Record it</SubmitButton>
    </form>
  )
}

export function PoliceSharingForm({ interviewId, now }: { interviewId: string; now: string }) {
  const { form, onSubmit, summary, errors, busy } = useRefreshingForm(
    policeSharingSchema,
    { sharedAt: now, policeForce: '', what: '', reason: '' },
    (v) => recordPoliceSharingAction(interviewId, v),
  )
  const f = form as AnyForm
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Record information shared with the police">
      {summary}
      <When form={f} name="sharedAt" label="When was it shared?" />
      <Text form={f} name="policeForce" label="Police force" />
      <Text form={f} name="what" label="What was shared?" long />
      <Radios
        name="basis"
        legend="On what basis?"
        error={errors.basis?.message}
        register={f.register('basis')}
        options={SHARING_BASES.map((b) => ({ value: b, label: SHARING_BASIS_LABELS[b] }))}
      />
      {f.watch('basis') === 'SAFEGUARDING_WITHOUT_CONSENT' && (
        <Text form={f} name="reason" label="Why was it shared without consent?" long />
      )}
      <SubmitButton busy={busy}>Record the sharing</SubmitButton>
    </form>
  )
}

export function PreventionForm({ interviewId }: { interviewId: string }) {
  const { form, onSubmit, summary, errors, busy } = useRefreshingForm(
    preventionSchema,
    { preventionInterviewDate: '' },
    (v) => recordPreventionAction(interviewId, v),
  )
  const f = form as AnyForm
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Police prevention interview">
      {summary}
      <Radios
        name="preventionInterview"
        legend="Police prevention interview (formerly safe and well check)"
        inline
        error={errors.preventionInterview?.message}
        register={f.register('preventionInterview')}
        options={PREVENTION_STATUSES.map((p) => ({ value: p, label: PREVENTION_LABELS[p] }))}
      />
      <Field name="preventionInterviewDate" label="Date (if done)" error={errorAt(errors, 'preventionInterviewDate')}>
        <input
          type="date"
          style={{ maxWidth: '12rem' }}
          {...describedBy('preventionInterviewDate', { error: errorAt(errors, 'preventionInterviewDate') })}
          {...f.register('preventionInterviewDate')}
        />
      </Field>
      <SubmitButton busy={busy}>Save</SubmitButton>
    </form>
  )
}
