// Missing episodes as people read them: one episode with its timeline, a child's history, who is missing now.
// Every read goes through useCase(): scoped to the child (episodeWhere) and audited in the same transaction.
import { currentRiskGrade, durationMinutes, episodeStatus } from '@/lib/domain/episodes'
import { can } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, londonDate } from '@/lib/domain/time'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { EpisodeSummary, EpisodeView } from '@/lib/validation/responses'
import type { Tx } from '../database'
import { NotFoundError } from '../errors'
import { childWhere } from '../scope'
import { useCase } from '../use-case'
import { wentWithEvents } from './went-with'

const person = { select: { id: true, name: true } } as const
const canonicalName = { select: { id: true, name: true, kind: true, postcode: true, mergedIntoId: true } } as const

export const episodeInclude = {
  child: { select: { id: true, firstName: true, lastName: true } },
  home: { select: { id: true, name: true } },
  reportedBy: person,
  updates: { include: { author: person }, orderBy: { at: 'asc' } },
  amendments: { include: { author: person }, orderBy: { createdAt: 'asc' } },
  // "went with": the links standing (an undone one shows on the page's timeline only)
  linksFrom: {
    where: { undoneAt: null },
    select: { other: { select: { id: true, childId: true, child: { select: { firstName: true, lastName: true } } } } },
  },
  linksTo: {
    where: { undoneAt: null },
    select: {
      episode: { select: { id: true, childId: true, child: { select: { firstName: true, lastName: true } } } },
    },
  },
  locations: { include: { location: canonicalName } },
  associates: { include: { associate: { select: { id: true, name: true, description: true, mergedIntoId: true } } } },
  vehicles: {
    include: {
      vehicle: { select: { id: true, registration: true, description: true, taxiFirm: true, mergedIntoId: true } },
    },
  },
  grabPackShares: { orderBy: { sharedAt: 'asc' } },
} satisfies Prisma.MissingEpisodeInclude

type EpisodeRow = Prisma.MissingEpisodeGetPayload<{ include: typeof episodeInclude }>

const iso = (d: Date | null) => (d ? d.toISOString() : null)

async function toView(tx: Tx, e: EpisodeRow, actor: Actor, now: Date): Promise<EpisodeView> {
  // "went with": name the other child only if this person may see them
  const linked = [...e.linksFrom.map((l) => l.other), ...e.linksTo.map((l) => l.episode)]
  const visibleChildren = new Set(
    (
      await tx.child.findMany({
        where: { AND: [{ id: { in: linked.map((l) => l.childId) } }, childWhere(actor, 'child.read', now)] },
        select: { id: true },
      })
    ).map((c) => c.id),
  )
  const users = await tx.user.findMany({
    where: {
      id: {
        in: [e.returnRecordedById, e.closedById, ...e.grabPackShares.map((s) => s.sharedById)].filter(
          (x): x is string => !!x,
        ),
      },
    },
    select: { id: true, name: true },
  })
  const userName = (id: string | null) => users.find((u) => u.id === id) ?? null
  // ids of the records now standing for each place, person and vehicle; the words are what was typed for this child
  const locations = e.locations.map((l) => ({
    role: l.role,
    place: {
      id: l.location.mergedIntoId ?? l.location.id,
      name: l.typedName ?? l.location.name,
      kind: l.location.kind,
      postcode: l.typedPostcode ?? l.location.postcode,
    },
  }))
  const place = (p: (typeof locations)[number]['place']) => p
  const associates = e.associates.map((a) => ({
    id: a.associate.mergedIntoId ?? a.associate.id,
    name: a.typedName ?? a.associate.name,
    description: a.typedDescription ?? a.associate.description,
  }))
  const vehicles = e.vehicles.map((v) => ({
    id: v.vehicle.mergedIntoId ?? v.vehicle.id,
    registration: v.typedRegistration ?? v.vehicle.registration,
    description: v.typedDescription ?? v.vehicle.description,
    taxiFirm: v.typedTaxiFirm ?? v.vehicle.taxiFirm,
  }))
  const found = locations.find((l) => l.role === 'FOUND')
  return {
    id: e.id,
    child: e.child,
    home: e.home,
    status: episodeStatus(e),
    absenceType: e.absenceType,
    lastSeenAt: e.lastSeenAt.toISOString(),
    lastSeenPlace: e.lastSeenPlace,
    lastSeenWith: e.lastSeenWith,
    clothing: e.clothing,
    takenWith: e.takenWith,
    policeInformed: e.policeInformed,
    policeReference: e.policeReference,
    policeRiskGrade: currentRiskGrade(e.updates),
    reportedAt: e.reportedAt.toISOString(),
    reportedBy: e.reportedBy,
    durationMinutes: Math.round(durationMinutes(e, now)),
    return: e.returnedAt
      ? {
          returnedAt: e.returnedAt.toISOString(),
          method: e.returnMethod!,
          methodOther: e.returnMethodOther,
          foundLocation: found ? place(found.place) : null,
          visitedLocations: locations.filter((l) => l.role === 'VISITED').map((l) => place(l.place)),
          associates: associates.map((a) => ({ id: a.id, name: a.name, description: a.description })),
          vehicles: vehicles.map((v) => ({
            id: v.id,
            registration: v.registration,
            description: v.description,
            taxiFirm: v.taxiFirm,
          })),
          injuries: e.injuries,
          hungry: e.hungry ?? false,
          tired: e.tired ?? false,
          intoxicated: e.intoxicated ?? false,
          signsOfHarm: e.signsOfHarm,
          medicalAttention: e.medicalAttention,
          whoInformed: e.whoInformed,
          recordedAt: iso(e.returnRecordedAt)!,
          recordedBy: userName(e.returnRecordedById),
        }
      : null,
    review: e.closedAt
      ? { closedAt: e.closedAt.toISOString(), closedBy: userName(e.closedById), note: e.reviewNote ?? '' }
      : null,
    updates: e.updates.map((u) => ({
      id: u.id,
      kind: u.kind,
      at: u.at.toISOString(),
      text: u.text,
      riskGrade: u.riskGrade,
      author: u.author,
      createdAt: u.createdAt.toISOString(),
    })),
    amendments: e.amendments.map((a) => ({
      id: a.id,
      field: a.field,
      previousValue: a.previousValue as string | boolean | null,
      newValue: a.newValue as string | boolean | null,
      reason: a.reason,
      author: a.author,
      createdAt: a.createdAt.toISOString(),
    })),
    wentWith: linked.map((l) => ({
      episodeId: visibleChildren.has(l.childId) ? l.id : null,
      childId: visibleChildren.has(l.childId) ? l.childId : null,
      name: visibleChildren.has(l.childId)
        ? `${l.child.firstName} ${l.child.lastName}`
        : 'Another child (not in your view)',
    })),
    grabPackShares: e.grabPackShares.map((s) => ({
      sharedAt: s.sharedAt.toISOString(),
      policeForce: s.policeForce,
      reference: s.reference,
      sharedBy: userName(s.sharedById),
    })),
    version: e.version,
  }
}

