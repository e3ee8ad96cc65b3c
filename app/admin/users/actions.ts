'use server'
import { z } from 'zod'
import { runAction } from '@/lib/server/action'
import { recordId } from '@/lib/server/errors'
import { forcePasswordReset } from '@/lib/server/passwords'
import { resetSecondFactor } from '@/lib/server/second-factor'
import { addRole, decideGrant, removeRole } from '@/lib/server/role-grants'
import { createUser, revokeUserSessions, setUserActive } from '@/lib/server/users'
import {
  deactivationSchema,
  grantDecisionSchema,
  handOverSchema,
  newUserSchema,
  roleGrantSchema,
} from '@/lib/validation/users'
import { handOverAllocations } from '@/lib/server/handover'

export async function createUserAction(input: unknown) {
  return runAction(newUserSchema, input, (actor, user) => createUser(actor, user))
}

export async function addRoleAction(userId: string, input: unknown) {
  return runAction(roleGrantSchema, input, (actor, grant) => addRole(actor, recordId(userId, 'user'), grant))
}

const id = z.object({ id: z.string().min(1) })

export async function removeRoleAction(input: unknown) {
  return runAction(id, input, (actor, { id }) => removeRole(actor, id))
}

export async function setActiveAction(input: unknown) {
  return runAction(id.extend({ active: z.boolean() }), input, (actor, { id, active }) =>
    setUserActive(actor, id, active),
  )
}

export async function revokeSessionsAction(input: unknown) {
  return runAction(id, input, (actor, { id }) => revokeUserSessions(actor, id))
}

// ---- role grants waiting for a second administrator
export async function decideGrantAction(requestId: string, input: unknown) {
  return runAction(grantDecisionSchema, input, (actor, decision) =>
    decideGrant(actor, recordId(requestId, 'pending role grant'), decision),
  )
}

// ---- leavers: who takes over the children allocated to them
export async function deactivateAction(userId: string, input: unknown) {
  return runAction(deactivationSchema, input, (actor, { successorId }) =>
    setUserActive(actor, recordId(userId, 'user'), false, { successorId }),
  )
}

export async function handOverAction(userId: string, input: unknown) {
  return runAction(handOverSchema, input, (actor, { successorId }) =>
    handOverAllocations(actor, recordId(userId, 'user'), successorId),
  )
}

export async function forceResetAction(input: unknown) {
  return runAction(id, input, (actor, { id }) => forcePasswordReset(actor, id))
}

export async function resetSecondFactorAction(input: unknown) {
  return runAction(id, input, (actor, { id }) => resetSecondFactor(actor, id))
}
