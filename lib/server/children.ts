// Children: the list, the child's record, adding a child. Every use case enters through useCase(): scoped and audited.
import { lookedAfterSinceProblem } from '@/lib/domain/reviews'
import { grantsFor } from '@/lib/domain/permissions'
import {
  checkNewPlacement,
  placementConcerns,
  REG41_KIND_LABELS,
  reg41NoticesMissing,
  UNREGULATED_PLACE_CODES,
} from '@/lib/domain/placements'
import type { Actor } from '@/lib/domain/roles'
import { legalStatusProblem } from '@/lib/domain/ssda903'
import { ageOn, calendarDate, isoDate, londonDate } from '@/lib/domain/time'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { NewChild } from '@/lib/validation/children'
import type { ChildRecord, ChildSummary, PlacementView } from '@/lib/validation/responses'
import { recordAudit } from './audit'
import type { Tx } from './database'
import { NotFoundError, throwIfProblems, ValidationError, type FieldErrors } from './errors'
import { currentPlacement } from './scope'
import { patternsAfterEvent } from './patterns'
import { placementData, resolvePlacementSetting } from './placement-setting'
import { openUseCase, useCase } from './use-case'

const personName = { select: { id: true, name: true } } as const
const placementInclude = {
  home: { select: { id: true, name: true, postcode: true, ofstedUrn: true } },
  areaAuthority: { select: { id: true, name: true } },
  reg41Notices: {
    select: { kind: true, notifiedOn: true, method: true, givenBy: true },
    orderBy: { notifiedOn: 'asc' },
  },
} as const

type PlacementRow = Prisma.PlacementGetPayload<{ include: typeof placementInclude }>

function toPlacement(p: PlacementRow, dateOfBirth: string): PlacementView {
  const placement = {
    id: p.id,
    home: p.home,
    settingName: p.settingName,
    settingPostcode: p.settingPostcode,
    areaAuthority: p.areaAuthority,
    outOfArea: p.outOfArea,
    startDate: isoDate(p.startDate),
    endDate: p.endDate ? isoDate(p.endDate) : null,
    placeCode: p.placeCode,
    bedAndBreakfast: p.bedAndBreakfast,
    emergency: p.emergency,
    areaNotifiedOn: p.areaNotifiedOn ? isoDate(p.areaNotifiedOn) : null,
    reg41Notices: p.reg41Notices.map((n) => ({ ...n, notifiedOn: isoDate(n.notifiedOn) })),
    placeProvider: p.placeProvider,
    reasonForChange: p.reasonForChange,
    endReason: p.endReason,
  }
  // a Regulation 41 notice is flagged while it is missing, even after the placement ended (the discharge notice)
  const reg41 = reg41NoticesMissing(
    { homeId: p.homeId, outOfArea: p.outOfArea, endDate: placement.endDate },
    p.reg41Notices,
  ).map((kind) => ({
    level: 'warning' as const,
    message: `No Regulation 41 notice of ${REG41_KIND_LABELS[kind]} to ${p.areaAuthority.name} is recorded: the home tells the authority it is in, in writing, without delay.`,
  }))
  return { ...placement, concerns: [...(placement.endDate ? [] : placementConcerns(placement, dateOfBirth)), ...reg41] }
}

/** How many children a page of the list shows. */
export const CHILDREN_PER_PAGE = 100

export type ChildListQuery = {
  search?: string | null
  /** only the children placed at this home now */
  homeId?: string
  /** only the children whose current placement may raise a critical concern (B&B, supported or independent
   * accommodation): lib/domain/placements.ts decides */
  mayNeedAttention?: boolean
  page?: number
  perPage?: number
}

/** Prisma's contains is SQL LIKE and passes % and _ through as wildcards: a search for "%" would match everyone. */
const likeLiteral = (word: string) => word.replace(/[\\%_]/g, '\\$&')

