// Return interviews as people read them: lists (due, overdue, held), one interview with what each reader may see of
// it, timeliness figures. Every read goes through useCase(): scoped (interviewWhere) and audited.
import { can } from '@/lib/domain/permissions'
import { interviewStatus, timeliness, type InterviewState } from '@/lib/domain/return-interviews'
import type { Actor } from '@/lib/domain/roles'
import { ageOn, isoDate, londonDate, londonMidnight, shiftDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { InterviewSummary, InterviewView } from '@/lib/validation/responses'
import { episodeFiguresWhere, interviewWhere } from '../scope'
import { orNotFound, useCase, type UseCase } from '../use-case'
import { mayReadConcerns } from './care-people'

const dueSoon = () => settings.returnInterview.dueSoonHours

const summaryInclude = {
  child: { select: { id: true, firstName: true, lastName: true, dateOfBirth: true } },
  episode: {
    select: {
      id: true,
      lastSeenAt: true,
      returnedAt: true,
      home: { select: { id: true, name: true, provider: { select: { name: true } } } },
    },
  },
} satisfies Prisma.ReturnInterviewInclude

type SummaryRow = Prisma.ReturnInterviewGetPayload<{ include: typeof summaryInclude }>

const state = (i: {
  dueAt: Date
  offeredAt: Date | null
  outcome: InterviewState['outcome']
  heldAt: Date | null
}): InterviewState => i

function toSummary(i: SummaryRow, now: Date): InterviewSummary {
  return {
    id: i.id,
    episodeId: i.episodeId,
    child: {
      id: i.child.id,
      firstName: i.child.firstName,
      lastName: i.child.lastName,
      age: ageOn(isoDate(i.child.dateOfBirth), londonDate(now)),
    },
    home: i.episode.home ? { id: i.episode.home.id, name: i.episode.home.name } : null,
    lastSeenAt: i.episode.lastSeenAt.toISOString(),
    returnedAt: i.episode.returnedAt!.toISOString(),
    dueAt: i.dueAt.toISOString(),
    status: interviewStatus(state(i), now, dueSoon()),
    heldBy: i.serviceAuthorityId ? 'service' : 'social-worker',
  }
}

export type InterviewListStatus = 'due' | 'overdue' | 'held' | 'all' | 'outstanding'

/** How many interviews a list shows at most; past it, the most urgent are shown and the total says how many more. */
export const INTERVIEWS_SHOWN = 500

/** Each list as a WHERE ('due' includes due soon; the rules are interviewStatus in lib/domain/return-interviews.ts). */
function statusWhere(status: InterviewListStatus, now: Date): Prisma.ReturnInterviewWhereInput {
  switch (status) {
    case 'held':
      return { outcome: 'HELD' }
    case 'all':
      return {}
    case 'overdue':
      return { outcome: null, dueAt: { lt: now } }
    case 'due':
      return { outcome: null, dueAt: { gte: now } }
    case 'outstanding':
      return { outcome: null }
  }
}

/** The interviews the actor may see (due, overdue, held, or all), at most `limit`, and how many there are. */
export async function listInterviewsWithTotal(
  actor: Actor,
  query: { status: InterviewListStatus },
  now = new Date(),
  limit = INTERVIEWS_SHOWN,
) {
  const denied = { forbidden: 'Your roles do not include return interviews.' }
  return useCase(actor, 'interview.read', { denied, now }, async ({ tx, scope, audit }) => {
    const where = { AND: [scope.interview, statusWhere(query.status, now)] }
    // not yet recorded: the most overdue first, so none is left off past the limit; recorded: the most recent first
    const outstanding = query.status !== 'held' && query.status !== 'all'
    const rows = await tx.returnInterview.findMany({
      where,
      include: summaryInclude,
      orderBy: { dueAt: outstanding ? 'asc' : 'desc' },
      take: limit,
    })
    const total = rows.length < limit ? rows.length : await tx.returnInterview.count({ where })
    const childIds = [...new Set(rows.map((r) => r.childId))]
    await audit({
      action: 'interview.list',
      subjectType: 'returnInterview',
      subjectId: '*',
      childIds,
      details: { count: rows.length, status: query.status },
    })
    return { interviews: rows.map((r) => toSummary(r, now)), total }
  })
}

/** The interviews the actor may see: due, overdue, held, or all (see listInterviewsWithTotal). */
export async function listInterviews(
  actor: Actor,
  query: { status: InterviewListStatus } = { status: 'all' },
  now = new Date(),
) {
  return (await listInterviewsWithTotal(actor, query, now)).interviews
}

const viewInclude = {
  ...summaryInclude,
  locations: { include: { location: true } },
  associates: { include: { associate: true } },
  vehicles: { include: { vehicle: true } },
  sharings: { orderBy: { sharedAt: 'asc' } },
  followUps: { orderBy: { createdAt: 'asc' } },
  amendments: { orderBy: { createdAt: 'asc' } },
} satisfies Prisma.ReturnInterviewInclude

/** The interview by its id or its episode's, within the use case's scope. */
export const interviewBy = ({ tx, scope }: UseCase, where: { id: string } | { episodeId: string }) =>
  tx.returnInterview
    .findFirst({ where: { AND: [where, scope.interview] }, include: viewInclude })
    .then(orNotFound('return interview'))

/** The interview for a person allowed to see it; the concerns about the home only for those allowed to read them. */
export async function getInterview(
  actor: Actor,
  where: { id: string } | { episodeId: string },
  now = new Date(),
): Promise<InterviewView> {
  return useCase(actor, 'interview.read', { subject: 'return interview', now }, async (uc) => {
    const { tx, audit } = uc
    const i = await interviewBy(uc, where)
    const concernsVisible = await mayReadConcerns(tx, actor, i.id)
    const recordable = { AND: [{ id: i.id }, interviewWhere(actor, 'interview.record', now)] }
    const mayRecord = can(actor, 'interview.record') && (await tx.returnInterview.count({ where: recordable })) > 0
    await audit({
      action: 'interview.read',
      subjectType: 'returnInterview',
      subjectId: i.id,
      childId: i.childId,
      details: { concernsShown: concernsVisible },
    })
    const people = await tx.user.findMany({
      where: {
        id: {
          in: [
            i.outcomeRecordedById,
            ...i.sharings.map((s) => s.recordedById),
            ...i.followUps.map((f) => f.createdById),
            ...i.amendments.map((a) => a.authorId),
          ].filter((x): x is string => !!x),
        },
      },
      select: { id: true, name: true },
    })
    const who = (id: string | null) => people.find((p) => p.id === id) ?? null
    return {
      ...toSummary(i, now),
      offeredAt: i.offeredAt?.toISOString() ?? null,
      offerMethod: i.offerMethod,
      outcome: i.outcome,
      notOfferedReason: i.notOfferedReason,
      heldAt: i.heldAt?.toISOString() ?? null,
      heldWhere: i.heldWhere,
      interviewerName: i.interviewerName,
      interviewerOrganisation: i.interviewerOrganisation,
      independenceDeclared: i.independenceDeclared,
      childChoseTrustedAdult: i.childChoseTrustedAdult,
      trustedAdult: i.trustedAdult,
      childSays: {
        whereAndWithWhom: i.whereAndWithWhom,
        whatHappened: i.whatHappened,
        whyLeft: i.whyLeft,
        harmed: i.harmed,
        feelsSafe: i.feelsSafe,
        whatWouldHelp: i.whatWouldHelp,
      },
      ...(concernsVisible ? { concernsAboutHome: i.concernsAboutHome } : {}),
      concernsVisible,
      mayRecord,
      providerName: i.episode.home?.provider.name ?? null,
      outcomeRecordedAt: i.outcomeRecordedAt?.toISOString() ?? null,
      outcomeRecordedBy: who(i.outcomeRecordedById),
      // what was typed in this interview, with the ids of the records it was recognised as
      locations: i.locations.map((l) => ({
        id: l.location.mergedIntoId ?? l.location.id,
        name: l.typedName ?? l.location.name,
        kind: l.location.kind,
        postcode: l.typedPostcode ?? l.location.postcode,
      })),
      associates: i.associates.map((a) => ({
        id: a.associate.mergedIntoId ?? a.associate.id,
        name: a.typedName ?? a.associate.name,
        description: a.typedDescription ?? a.associate.description,
      })),
      vehicles: i.vehicles.map((v) => ({
        id: v.vehicle.mergedIntoId ?? v.vehicle.id,
        registration: v.typedRegistration ?? v.vehicle.registration,
        description: v.typedDescription ?? v.vehicle.description,
        taxiFirm: v.typedTaxiFirm ?? v.vehicle.taxiFirm,
      })),
      // what went to the police and referral notes can repeat what the child said about the home: the same people see
      // them
      sharings: i.sharings.map((s) => ({
        id: s.id,
        sharedAt: s.sharedAt.toISOString(),
        policeForce: s.policeForce,
        what: concernsVisible ? s.what : null,
        basis: s.basis,
        reason: concernsVisible ? s.reason : null,
        recordedBy: who(s.recordedById),
      })),
      followUps: i.followUps.map((f) => ({
        id: f.id,
        kind: f.kind,
        reference: f.reference,
        note: concernsVisible ? f.note : null,
        createdAt: f.createdAt.toISOString(),
        createdBy: who(f.createdById),
      })),
      preventionInterview: i.preventionInterview,
      preventionInterviewDate: i.preventionInterviewDate ? isoDate(i.preventionInterviewDate) : null,
      // a correction to the concerns is as private as the concerns
      amendments: i.amendments
        .filter((a) => concernsVisible || a.field !== 'concernsAboutHome')
        .map((a) => ({
          id: a.id,
          field: a.field,
          previousValue: a.previousValue as string | null,
          newValue: a.newValue as string | null,
          reason: a.reason,
          author: who(a.authorId),
          createdAt: a.createdAt.toISOString(),
        })),
      version: i.version,
    }
  })
}

/** Timeliness per home and per placing authority, for returns in a period, over the episodes the actor may see. */
export async function timelinessReport(actor: Actor, period: { from: string; to: string }, now = new Date()) {
  const options = {
    denied: { forbidden: 'Your roles do not include timeliness figures.' },
    now,
    unaudited: 'figures only: counts per home and per placing authority, no child named',
  }
  return useCase(actor, 'interview.timeliness', options, async ({ tx }) => {
    // the period in UK days; a home's figures are its own episodes, wherever the children live now
    const rows = await tx.returnInterview.findMany({
      where: {
        AND: [
          { episode: episodeFiguresWhere(actor, 'interview.timeliness', now) },
          {
            episode: {
              returnedAt: { gte: londonMidnight(period.from), lt: londonMidnight(shiftDate(period.to, { days: 1 })) },
            },
          },
        ],
      },
      select: {
        dueAt: true,
        offeredAt: true,
        outcome: true,
        heldAt: true,
        child: { select: { placingAuthority: { select: { id: true, name: true } } } },
        episode: { select: { home: { select: { id: true, name: true } } } },
      },
    })
    const group = (key: (r: (typeof rows)[number]) => { id: string; name: string }) => {
      const groups = new Map<string, { name: string; states: InterviewState[] }>()
      for (const r of rows) {
        const k = key(r)
        groups.set(k.id, { name: k.name, states: [...(groups.get(k.id)?.states ?? []), r] })
      }
      return [...groups.entries()]
        .map(([id, g]) => ({ id, name: g.name, ...timeliness(g.states, now, dueSoon()) }))
        .sort((a, b) => a.name.localeCompare(b.name))
    }
    return {
      period,
      total: timeliness(rows, now, dueSoon()),
      byHome: group((r) => r.episode.home ?? { id: 'none', name: 'Not in a Haven home' }),
      byAuthority: group((r) => r.child.placingAuthority),
    }
  })
}

/** Outstanding interviews in scope, for dashboards (due soon first). */
export async function outstandingInterviews(actor: Actor, now = new Date()) {
  if (!can(actor, 'interview.read')) return []
  return listInterviews(actor, { status: 'outstanding' }, now)
}
