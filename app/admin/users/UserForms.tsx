'use client'
import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm, type UseFormReturn } from 'react-hook-form'
import type { z } from 'zod'
import { applyServerErrors, describedBy, ErrorSummary, errorAt, Field, SubmitButton } from '@/components/form-kit'
import { ROLE_LABELS, ROLE_ORGANISATION, ROLES, type Role } from '@/lib/domain/roles'
import { newUserSchema, roleGrantSchema } from '@/lib/validation/users'
import { addRoleAction, createUserAction, removeRoleAction, revokeSessionsAction, setActiveAction } from './actions'

type Organisations = Record<'home' | 'provider' | 'localAuthority', { id: string; name: string }[]>
const ORGANISATION_LABEL = { home: 'Home', provider: 'Provider', localAuthority: 'Local authority' }

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by two forms
function GrantFields({ form, prefix, organisations }: { form: UseFormReturn<any>; prefix: string; organisations: Organisations }) {
  const name = (f: string) => (prefix ? `${prefix}.${f}` : f)
  const role = form.watch(name('role')) as Role | ''
  const kind = role ? ROLE_ORGANISATION[role] : 'none'
  const errors = form.formState.errors
  return (
    <>
      <Field name={name('role')} label="Role" error={errorAt(errors, name('role'))}>
        <select {...describedBy(name('role'), { error: errorAt(errors, name('role')) })} {...form.register(name('role'))}>
          <option value="">Select a role</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </Field>
      {kind !== 'none' && (
        <Field name={name('organisationId')} label={`${ORGANISATION_LABEL[kind]} the role is held in`} error={errorAt(errors, name('organisationId'))}>
          <select {...describedBy(name('organisationId'), { error: errorAt(errors, name('organisationId')) })} {...form.register(name('organisationId'))}>
            <option value="">Select</option>
            {organisations[kind].map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
      )}
    </>
  )
}

export function NewUserForm({ organisations }: { organisations: Organisations }) {
  const router = useRouter()
  const [message, setMessage] = useState<string | null>(null)
  const form = useForm<z.input<typeof newUserSchema>, unknown, z.output<typeof newUserSchema>>({
    resolver: zodResolver(newUserSchema),
    shouldFocusError: false,
    defaultValues: { name: '', email: '', password: '', grant: { organisationId: '' } },
  })
  const { errors } = form.formState
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null)
    const result = await createUserAction(values)
    if (result.ok) router.push(`/admin/users/${result.data.id}`)
    else {
      setMessage(result.message)
      applyServerErrors(form, result.fieldErrors)
    }
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} message={message} submitCount={form.formState.submitCount} />
      <Field name="name" label="Full name" error={errors.name?.message}>
        <input type="text" autoComplete="off" {...describedBy('name', { error: errors.name?.message })} {...form.register('name')} />
      </Field>
      <Field name="email" label="E-mail address" error={errors.email?.message}>
        <input type="email" autoComplete="off" spellCheck={false} {...describedBy('email', { error: errors.email?.message })} {...form.register('email')} />
      </Field>
      <Field name="password" label="First password" hint="At least 12 characters. Give it to them safely; they can change it later." error={errors.password?.message}>
        <input type="password" autoComplete="new-password" {...describedBy('password', { error: errors.password?.message, hint: true })} {...form.register('password')} />
      </Field>
      <GrantFields form={form} prefix="grant" organisations={organisations} />
      <SubmitButton busy={form.formState.isSubmitting}>Create account</SubmitButton>
    </form>
  )
}

export function AddRoleForm({ userId, organisations }: { userId: string; organisations: Organisations }) {
  const router = useRouter()
  const [message, setMessage] = useState<string | null>(null)
  const form = useForm<z.input<typeof roleGrantSchema>, unknown, z.output<typeof roleGrantSchema>>({
    resolver: zodResolver(roleGrantSchema),
    shouldFocusError: false,
    defaultValues: { organisationId: '' },
  })
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null)
    const result = await addRoleAction(userId, values)
    if (result.ok) {
      form.reset({ organisationId: '' })
      router.refresh()
    } else {
      setMessage(result.message)
      applyServerErrors(form, result.fieldErrors)
    }
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={form.formState.errors} message={message} submitCount={form.formState.submitCount} />
      <GrantFields form={form} prefix="" organisations={organisations} />
      <SubmitButton busy={form.formState.isSubmitting}>Add role</SubmitButton>
    </form>
  )
}

/** A one-click action button (remove a role, deactivate, sign out everywhere) with its error shown beside it. */
export function UserActionButton(props: { action: 'removeRole' | 'activate' | 'deactivate' | 'revokeSessions'; id: string; label: string; warning?: boolean }) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const run = {
    removeRole: () => removeRoleAction({ id: props.id }),
    activate: () => setActiveAction({ id: props.id, active: true }),
    deactivate: () => setActiveAction({ id: props.id, active: false }),
    revokeSessions: () => revokeSessionsAction({ id: props.id }),
  }[props.action]
  return (
    <span>
      <button
        type="button"
        className={props.warning ? 'button warning' : 'button secondary'}
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
        {props.label}
      </button>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </span>
  )
}
