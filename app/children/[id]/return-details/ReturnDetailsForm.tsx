'use client'
import { useRouter } from 'next/navigation'
import { SubmitButton, useActionForm } from '@/components/form-kit'
import { ReturnDetailsFields } from '@/components/ReturnDetailsFields'
import { returnDetailsSchema, type ReturnDetailsInput } from '@/lib/validation/children'
import { correctReturnDetailsAction } from './actions'

export function ReturnDetailsForm({
  childId,
  values,
  recordedSex,
}: {
  childId: string
  values: ReturnDetailsInput
  recordedSex: string
}) {
  const router = useRouter()
  const { form, onSubmit, summary, busy } = useActionForm({
    schema: returnDetailsSchema,
    defaultValues: {
      authorityRef: values.authorityRef ?? '',
      upn: values.upn ?? '',
      homePostcode: values.homePostcode ?? '',
      categoryOfNeed: values.categoryOfNeed ?? '',
      returnSex: values.returnSex ?? '',
    },
    action: (input) => correctReturnDetailsAction(childId, input),
    onSuccess: () => router.refresh(),
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Details for the SSDA903 return">
      {summary}
      <ReturnDetailsFields form={form} recordedSex={recordedSex} />
      <SubmitButton busy={busy}>Save the details</SubmitButton>
    </form>
  )
}
