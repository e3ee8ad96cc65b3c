'use client'
import { useRouter } from 'next/navigation'
import { ActionButton, describedBy, errorAt, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { POLICE_RISK_GRADE, RISK_GRADE_LABELS } from '@/lib/domain/episodes'
import { TOLD_METHOD, TOLD_WHO } from '@/lib/domain/missing-protocols'
import { RISK_GRADES } from '@/lib/validation/episodes'
import { toldSchema } from '@/lib/validation/missing-protocols'
import { stepDoneAction, toldAction } from '@/app/children/[id]/missing-protocol/actions'
import { DateTimeInput } from '@/components/DateTimeInput'

/** Ticks a protocol step off as done now. */
export function StepDoneButton({ episodeId, step }: { episodeId: string; step: number }) {
  return (
    <ActionButton
      label={`Done (step ${step + 1})`}
      run={() => stepDoneAction(episodeId, { step, doneAt: new Date().toISOString() })}
    />
  )
}

export function ToldForm({
  episodeId,
  now,
  who = 'POLICE',
}: {
  episodeId: string
  now: string
  who?: keyof typeof TOLD_WHO
}) {
  const router = useRouter()
  const blank = {
    who,
    name: '',
    toldAt: now,
    method: 'PHONE',
    policeForce: '',
    policeReference: '',
    policeRiskGrade: '',
  }
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: toldSchema,
    defaultValues: blank as never,
    action: (values) => toldAction(episodeId, values),
    onSuccess: (_, form) => {
      form.reset(blank as never)
      router.refresh()
    },
  })
  const input = (name: string) => ({
    ...describedBy(name, { error: errorAt(errors, name) }),
    ...form.register(name as never),
  })
  const police = form.watch('who') === 'POLICE'
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Record who was told">
      {summary}
      <Field name="who" label="Who was told?" error={errorAt(errors, 'who')}>
        <select {...input('who')}>
          {Object.entries(TOLD_WHO).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="name" label="Their name (optional)" error={errorAt(errors, 'name')}>
        <input type="text" {...input('name')} />
      </Field>
      <DateTimeInput form={form} name="toldAt" label="When?" />
      <Field
        name="method"
        label="How?"
        hint="Through Haven: the IRO, the social worker or the home's managers get a message in Haven and an e-mail"
        error={errorAt(errors, 'method')}
      >
        <select
          {...describedBy('method', { error: errorAt(errors, 'method'), hint: true })}
          {...form.register('method')}
        >
          {Object.entries(TOLD_METHOD).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      {police && (
        <>
          <Field name="policeForce" label="Police force" error={errorAt(errors, 'policeForce')}>
            <input type="text" {...input('policeForce')} />
          </Field>
          <Field name="policeReference" label="Police reference (optional)" error={errorAt(errors, 'policeReference')}>
            <input type="text" {...input('policeReference')} />
          </Field>
          <Field
            name="policeRiskGrade"
            label={`${POLICE_RISK_GRADE.label} they gave (optional)`}
            error={errorAt(errors, 'policeRiskGrade')}
          >
            <select {...input('policeRiskGrade')}>
              <option value="">Not given yet</option>
              {RISK_GRADES.map((g) => (
                <option key={g} value={g}>
                  {RISK_GRADE_LABELS[g]}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
      <SubmitButton busy={busy}>Record who was told</SubmitButton>
    </form>
  )
}
