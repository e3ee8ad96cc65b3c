'use client'
import { useRouter } from 'next/navigation'
import { SubmitButton, useActionForm } from '@/components/form-kit'
import { PlacementFields, type PlacementOptions } from '@/components/PlacementFields'
import { placementStartSchema } from '@/lib/validation/children'
import { startPlacementAction } from '../../../actions'

export function StartPlacementForm({
  childId,
  hasPlacements,
  options,
}: {
  childId: string
  hasPlacements: boolean
  options: PlacementOptions
}) {
  const router = useRouter()
  const { form, onSubmit, summary, busy } = useActionForm({
    schema: placementStartSchema,
    defaultValues: {
      homeId: '',
      startDate: '',
      bedAndBreakfast: false,
      settingName: '',
      settingPostcode: '',
      areaAuthorityId: '',
    },
    action: (values) => startPlacementAction(childId, values),
    onSuccess: () => {
      router.push(`/children/${childId}`)
      router.refresh()
    },
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <PlacementFields form={form} prefix="" options={options} askReason={hasPlacements} />
      <SubmitButton busy={busy}>Start placement</SubmitButton>
    </form>
  )
}
