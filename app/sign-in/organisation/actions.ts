'use server'
import { CredentialsSignin } from 'next-auth'
import { cookies, headers } from 'next/headers'
import type { ActionResult } from '@/lib/server/action'
import { describeError, parseInput } from '@/lib/server/errors'
import { signIn } from '@/lib/server/next-auth'
import {
  FLOW_COOKIE,
  flowCookieOptions,
  PENDING_COOKIE,
  startOrganisationSignIn,
} from '@/lib/server/organisation-sign-in'
import { servedOverHttps } from '@/lib/server/request'
import { organisationEmailSchema } from '@/lib/validation/organisation-sign-in'

/** The e-mail step: finds the organisation by the address's domain and sends the browser to its provider. */
export async function startOrganisationSignInAction(input: unknown): Promise<ActionResult<{ url: string }>> {
  try {
    const { url, sealedFlow } = await startOrganisationSignIn(parseInput(organisationEmailSchema, input))
    ;(await cookies()).set(FLOW_COOKIE, sealedFlow, flowCookieOptions(servedOverHttps(await headers())))
    return { ok: true, data: { url } }
  } catch (e) {
    const { message, fieldErrors } = describeError(e)
    return { ok: false, message, fieldErrors }
  }
}

/** Haven's own code, after an organisation whose provider does not enforce a second factor let the person in. */
export async function organisationCodeAction(input: { code?: string }): Promise<ActionResult> {
  const jar = await cookies()
  try {
    await signIn('organisation', { code: String(input.code ?? ''), redirect: false })
    jar.set(PENDING_COOKIE, '', { ...flowCookieOptions(servedOverHttps(await headers())), maxAge: 0 })
    return { ok: true, data: null }
  } catch (e) {
    if (!(e instanceof CredentialsSignin)) throw e
    if (e.code === 'expired')
      return { ok: false, fieldErrors: {}, message: 'This sign-in has expired: start again from the sign-in page.' }
    if (e.code === 'throttled')
      return { ok: false, fieldErrors: {}, message: 'There have been too many failed attempts. Wait a few minutes.' }
    return {
      ok: false,
      message: 'The code is not right.',
      fieldErrors: { code: 'Enter the 6 digits your authenticator app shows now, or an unused recovery code' },
    }
  }
}
