'use client'
// Pieces every form uses: a labelled field with hint and error, an error summary that takes focus, and the
// mapping of the server's field errors back onto react-hook-form (typed text stays where it was).
import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form'
import type { z } from 'zod'
import { languageWarnings } from '@/lib/domain/language'
import type { ActionResult } from '@/lib/server/action'

export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`

/** Props that tie an input to its label, hint and error. */
export function describedBy(name: string, opts: { error?: string; hint?: boolean }) {
  const ids = [opts.hint ? `${fieldId(name)}-hint` : null, opts.error ? `${fieldId(name)}-error` : null].filter(Boolean)
  return {
    id: fieldId(name),
    'aria-invalid': opts.error ? true : undefined,
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
  } as const
}

export function Field(props: {
  name: string
  label: string
  hint?: string
  error?: string
  children: React.ReactNode
}) {
  const id = fieldId(props.name)
  return (
    <div className={props.error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <span className="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {props.error}
        </span>
      )}
      {props.children}
    </div>
  )
}

/** Every message in react-hook-form's (possibly nested) errors, with its field name. */
export function flattenErrors(errors: FieldErrors, prefix = ''): { name: string; message: string }[] {
  return Object.entries(errors).flatMap(([key, value]) => {
    if (!value || key === 'ref' || key === 'root') return []
    const name = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'object' && 'message' in value && typeof value.message === 'string')
      return [{ name, message: value.message }]
    return typeof value === 'object' ? flattenErrors(value as FieldErrors, name) : []
  })
}

export function ErrorSummary({
  errors,
  message,
  submitCount,
}: {
  errors: FieldErrors
  message?: string | null
  submitCount: number
}) {
  const ref = useRef<HTMLDivElement>(null)
  const list = flattenErrors(errors)
  const show = list.length > 0 || Boolean(message)
  useEffect(() => {
    if (show) ref.current?.focus()
  }, [show, submitCount, message])
  if (!show) return null
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      {message && <p>{message}</p>}
      {list.length > 0 && (
        <ul>
          {list.map((e) => (
            <li key={e.name}>
              <a href={`#${fieldId(e.name)}`}>{e.message}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** Puts the server's field errors on the form; returns false if a field error could not be placed on a field. */
export function applyServerErrors<T extends FieldValues>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form's values
  form: UseFormReturn<T, any, any>,
  fieldErrors: Record<string, string>,
) {
  for (const [name, message] of Object.entries(fieldErrors)) form.setError(name as Path<T>, { type: 'server', message })
}

/** The error message at a dotted path. */
export function errorAt(errors: FieldErrors, name: string): string | undefined {
  const found = name
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors)
  return (found as { message?: string } | undefined)?.message
}

export function SubmitButton({ busy, children }: { busy: boolean; children: React.ReactNode }) {
  return (
    <button type="submit" className="button" disabled={busy} aria-disabled={busy}>
      {busy ? 'Saving…' : children}
    </button>
  )
}

/**
 * What a saved action did and what comes next, announced to screen readers (role="status") and given focus, so a
 * keyboard or screen reader user lands on it rather than back at the top of the page.
 */
export function SavedMessage({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <div className="notice saved-message" role="status" tabIndex={-1} ref={ref}>
      {children}
    </div>
  )
}

/**
 * A form whose answers go to a server action: the shared zod schema checks them in the browser, the action checks
 * them again and its field errors land on the same fields. Nothing typed is cleared on failure. With `saved`, a form
 * that stays on the page is cleared after saving (so a second press is not a duplicate) and says what happened.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>(options: {
  schema: S
  defaultValues: DefaultValues<z.input<S>>
  action: (values: z.output<S>) => Promise<ActionResult<T>>
  onSuccess: (data: T, form: UseFormReturn<z.input<S>, unknown, z.output<S>>) => void
  /** the message after saving: what happened and what comes next */
  saved?: (data: T) => string
}) {
  const [message, setMessage] = useState<string | null>(null)
  // the count makes each save a new message element, so it takes focus again
  const [savedMessage, setSavedMessage] = useState<{ text: string | null; count: number }>({ text: null, count: 0 })
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // zodResolver's overloads cannot follow a generic schema type; the schema's own input/output types are the truth
    resolver: zodResolver(options.schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues: options.defaultValues,
    shouldFocusError: false, // the error summary takes focus instead
  })
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null)
    setSavedMessage((last) => ({ text: null, count: last.count }))
    let result: ActionResult<T>
    try {
      result = await options.action(values)
    } catch {
      setMessage(
        'Haven could not be reached, or something went wrong, and nothing was saved. Check your connection and try again: your answers are still here.',
      )
      return
    }
    if (result.ok) {
      if (options.saved) {
        const text = options.saved(result.data)
        setSavedMessage((last) => ({ text, count: last.count + 1 }))
        form.reset() // to the default values, and the radios and checkboxes on the page too
      }
      options.onSuccess(result.data, form)
    } else {
      setMessage(result.message || null)
      applyServerErrors(form, result.fieldErrors)
    }
  })
  const summary = (
    <ErrorSummary errors={form.formState.errors} message={message} submitCount={form.formState.submitCount} />
  )
  const saved = savedMessage.text && <SavedMessage key={savedMessage.count}>{savedMessage.text}</SavedMessage>
  return { form, onSubmit, summary, saved, errors: form.formState.errors, busy: form.formState.isSubmitting }
}

