// Proposals of a Regulation 40 notifiable event from a missing episode, a return interview or an exploitation
// screening: recorded at the child's home for the registered person to decide (lib/server/notifiable-events.ts).
import { eventStatus, screeningProposesReg40 } from '@/lib/domain/notifiable-events'
import type { Actor } from '@/lib/domain/roles'
import type { Level, Observed } from '@/lib/domain/cse'
import { INDICATOR_BY_CODE } from '@/lib/domain/cse'
import type { ProposalInput } from '@/lib/validation/notifiable-events'
import type { Tx } from './database'
import { NotFoundError, ValidationError } from './errors'
import { openEventWhere } from './notifiable-events'
import { currentPlacement } from './scope'
import { useCase, type UseCase } from './use-case'

/**
 * "This may be a Regulation 40 event", from a missing episode, a return interview or an exploitation screening: the
 * registered person decides. A screening never opens one by itself beyond reg 40(4)(a)'s proposal (below).
 */
export async function proposeNotifiableEvent(
  actor: Actor,
  from: { episodeId: string } | { interviewId: string } | { screeningId: string },
  input: ProposalInput,
  now = new Date(),
) {
  const subject = 'episodeId' in from ? 'episode' : 'interviewId' in from ? 'return interview' : 'screening'
  return useCase(actor, 'reg40.propose', { subject, now }, async ({ tx, find, audit }) => {
    // the home of the episode it is about; otherwise where the child lives now
    const source: { id: string; childId: string; homeId: string | null } =
      'episodeId' in from
        ? await find.episode(from.episodeId, { select: { id: true, childId: true, homeId: true } })
        : 'interviewId' in from
          ? await find
              .interview(from.interviewId, {
                select: { id: true, childId: true, episode: { select: { homeId: true } } },
              })
              .then((i) => ({ id: i.id, childId: i.childId, homeId: i.episode.homeId }))
          : { ...(await screeningInScope(tx, find, from.screeningId)), homeId: null }
    const homeId =
      source.homeId ??
      (
        await tx.placement.findFirst({
          where: currentPlacement(now, { childId: source.childId, homeId: { not: null } }),
          select: { homeId: true },
        })
      )?.homeId
    if (!homeId)
      throw new ValidationError({
        form: 'The child is not placed in a Haven home: tell the placing authority, whose decision it is.',
      })
    const event = await tx.notifiableEvent.create({
      data: {
        homeId,
        kind: input.kind,
        occurredAt: now,
        whatHappened: input.because,
        proposedBecause: input.because,
        childId: source.childId,
        ...('episodeId' in from
          ? { episodeId: source.id }
          : 'interviewId' in from
            ? { interviewId: source.id }
            : { screeningId: source.id }),
        recordedAt: now,
        recordedById: actor.userId,
        otherRelevantPersons: [],
      },
    })
    await audit({
      action: 'reg40.propose',
      subjectType: 'home',
      subjectId: homeId,
      childId: source.childId,
      details: { eventId: event.id, kind: input.kind, from: subject },
    })
    return { id: event.id, status: eventStatus(event) }
  })
}

/** A screening of a child in the actor's scope; out of scope reads as "not found", like the child. */
async function screeningInScope(tx: Tx, find: UseCase['find'], screeningId: string) {
  const screening = await tx.cseScreening.findUnique({
    where: { id: screeningId },
    select: { id: true, childId: true },
  })
  if (!screening) throw new NotFoundError('screening')
  await find.child(screening.childId, { select: { id: true } }).catch(() => {
    throw new NotFoundError('screening')
  })
  return screening
}

/**
 * Inside the screening's use case: a screening that suggests suspected child sexual exploitation proposes an event at
 * the child's home (one at a time: none while another for the child waits for a decision). Returns its id or null.
 */
export async function proposeFromScreening(
  tx: Tx,
  actor: Actor,
  screening: { id: string; childId: string; level: Level | null; observed: Observed[] },
  now: Date,
): Promise<string | null> {
  if (!screeningProposesReg40(screening)) return null
  if (
    await tx.notifiableEvent.count({
      where: { childId: screening.childId, kind: 'SEXUAL_EXPLOITATION', ...openEventWhere },
    })
  )
    return null
  const placement = await tx.placement.findFirst({
    where: currentPlacement(now, { childId: screening.childId, homeId: { not: null } }),
    select: { homeId: true },
  })
  if (!placement?.homeId) return null
  const harm = screening.observed
    .filter((o) => o.when !== 'OLDER' && INDICATOR_BY_CODE[o.code]?.group === 'harm')
    .map((o) => INDICATOR_BY_CODE[o.code].label)
  const because = harm.length
    ? `CSE screening: signs of harm: ${harm.join('; ')}`
    : 'CSE screening: judged at significant risk of child sexual exploitation'
  const event = await tx.notifiableEvent.create({
    data: {
      homeId: placement.homeId,
      kind: 'SEXUAL_EXPLOITATION',
      occurredAt: now,
      whatHappened: because,
      proposedBecause: because,
      childId: screening.childId,
      screeningId: screening.id,
      recordedAt: now,
      recordedById: actor.userId,
      otherRelevantPersons: [],
    },
  })
  return event.id
}
