// "Went with" links made by mistake: undone by a correction on the link (who and when), never deleted, so the
// episode's timeline shows both the link and its undoing.
import { episodeStatus } from '@/lib/domain/episodes'
import { mayUndoWentWith } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import type { Tx } from '../database'
import { NotFoundError, ValidationError } from '../errors'
import { patternsAfterEvent } from '../patterns'
import { childWhere, episodeWhere } from '../scope'
import { useCase } from '../use-case'

/** Undoes the link between this episode and another child's: both must be in the actor's scope, as for linking. */
export async function undoWentWith(actor: Actor, episodeId: string, otherEpisodeId: string, now = new Date()) {
  return useCase(actor, 'episode.unlink', { subject: 'episode', now }, async ({ tx, audit }) => {
    const pair = await tx.missingEpisode.findMany({
      where: { AND: [{ id: { in: [episodeId, otherEpisodeId] } }, episodeWhere(actor, 'episode.unlink', now)] },
      select: { id: true, childId: true, returnedAt: true, closedAt: true },
    })
    const episode = pair.find((e) => e.id === episodeId)
    if (!episode || !pair.some((e) => e.id === otherEpisodeId)) throw new NotFoundError('episode')
    if (!mayUndoWentWith(actor, { status: episodeStatus(episode) }))
      throw new ValidationError({ otherEpisodeId: 'This episode is closed: its record stands as reviewed' })
    const [first, second] = [episodeId, otherEpisodeId].sort()
    // only the link still standing; a second press finds none
    const { count } = await tx.episodeLink.updateMany({
      where: { episodeId: first, otherId: second, undoneAt: null },
      data: { undoneAt: now, undoneById: actor.userId },
    })
    if (count === 0) throw new ValidationError({ otherEpisodeId: 'These episodes are not linked' })
    await patternsAfterEvent(tx, episode.childId, now)
    await audit({
      action: 'episode.unlink',
      subjectType: 'episode',
      subjectId: episodeId,
      childId: episode.childId,
      details: { otherEpisodeId },
    })
    return { id: episodeId }
  })
}

export type WentWithEvent = { at: string; key: string; title: string; who: string; amended?: boolean }

/** Every link of the episode, standing or undone, as timeline entries (inside the page's audited read). The other
 * child is named only to someone who may see them. */
export async function wentWithEvents(tx: Tx, actor: Actor, episodeId: string, now: Date): Promise<WentWithEvent[]> {
  const links = await tx.episodeLink.findMany({
    where: { OR: [{ episodeId }, { otherId: episodeId }] },
    select: {
      id: true,
      createdAt: true,
      createdById: true,
      undoneAt: true,
      undoneById: true,
      episode: { select: { id: true, childId: true, child: { select: { firstName: true, lastName: true } } } },
      other: { select: { id: true, childId: true, child: { select: { firstName: true, lastName: true } } } },
    },
  })
  const others = links.map((l) => (l.episode.id === episodeId ? l.other : l.episode))
  const visible = new Set(
    (
      await tx.child.findMany({
        where: { AND: [{ id: { in: others.map((o) => o.childId) } }, childWhere(actor, 'child.read', now)] },
        select: { id: true },
      })
    ).map((c) => c.id),
  )
  const people = await tx.user.findMany({
    where: { id: { in: links.flatMap((l) => [l.createdById, l.undoneById ?? l.createdById]) } },
    select: { id: true, name: true },
  })
  const who = (id: string | null) => people.find((p) => p.id === id)?.name ?? 'unknown'
  return links.flatMap((l, i) => {
    const other = others[i]
    const name = visible.has(other.childId)
      ? `${other.child.firstName} ${other.child.lastName}`
      : 'another child (not in your view)'
    const linked = {
      at: l.createdAt.toISOString(),
      key: `link-${l.id}`,
      title: `Went with ${name}`,
      who: who(l.createdById),
    }
    if (!l.undoneAt) return [linked]
    return [
      linked,
      {
        at: l.undoneAt.toISOString(),
        key: `unlink-${l.id}`,
        amended: true,
        title: `Corrected: did not go with ${name} (the link was made by mistake and undone)`,
        who: who(l.undoneById),
      },
    ]
  })
}