/** One episode, if the actor may see its child. */
export async function getEpisode(actor: Actor, episodeId: string, now = new Date()): Promise<EpisodeView> {
  return (await getEpisodeForPage(actor, episodeId, now)).episode
}

/** The episode and what its page needs to decide (who may close it): one audited read. */
export async function getEpisodeForPage(actor: Actor, episodeId: string, now = new Date()) {
  return useCase(actor, 'episode.read', { subject: 'episode', now }, async ({ tx, find, audit }) => {
    const include = { ...episodeInclude, child: { select: { ...episodeInclude.child.select, socialWorkerId: true } } }
    const episode = await find.episode(episodeId, { include })
    await audit({
      action: 'episode.read',
      subjectType: 'episode',
      subjectId: episode.id,
      childId: episode.childId,
      details: {},
    })
    const { socialWorkerId, ...child } = episode.child
    const wentWith = await wentWithEvents(tx, actor, episode.id, now)
    return { episode: await toView(tx, { ...episode, child }, actor, now), socialWorkerId, wentWith }
  })
}

function toSummary(
  e: {
    id: string
    absenceType: 'MISSING' | 'AWAY'
    lastSeenAt: Date
    returnedAt: Date | null
    closedAt: Date | null
    lastSeenPlace: string
    child: { id: string; firstName: string; lastName: string }
    home: { id: string; name: string } | null
  },
  now: Date,
): EpisodeSummary {
  return {
    id: e.id,
    child: e.child,
    home: e.home,
    status: episodeStatus(e),
    absenceType: e.absenceType,
    lastSeenAt: e.lastSeenAt.toISOString(),
    lastSeenPlace: e.lastSeenPlace,
    returnedAt: iso(e.returnedAt),
    durationMinutes: Math.round(durationMinutes(e, now)),
  }
}

const summarySelect = {
  id: true,
  absenceType: true,
  lastSeenAt: true,
  returnedAt: true,
  closedAt: true,
  lastSeenPlace: true,
  child: { select: { id: true, firstName: true, lastName: true } },
  home: { select: { id: true, name: true } },
} as const

