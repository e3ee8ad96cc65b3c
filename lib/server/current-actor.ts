// The signed-in person for pages and server actions.
import { redirect } from 'next/navigation'
import { cache } from 'react'
import type { Actor } from '@/lib/domain/roles'
import { actorForSession } from './accounts'
import { asBusy, ForbiddenError, NotFoundError, ValidationError } from './errors'
import { auth } from './next-auth'
import { mustEnrol } from './second-factor'

/**
 * The session's person, and whether they must set up a second factor before anything else. Looked up once per request
 * (the header and the page both ask). A database too busy to answer is DatabaseBusyError, so the page says so.
 */
const sessionActor = cache(async (): Promise<{ actor: Actor; mustEnrol: boolean } | null> => {
  try {
    const session = await auth()
    const actor = session?.sid ? await actorForSession(session.sid) : null
    return actor && { actor, mustEnrol: await mustEnrol(actor) }
  } catch (e) {
    throw asBusy(e)
  }
})

/** The signed-in person; null too for one who must set up a second factor first (they reach nothing else). */
export async function currentActor(): Promise<Actor | null> {
  const signedIn = await sessionActor()
  return signedIn && !signedIn.mustEnrol ? signedIn.actor : null
}

/** For pages: the actor, or off to the sign-in page (or to setting up a second factor, for one who must). */
export async function requireActor(): Promise<Actor> {
  const signedIn = await sessionActor()
  if (!signedIn) redirect('/sign-in')
  if (signedIn.mustEnrol) redirect(ENROLMENT_PAGE)
  return signedIn.actor
}

export const ENROLMENT_PAGE = '/account/second-factor'

/** For the page and actions that set up a second factor: signed in with a password is enough. */
export async function enrollingActor(): Promise<Actor | null> {
  return (await sessionActor())?.actor ?? null
}

/** The id of this browser's session (to mark "this device" among the person's sessions). */
export async function currentSessionId(): Promise<string | null> {
  return (await auth())?.sid ?? null
}

/**
 * A route handler for the signed-in browser (downloads from pages): 401 without a session; a record outside the
 * actor's scope, or a report their roles do not include, is 404; bad input is 422 with the problem in words.
 */
export function withSignedIn(
  handler: (args: { request: Request; actor: Actor; params: Record<string, string> }) => Promise<Response>,
  signInMessage: string,
) {
  return async (request: Request) => {
    const actor = await currentActor()
    if (!actor) return new Response(signInMessage, { status: 401 })
    try {
      return await handler({ request, actor, params: Object.fromEntries(new URL(request.url).searchParams) })
    } catch (e) {
      if (e instanceof NotFoundError || e instanceof ForbiddenError) return new Response('Not found', { status: 404 })
      if (e instanceof ValidationError)
        return new Response(Object.values(e.fieldErrors).join('\n') || e.message, { status: 422 })
      throw e
    }
  }
}
