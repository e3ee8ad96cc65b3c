'use server'
import { AuthError, CredentialsSignin } from 'next-auth'
import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { endSession, normaliseEmail } from '@/lib/server/accounts'
import { currentSessionId } from '@/lib/server/current-actor'
import { deviceCookieName, deviceCookieOptions, deviceCookieValue, deviceIdFrom } from '@/lib/server/device-cookie'
import { servedOverHttps } from '@/lib/server/request'
import type { ActionResult } from '@/lib/server/action'
import { describeError, fieldErrorsFrom, parseInput } from '@/lib/server/errors'
import { requestPasswordReset, setPasswordFromLink } from '@/lib/server/passwords'
import { signIn, signOut } from '@/lib/server/next-auth'
import { passwordFromLinkSchema, passwordResetRequestSchema, signInSchema } from '@/lib/validation/users'

export async function signInAction(input: unknown): Promise<ActionResult> {
  const parsed = signInSchema.safeParse(input)
  if (!parsed.success) return { ok: false, message: '', fieldErrors: fieldErrorsFrom(parsed.error) }
  try {
    const previous = await currentSessionId()
    await signIn('credentials', { ...parsed.data, redirect: false })
    if (previous) await endSession(previous) // whoever was signed in on this browser before is signed out
    // this browser now keeps its own allowance of failed sign-ins for the account (lib/server/device-cookie.ts)
    const email = normaliseEmail(parsed.data.email)
    const jar = await cookies()
    const name = deviceCookieName(email)
    jar.set(
      name,
      deviceCookieValue(email, deviceIdFrom(jar.get(name)?.value, email) ?? undefined),
      deviceCookieOptions(servedOverHttps(await headers())),
    )
    return { ok: true, data: null }
  } catch (e) {
    if (e instanceof CredentialsSignin && e.code === 'second-factor')
      return {
        ok: false,
        message: 'This account has a second factor: enter the code from your authenticator app.',
        fieldErrors: { code: 'Enter the 6 digits your authenticator app shows for Haven' },
      }
    if (e instanceof CredentialsSignin && e.code === 'wrong-code')
      return {
        ok: false,
        message: 'The code is not right.',
        fieldErrors: {
          code: 'That code is not right: enter the 6 digits your authenticator app shows now, or an unused recovery code',
        },
      }
    if (e instanceof CredentialsSignin && e.code === 'organisation-only')
      return {
        ok: false,
        fieldErrors: {},
        message:
          'Your organisation signs you in to Haven through its own account: use “Sign in with your organisation’s account” below.',
      }
    if (e instanceof CredentialsSignin)
      return {
        ok: false,
        fieldErrors: {},
        message:
          e.code === 'throttled'
            ? 'There have been too many failed attempts to sign in to this account from this browser. Wait a few minutes and try again, or use “Forgotten your password?”.'
            : 'The e-mail address or password is not right.',
      }
    if (e instanceof AuthError) return { ok: false, fieldErrors: {}, message: 'Signing in did not work. Try again.' }
    throw e
  }
}

export async function signOutAction() {
  await signOut({ redirect: false })
  redirect('/sign-in')
}

/** Signed out: the same use case result shape as runAction, without an actor. */
async function runSignedOut<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() }
  } catch (e) {
    const { message, fieldErrors } = describeError(e)
    return { ok: false, message, fieldErrors }
  }
}

/** "Forgotten your password?": the same answer whether or not the address has an account. */
export async function requestResetAction(input: unknown) {
  return runSignedOut(async () => {
    await requestPasswordReset(parseInput(passwordResetRequestSchema, input).email)
    return null
  })
}

export async function setPasswordFromLinkAction(token: string, input: unknown) {
  return runSignedOut(async () => {
    await setPasswordFromLink(String(token), parseInput(passwordFromLinkSchema, input).newPassword)
    return null
  })
}
