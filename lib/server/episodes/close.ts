// Reviewing a returned episode and closing it: who may is mayCloseEpisode (lib/domain/permissions.ts), the rule the
// episode page asks too.
import { mayCloseEpisode } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { ForbiddenError, ValidationError } from '../errors'
import { useCase } from '../use-case'

const stale = () =>
  new ValidationError({
    form: 'Someone else changed this episode while you were working on it. Reload the page to see their change; what you typed is still here.',
  })

/** The registered manager reviews a returned episode and closes it (with no Haven home, the child's social worker). */
export async function closeEpisode(
  actor: Actor,
  episodeId: string,
  input: { reviewNote: string; version: number },
  now = new Date(),
) {
  return useCase(actor, 'episode.close', { subject: 'episode', now }, async ({ tx, find, audit }) => {
    const episode = await find.episode(episodeId, { include: { child: { select: { socialWorkerId: true } } } })
    if (!mayCloseEpisode(actor, { homeId: episode.homeId, socialWorkerId: episode.child.socialWorkerId }))
      throw new ForbiddenError(
        episode.homeId
          ? "Only the registered manager of the child's home can close this episode."
          : "Only the child's social worker can close this episode.",
      )
    if (!episode.returnedAt) throw new ValidationError({ form: 'Record the return before closing the episode.' })
    if (episode.closedAt) throw new ValidationError({ form: 'This episode has already been reviewed and closed.' })
    if (episode.version !== input.version) throw stale()
    const updated = await tx.missingEpisode.updateMany({
      where: { id: episodeId, version: input.version },
      data: { closedAt: now, closedById: actor.userId, reviewNote: input.reviewNote, version: { increment: 1 } },
    })
    if (updated.count !== 1) throw stale()
    await audit({
      action: 'episode.close',
      subjectType: 'episode',
      subjectId: episodeId,
      childId: episode.childId,
      details: {},
    })
    return { id: episodeId }
  })
}
