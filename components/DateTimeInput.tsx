'use client'
// The one way to enter when something happened: "Now" and "An hour ago" fill it in one key press, the time is typed
// in one box ("14:05"), the date is the browser's date box (a calendar on a phone). The form still holds one value,
// London wall-clock time as YYYY-MM-DDTHH:mm (what lib/validation/fields.ts momentField reads), so no use case
// changes. After GOV.UK's date input pattern: one group, one legend, one hint, one error.
import { useState } from 'react'
import { useController, type UseFormReturn } from 'react-hook-form'
import { londonLocal, normaliseTime } from '@/lib/domain/time'
import { errorAt, fieldId } from './form-kit'

const HOUR = 3_600_000

type Parts = { date: string; time: string }
const combine = ({ date, time }: Parts) => (date || time ? `${date}T${normaliseTime(time)}` : '')
const split = (value: string): Parts => {
  const [date = '', time = ''] = value.split('T')
  return { date, time }
}

export function DateTimeInput({
  form,
  name,
  label,
  hint = 'UK time',
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form with a date-and-time field
  form: UseFormReturn<any, any, any>
  name: string
  label: string
  hint?: string
}) {
  const { field } = useController({ control: form.control, name })
  const { onChange, onBlur, ref } = field
  const value = typeof field.value === 'string' ? field.value : ''
  // what was typed, kept as typed ("1405") while it means the form's value; a value set from elsewhere (a button,
  // a reset, a correction's current value) shows as it is
  const [typed, setTyped] = useState<Parts>({ date: '', time: '' })
  const shown = combine(typed) === value ? typed : split(value)
  const set = (parts: Parts) => {
    setTyped(parts)
    onChange(combine(parts))
  }
  const fill = (instant: Date) => set(split(londonLocal(instant)))

  const id = fieldId(name)
  const error = errorAt(form.formState.errors, name)
  const describe = {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' '),
  } as const
  return (
    <fieldset className={error ? 'field date-time has-error' : 'field date-time'}>
      <legend className="label">{label}</legend>
      <span className="hint" id={`${id}-hint`}>
        {hint}. Time on the 24-hour clock, for example 14:05
      </span>
      {error && (
        <span className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      )}
      <div className="date-time-quick">
        <button type="button" className="button secondary" onClick={() => fill(new Date())}>
          Now
        </button>
        <button type="button" className="button secondary" onClick={() => fill(new Date(Date.now() - HOUR))}>
          An hour ago
        </button>
      </div>
      <div className="date-time-parts">
        <div>
          {/* the time carries the field's id: the error summary's link lands on it */}
          <label htmlFor={id}>Time</label>
          <input
            type="text"
            id={id}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            className="time-input"
            {...describe}
            value={shown.time}
            onChange={(e) => set({ ...shown, time: e.target.value })}
            onBlur={onBlur}
            ref={ref}
          />
        </div>
        <div>
          <label htmlFor={`${id}-date`}>Date</label>
          <input
            type="date"
            id={`${id}-date`}
            className="date-input"
            {...describe}
            value={shown.date}
            onChange={(e) => set({ ...shown, date: e.target.value })}
            onBlur={onBlur}
          />
        </div>
      </div>
    </fieldset>
  )
}
