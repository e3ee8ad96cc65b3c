// Where the organisation's identity provider sends the browser back (the redirect URI registered with it).
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { endSession } from '@/lib/server/accounts'
import { currentSessionId } from '@/lib/server/current-actor'
import { signIn } from '@/lib/server/next-auth'
import {
  completeOrganisationSignIn,
  FLOW_COOKIE,
  flowCookieOptions,
  issueTicket,
  OrganisationSignInRefused,
  PENDING_COOKIE,
  sealPending,
} from '@/lib/server/organisation-sign-in'
import { clientAddress, servedOverHttps } from '@/lib/server/request'

export async function GET(request: Request) {
  const jar = await cookies()
  const sealedFlow = jar.get(FLOW_COOKIE)?.value
  const cookieOptions = flowCookieOptions(servedOverHttps(request.headers))
  jar.set(FLOW_COOKIE, '', { ...cookieOptions, maxAge: 0 }) // a flow is used once
  let next: string
  try {
    const { userId, needsCode } = await completeOrganisationSignIn(new URL(request.url), sealedFlow, {
      ip: clientAddress(request.headers),
    })
    if (needsCode) {
      jar.set(PENDING_COOKIE, sealPending(userId), cookieOptions)
      next = '/sign-in/organisation/code'
    } else {
      const previous = await currentSessionId()
      await signIn('organisation', { ticket: issueTicket(userId), redirect: false })
      if (previous) await endSession(previous) // whoever was signed in on this browser before is signed out
      next = '/'
    }
  } catch (e) {
    if (!(e instanceof OrganisationSignInRefused)) throw e
    next = `/sign-in/organisation?refused=${e.reason}`
  }
  redirect(next)
}
