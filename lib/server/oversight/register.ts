// The register of independent persons (Children's Homes (England) Regulations 2015 reg 43): who may visit a home,
// their declaration, and whether they are independent, worked out from the declaration and what Haven knows of
// them (never typed). Nothing is edited in place: an appointment is ended, and a changed declaration is a new entry.
import { independence, type Declaration, type KnownRoles } from '@/lib/domain/independent-person'
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, formatDate, isoDate, londonDate } from '@/lib/domain/time'
import type { EndAppointmentInput, IndependentPersonInput } from '@/lib/validation/oversight'
import { inTurn, type Tx } from '../database'
import { ValidationError } from '../errors'
import { initials } from '../notifications'
import { orNotFound, useCase } from '../use-case'
import { homeSelect, placedAt, placingAuthorityIds } from './home'

/** What Haven knows of the person from their account: staff roles at the provider's homes, the responsible
 * individual, and IRO or social worker of a child placed at the home today (with those children, for the audit). */
export async function knownRoles(
  tx: Tx,
  person: { userId: string | null; email: string | null },
  home: { id: string; providerId: string },
  today: string,
): Promise<KnownRoles & { childIds: string[] }> {
  const user = person.userId
    ? await tx.user.findUnique({ where: { id: person.userId }, select: { id: true } })
    : person.email
      ? await tx.user.findUnique({ where: { email: person.email }, select: { id: true } })
      : null
  if (!user) return { staffAt: [], responsibleIndividual: false, allocatedTo: [], childIds: [] }
  const [roles, children] = await inTurn(
    () =>
      tx.roleAssignment.findMany({
        where: {
          userId: user.id,
          OR: [
            { role: { in: ['CARE_WORKER', 'REGISTERED_MANAGER'] }, home: { providerId: home.providerId } },
            { role: 'RESPONSIBLE_INDIVIDUAL', providerId: home.providerId },
          ],
        },
        select: { role: true, home: { select: { name: true } } },
      }),
    () =>
      tx.child.findMany({
        where: {
          OR: [{ iroId: user.id }, { socialWorkerId: user.id }],
          placements: { some: placedAt(home.id, today) },
        },
        select: { id: true, firstName: true, lastName: true, iroId: true },
      }),
  )
  return {
    staffAt: [...new Set(roles.filter((r) => r.home).map((r) => r.home!.name))],
    responsibleIndividual: roles.some((r) => r.role === 'RESPONSIBLE_INDIVIDUAL'),
    allocatedTo: children.map((c) => ({
      initials: initials(c),
      role: c.iroId === user.id ? ('IRO' as const) : ('social worker' as const),
    })),
    childIds: children.map((c) => c.id),
  }
}

export const declarationOf = (p: Declaration) => ({
  notPaidStaff: p.notPaidStaff,
  notCarePlanning: p.notCarePlanning,
  notCommissionerOrFunder: p.notCommissionerOrFunder,
  noFinancialInterest: p.noFinancialInterest,
  notResponsibleIndividual: p.notResponsibleIndividual,
  noConnection: p.noConnection,
})

/** The home's register, newest first, each with independence as of `today`; and the children whose initials the
 * reasons name (an IRO or social worker of a child there is not independent), for the audit. */
export async function peopleWithIndependence(tx: Tx, home: { id: string; providerId: string }, today: string) {
  const people = await tx.independentPerson.findMany({ where: { homeId: home.id }, orderBy: { appointedOn: 'desc' } })
  const authorities = await tx.localAuthority.findMany({
    where: { id: { in: people.map((p) => p.approvedByAuthorityId).filter((x): x is string => !!x) } },
    select: { id: true, name: true },
  })
  const result = []
  const childIds: string[] = []
  for (const p of people) {
    const { childIds: named, ...known } = await knownRoles(tx, p, home, today)
    childIds.push(...named)
    result.push({
      id: p.id,
      name: p.name,
      organisation: p.organisation,
      userId: p.userId,
      appointedBy: p.appointedBy,
      appointedOn: isoDate(p.appointedOn),
      approvedBy: authorities.find((a) => a.id === p.approvedByAuthorityId)?.name ?? null,
      approvedOn: p.approvedOn ? isoDate(p.approvedOn) : null,
      connectionDetails: p.connectionDetails,
      endedOn: p.endedOn ? isoDate(p.endedOn) : null,
      endReason: p.endReason,
      ...independence(declarationOf(p), known),
    })
  }
  return { people: result, childIds }
}

