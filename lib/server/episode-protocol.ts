// A child's missing protocol followed during an episode: the steps ticked off (when, by whom), and who was told of the
// episode (the police included; Haven's automatic messages too). Scoped to the episode and audited; a step done and a
// person told are new rows, never changes.
import type { DeliveryStatus } from '@/lib/generated/prisma/client'
import { policeNow, TOLD_WHO, toldWithEmails, type Delivery, type ToldWho } from '@/lib/domain/missing-protocols'
import type { Actor } from '@/lib/domain/roles'
import { checkUpdate } from '@/lib/domain/episodes'
import type { StepDoneInput, ToldInput } from '@/lib/validation/missing-protocols'
import { inTurn, type Tx } from './database'
import { throwIfProblems, ValidationError } from './errors'
import { emailBody, initials, notify } from './notifications'
import { knownRecordsOf } from './protocol-places'
import { useCase, type UseCase } from './use-case'

import { contactsOf, protocolFor, stepsOf } from './missing-protocols'

const AUTOMATIC_KINDS = ['episode.opened', 'episode.returned']

/** An e-mail Haven sent for a told record, as the episode page shows it. Skipped (e-mail not set up) is not sent. */
const deliveryShown = (status: DeliveryStatus | undefined): Delivery =>
  status === 'SENT' ? 'sent' : status === 'FAILED' || status === 'SKIPPED' ? 'failed' : 'waiting'

/**
 * Around the missing child, for the episode page and the printed grab pack: the protocol's steps in order (each done
 * or not, when and by whom), who the protocol says to tell and who has been told (Haven's automatic messages to the IRO
 * and social worker included), and what the police have been told.
 */
export async function getEpisodeProtocol(actor: Actor, episodeId: string, now = new Date()) {
  return useCase(actor, 'protocol.read', { subject: 'episode', now }, async ({ tx, find, audit }) => {
    const episode = await find.episode(episodeId, {
      select: {
        id: true,
        childId: true,
        policeInformed: true,
        policeReference: true,
        reportedAt: true,
        child: { select: { iroId: true, socialWorkerId: true } },
        protocolSteps: { orderBy: { doneAt: 'asc' } },
        told: {
          orderBy: { toldAt: 'asc' },
          include: { notification: { select: { deliveries: { select: { status: true } } } } },
        },
      },
    })
    const [protocol, automatic] = await inTurn(
      () => protocolFor(tx, episode.childId),
      () =>
        tx.notification.findMany({
          where: {
            childId: episode.childId,
            link: `/episodes/${episodeId}`,
            kind: { in: AUTOMATIC_KINDS },
            recipientId: { not: null }, // the protocol's e-mail addresses have told records of their own
          },
          orderBy: { createdAt: 'asc' },
          select: { recipientId: true, createdAt: true, recipient: { select: { name: true } } },
        }),
    )
    const people = await tx.user.findMany({
      where: {
        id: {
          in: [
            ...episode.protocolSteps.map((s) => s.doneById),
            ...episode.told.flatMap((t) => (t.toldById ? [t.toldById] : [])),
          ],
        },
      },
      select: { id: true, name: true },
    })
    const by = (id: string) => people.find((p) => p.id === id)?.name ?? 'Unknown'
    const roleOf = (userId: string | null): ToldWho =>
      userId === episode.child.iroId ? 'IRO' : userId === episode.child.socialWorkerId ? 'SOCIAL_WORKER' : 'OTHER'
    const told = [
      ...automatic.map((n) => ({
        id: null,
        who: roleOf(n.recipientId),
        name: n.recipient?.name ?? null,
        toldAt: n.createdAt,
        method: 'HAVEN' as const,
        by: null,
        policeForce: null,
        policeReference: null,
        riskGrade: null,
        email: null,
        delivery: null,
      })),
      ...episode.told.map((t) => ({
        id: t.id,
        who: t.who,
        name: t.name,
        toldAt: t.toldAt,
        method: t.method,
        by: t.toldById ? by(t.toldById) : null,
        policeForce: t.policeForce,
        policeReference: t.policeReference,
        riskGrade: t.riskGrade,
        email: t.email,
        delivery: t.notification ? deliveryShown(t.notification.deliveries[0]?.status) : null,
      })),
    ].sort((a, b) => a.toldAt.getTime() - b.toldAt.getTime())
    const done = episode.protocolSteps.filter((s) => s.protocolId === protocol?.id)
    const knownRecords = await knownRecordsOf(tx, protocol ? [protocol.id] : [])
    await audit({
      action: 'protocol.episode-read',
      subjectType: 'episode',
      subjectId: episodeId,
      childId: episode.childId,
      details: { protocolId: protocol?.id ?? null },
    })
    return {
      protocol: protocol && {
        id: protocol.id,
        version: protocol.version,
        inForce: Boolean(protocol.agreedAt && protocol.signedOffAt),
        whenMissing: protocol.whenMissing,
        callPoliceAtOnce: protocol.callPoliceAtOnce,
        whereToLook: protocol.whereToLook,
        knownPlacesAndPeople: protocol.knownPlacesAndPeople,
        knownRecords: knownRecords(protocol.id),
        medicalNeeds: protocol.medicalNeeds,
        steps: stepsOf(protocol).map((text, step) => {
          const d = done.find((s) => s.step === step)
          return { step, text, done: d ? { at: d.doneAt, by: by(d.doneById) } : null }
        }),
        toTell: toldWithEmails(contactsOf(protocol), told),
      },
      told,
      police: policeNow(episode, told),
    }
  })
}

