'use server'
import { z } from 'zod'
import { runAction } from '@/lib/server/action'
import { issueApiToken, revokeApiToken } from '@/lib/server/api-tokens'
import { revokeOtherSessions, revokeSession } from '@/lib/server/accounts'
import { currentSessionId } from '@/lib/server/current-actor'
import { headers } from 'next/headers'
import { clientAddress } from '@/lib/server/request'
import { changeOwnPassword } from '@/lib/server/passwords'
import { deviceCookieName, deviceIdFrom } from '@/lib/server/device-cookie'
import { cookies } from 'next/headers'
import { passwordChangeSchema, tokenFormSchema } from '@/lib/validation/users'

export async function createTokenAction(input: unknown) {
  const ip = clientAddress(await headers())
  return runAction(tokenFormSchema, input, async (actor, { name, password }) => {
    const issued = await issueApiToken({ email: actor.email, password, ip, name, signedIn: true })
    return { token: issued.token, expiresAt: issued.expiresAt.toISOString() }
  })
}

const idSchema = z.object({ id: z.string().min(1) })

export async function revokeTokenAction(input: unknown) {
  return runAction(idSchema, input, (actor, { id }) => revokeApiToken(actor, id))
}

export async function revokeSessionAction(input: unknown) {
  return runAction(idSchema, input, (actor, { id }) => revokeSession(actor, id))
}

export async function revokeOtherSessionsAction() {
  const keep = await currentSessionId()
  return runAction(z.object({}), {}, (actor) => revokeOtherSessions(actor, keep))
}

export async function changePasswordAction(input: unknown) {
  const ip = clientAddress(await headers())
  const sessionId = await currentSessionId()
  const jar = await cookies()
  return runAction(passwordChangeSchema, input, (actor, answers) =>
    changeOwnPassword(actor, answers, {
      ip,
      channel: 'browser',
      deviceId: deviceIdFrom(jar.get(deviceCookieName(actor.email))?.value, actor.email),
      sessionId,
    }),
  )
}
