'use client'
import { ActionButton } from '@/components/form-kit'
import { retryDeliveryAction } from './actions'

export function RetryButton({ id, label }: { id: string; label: string }) {
  return <ActionButton label={label} run={() => retryDeliveryAction({ id })} />
}
