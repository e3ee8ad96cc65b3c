// A child's missing protocol (versioned; agreed by the social worker, signed off by the registered manager); followed
// during an episode in episode-protocol.ts. Every read is scoped to the child and audited; nothing is changed in
// place: a version is a new row.
import { languageWarningsFor } from '@/lib/domain/language'
import {
  protocolState,
  reviewDateProblem,
  versionInForce,
  withoutProtocolOrder,
  type Contact,
  type ProtocolState,
} from '@/lib/domain/missing-protocols'
import { can } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, isoDate, londonDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { ProtocolInput } from '@/lib/validation/missing-protocols'
import { inTurn, type Tx } from './database'
import { ValidationError, throwIfStaleVersion } from './errors'
import { knownRecordsOf, linkKnownRecords } from './protocol-places'
import { currentPlacement } from './scope'
import { orNotFound, useCase } from './use-case'

export const stepsOf = (p: { steps: unknown }) => p.steps as string[]
/** Who the protocol says to tell; versions written before e-mail addresses were asked for have none. */
export const contactsOf = (p: { toTell: unknown }): Contact[] =>
  (p.toTell as Partial<Contact>[]).map((c) => ({
    who: c.who!,
    name: c.name ?? null,
    contact: c.contact ?? null,
    email: c.email ?? null,
  }))
export const asVersion = <P extends { reviewDate: Date }>(p: P) => ({ ...p, reviewDate: isoDate(p.reviewDate) })

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

/** The protocol an episode follows: the version in force, else the latest (shown as not signed off). */
export async function protocolFor(tx: Tx, childId: string) {
  const versions = await tx.missingProtocol.findMany({ where: { childId }, orderBy: { version: 'desc' } })
  return versionInForce(versions) ?? versions[0] ?? null
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
    const [versions, returns, placement] = await inTurn(
      () => tx.missingProtocol.findMany({ where: { childId }, orderBy: { version: 'desc' } }),
      () => returnsOf(tx, childId),
      // the home the child lives in: its phone number is the one the protocol's e-mails ask people to ring
      () =>
        tx.placement.findFirst({
          where: currentPlacement(now, { childId, homeId: { not: null } }),
          orderBy: { startDate: 'desc' },
          select: { home: { select: { id: true, name: true, providerId: true, hostAuthorityId: true, phone: true } } },
        }),
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
      /** the home the child lives in now, if a Haven home (for the page: not in the API's answer) */
      home: placement?.home ?? null,
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
