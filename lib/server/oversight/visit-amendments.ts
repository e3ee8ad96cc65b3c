// Corrections to a Regulation 44 visit: the original value stays readable beside the new one.
import { VISIT_AMENDABLE, visitAmendedValue } from '@/lib/domain/oversight'
import { independence } from '@/lib/domain/independent-person'
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, formatDate, isoDate, londonDate } from '@/lib/domain/time'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { AmendVisitInput } from '@/lib/validation/oversight'
import { ValidationError } from '../errors'
import { amend } from '../amendments'
import { useCase } from '../use-case'
import { declarationOf, knownRoles } from './register'
import { ownVisitFor } from './visit-access'

/** A correction to the visit: the original value stays readable beside the new one, with who, when and why.
 * The registered person corrects any visit of their home; an independent visitor their own. */
export async function amendVisit(actor: Actor, visitId: string, input: AmendVisitInput, now = new Date()) {
  return useCase(actor, 'reg44.record', { subject: 'visit', now }, async (uc) => {
    const { tx } = uc
    await ownVisitFor(uc, visitId)
    const visit = await tx.reg44Visit.findUniqueOrThrow({
      where: { id: visitId },
      include: {
        independentPerson: true,
        home: { select: { id: true, providerId: true } },
        reports: { select: { receivedOn: true } },
        events: { select: { on: true } },
        actions: { select: { dueOn: true } },
      },
    })
    type Field = AmendVisitInput['field']
    // independence is as it was on the day: worked out again for a corrected day (set by check, written by write)
    let independenceOnTheDay: { independent: boolean; reasons: string[] } | null = null
    return amend<Field, typeof visit>(
      uc,
      {
        labels: Object.fromEntries(Object.entries(VISIT_AMENDABLE).map(([f, v]) => [f, v.label])) as Record<
          Field,
          string
        >,
        staleMessage:
          'Someone else corrected this visit while you were working on it. Reload the page to see their change; what you typed is still here.',
        parse: (field, raw) => visitAmendedValue(field, raw, londonDate(now)),
        async check(field, value) {
          if (field !== 'visitedOn') return
          const day = value as string
          if (day < isoDate(visit.independentPerson.appointedOn))
            throw new ValidationError({
              value: `${visit.independentPerson.name} was appointed on ${formatDate(visit.independentPerson.appointedOn)}: a visit before that cannot be theirs`,
            })
          const later = [
            ...visit.reports.map((r) => r.receivedOn),
            ...visit.events.map((e) => e.on),
            ...visit.actions.map((a) => a.dueOn),
          ]
            .map(isoDate)
            .filter((d) => d < day)
          if (later.length)
            throw new ValidationError({
              value: `The report, a copy sent or an action's due date is before that day (${later.sort()[0]}): a visit cannot come after them`,
            })
          independenceOnTheDay = independence(
            declarationOf(visit.independentPerson),
            await knownRoles(tx, visit.independentPerson, visit.home, day),
          )
        },
        previous: (field) => (field === 'visitedOn' ? isoDate(visit.visitedOn) : visit[field]),
        async write(field, value, version) {
          const data: Prisma.Reg44VisitUpdateManyMutationInput = { version: { increment: 1 } }
          if (field === 'visitedOn' && independenceOnTheDay)
            Object.assign(data, {
              visitedOn: calendarDate(value as string),
              independent: independenceOnTheDay.independent,
              independenceReasons: independenceOnTheDay.reasons,
            })
          else data[field as Exclude<Field, 'visitedOn'>] = value as never
          return (await tx.reg44Visit.updateMany({ where: { id: visitId, version }, data })).count
        },
        addRow: (row) => tx.reg44VisitAmendment.create({ data: { ...row, visitId } }),
        audit: { action: 'reg44.amend', subjectType: 'visit' },
      },
      visit,
      input,
    )
  })
}
