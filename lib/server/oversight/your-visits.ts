// The independent visitor's "Your visits": for each home they visit, their own visits and the months of the last
// year in which nobody visited it (Regulation 44(1) asks for a visit every month).
import { monthsWithoutVisit } from '@/lib/domain/oversight'
import { can } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { addCalendarMonths, calendarDate, firstDayOf, isoDate, londonDate, monthOf } from '@/lib/domain/time'
import { useCase } from '../use-case'
import { homeSelect } from './home'
import { currentMonth } from './month'

const MONTHS = 12

export async function visitorVisits(actor: Actor, now = new Date()) {
  if (!can(actor, 'reg44.record')) return []
  const unaudited = 'the homes the visitor visits and the dates of visits there: no child data'
  return useCase(actor, 'reg44.record', { now, unaudited }, async ({ tx, scope }) => {
    const homes = await tx.home.findMany({
      where: scope.home,
      orderBy: { name: 'asc' },
      select: { ...homeSelect, createdAt: true },
    })
    const month = currentMonth(now)
    const visits = await tx.reg44Visit.findMany({
      where: {
        homeId: { in: homes.map((h) => h.id) },
        visitedOn: { gte: calendarDate(firstDayOf(addCalendarMonths(month, -MONTHS))) },
      },
      orderBy: { visitedOn: 'desc' },
      select: { id: true, visitedOn: true, homeId: true, independentPerson: { select: { userId: true } } },
    })
    return homes.map((home) => {
      const here = visits.filter((v) => v.homeId === home.id)
      return {
        home,
        mine: here
          .filter((v) => v.independentPerson.userId === actor.userId)
          .map((v) => ({ id: v.id, visitedOn: isoDate(v.visitedOn) })),
        monthsWithout: monthsWithoutVisit(
          here.map((v) => isoDate(v.visitedOn)),
          month,
          monthOf(londonDate(home.createdAt)),
          MONTHS,
        ),
        visitedThisMonth: here.some((v) => isoDate(v.visitedOn).startsWith(month)),
      }
    })
  })
}
