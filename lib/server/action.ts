// Server actions are thin: parse with the shared schema, call the use case with the signed-in actor, map the result.
import type { z } from 'zod'
import type { Actor } from '@/lib/domain/roles'
import { currentActor } from './current-actor'
import { describeError, parseInput, type FieldErrors } from './errors'

export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors: FieldErrors }

export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  useCase: (actor: Actor, input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const actor = await currentActor()
    if (!actor)
      return { ok: false, message: 'Your session has ended. Sign in again in a new tab: your answers are still on this page.', fieldErrors: {} }
    return { ok: true, data: await useCase(actor, parseInput(schema, input)) }
  } catch (e) {
    const { message, fieldErrors } = describeError(e)
    return { ok: false, message, fieldErrors }
  }
}
