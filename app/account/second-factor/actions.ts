'use server'
import { z } from 'zod'
import { runAction } from '@/lib/server/action'
import { enrollingActor } from '@/lib/server/current-actor'
import { confirmEnrolment, replaceRecoveryCodes, startEnrolment } from '@/lib/server/second-factor'
import { authenticatorCodeSchema } from '@/lib/validation/users'

// a person who must set up a second factor has signed in with their password only: these are all they can reach

export async function startEnrolmentAction() {
  return runAction(z.object({}), {}, (actor) => startEnrolment(actor), enrollingActor)
}

export async function confirmEnrolmentAction(input: unknown) {
  return runAction(authenticatorCodeSchema, input, (actor, { code }) => confirmEnrolment(actor, code), enrollingActor)
}

export async function replaceRecoveryCodesAction() {
  return runAction(z.object({}), {}, (actor) => replaceRecoveryCodes(actor))
}