/** A one-click action (revoke, remove, deactivate) that refreshes the page, or shows why it did not work. */
export function ActionButton({
  label,
  run,
  warning,
}: {
  label: string
  run: () => Promise<ActionResult<unknown>>
  warning?: boolean
}) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  return (
    <span>
      <button
        type="button"
        className={warning ? 'button warning' : 'button secondary'}
        disabled={busy}
        onClick={async () => {
          setBusy(true)
          setProblem(null)
          const result = await run()
          setBusy(false)
          if (result.ok) router.refresh()
          else setProblem(Object.values(result.fieldErrors)[0] ?? result.message)
        }}
      >
        {label}
      </button>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </span>
  )
}

/** A labelled checkbox carrying the field's id, so the error summary's link lands on it. */
export function Checkbox({
  name,
  label,
  register,
}: {
  name: string
  label: string
  register: ReturnType<UseFormReturn<FieldValues>['register']>
}) {
  return (
    <div className="checkbox">
      <input type="checkbox" id={fieldId(name)} {...register} />
      <label htmlFor={fieldId(name)}>{label}</label>
    </div>
  )
}

/** The answers as JSON beside the chosen file, in one FormData (for the actions that take a file). */
export function answersWithFile(values: unknown, fileField: string, input: HTMLInputElement | null) {
  const data = new FormData()
  data.set('answers', JSON.stringify(values))
  const file = input?.files?.[0]
  if (file) data.set(fileField, file)
  return data
}

/** A group of radio buttons with its question as the legend, keyboard-usable with the arrow keys. */
export function Radios(props: {
  name: string
  legend: string
  options: { value: string; label: string; hint?: string }[]
  error?: string
  register: ReturnType<UseFormReturn<FieldValues>['register']>
  inline?: boolean
}) {
  const id = fieldId(props.name)
  return (
    <fieldset
      className={props.error ? 'field has-error' : 'field'}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend className="label">{props.legend}</legend>
      {props.error && (
        <span className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {props.error}
        </span>
      )}
      <div className={props.inline ? 'radios inline' : 'radios'}>
        {props.options.map((option, i) => (
          <div className="radio" key={option.value}>
            {/* the first radio carries the field's id, so the error summary's link lands on the group */}
            <input
              type="radio"
              id={i === 0 ? id : `${id}-${option.value}`}
              value={option.value}
              aria-describedby={option.hint ? `${id}-${option.value}-hint` : undefined}
              {...props.register}
            />
            <label htmlFor={i === 0 ? id : `${id}-${option.value}`}>
              {option.label}
              {option.hint && (
                <span className="hint" id={`${id}-${option.value}-hint`}>
                  {option.hint}
                </span>
              )}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  )
}

/** Warnings about victim-blaming or outdated words in narrative text, with a better phrase. Never blocks saving. */
export function LanguageHints({ text, id }: { text: string | null | undefined; id: string }) {
  const warnings = languageWarnings(text)
  return (
    <div id={id} aria-live="polite">
      {warnings.map((w) => (
        <p key={w.rule} className="concern concern-warning" style={{ margin: '0.25rem 0' }}>
          <strong>Consider the words:</strong> “{w.found}”. Say instead: {w.instead}. {w.why}. (You can still save.)
        </p>
      ))}
    </div>
  )
}

/** A narrative textarea: labelled, described, with the language check under it. */
export function Narrative({
  form,
  name,
  label,
  hint,
  rows = 4,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form
  form: UseFormReturn<any, any, any>
  name: string
  label: string
  hint?: string
  rows?: number
}) {
  const error = errorAt(form.formState.errors, name)
  const value = form.watch(name) as string | undefined
  const describe = describedBy(name, { error, hint: Boolean(hint) })
  return (
    <Field name={name} label={label} hint={hint} error={error}>
      <textarea
        rows={rows}
        {...describe}
        aria-describedby={[describe['aria-describedby'], `${fieldId(name)}-language`].filter(Boolean).join(' ')}
        {...form.register(name)}
      />
      <LanguageHints text={value} id={`${fieldId(name)}-language`} />
    </Field>
  )
}