/** Registers an independent person with their declaration; whether they are independent is worked out, never typed. */
export async function registerIndependentPerson(
  actor: Actor,
  homeId: string,
  input: IndependentPersonInput,
  now = new Date(),
) {
  if (input.appointedOn > londonDate(now))
    throw new ValidationError({ appointedOn: 'The appointment date cannot be in the future' })
  if (input.approvedOn && input.approvedOn > londonDate(now))
    throw new ValidationError({ approvedOn: 'The approval date cannot be in the future' })
  if (!input.noConnection && !input.connectionDetails)
    throw new ValidationError({
      connectionDetails: 'Describe the connection that may cast doubt on their impartiality',
    })
  return useCase(actor, 'oversight.manage', { subject: 'home', now }, async ({ tx, find, audit }) => {
    const home = await find.home(homeId, { select: homeSelect })
    if (
      input.approvedByAuthorityId &&
      ![home.hostAuthorityId, ...(await placingAuthorityIds(tx, home.id, londonDate(now)))].includes(
        input.approvedByAuthorityId,
      )
    )
      throw new ValidationError({
        approvedByAuthorityId: 'Select the host authority or a placing authority of a child at the home',
      })
    const user = input.email ? await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }) : null
    const person = await tx.independentPerson.create({
      data: {
        ...input,
        homeId,
        userId: user?.id ?? null,
        appointedOn: calendarDate(input.appointedOn),
        approvedOn: input.approvedOn ? calendarDate(input.approvedOn) : null,
        createdAt: now,
        createdById: actor.userId,
      },
    })
    const { childIds, ...known } = await knownRoles(
      tx,
      { userId: person.userId, email: person.email },
      home,
      londonDate(now),
    )
    const result = independence(declarationOf(input), known)
    await audit({
      action: 'oversight.register',
      subjectType: 'home',
      subjectId: homeId,
      childIds,
      details: { independentPersonId: person.id, independent: result.independent },
    })
    return { id: person.id, ...result }
  })
}

/** One person on the home's register, with independence worked out as of today (for ending their appointment). */
export async function getIndependentPerson(actor: Actor, personId: string, now = new Date()) {
  return useCase(
    actor,
    'oversight.manage',
    { subject: 'independent person', now },
    async ({ tx, scope, find, audit }) => {
      // through the home's scope: a person on another home's register is "not found" like one who is on none
      const entry = await tx.independentPerson
        .findFirst({ where: { id: personId, home: scope.home }, select: { homeId: true } })
        .then(orNotFound('independent person'))
      const home = await find.home(entry.homeId, { select: homeSelect })
      const { people, childIds } = await peopleWithIndependence(tx, home, londonDate(now))
      const person = people.find((p) => p.id === personId)!
      await audit({
        action: 'oversight.people',
        subjectType: 'home',
        subjectId: home.id,
        childIds,
        details: { independentPersonId: personId },
      })
      return { home, person }
    },
  )
}

/** Ends an independent person's appointment, once, with the date and why. The entry stays on the register with
 * their visits; a changed declaration is a new registration and this one ended. */
export async function endAppointment(actor: Actor, personId: string, input: EndAppointmentInput, now = new Date()) {
  if (input.endedOn > londonDate(now)) throw new ValidationError({ endedOn: 'The end date cannot be in the future' })
  return useCase(actor, 'oversight.manage', { subject: 'independent person', now }, async ({ tx, scope, audit }) => {
    const person = await tx.independentPerson
      .findFirst({
        where: { id: personId, home: scope.home },
        include: { visits: { orderBy: { visitedOn: 'desc' }, take: 1, select: { visitedOn: true } } },
      })
      .then(orNotFound('independent person'))
    if (input.endedOn < isoDate(person.appointedOn))
      throw new ValidationError({
        endedOn: `${person.name} was appointed on ${formatDate(person.appointedOn)}: the end cannot be before that`,
      })
    const lastVisit = person.visits[0]?.visitedOn
    if (lastVisit && input.endedOn < isoDate(lastVisit))
      throw new ValidationError({
        endedOn: `${person.name} visited on ${formatDate(lastVisit)}: the end cannot be before their last visit`,
      })
    // once only, even if two managers end it at the same moment
    const ended = await tx.independentPerson.updateMany({
      where: { id: personId, endedOn: null },
      data: { endedOn: calendarDate(input.endedOn), endReason: input.reason, endedAt: now, endedById: actor.userId },
    })
    if (ended.count !== 1) throw new ValidationError({ form: `${person.name}'s appointment has already been ended.` })
    await audit({
      action: 'oversight.register-end',
      subjectType: 'home',
      subjectId: person.homeId,
      details: { independentPersonId: personId, endedOn: input.endedOn },
    })
    return { id: personId, homeId: person.homeId }
  })
}

/** Who may approve an independent person: the host authority or a placing authority of a child there now. */
export async function approvingAuthorities(actor: Actor, homeId: string, now = new Date()) {
  const unaudited = 'the home and the authorities with a child there: no child is named or counted'
  return useCase(actor, 'oversight.manage', { subject: 'home', now, unaudited }, async ({ tx, find }) => {
    const home = await find.home(homeId, { select: homeSelect })
    const ids = [home.hostAuthorityId, ...(await placingAuthorityIds(tx, homeId, londonDate(now)))]
    return {
      home,
      authorities: await tx.localAuthority.findMany({
        where: { id: { in: ids } },
        orderBy: { name: 'asc' },
        select: { id: true, name: true },
      }),
    }
  })
}
