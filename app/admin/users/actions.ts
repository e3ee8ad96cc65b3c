'use server'
import { z } from 'zod'
import { runAction } from '@/lib/server/action'
import { recordId } from '@/lib/server/errors'
import { forcePasswordReset } from '@/lib/server/passwords'
import { addRole, createUser, removeRole, revokeUserSessions, setUserActive } from '@/lib/server/users'
import { newUserSchema, roleGrantSchema } from '@/lib/validation/users'

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
  return runAction(id.extend({ active: z.boolean() }), input, (actor, { id, active }) => setUserActive(actor, id, active))
}

export async function revokeSessionsAction(input: unknown) {
  return runAction(id, input, (actor, { id }) => revokeUserSessions(actor, id))
}

export async function forceResetAction(input: unknown) {
  return runAction(id, input, (actor, { id }) => forcePasswordReset(actor, id))
}
