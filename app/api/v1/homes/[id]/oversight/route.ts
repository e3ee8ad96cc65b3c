import { withActor } from '@/lib/server/api'
import { parseInput, recordId } from '@/lib/server/errors'
import { currentMonth, getOversightMonth } from '@/lib/server/oversight/month'
import { monthQuerySchema } from '@/lib/validation/oversight'

/** The home's month: each check with its level (green, amber, red) and reason, and the figures. */
export const GET = withActor<{ id: string }>(async ({ request, actor, params }) => {
  const { month } = parseInput(monthQuerySchema, {
    month: new URL(request.url).searchParams.get('month') ?? currentMonth(),
  })
  const o = await getOversightMonth(actor, recordId(params.id, 'home'), month)
  return {
    home: { id: o.home.id, name: o.home.name, ofstedUrn: o.home.ofstedUrn, phone: o.home.phone },
    month: o.month,
    inProgress: o.inProgress,
    level: o.level,
    checks: o.checks,
    figures: o.figures,
    visits: o.visits,
    actions: o.actions,
    notifiableEvents: o.notifiableEvents,
    reg45: o.reg45.map(({ report: _, ...r }) => r),
    reg46: o.reg46.map((a) => ({
      assessedOn: a.assessedOn,
      policeForce: a.policeForce,
      policeOfficer: a.policeOfficer,
      consultedOn: a.consultedOn,
    })),
    locationShares: o.locationShares,
    independentPersons: o.people.map((p) => ({
      id: p.id,
      name: p.name,
      organisation: p.organisation,
      appointedOn: p.appointedOn,
      independent: p.independent,
      reasons: p.reasons,
    })),
  }
})
