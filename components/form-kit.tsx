'use client'
// Pieces every form uses: a labelled field with hint and error, an error summary that takes focus, and the
// mapping of the server's field errors back onto react-hook-form (typed text stays where it was).
import { useEffect, useRef } from 'react'
import type { FieldErrors, FieldValues, Path, UseFormReturn } from 'react-hook-form'

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

export function Field(props: { name: string; label: string; hint?: string; error?: string; children: React.ReactNode }) {
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

export function ErrorSummary({ errors, message, submitCount }: { errors: FieldErrors; message?: string | null; submitCount: number }) {
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
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T>, fieldErrors: Record<string, string>) {
  for (const [name, message] of Object.entries(fieldErrors)) form.setError(name as Path<T>, { type: 'server', message })
}

/** The error message at a dotted path. */
export function errorAt(errors: FieldErrors, name: string): string | undefined {
  const found = name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors)
  return (found as { message?: string } | undefined)?.message
}

export function SubmitButton({ busy, children }: { busy: boolean; children: React.ReactNode }) {
  return (
    <button type="submit" className="button" disabled={busy} aria-disabled={busy}>
      {busy ? 'Saving…' : children}
    </button>
  )
}