/** A child's episodes, newest first (the child's missing history). */
export async function listChildEpisodes(actor: Actor, childId: string, now = new Date()): Promise<EpisodeSummary[]> {
  return useCase(actor, 'episode.read', { subject: 'child', now }, async ({ tx, find, audit }) => {
    await find.child(childId, { select: { id: true } })
    const episodes = await tx.missingEpisode.findMany({
      where: { childId },
      orderBy: { lastSeenAt: 'desc' },
      select: summarySelect,
    })
    await audit({
      action: 'episode.list',
      subjectType: 'child',
      subjectId: childId,
      childId,
      details: { count: episodes.length },
    })
    return episodes.map((e) => toSummary(e, now))
  })
}

/** How many episodes a dashboard shows at most (missing now; to review); past it, it says how many more there are. */
export const CURRENT_EPISODES_SHOWN = 500
const TO_REVIEW_SHOWN = 100

/**
 * Open and unreviewed episodes in the actor's scope, for dashboards. Nothing is left off silently: past `limit`, the
 * newest reports are kept (the first hours of an episode are when acting matters most) and openTotal counts them
 * all; past 100 returns to review, the most recent are kept and toReviewTotal counts them all.
 */
export async function currentEpisodes(actor: Actor, now = new Date(), limit = CURRENT_EPISODES_SHOWN) {
  if (!can(actor, 'episode.read')) return { open: [], openTotal: 0, toReview: [], toReviewTotal: 0 }
  return useCase(actor, 'episode.read', { now }, async ({ tx, scope, audit }) => {
    // every child missing now (one open episode each), shown longest missing first; the returns waiting for review
    const missingNow = { AND: [scope.episode, { returnedAt: null }] }
    const waiting = { AND: [scope.episode, { returnedAt: { not: null }, closedAt: null }] }
    const newest = await tx.missingEpisode.findMany({
      where: missingNow,
      orderBy: { lastSeenAt: 'desc' },
      select: summarySelect,
      take: limit,
    })
    const open = newest.reverse()
    const toReview = await tx.missingEpisode.findMany({
      where: waiting,
      orderBy: { returnedAt: 'desc' },
      select: summarySelect,
      take: TO_REVIEW_SHOWN,
    })
    const openTotal = open.length < limit ? open.length : await tx.missingEpisode.count({ where: missingNow })
    const toReviewTotal =
      toReview.length < TO_REVIEW_SHOWN ? toReview.length : await tx.missingEpisode.count({ where: waiting })
    const childIds = [...new Set([...open, ...toReview].map((e) => e.child.id))]
    await audit({
      action: 'episode.list',
      subjectType: 'episode',
      subjectId: '*',
      childIds,
      details: { count: open.length + toReview.length },
    })
    return {
      open: open.map((e) => toSummary(e, now)),
      openTotal,
      toReview: toReview.map((e) => toSummary(e, now)),
      toReviewTotal,
    }
  })
}

/** Children of the same home who could have gone with this child: their episode at the same time, if any. */
export async function wentWithCandidates(actor: Actor, episodeId: string, now = new Date()) {
  if (!can(actor, 'episode.link')) return []
  return useCase(actor, 'episode.link', { subject: 'episode', now }, async ({ tx, find, scope, audit }) => {
    const episode = await find.episode(episodeId)
    const day = calendarDate(londonDate(episode.lastSeenAt))
    // away from any Haven home (a bed and breakfast), nobody else lived there
    const children = !episode.homeId
      ? []
      : await tx.child.findMany({
          where: {
            AND: [
              { id: { not: episode.childId } },
              scope.child,
              {
                placements: {
                  some: {
                    homeId: episode.homeId,
                    startDate: { lte: day },
                    OR: [{ endDate: null }, { endDate: { gte: day } }],
                  },
                },
              },
            ],
          },
          select: {
            id: true,
            firstName: true,
            lastName: true,
            missingEpisodes: {
              where: {
                lastSeenAt: { lt: episode.returnedAt ?? now },
                OR: [{ returnedAt: null }, { returnedAt: { gt: episode.lastSeenAt } }],
              },
              select: { id: true, lastSeenAt: true },
              take: 1,
            },
          },
          orderBy: { firstName: 'asc' },
        })
    await audit({
      action: 'episode.list',
      subjectType: 'episode',
      subjectId: episodeId,
      childId: episode.childId,
      childIds: children.map((c) => c.id),
      details: { count: children.length },
    })
    return children.map((c) => ({
      childId: c.id,
      name: `${c.firstName} ${c.lastName}`,
      episodeId: c.missingEpisodes[0]?.id ?? null,
    }))
  }).catch((e) => {
    if (e instanceof NotFoundError) return [] // read through another role that may not link: nothing to offer
    throw e
  })
}