/** A protocol step done during an episode: when, by whom. Done once; the time is not in the future. */
export async function recordStepDone(actor: Actor, episodeId: string, input: StepDoneInput, now = new Date()) {
  return useCase(actor, 'protocol.step', { subject: 'episode', now }, async ({ tx, find, audit }) => {
    const episode = await openEpisode(find, episodeId)
    const doneAt = new Date(input.doneAt)
    throwIfProblems(renamed(checkUpdate({ ...episode, returnedAt: null }, doneAt, now), 'doneAt'))
    const protocol = await protocolFor(tx, episode.childId)
    if (!protocol) throw new ValidationError({ step: 'This child has no missing protocol yet' })
    if (input.step >= stepsOf(protocol).length)
      throw new ValidationError({ step: `The protocol has ${stepsOf(protocol).length} steps: choose one of them` })
    const done = await tx.protocolStepDone
      .create({
        data: { episodeId, protocolId: protocol.id, step: input.step, doneAt, doneById: actor.userId, createdAt: now },
      })
      .catch((e) => {
        if (e?.code === 'P2002') throw new ValidationError({ step: 'This step is already ticked off for this episode' })
        throw e
      })
    await audit({
      action: 'protocol.step',
      subjectType: 'episode',
      subjectId: episodeId,
      childId: episode.childId,
      details: { stepDoneId: done.id, protocolId: protocol.id, step: input.step },
    })
    return { id: done.id, step: input.step }
  })
}

/** An episode that is not closed (after the manager's review, corrections are amendments). */
async function openEpisode(find: UseCase['find'], episodeId: string) {
  const episode = await find.episode(episodeId, {
    select: { id: true, childId: true, homeId: true, lastSeenAt: true, closedAt: true },
  })
  if (episode.closedAt)
    throw new ValidationError({ form: 'This episode has been reviewed and closed: corrections are amendments' })
  return episode
}

const renamed = (problems: Record<string, string>, field: string) =>
  Object.fromEntries(Object.entries(problems).map(([k, v]) => [k === 'at' ? field : k, v]))

/** The accounts Haven can tell of an episode for this kind of person: the child's allocated IRO or social worker, or
 * the registered managers of the episode's home (the on-call manager is one of them). */
async function reachable(
  tx: Tx,
  who: ToldWho,
  child: { iroId: string | null; socialWorkerId: string | null },
  homeId: string | null,
) {
  if (who === 'IRO') return child.iroId ? [child.iroId] : []
  if (who === 'SOCIAL_WORKER') return child.socialWorkerId ? [child.socialWorkerId] : []
  if (who === 'ON_CALL_MANAGER' && homeId)
    return (
      await tx.user.findMany({
        where: { active: true, roles: { some: { role: 'REGISTERED_MANAGER', homeId } } },
        select: { id: true },
      })
    ).map((u) => u.id)
  return []
}

/**
 * Someone told about the episode: who, when, how, by whom; for the police, the force, reference and risk grade. Told
 * "through Haven", the people Haven can reach get a notification in the outbox (the same minimal e-mail as every
 * other); anyone else is told by the worker, who records it here.
 */
export async function recordTold(actor: Actor, episodeId: string, input: ToldInput, now = new Date()) {
  return useCase(actor, 'episode.tell', { subject: 'episode', now }, async ({ tx, find, audit }) => {
    const episode = await openEpisode(find, episodeId)
    const toldAt = new Date(input.toldAt)
    throwIfProblems(renamed(checkUpdate({ ...episode, returnedAt: null }, toldAt, now), 'toldAt'))
    const police = input.who === 'POLICE'
    let recipientIds: string[] = []
    if (input.method === 'HAVEN') {
      const child = await tx.child.findUniqueOrThrow({
        where: { id: episode.childId },
        select: { firstName: true, lastName: true, iroId: true, socialWorkerId: true },
      })
      recipientIds = await reachable(tx, input.who, child, episode.homeId)
      if (!recipientIds.length)
        throw new ValidationError({
          method: `Haven cannot reach ${TOLD_WHO[input.who].toLowerCase()}: tell them another way, then record how`,
        })
      const who = initials(child)
      await notify(
        tx,
        recipientIds.map((recipientId) => ({
          recipientId,
          kind: 'episode.told',
          title: `${who} is missing or away: the home is telling you, as the missing protocol says`,
          body: emailBody(who),
          link: `/episodes/${episodeId}`,
          childId: episode.childId,
        })),
        now,
      )
    }
    const told = await tx.episodeTold.create({
      data: {
        episodeId,
        who: input.who,
        name: input.name,
        toldAt,
        method: input.method,
        toldById: actor.userId,
        policeForce: police ? input.policeForce : null,
        policeReference: police ? input.policeReference : null,
        riskGrade: police ? input.policeRiskGrade : null,
        recipientIds,
        createdAt: now,
      },
    })
    await audit({
      action: 'episode.tell',
      subjectType: 'episode',
      subjectId: episodeId,
      childId: episode.childId,
      details: { toldId: told.id, who: input.who, method: input.method, notified: recipientIds.length },
    })
    return { id: told.id, notified: recipientIds.length }
  })
}
