// Who cannot hold a return interview as independent, and who may read what the child said about the home.
import { ROLE_LABELS, type Actor } from '@/lib/domain/roles'
import type { CarePerson } from '@/lib/domain/return-interviews'
import type { Tx } from '../database'
import { concernsVisibleIn } from '../scope'

/**
 * The people involved in the child's care, who cannot hold the interview as independent: the child's social worker,
 * and everyone with a role at the home or at its provider (any of its homes). A Regulation 44 independent visitor is
 * independent of the home by law and is not one of them.
 */
export async function carePeople(tx: Tx, childId: string, homeId: string | null): Promise<CarePerson[]> {
  const child = await tx.child.findUniqueOrThrow({
    where: { id: childId },
    select: { socialWorker: { select: { name: true } } },
  })
  const people: CarePerson[] = child.socialWorker
    ? [{ name: child.socialWorker.name, role: 'the child’s social worker' }]
    : []
  const home = homeId
    ? await tx.home.findUnique({
        where: { id: homeId },
        select: { name: true, providerId: true, provider: { select: { name: true } } },
      })
    : null
  if (!home) return people
  const roles = await tx.roleAssignment.findMany({
    where: {
      role: { not: 'INDEPENDENT_VISITOR' },
      OR: [{ providerId: home.providerId }, { home: { providerId: home.providerId } }],
    },
    select: { role: true, homeId: true, user: { select: { name: true } }, home: { select: { name: true } } },
  })
  for (const r of roles)
    people.push({
      name: r.user.name,
      role: `a ${ROLE_LABELS[r.role].toLowerCase()} ${r.home ? `at ${r.home.name}` : `at ${home.provider.name}`}`,
    })
  return people
}

export const mayReadConcerns = async (tx: Tx, actor: Actor, interviewId: string) =>
  (await concernsVisibleIn(tx, actor, [interviewId])).has(interviewId)
