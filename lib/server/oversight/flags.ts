// The scheduled flag: a month that ended without a Regulation 44 visit (once per home and month). A system job, not
// a person's use case: it has no actor and sees every home, so it opens its own transaction and audits as the system.
import { addCalendarMonths, calendarDate, firstDayOf, formatMonth, lastDayOf, londonMidnight } from '@/lib/domain/time'
import { recordAudit } from '../audit'
import { getPrisma } from '../database'
import { emailBody, notify } from '../notifications'
import { currentMonth } from './month'

/** For the month just ended: every home without a Reg 44 visit by an independent person (Reg 43) is flagged and
 * its registered managers and responsible individuals told, once (the flag's unique home and month make a repeat
 * run do nothing). */
export async function flagMissedVisits(now = new Date()) {
  const month = addCalendarMonths(currentMonth(now), -1)
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const homes = await tx.home.findMany({
      where: {
        reg44Visits: {
          none: {
            independent: true,
            visitedOn: { gte: calendarDate(firstDayOf(month)), lte: calendarDate(lastDayOf(month)) },
          },
        },
        oversightFlags: { none: { month, kind: 'reg44-missed' } },
        createdAt: { lt: londonMidnight(firstDayOf(month)) },
      },
      select: { id: true, name: true, providerId: true },
    })
    let flagged = 0
    for (const home of homes) {
      // a second run at the same moment waits for this row, then inserts nothing
      const inserted =
        await tx.$executeRaw`INSERT INTO "OversightFlag" (id, "homeId", month, kind, "createdAt") VALUES (${`flag-${home.id}-${month}`}, ${home.id}, ${month}, 'reg44-missed', ${now}) ON CONFLICT DO NOTHING`
      if (!inserted) continue
      flagged++
      const people = await tx.roleAssignment.findMany({
        where: {
          user: { active: true },
          OR: [
            { role: 'REGISTERED_MANAGER', homeId: home.id },
            { role: 'RESPONSIBLE_INDIVIDUAL', providerId: home.providerId },
          ],
        },
        select: { userId: true },
      })
      const link = `/homes/${home.id}/oversight?month=${month}`
      const when = formatMonth(month)
      await notify(
        tx,
        [...new Set(people.map((p) => p.userId))].map((recipientId) => ({
          recipientId,
          kind: 'oversight.reg44-missed',
          link,
          title: `No Regulation 44 visit at ${home.name} in ${when}: Regulation 44 asks for one at least once each month`,
          body: emailBody(),
        })),
        now,
      )
      await recordAudit(tx, {
        actorId: null,
        action: 'oversight.flag',
        subjectType: 'home',
        subjectId: home.id,
        details: { job: 'missed-visits', month, kind: 'reg44-missed' },
      })
    }
    return flagged
  })
}
