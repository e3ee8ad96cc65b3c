'use client'
import { useRouter } from 'next/navigation'
import { useFieldArray } from 'react-hook-form'
import { Checkbox, describedBy, errorAt, Field, Radios, SubmitButton, useActionForm } from '@/components/form-kit'
import { LOCATION_KIND_LABELS, RETURN_METHOD_LABELS } from '@/lib/domain/episodes'
import { LOCATION_KINDS, RETURN_METHODS, recordReturnSchema } from '@/lib/validation/episodes'
import { recordReturnAction } from '../../actions'
import { DateTimeInput } from '@/components/DateTimeInput'

const emptyPlace = { name: '', kind: '' as const, postcode: '' }
const emptyPerson = { name: '', description: '' }
const emptyVehicle = { registration: '', description: '', taxiFirm: '' }

export function RecordReturnForm({ episodeId, firstName, now }: { episodeId: string; firstName: string; now: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: recordReturnSchema,
    defaultValues: {
      returnedAt: now,
      returnMethodOther: '',
      foundLocation: emptyPlace,
      visitedLocations: [],
      associates: [emptyPerson],
      vehicles: [],
      injuries: '',
      hungry: false,
      tired: false,
      intoxicated: false,
      signsOfHarm: '',
      medicalAttention: '',
      whoInformed: '',
    },
    action: (values) => recordReturnAction(episodeId, values),
    onSuccess: () => {
      router.push(`/episodes/${episodeId}?saved=returned`)
      router.refresh()
    },
  })
  const visited = useFieldArray({ control: form.control, name: 'visitedLocations' })
  const people = useFieldArray({ control: form.control, name: 'associates' })
  const vehicles = useFieldArray({ control: form.control, name: 'vehicles' })
  const text = (name: string, label: string, hint?: string) => (
    <Field name={name} label={label} hint={hint} error={errorAt(errors, name)}>
      <input
        type="text"
        autoComplete="off"
        {...describedBy(name, { error: errorAt(errors, name), hint: Boolean(hint) })}
        {...form.register(name as never)}
      />
    </Field>
  )
  const kindSelect = (name: string) => (
    <Field name={name} label="What kind of place?" error={errorAt(errors, name)}>
      <select {...describedBy(name, { error: errorAt(errors, name) })} {...form.register(name as never)}>
        <option value="">Select</option>
        {LOCATION_KINDS.map((k) => (
          <option key={k} value={k}>
            {LOCATION_KIND_LABELS[k]}
          </option>
        ))}
      </select>
    </Field>
  )
  const check = (name: 'hungry' | 'tired' | 'intoxicated', label: string) => (
    <Checkbox name={name} label={label} register={form.register(name)} />
  )
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <fieldset>
        <legend>Coming back</legend>
        <DateTimeInput form={form} name="returnedAt" label={`When did ${firstName} come back?`} />
        <Radios
          name="returnMethod"
          legend="How did they come back?"
          error={errors.returnMethod?.message}
          register={form.register('returnMethod')}
          options={RETURN_METHODS.map((m) => ({ value: m, label: RETURN_METHOD_LABELS[m] }))}
        />
        {form.watch('returnMethod') === 'OTHER' && text('returnMethodOther', 'How did they come back?')}
      </fieldset>

      <fieldset>
        <legend>Where they were</legend>
        {text(
          'foundLocation.name',
          'Where were they found, or where had they been? (optional)',
          'The name as people know it: “Kebab King, Station Road”, “the flat above the launderette”',
        )}
        {kindSelect('foundLocation.kind')}
        {text('foundLocation.postcode', 'Postcode, if known (optional)')}
        {visited.fields.map((field, i) => (
          <div className="row" key={field.id}>
            {text(`visitedLocations.${i}.name`, `Another place they had been (${i + 1})`)}
            {kindSelect(`visitedLocations.${i}.kind`)}
            {text(`visitedLocations.${i}.postcode`, 'Postcode (optional)')}
            <p>
              <button type="button" className="button secondary" onClick={() => visited.remove(i)}>
                Remove place {i + 1}
              </button>
            </p>
          </div>
        ))}
        <button type="button" className="button secondary" onClick={() => visited.append(emptyPlace)}>
          Add another place
        </button>
      </fieldset>

      <fieldset>
        <legend>Who they were with</legend>
        {people.fields.map((field, i) => (
          <div className="row" key={field.id}>
            {text(`associates.${i}.name`, `Name (${i + 1})`, 'If known')}
            {text(
              `associates.${i}.description`,
              `Description (${i + 1})`,
              'Age, appearance, what the child calls them',
            )}
            {people.fields.length > 1 && (
              <p>
                <button type="button" className="button secondary" onClick={() => people.remove(i)}>
                  Remove person {i + 1}
                </button>
              </p>
            )}
          </div>
        ))}
        <button type="button" className="button secondary" onClick={() => people.append(emptyPerson)}>
          Add another person
        </button>
      </fieldset>

      <fieldset>
        <legend>Vehicles seen</legend>
        {vehicles.fields.length === 0 && (
          <p className="muted">Cars or taxis that dropped them off, picked them up, or that they were seen in.</p>
        )}
        {vehicles.fields.map((field, i) => (
          <div className="row" key={field.id}>
            {text(`vehicles.${i}.registration`, `Registration (${i + 1})`, 'As much as is known')}
            {text(`vehicles.${i}.description`, `Make, model, colour (${i + 1})`)}
            {text(`vehicles.${i}.taxiFirm`, `Taxi firm (${i + 1})`)}
            <p>
              <button type="button" className="button secondary" onClick={() => vehicles.remove(i)}>
                Remove vehicle {i + 1}
              </button>
            </p>
          </div>
        ))}
        <button type="button" className="button secondary" onClick={() => vehicles.append(emptyVehicle)}>
          Add a vehicle
        </button>
      </fieldset>

      <fieldset>
        <legend>How they were</legend>
        <div className="field">
          <span className="label">Tick any that apply</span>
          {check('hungry', 'Hungry')}
          {check('tired', 'Tired')}
          {check('intoxicated', 'Drunk or under the influence of drugs')}
        </div>
        {text('injuries', 'Injuries (optional)')}
        {text(
          'signsOfHarm',
          'Signs of harm or of sexual exploitation (optional)',
          'For example new phone, money, gifts, marks, what they said',
        )}
        {text('medicalAttention', 'First aid or medical attention given (optional)')}
        {text(
          'whoInformed',
          'Who has been told they are back? (optional)',
          'Police, social worker, parents… (the IRO is told by Haven)',
        )}
      </fieldset>
      <SubmitButton busy={busy}>Record the return</SubmitButton>
    </form>
  )
}
