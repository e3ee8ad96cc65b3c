import { ROLE_LABELS, type Actor } from '@/lib/domain/roles'

/** The names of the roles a person holds, each once, for the header of their pages. */
export function rolesHeld(actor: Actor) {
  return [...new Set(actor.grants.map((g) => ROLE_LABELS[g.role]))]
}
