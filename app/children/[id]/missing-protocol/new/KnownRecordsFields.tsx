'use client'
import { useFieldArray, type FieldErrors, type UseFormReturn } from 'react-hook-form'
import { describedBy, errorAt, Field } from '@/components/form-kit'
import { KNOWN_KINDS } from '@/lib/validation/missing-protocols'

type Choice = { kind: keyof typeof KNOWN_KINDS; id: string; label: string; detail: string | null }

const NAME = { location: 'Name of the place', associate: 'Name', vehicle: 'Registration' } as const
const DETAIL = { location: 'Postcode (optional)', associate: 'Description', vehicle: 'Description' } as const

/** The places, people and vehicles the protocol names: each one of Haven's records, chosen or added by typing it. */
export function KnownRecordsFields({
  form,
  errors,
  choices,
}: {
  // the protocol form's own values; typed loosely here as the fields are reached by name
  form: UseFormReturn<never>
  errors: FieldErrors
  choices: Choice[]
}) {
  const f = form as unknown as UseFormReturn<{ knownRecords: { kind: Choice['kind']; recordId: string }[] }>
  const rows = useFieldArray({ control: f.control, name: 'knownRecords' as never })
  const values = f.watch('knownRecords') ?? []
  const input = (name: string) => ({
    ...describedBy(name, { error: errorAt(errors, name) }),
    ...f.register(name as never),
  })
  return (
    <fieldset>
      <legend>Known places, people and vehicles</legend>
      <p className="hint">
        Linked to Haven&apos;s records, so staff can see who else is linked to them. Choose one already recorded, or add
        one.
      </p>
      {rows.fields.map((field, i) => {
        const kind = values[i]?.kind ?? 'location'
        const chosen = Boolean(values[i]?.recordId)
        const own = choices.filter((c) => c.kind === kind)
        const n = i + 1
        return (
          <div className="row" key={field.id}>
            <Field
              name={`knownRecords.${i}.kind`}
              label={`What (${n})`}
              error={errorAt(errors, `knownRecords.${i}.kind`)}
            >
              <select
                {...input(`knownRecords.${i}.kind`)}
                {...f.register(`knownRecords.${i}.kind`, {
                  // a record chosen for another kind no longer fits
                  onChange: () => f.setValue(`knownRecords.${i}.recordId`, ''),
                })}
              >
                {Object.entries(KNOWN_KINDS).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              name={`knownRecords.${i}.recordId`}
              label={`Record (${n})`}
              error={errorAt(errors, `knownRecords.${i}.recordId`)}
            >
              <select {...input(`knownRecords.${i}.recordId`)}>
                <option value="">Not recorded yet: add it</option>
                {own.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.detail ? `${c.label} (${c.detail})` : c.label}
                  </option>
                ))}
              </select>
            </Field>
            {!chosen && (
              <>
                <Field
                  name={`knownRecords.${i}.name`}
                  label={`${NAME[kind]} (${n})`}
                  error={errorAt(errors, `knownRecords.${i}.name`)}
                >
                  <input type="text" {...input(`knownRecords.${i}.name`)} />
                </Field>
                <Field
                  name={`knownRecords.${i}.detail`}
                  label={`${DETAIL[kind]} (${n})`}
                  error={errorAt(errors, `knownRecords.${i}.detail`)}
                >
                  <input type="text" {...input(`knownRecords.${i}.detail`)} />
                </Field>
              </>
            )}
            <button type="button" className="button secondary" onClick={() => rows.remove(i)}>
              Remove ({n})
            </button>
          </div>
        )
      })}
      <button
        type="button"
        className="button secondary"
        onClick={() => rows.append({ kind: 'location', recordId: '', name: '', detail: '' })}
      >
        Add a place, person or vehicle
      </button>
    </fieldset>
  )
}
