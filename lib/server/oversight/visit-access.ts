// Which Regulation 44 visits an actor may read, and which they may add to.
import { NotFoundError } from '../errors'
import { orNotFound, type UseCase } from '../use-case'
import { managesHome } from './home'

/** A visit at a home in the use case's scope. */
export const visitFor = ({ tx, scope }: UseCase, visitId: string) =>
  tx.reg44Visit
    .findFirst({
      where: { id: visitId, home: scope.home },
      select: {
        id: true,
        homeId: true,
        visitedOn: true,
        home: { select: { hostAuthorityId: true } },
        independentPerson: { select: { userId: true } },
      },
    })
    .then(orNotFound('visit'))

/** A visit the actor may add to: any at a home they are the registered person of; otherwise only their own. */
export async function ownVisitFor(uc: UseCase, visitId: string) {
  const visit = await visitFor(uc, visitId)
  if (!(await managesHome(uc, visit.homeId)) && visit.independentPerson.userId !== uc.actor.userId)
    throw new NotFoundError('visit')
  return visit
}
