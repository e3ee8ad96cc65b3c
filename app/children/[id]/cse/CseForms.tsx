'use client'
import { useRouter } from 'next/navigation'
import { ActionButton, describedBy, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { reg40NoticeSchema } from '@/lib/validation/cse'
import { completeReg40Action, reg40NoticeAction, signOffPlanAction } from '@/app/cse/actions'

export function SignOffButton({ planId, version }: { planId: string; version: number }) {
  return <ActionButton label={`Sign off version ${version}`} run={() => signOffPlanAction(planId)} />
}

export function CompleteReg40Button({ taskId }: { taskId: string }) {
  return <ActionButton label="Mark the notifications as done" run={() => completeReg40Action(taskId)} />
}

const WHO = ['Ofsted', 'Placing authority', 'Police', 'Parent or carer', 'Other relevant person'] as const

export function Reg40NoticeForm({ taskId, now }: { taskId: string; now: string }) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: reg40NoticeSchema,
    defaultValues: { detail: '', how: '', at: now },
    action: (values) => reg40NoticeAction(taskId, values),
    onSuccess: (_, f) => {
      f.reset({ detail: '', how: '', at: now })
      router.refresh()
    },
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Record a notification">
      {summary}
      <Field name="notified" label="Who was notified?" error={errors.notified?.message}>
        <select {...describedBy('notified', { error: errors.notified?.message })} {...form.register('notified')}>
          <option value="">Select</option>
          {WHO.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </select>
      </Field>
      <Field name="detail" label="Name or team (optional)" error={errors.detail?.message}>
        <input type="text" {...describedBy('detail', { error: errors.detail?.message })} {...form.register('detail')} />
      </Field>
      <Field name="how" label="How?" hint="For example Ofsted's online notification form, phone call to the duty social worker" error={errors.how?.message}>
        <input type="text" {...describedBy('how', { error: errors.how?.message, hint: true })} {...form.register('how')} />
      </Field>
      <Field name="at" label="When?" hint="UK time" error={errors.at?.message}>
        <input type="datetime-local" style={{ maxWidth: '16rem' }} {...describedBy('at', { error: errors.at?.message, hint: true })} {...form.register('at')} />
      </Field>
      <SubmitButton busy={busy}>Record the notification</SubmitButton>
    </form>
  )
}
