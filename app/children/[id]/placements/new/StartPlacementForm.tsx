'use client'
import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { applyServerErrors, ErrorSummary, SubmitButton } from '@/components/form-kit'
import { PlacementFields, type PlacementOptions } from '@/components/PlacementFields'
import { placementStartSchema } from '@/lib/validation/children'
import { startPlacementAction } from '../../../actions'

export function StartPlacementForm({ childId, hasPlacements, options }: { childId: string; hasPlacements: boolean; options: PlacementOptions }) {
  const router = useRouter()
  const [message, setMessage] = useState<string | null>(null)
  const form = useForm<z.input<typeof placementStartSchema>, unknown, z.output<typeof placementStartSchema>>({
    resolver: zodResolver(placementStartSchema),
    shouldFocusError: false,
    defaultValues: { homeId: '', startDate: '', bedAndBreakfast: false, settingName: '', settingPostcode: '', areaAuthorityId: '' },
  })
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null)
    const result = await startPlacementAction(childId, values)
    if (result.ok) {
      router.push(`/children/${childId}`)
      router.refresh()
    } else {
      setMessage(result.message)
      applyServerErrors(form, result.fieldErrors)
    }
  })
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={form.formState.errors} message={message} submitCount={form.formState.submitCount} />
      <PlacementFields form={form} prefix="" options={options} askReason={hasPlacements} />
      <SubmitButton busy={form.formState.isSubmitting}>Start placement</SubmitButton>
    </form>
  )
}
