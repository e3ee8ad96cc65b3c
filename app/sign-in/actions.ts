'use server'
import { AuthError, CredentialsSignin } from 'next-auth'
import { redirect } from 'next/navigation'
import type { ActionResult } from '@/lib/server/action'
import { fieldErrorsFrom } from '@/lib/server/errors'
import { signIn, signOut } from '@/lib/server/next-auth'
import { signInSchema } from '@/lib/validation/users'

export async function signInAction(input: unknown): Promise<ActionResult> {
  const parsed = signInSchema.safeParse(input)
  if (!parsed.success) return { ok: false, message: '', fieldErrors: fieldErrorsFrom(parsed.error) }
  try {
    await signIn('credentials', { ...parsed.data, redirect: false })
    return { ok: true, data: null }
  } catch (e) {
    if (e instanceof CredentialsSignin)
      return {
        ok: false,
        fieldErrors: {},
        message:
          e.code === 'throttled'
            ? 'There have been too many failed sign-in attempts for this account or from this address. Wait 15 minutes and try again, or ask your administrator to help.'
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
