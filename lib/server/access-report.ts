// Who read or changed a child's records (the access report), and everything one person read in a period (for an
// investigation). Both read the audit trail through its indexes: childId (one child) and the GIN index on childIds
// (a list, a report, an export that covered many), and are audited themselves.
import { accessWords } from '@/lib/domain/access-words'
import { grantsFor } from '@/lib/domain/permissions'
import { ROLE_LABELS, type Actor } from '@/lib/domain/roles'
import { londonDate, londonMidnight, shiftDate } from '@/lib/domain/time'
import type { Tx } from './database'
import { NotFoundError } from './errors'
import { initials } from './notifications'
import { useCase } from './use-case'

/** the most entries one report shows (newest first); a longer period is narrowed with from and to */
export const ACCESS_REPORT_LIMIT = 5000

type Period = { from?: string | null; to?: string | null }
type EventRow = {
  seq: bigint
  at: Date
  actorId: string | null
  action: string
  subjectType: string
  subjectId: string
  childId: string | null
  childIds: string[]
  details: { job?: string }
  requestId: string | null
}

/** The period asked for, or the last 12 months; as days and as the instants they start and end. */
function period(p: Period, now: Date) {
  const to = p.to ?? londonDate(now)
  const from = p.from ?? shiftDate(to, { years: -1, days: 1 })
  return { from, to, gte: londonMidnight(from), lt: londonMidnight(shiftDate(to, { days: 1 })) }
}

async function people(tx: Tx, ids: (string | null)[]) {
  const users = await tx.user.findMany({
    where: { id: { in: ids.filter((x): x is string => !!x) } },
    select: { id: true, name: true, roles: { select: { role: true } } },
  })
  return new Map(
    users.map((u) => [u.id, { name: u.name, roles: [...new Set(u.roles.map((r) => ROLE_LABELS[r.role]))] }]),
  )
}

const entry = (e: EventRow) => ({
  at: e.at.toISOString(),
  action: e.action,
  ...accessWords(e.action),
  subject: { type: e.subjectType, id: e.subjectId },
  requestId: e.requestId,
})

/** Every event that concerns the child in the period, newest first: who, when, what, through which page. */
export async function getChildAccessReport(actor: Actor, childId: string, p: Period = {}, now = new Date()) {
  return useCase(actor, 'audit.child-access', { subject: 'child', now }, async ({ tx, find, audit }) => {
    // the administrator reaches any child by id (for the data protection officer), and sees initials only: they do
    // not read case records; the manager and the missing lead reach the children in their scope
    const anyChild = grantsFor(actor, 'audit.child-access').some((g) => g.role === 'SYSTEM_ADMIN')
    const select = { id: true, firstName: true, lastName: true } as const
    const inScope = await find.child(childId, { select }).catch((e: unknown) => {
      if (anyChild && e instanceof NotFoundError) return null
      throw e
    })
    const child = inScope ?? (await tx.child.findUnique({ where: { id: childId }, select }))
    if (!child) throw new NotFoundError('child')
    const { from, to, gte, lt } = period(p, now)
    // one query that both indexes answer (a bitmap OR of childId's b-tree and childIds' GIN)
    const rows = await tx.$queryRaw<EventRow[]>`
      SELECT seq, at, "actorId", action, "subjectType", "subjectId", "childId", "childIds", details, "requestId"
        FROM "AuditEvent"
       WHERE ("childId" = ${child.id} OR "childIds" @> ARRAY[${child.id}]::text[]) AND at >= ${gte} AND at < ${lt}
       ORDER BY seq DESC LIMIT ${ACCESS_REPORT_LIMIT + 1}`
    const shown = rows.slice(0, ACCESS_REPORT_LIMIT)
    const who = await people(tx, [...new Set(shown.map((r) => r.actorId))])
    const entries = shown.map((e) => {
      const person = e.actorId ? who.get(e.actorId) : undefined
      return {
        ...entry(e),
        person:
          person?.name ?? (e.actorId ? 'A person no longer in Haven' : `Haven (${e.details.job ?? 'scheduled job'})`),
        roles: person?.roles ?? [],
      }
    })
    await audit({
      action: 'audit.child-access',
      subjectType: 'child',
      subjectId: child.id,
      childId: child.id,
      details: { from, to, events: entries.length },
    })
    return {
      child: { id: child.id, name: inScope ? `${child.firstName} ${child.lastName}` : initials(child) },
      from,
      to,
      entries,
      more: rows.length > ACCESS_REPORT_LIMIT,
      people: who.size,
    }
  })
}

/** Everything one person did in Haven in the period (reads and changes), with the children each covered. */
export async function getPersonAccessReport(actor: Actor, userId: string, p: Period = {}, now = new Date()) {
  const denied = { forbidden: "Only a system administrator can read a person's access report." }
  return useCase(actor, 'audit.person-access', { denied, now }, async ({ tx, audit }) => {
    const person = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true } })
    if (!person) throw new NotFoundError('person')
    const { from, to, gte, lt } = period(p, now)
    const rows = await tx.auditEvent.findMany({
      where: { actorId: person.id, at: { gte, lt } },
      orderBy: { seq: 'desc' },
      take: ACCESS_REPORT_LIMIT + 1,
    })
    const shown = rows.slice(0, ACCESS_REPORT_LIMIT) as unknown as EventRow[]
    const childIds = [...new Set(shown.flatMap((e) => [...(e.childId ? [e.childId] : []), ...e.childIds]))]
    const children = new Map(
      (
        await tx.child.findMany({
          where: { id: { in: childIds } },
          select: { id: true, firstName: true, lastName: true },
        })
      ).map((c) => [c.id, initials(c)]),
    )
    const entries = shown.map((e) => ({
      ...entry(e),
      children: [...new Set([...(e.childId ? [e.childId] : []), ...e.childIds])].map((id) => ({
        id,
        initials: children.get(id) ?? '?',
      })),
    }))
    await audit({
      action: 'audit.person-access',
      subjectType: 'user',
      subjectId: person.id,
      childIds,
      details: { userId: person.id, from, to, events: entries.length },
    })
    return { person, from, to, entries, more: rows.length > ACCESS_REPORT_LIMIT }
  })
}
