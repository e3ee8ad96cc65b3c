// The signed-in person for pages and server actions.
import { redirect } from 'next/navigation'
import type { Actor } from '@/lib/domain/roles'
import { actorForSession } from './accounts'
import { auth } from './next-auth'

export async function currentActor(): Promise<Actor | null> {
  const session = await auth()
  return session?.sid ? actorForSession(session.sid) : null
}

/** For pages: the actor, or off to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) redirect('/sign-in')
  return actor
}

/** The id of this browser's session (to mark "this device" among the person's sessions). */
export async function currentSessionId(): Promise<string | null> {
  return (await auth())?.sid ?? null
}
