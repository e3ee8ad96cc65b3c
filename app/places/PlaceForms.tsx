'use client'
import { ActionButton } from '@/components/form-kit'
import { mergePlacesAction } from '../episodes/actions'

export function MergeButton({
  kind,
  keepId,
  mergeId,
  label,
}: {
  kind: 'location' | 'associate' | 'vehicle'
  keepId: string
  mergeId: string
  label: string
}) {
  return <ActionButton label={label} run={() => mergePlacesAction({ kind, keepId, mergeId })} />
}