/** The children the list shows for this query, within the actor's scope. */
function listWhere(scope: Prisma.ChildWhereInput, words: string[], query: ChildListQuery, now: Date) {
  const mayConcern = { OR: [{ bedAndBreakfast: true }, { placeCode: { in: UNREGULATED_PLACE_CODES } }] }
  return {
    AND: [
      scope,
      ...words.map(likeLiteral).map((w) => ({
        OR: [
          { firstName: { contains: w, mode: 'insensitive' as const } },
          { lastName: { contains: w, mode: 'insensitive' as const } },
        ],
      })),
      ...(query.homeId ? [{ placements: { some: currentPlacement(now, { homeId: query.homeId }) } }] : []),
      ...(query.mayNeedAttention ? [{ placements: { some: currentPlacement(now, mayConcern) } }] : []),
    ],
  } satisfies Prisma.ChildWhereInput
}

const summaryInclude = (now: Date) =>
  ({
    placingAuthority: { select: { name: true } },
    iro: personName,
    socialWorker: personName,
    placements: { where: currentPlacement(now), include: placementInclude, take: 1, orderBy: { startDate: 'desc' } },
  }) satisfies Prisma.ChildInclude

type SummaryRow = Prisma.ChildGetPayload<{ include: ReturnType<typeof summaryInclude> }>

function toSummary(c: SummaryRow, today: string): ChildSummary {
  const dateOfBirth = isoDate(c.dateOfBirth)
  const current = c.placements[0]
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    dateOfBirth,
    age: ageOn(dateOfBirth, today),
    placingAuthority: c.placingAuthority.name,
    iro: c.iro,
    socialWorker: c.socialWorker,
    currentPlacement: current ? toPlacement(current, dateOfBirth) : null,
  }
}

const listOrder: Prisma.ChildOrderByWithRelationInput[] = [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }]
const NOT_A_READER = { forbidden: "Your roles do not include seeing children's records." }

/** The children list, scoped to the actor, a page at a time, with how many there are in all. */
export async function listChildren(
  actor: Actor,
  query: ChildListQuery = {},
  now = new Date(),
): Promise<{ children: ChildSummary[]; total: number; page: number; pages: number }> {
  return useCase(actor, 'child.list', { denied: NOT_A_READER, now }, async ({ tx, scope, audit }) => {
    // control characters separate words like spaces do: no name holds one, and PostgreSQL cannot take a NUL
    const words = (query.search ?? '')
      .trim()
      .split(/[\s\p{Cc}]+/u)
      .filter(Boolean)
      .slice(0, 4)
    const perPage = query.perPage ?? CHILDREN_PER_PAGE
    const where = listWhere(scope.child, words, query, now)
    const total = await tx.child.count({ where })
    const pages = Math.max(1, Math.ceil(total / perPage))
    const page = Math.min(Math.max(1, query.page ?? 1), pages)
    const skip = (page - 1) * perPage
    const children = await tx.child.findMany({
      where,
      orderBy: listOrder,
      skip,
      take: perPage,
      include: summaryInclude(now),
    })
    const details = { count: children.length, searched: words.length > 0 } // never the words searched for
    await audit({
      action: 'child.list',
      subjectType: 'child',
      subjectId: '*',
      childIds: children.map((c) => c.id),
      details,
    })
    const today = londonDate(now)
    return { children: children.map((c) => toSummary(c, today)), total, page, pages }
  })
}

/** Every child in view whose current placement raises a critical concern (bed and breakfast, under 16 in
 * unregulated accommodation): all of them, never cut short by a page size. */
export async function childrenNeedingAttention(actor: Actor, now = new Date()): Promise<ChildSummary[]> {
  return useCase(actor, 'child.list', { denied: NOT_A_READER, now }, async ({ tx, scope, audit }) => {
    // the query narrows to the placements that may concern; lib/domain/placements.ts decides which do
    const where = listWhere(scope.child, [], { mayNeedAttention: true }, now)
    const candidates = await tx.child.findMany({ where, orderBy: listOrder, include: summaryInclude(now) })
    const childIds = candidates.map((c) => c.id)
    await audit({
      action: 'child.list',
      subjectType: 'child',
      subjectId: '*',
      childIds,
      details: { count: childIds.length, searched: false },
    })
    const today = londonDate(now)
    const critical = (c: ChildSummary) => c.currentPlacement?.concerns.some((k) => k.level === 'critical')
    return candidates.map((c) => toSummary(c, today)).filter(critical)
  })
}

