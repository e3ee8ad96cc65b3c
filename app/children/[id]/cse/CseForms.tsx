'use client'
import { ActionButton } from '@/components/form-kit'
import { signOffPlanAction } from '@/app/cse/actions'

export function SignOffButton({ planId, version }: { planId: string; version: number }) {
  return <ActionButton label={`Sign off version ${version}`} run={() => signOffPlanAction(planId)} />
}
