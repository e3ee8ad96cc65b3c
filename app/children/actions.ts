'use server'
import { runAction } from '@/lib/server/action'
import { recordId } from '@/lib/server/errors'
import { createChild } from '@/lib/server/children'
import { endPlacement, recordReg41Notice, startPlacement } from '@/lib/server/placements'
import { newChildSchema, placementEndSchema, placementStartSchema, reg41NoticeSchema } from '@/lib/validation/children'

export async function createChildAction(input: unknown) {
  return runAction(newChildSchema, input, (actor, child) => createChild(actor, child))
}

export async function startPlacementAction(childId: string, input: unknown) {
  return runAction(placementStartSchema, input, (actor, placement) =>
    startPlacement(actor, recordId(childId, 'child'), placement),
  )
}

export async function endPlacementAction(placementId: string, input: unknown) {
  return runAction(placementEndSchema, input, (actor, end) =>
    endPlacement(actor, recordId(placementId, 'placement'), end),
  )
}

export async function reg41NoticeAction(placementId: string, input: unknown) {
  return runAction(reg41NoticeSchema, input, (actor, notice) =>
    recordReg41Notice(actor, recordId(placementId, 'placement'), notice),
  )
}
