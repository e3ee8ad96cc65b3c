'use client'
import { useState } from 'react'
import { useRouter } from 'next/navigation'
import type { UseFormReturn } from 'react-hook-form'
import { ActionButton, describedBy, errorAt, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { readsChildRecords } from '@/lib/domain/permissions'
import { ROLE_LABELS, ROLE_ORGANISATION, ROLES, type Role } from '@/lib/domain/roles'
import { newUserSchema, roleGrantSchema } from '@/lib/validation/users'
import {
  addRoleAction,
  createUserAction,
  forceResetAction,
  resetSecondFactorAction,
  removeRoleAction,
  revokeSessionsAction,
  setActiveAction,
} from './actions'

type Organisations = Record<'home' | 'provider' | 'localAuthority', { id: string; name: string }[]>
const ORGANISATION_LABEL = { home: 'Home', provider: 'Provider', localAuthority: 'Local authority' }

function GrantFields({
  form,
  prefix,
  organisations,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by two forms
  form: UseFormReturn<any>
  prefix: string
  organisations: Organisations
}) {
  const name = (f: string) => (prefix ? `${prefix}.${f}` : f)
  const role = form.watch(name('role')) as Role | ''
  const kind = role ? ROLE_ORGANISATION[role] : 'none'
  const errors = form.formState.errors
  return (
    <>
      <Field name={name('role')} label="Role" error={errorAt(errors, name('role'))}>
        <select
          {...describedBy(name('role'), { error: errorAt(errors, name('role')) })}
          {...form.register(name('role'))}
        >
          <option value="">Select a role</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </Field>
      {kind !== 'none' && (
        <Field
          name={name('organisationId')}
          label={`${ORGANISATION_LABEL[kind]} the role is held in`}
          error={errorAt(errors, name('organisationId'))}
        >
          <select
            {...describedBy(name('organisationId'), { error: errorAt(errors, name('organisationId')) })}
            {...form.register(name('organisationId'))}
          >
            <option value="">Select</option>
            {organisations[kind].map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {role && readsChildRecords(role) && (
        <Field
          name={name('reason')}
          label="Why this person needs this role"
          hint="This role reads children's records: the reason is kept in the role grants report, and the organisation is told."
          error={errorAt(errors, name('reason'))}
        >
          <input
            type="text"
            autoComplete="off"
            {...describedBy(name('reason'), { error: errorAt(errors, name('reason')), hint: true })}
            {...form.register(name('reason'))}
          />
        </Field>
      )}
    </>
  )
}

export function NewUserForm({
  organisations,
  invitationDays,
}: {
  organisations: Organisations
  invitationDays: number
}) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: newUserSchema,
    defaultValues: { name: '', email: '', grant: { organisationId: '' } },
    action: createUserAction,
    onSuccess: ({ id }) => router.push(`/admin/users/${id}`),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <Field name="name" label="Full name" error={errors.name?.message}>
        <input
          type="text"
          autoComplete="off"
          {...describedBy('name', { error: errors.name?.message })}
          {...form.register('name')}
        />
      </Field>
      <Field name="email" label="E-mail address" error={errors.email?.message}>
        <input
          type="email"
          autoComplete="off"
          spellCheck={false}
          {...describedBy('email', { error: errors.email?.message })}
          {...form.register('email')}
        />
      </Field>
      <GrantFields form={form} prefix="grant" organisations={organisations} />
      <p className="muted">
        They are sent an invitation by e-mail to choose their own password (the link works once, for {invitationDays}{' '}
        days).
      </p>
      <SubmitButton busy={busy}>Create account and send the invitation</SubmitButton>
    </form>
  )
}

export function AddRoleForm({ userId, organisations }: { userId: string; organisations: Organisations }) {
  const router = useRouter()
  const [pending, setPending] = useState(false)
  const { form, onSubmit, summary, busy } = useActionForm({
    schema: roleGrantSchema,
    defaultValues: { organisationId: '', reason: '' },
    action: (values) => addRoleAction(userId, values),
    onSuccess: ({ status }, form) => {
      setPending(status === 'pending')
      form.reset({ organisationId: '', reason: '' })
      router.refresh()
    },
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      {pending && (
        <p className="notice" role="status">
          The role waits for a second administrator to approve it on the Users page.
        </p>
      )}
      <GrantFields form={form} prefix="" organisations={organisations} />
      <SubmitButton busy={busy}>Add role</SubmitButton>
    </form>
  )
}

/** Remove a role, deactivate or reactivate, sign out everywhere. */
export function UserActionButton(props: {
  action: 'removeRole' | 'activate' | 'deactivate' | 'revokeSessions' | 'forceReset' | 'resetSecondFactor'
  id: string
  label: string
  warning?: boolean
}) {
  const run = {
    removeRole: () => removeRoleAction({ id: props.id }),
    activate: () => setActiveAction({ id: props.id, active: true }),
    deactivate: () => setActiveAction({ id: props.id, active: false }),
    revokeSessions: () => revokeSessionsAction({ id: props.id }),
    forceReset: () => forceResetAction({ id: props.id }),
    resetSecondFactor: () => resetSecondFactorAction({ id: props.id }),
  }[props.action]
  return <ActionButton label={props.label} run={run} warning={props.warning} />
}