/** The audit event for a read of a child's record, or for the refusal when it was not found in the actor's scope. */
export function childReadEvent(
  childId: string,
  found: { id: string } | null,
  action: 'child.read' | 'child.chronology',
) {
  return {
    action: found ? action : ('child.read-denied' as const),
    subjectType: 'child',
    subjectId: childId.slice(0, 100),
    childId: found?.id ?? null,
    details: {},
  }
}

/** Audits a read of a child's record, or the refusal when it was not found in the actor's scope. */
export function auditChildRead(
  tx: Tx,
  actor: Actor,
  childId: string,
  found: { id: string } | null,
  action: 'child.read' | 'child.chronology',
) {
  return recordAudit(tx, { ...childReadEvent(childId, found, action), actorId: actor.userId })
}

/** A child's record, if the actor may read it; otherwise NotFoundError. The read (or the refusal) is audited. */
export async function getChild(actor: Actor, childId: string, now = new Date()): Promise<ChildRecord> {
  // the refusal is audited too, so the use case ends normally and "not found" is thrown once it has committed
  const child = await useCase(actor, 'child.read', { subject: 'child', now }, async ({ tx, scope, audit }) => {
    const found = await tx.child.findFirst({
      where: { AND: [{ id: childId }, scope.child] },
      include: {
        placingAuthority: { select: { id: true, name: true, code: true } },
        iro: personName,
        socialWorker: personName,
        placements: { include: placementInclude, orderBy: { startDate: 'desc' } },
      },
    })
    await audit(childReadEvent(childId, found, 'child.read'))
    return found
  })
  if (!child) throw new NotFoundError('child')
  const dateOfBirth = isoDate(child.dateOfBirth)
  const today = londonDate(now)
  return {
    id: child.id,
    firstName: child.firstName,
    lastName: child.lastName,
    dateOfBirth,
    age: ageOn(dateOfBirth, today),
    sex: child.sex,
    ethnicity: child.ethnicity,
    disability: child.disability,
    disabilityDetails: child.disabilityDetails,
    legalStatus: child.legalStatus,
    placingAuthority: child.placingAuthority,
    iro: child.iro,
    socialWorker: child.socialWorker,
    placements: child.placements.map((p) => toPlacement(p, dateOfBirth)),
    createdAt: child.createdAt.toISOString(),
  }
}

// ---- writing

async function checkAllocations(tx: Tx, input: NewChild) {
  const problems: FieldErrors = {}
  const holds = async (userId: string | null, role: 'IRO' | 'SOCIAL_WORKER') =>
    !userId ||
    (await tx.roleAssignment.count({
      where: { userId, role, localAuthorityId: input.placingAuthorityId, user: { active: true } },
    })) > 0
  if (!(await holds(input.iroId, 'IRO'))) problems.iroId = 'Select an IRO of the placing local authority'
  if (!(await holds(input.socialWorkerId, 'SOCIAL_WORKER')))
    problems.socialWorkerId = 'Select a social worker of the placing local authority'
  throwIfProblems(problems)
}

/** The authority's reference names one child of that authority. */
export async function checkReferenceFree(
  tx: Tx,
  placingAuthorityId: string,
  authorityRef: string | null,
  childId: string | null,
) {
  if (!authorityRef) return
  const holder = await tx.child.findFirst({
    where: { placingAuthorityId, authorityRef, ...(childId ? { id: { not: childId } } : {}) },
    select: { id: true },
  })
  if (holder) throw new ValidationError({ authorityRef: 'Another child of this authority has this reference' })
}

