// Server actions are thin: parse with the shared schema, call the use case with the signed-in actor, map the result.
import { z } from 'zod'
import type { Actor } from '@/lib/domain/roles'
import { currentActor } from './current-actor'
import { describeError, parseInput, ValidationError, type FieldErrors } from './errors'
import { requestId, withRequestId } from './request-context'

export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; message: string; fieldErrors: FieldErrors }

export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  useCase: (actor: Actor, input: z.output<S>) => Promise<T>,
  /** who is acting: the signed-in person (or, for setting up a second factor, one who has only used a password) */
  signedIn: () => Promise<Actor | null> = currentActor,
): Promise<ActionResult<T>> {
  // the action runs with the request id proxy.ts gave the request, so an unexpected error's log line carries it
  return withRequestId(await requestId(), () => act(schema, input, useCase, signedIn))
}

async function act<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  useCase: (actor: Actor, input: z.output<S>) => Promise<T>,
  signedIn: () => Promise<Actor | null>,
): Promise<ActionResult<T>> {
  try {
    const actor = await signedIn()
    if (!actor)
      return {
        ok: false,
        message: 'Your session has ended. Sign in again in a new tab: your answers are still on this page.',
        fieldErrors: {},
      }
    return { ok: true, data: await useCase(actor, parseInput(schema, input)) }
  } catch (e) {
    const { message, fieldErrors } = describeError(e)
    return { ok: false, message, fieldErrors }
  }
}

export type UploadedFile = { bytes: Uint8Array; fileName: string }

/** A form with a file sends its answers as JSON beside the file, in one FormData (grab pack photo, Reg 44 report). */
export async function runActionWithFile<S extends z.ZodType, T>(
  form: FormData,
  fileField: string,
  schema: S,
  useCase: (actor: Actor, input: z.output<S>, file: UploadedFile | null) => Promise<T>,
): Promise<ActionResult<T>> {
  const answers = form.get('answers')
  const upload = form.get(fileField)
  return runAction(z.string(), typeof answers === 'string' ? answers : '', async (actor, json) => {
    let parsed: unknown
    try {
      parsed = JSON.parse(json)
    } catch {
      throw new ValidationError({ form: 'The form could not be read. Reload the page and try again.' })
    }
    const file =
      upload instanceof File && upload.size > 0
        ? { bytes: new Uint8Array(await upload.arrayBuffer()), fileName: upload.name }
        : null
    return useCase(actor, parseInput(schema, parsed), file)
  })
}
