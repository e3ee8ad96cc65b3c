// A child's missing protocol (versioned; agreed by the social worker, signed off by the registered manager), the
// protocol's steps ticked off during an episode, and who was told of the episode (the police included). Every read is
// scoped to the child and audited; nothing is changed in place: a step done, a person told, a version are new rows.
import { languageWarningsFor } from '@/lib/domain/language'
import {
  policeNow,
  protocolState,
  reviewDateProblem,
  TOLD_WHO,
  toldAgainstProtocol,
  versionInForce,
  withoutProtocolOrder,
  type Contact,
  type ProtocolState,
  type ToldWho,
} from '@/lib/domain/missing-protocols'
import { can } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { checkUpdate } from '@/lib/domain/episodes'
import { calendarDate, isoDate, londonDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { ProtocolInput, StepDoneInput, ToldInput } from '@/lib/validation/missing-protocols'
import { inTurn, type Tx } from './database'
import { throwIfProblems, ValidationError, throwIfStaleVersion } from './errors'
import { emailBody, initials, notify } from './notifications'
import { knownRecordsOf, linkKnownRecords } from './protocol-places'
import { orNotFound, useCase, type UseCase } from './use-case'

const stepsOf = (p: { steps: unknown }) => p.steps as string[]
const contactsOf = (p: { toTell: unknown }) => p.toTell as Contact[]
const asVersion = <P extends { reviewDate: Date }>(p: P) => ({ ...p, reviewDate: isoDate(p.reviewDate) })

/** The words for a child's protocol state, on the protocol's page, the child's page and the dashboard. */
export function stateMessage(s: ProtocolState) {
  switch (s.state) {
    case 'none':
      return 'No missing protocol yet.'
    case 'unsigned':
      return `Version ${s.version} is waiting to be agreed by the social worker and signed off by the registered manager.`
    case 'current':
      return `Version ${s.version} is current; review it by ${s.reviewDate} or after any episode.`
    case 'review-due':
      return `Version ${s.version} needs a review: ${s.reason}.`
  }
}

async function returnsOf(tx: Tx, childId: string) {
  const episodes = await tx.missingEpisode.findMany({
    where: { childId, returnedAt: { not: null } },
    select: { returnedAt: true },
  })
  return episodes.map((e) => e.returnedAt!)
}

/** Every version of the child's protocol (newest first), which is in force, and whether it is current. */
export async function getMissingProtocols(actor: Actor, childId: string, now = new Date()) {
  return useCase(actor, 'protocol.read', { subject: 'child', now }, async ({ tx, find, audit }) => {
    const child = await find.child(childId, { select: { id: true, firstName: true, lastName: true } })
    const [versions, returns] = await inTurn(
      () => tx.missingProtocol.findMany({ where: { childId }, orderBy: { version: 'desc' } }),
      () => returnsOf(tx, childId),
    )
    const people = await tx.user.findMany({
      where: {
        id: { in: versions.flatMap((v) => [v.createdById, v.agreedById, v.signedOffById]).filter((x) => x !== null) },
      },
      select: { id: true, name: true },
    })
    const who = (id: string | null) => people.find((p) => p.id === id) ?? null
    const knownRecords = await knownRecordsOf(
      tx,
      versions.map((v) => v.id),
    )
    const state = protocolState(versions.map(asVersion), returns, londonDate(now))
    await audit({
      action: 'protocol.read',
      subjectType: 'child',
      subjectId: childId,
      childId,
      details: { versions: versions.length },
    })
    return {
      child,
      state: state.state,
      stateMessage: stateMessage(state),
      inForceVersion: versionInForce(versions)?.version ?? null,
      versions: versions.map((v) => ({
        id: v.id,
        version: v.version,
        whenMissing: v.whenMissing,
        callPoliceAtOnce: v.callPoliceAtOnce,
        whereToLook: v.whereToLook,
        knownPlacesAndPeople: v.knownPlacesAndPeople,
        knownRecords: knownRecords(v.id),
        medicalNeeds: v.medicalNeeds,
        childsView: v.childsView,
        steps: stepsOf(v),
        toTell: contactsOf(v),
        reviewDate: isoDate(v.reviewDate),
        createdAt: v.createdAt.toISOString(),
        createdBy: who(v.createdById),
        agreedAt: v.agreedAt?.toISOString() ?? null,
        agreedBy: who(v.agreedById),
        signedOffAt: v.signedOffAt?.toISOString() ?? null,
        signedOffBy: who(v.signedOffById),
      })),
    }
  })
}

const PROTOCOL_NARRATIVE = ['whenMissing', 'callPoliceAtOnce', 'whereToLook', 'knownPlacesAndPeople', 'childsView']

/** A new version of the protocol (the previous ones stay readable); it needs agreeing and signing off again. */
export async function createProtocolVersion(actor: Actor, childId: string, input: ProtocolInput, now = new Date()) {
  const problem = reviewDateProblem(input.reviewDate, londonDate(now), settings.missingProtocol.reviewMonths)
  if (problem) throw new ValidationError({ reviewDate: problem })
  return useCase(actor, 'protocol.write', { subject: 'child', now }, async ({ tx, find, scope, audit }) => {
    await find.child(childId, { select: { id: true } })
    const latest = await tx.missingProtocol.findFirst({
      where: { childId },
      orderBy: { version: 'desc' },
      select: { version: true },
    })
    throwIfStaleVersion(latest?.version, input.basedOnVersion, 'protocol')
    const { basedOnVersion: _, steps, toTell, reviewDate, knownRecords, ...content } = input
    const protocol = await tx.missingProtocol.create({
      data: {
        ...content,
        steps: steps.map((s) => s.text),
        toTell,
        reviewDate: calendarDate(reviewDate),
        childId,
        version: input.basedOnVersion + 1,
        createdAt: now,
        createdById: actor.userId,
      },
    })
    await linkKnownRecords(tx, scope, protocol.id, knownRecords, actor.userId)
    await audit({
      action: 'protocol.write',
      subjectType: 'child',
      subjectId: childId,
      childId,
      details: { protocolId: protocol.id, version: protocol.version },
    })
    return {
      id: protocol.id,
      version: protocol.version,
      warnings: languageWarningsFor({ ...input, steps: steps.map((s) => s.text).join(' ') }, [
        ...PROTOCOL_NARRATIVE,
        'steps',
      ]),
    }
  }).catch((e) => {
    if (e?.code === 'P2002')
      throw new ValidationError({
        form: 'Someone saved this protocol at the same moment. Open it to see their version; what you typed is still here.',
      })
    throw e
  })
}

/** The social worker agrees a version, or the registered manager signs it off: once each, on the latest version. */
export async function approveProtocol(
  actor: Actor,
  protocolId: string,
  as: 'protocol.agree' | 'protocol.signoff',
  now = new Date(),
) {
  return useCase(actor, as, { subject: 'missing protocol', now }, async ({ tx, scope, audit }) => {
    const protocol = await tx.missingProtocol
      .findFirst({ where: { id: protocolId, child: scope.child }, select: { childId: true, version: true } })
      .then(orNotFound('missing protocol'))
    const latest = await tx.missingProtocol.findFirst({
      where: { childId: protocol.childId },
      orderBy: { version: 'desc' },
      select: { version: true },
    })
    if (latest!.version !== protocol.version)
      throw new ValidationError({ form: `Version ${latest!.version} has replaced this one: open the latest version.` })
    const agree = as === 'protocol.agree'
    const { count } = await tx.missingProtocol.updateMany({
      where: { id: protocolId, ...(agree ? { agreedAt: null } : { signedOffAt: null }) },
      data: agree ? { agreedAt: now, agreedById: actor.userId } : { signedOffAt: now, signedOffById: actor.userId },
    })
    if (count !== 1)
      throw new ValidationError({ form: `This version has already been ${agree ? 'agreed' : 'signed off'}.` })
    await audit({
      action: as,
      subjectType: 'child',
      subjectId: protocol.childId,
      childId: protocol.childId,
      details: { protocolId, version: protocol.version },
    })
    return { id: protocolId, version: protocol.version }
  })
}

/** The protocol an episode follows: the version in force, else the latest (shown as not signed off). */
async function protocolFor(tx: Tx, childId: string) {
  const versions = await tx.missingProtocol.findMany({ where: { childId }, orderBy: { version: 'desc' } })
  return versionInForce(versions) ?? versions[0] ?? null
}

const AUTOMATIC_KINDS = ['episode.opened', 'episode.returned']

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
        told: { orderBy: { toldAt: 'asc' } },
      },
    })
    const [protocol, automatic] = await inTurn(
      () => protocolFor(tx, episode.childId),
      () =>
        tx.notification.findMany({
          where: { childId: episode.childId, link: `/episodes/${episodeId}`, kind: { in: AUTOMATIC_KINDS } },
          orderBy: { createdAt: 'asc' },
          select: { recipientId: true, createdAt: true, recipient: { select: { name: true } } },
        }),
    )
    const people = await tx.user.findMany({
      where: { id: { in: [...episode.protocolSteps.map((s) => s.doneById), ...episode.told.map((t) => t.toldById)] } },
      select: { id: true, name: true },
    })
    const by = (id: string) => people.find((p) => p.id === id)?.name ?? 'Unknown'
    const roleOf = (userId: string): ToldWho =>
      userId === episode.child.iroId ? 'IRO' : userId === episode.child.socialWorkerId ? 'SOCIAL_WORKER' : 'OTHER'
    const told = [
      ...automatic.map((n) => ({
        id: null,
        who: roleOf(n.recipientId),
        name: n.recipient.name,
        toldAt: n.createdAt,
        method: 'HAVEN' as const,
        by: null,
        policeForce: null,
        policeReference: null,
        riskGrade: null,
      })),
      ...episode.told.map((t) => ({
        id: t.id,
        who: t.who,
        name: t.name,
        toldAt: t.toldAt,
        method: t.method,
        by: by(t.toldById),
        policeForce: t.policeForce,
        policeReference: t.policeReference,
        riskGrade: t.riskGrade,
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
        toTell: toldAgainstProtocol(contactsOf(protocol), told),
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

/**
 * Children in scope without a current missing protocol, for the manager's dashboard: those who went missing in the
 * last 12 months first.
 */
export async function childrenWithoutProtocol(actor: Actor, now = new Date()) {
  if (!can(actor, 'protocol.read')) return []
  return useCase(actor, 'protocol.read', { now }, async ({ tx, scope, audit }) => {
    const children = await tx.child.findMany({
      where: scope.child,
      select: {
        id: true,
        firstName: true,
        lastName: true,
        missingProtocols: { select: { version: true, agreedAt: true, signedOffAt: true, reviewDate: true } },
        missingEpisodes: { orderBy: { lastSeenAt: 'desc' }, select: { lastSeenAt: true, returnedAt: true } },
      },
    })
    const today = londonDate(now)
    const flagged = withoutProtocolOrder(
      children.flatMap((c) => {
        const state = protocolState(
          c.missingProtocols.map(asVersion),
          c.missingEpisodes.flatMap((e) => (e.returnedAt ? [e.returnedAt] : [])),
          today,
        )
        if (state.state === 'current') return []
        return [
          {
            child: { id: c.id, firstName: c.firstName, lastName: c.lastName },
            name: `${c.lastName} ${c.firstName}`,
            lastMissingAt: c.missingEpisodes[0]?.lastSeenAt ?? null,
            message: stateMessage(state),
          },
        ]
      }),
      now,
    )
    await audit({
      action: 'protocol.flags',
      subjectType: 'child',
      subjectId: '*',
      childIds: flagged.map((c) => c.child.id),
      details: { count: flagged.length },
    })
    return flagged
  })
}