/** Adds a child with their first placement. The child must be someone the actor can then see. */
export async function createChild(actor: Actor, input: NewChild, now = new Date()) {
  const denied = { forbidden: 'Your roles do not include adding children.' }
  return useCase(actor, 'child.create', { denied, now }, async ({ tx, audit }) => {
    const today = londonDate(now)
    // TODO(lead): who may add a child, and where, is a role refinement to move into lib/domain/permissions.ts as a
    // predicate: a social worker adding a child of their authority is its allocated social worker unless they name
    // another, and (resolvePlacementSetting) a registered manager places only in a home they manage, a social worker
    // anywhere.
    const socialWorkerGrant = grantsFor(actor, 'child.create').find(
      (g) => g.role === 'SOCIAL_WORKER' && g.localAuthorityId === input.placingAuthorityId,
    )
    const socialWorkerId = input.socialWorkerId ?? (socialWorkerGrant ? actor.userId : null)
    const problems: FieldErrors = {}
    if (input.dateOfBirth > today) problems.dateOfBirth = 'Date of birth cannot be in the future'
    else if (ageOn(input.dateOfBirth, today) >= 18)
      problems.dateOfBirth = 'A child looked after is under 18: check the date of birth'
    for (const [field, message] of Object.entries(
      checkNewPlacement(input.placement, { dateOfBirth: input.dateOfBirth, placements: [] }, today),
    ))
      problems[`placement.${field}`] = message
    // the day the child became looked after: often long before this placement (CPPCR 2010 reg 33 counts from it)
    const lookedAfterSince = input.lookedAfterSince ?? input.placement.startDate
    const sinceProblem = lookedAfterSinceProblem(lookedAfterSince, {
      today,
      dateOfBirth: input.dateOfBirth,
      firstPlacement: input.placement.startDate,
    })
    if (sinceProblem) problems.lookedAfterSince = sinceProblem
    const statusProblem = legalStatusProblem(input.legalStatus, lookedAfterSince)
    if (statusProblem) problems.legalStatus = statusProblem
    throwIfProblems(problems)

    if (!(await tx.localAuthority.findUnique({ where: { id: input.placingAuthorityId } })))
      throw new ValidationError({ placingAuthorityId: 'Select the placing local authority from the list' })
    await checkReferenceFree(tx, input.placingAuthorityId, input.authorityRef, null)
    await checkAllocations(tx, { ...input, socialWorkerId })
    const setting = await resolvePlacementSetting(
      tx,
      actor,
      'child.create',
      input.placement,
      input.placingAuthorityId,
      'placement',
    )
    const child = await tx.child.create({
      data: {
        firstName: input.firstName,
        lastName: input.lastName,
        dateOfBirth: calendarDate(input.dateOfBirth),
        sex: input.sex,
        ethnicity: input.ethnicity,
        disability: input.disability,
        disabilityDetails: input.disabilityDetails,
        legalStatus: input.legalStatus,
        authorityRef: input.authorityRef,
        upn: input.upn,
        returnSex: input.returnSex,
        placingAuthorityId: input.placingAuthorityId,
        socialWorkerId,
        iroId: input.iroId,
        createdById: actor.userId,
        placements: { create: { ...placementData(input.placement, setting), createdById: actor.userId } },
        periodsOfCare: {
          create: {
            startDate: calendarDate(lookedAfterSince),
            homePostcode: input.homePostcode,
            createdById: actor.userId,
            legalStatuses: {
              create: {
                startDate: calendarDate(lookedAfterSince),
                legalStatus: input.legalStatus,
                categoryOfNeed: input.categoryOfNeed,
                createdById: actor.userId,
              },
            },
          },
        },
      },
      include: { placements: true },
    })
    // readable, not only addable: the reader's scope, not the adder's
    const readable = openUseCase(tx, actor, 'child.read', now).scope.child
    if ((await tx.child.count({ where: { AND: [{ id: child.id }, readable] } })) === 0)
      throw new ValidationError({
        socialWorkerId:
          'You would not be able to see this child once added: allocate yourself as the social worker, or ask the allocated social worker to add the child',
      })
    await patternsAfterEvent(tx, child.id, now)
    const details = { placementId: child.placements[0].id }
    await audit({ action: 'child.create', subjectType: 'child', subjectId: child.id, childId: child.id, details })
    return { id: child.id }
  })
}
