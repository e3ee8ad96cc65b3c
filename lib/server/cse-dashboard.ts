// The exploitation figures for dashboards: children in scope whose flags need someone to act, and how many children
// are at each level, kind by kind. Scoped and audited like every read of children.
import { countLevels, type KindJudged } from '@/lib/domain/cse'
import { can } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { cseFlagsFrom, planFlagsSelect, screeningFlagsSelect } from './cse'
import { openEventWhere } from './notifiable-events'
import { currentPlacement } from './scope'
import { useCase } from './use-case'

/**
 * Children in scope with CSE flags that need someone to act (for dashboards): plans due or overdue, reviews, Reg 40.
 */
export async function cseFlagsInScope(actor: Actor, now = new Date()) {
  if (!can(actor, 'cse.read')) return []
  return useCase(actor, 'cse.read', { now }, async ({ tx, scope, audit }) => {
    const children = await tx.child.findMany({
      where: scope.child,
      select: {
        id: true,
        firstName: true,
        lastName: true,
        cseScreenings: {
          orderBy: { screenedAt: 'desc' },
          take: 1,
          select: screeningFlagsSelect,
        },
        safetyPlans: { select: planFlagsSelect },
        notifiableEvents: { where: { kind: 'SEXUAL_EXPLOITATION', ...openEventWhere }, select: { id: true } },
      },
    })
    const flagged = children
      .map((c) => ({
        child: { id: c.id, firstName: c.firstName, lastName: c.lastName },
        flags: cseFlagsFrom(c.cseScreenings[0] ?? null, c.safetyPlans, c.notifiableEvents.length > 0, now).filter(
          (f) => f.level !== 'info',
        ),
      }))
      .filter((c) => c.flags.length > 0)
    const shown = flagged.map((c) => c.child.id)
    await audit({
      action: 'cse.flags',
      subjectType: 'child',
      subjectId: '*',
      childIds: shown,
      details: { count: shown.length },
    })
    return flagged
  })
}

/**
 * How many of the children in scope are at each level, kind by kind (their newest screening of each kind), for the
 * IRO's and the manager's dashboards: a level that fires for most children shows here.
 */
export async function levelCountsInScope(actor: Actor, now = new Date()) {
  if (!can(actor, 'cse.read')) return null
  return useCase(actor, 'cse.read', { now }, async ({ tx, scope, audit }) => {
    const children = await tx.child.findMany({
      where: { AND: [scope.child, { placements: { some: currentPlacement(now) } }] },
      select: { id: true, cseScreenings: { orderBy: { screenedAt: 'desc' }, select: { kinds: true } } },
    })
    await audit({
      action: 'cse.levels',
      subjectType: 'child',
      subjectId: '*',
      childIds: children.map((c) => c.id),
      details: { count: children.length },
    })
    return {
      children: children.length,
      counts: countLevels(
        children.map((c) => ({ screenings: c.cseScreenings.map((s) => ({ kinds: s.kinds as KindJudged[] })) })),
      ),
    }
  })
}
