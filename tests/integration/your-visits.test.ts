// The independent visitor's "Your visits": their own visits and the months of the last year without any visit.
import { beforeAll, describe, expect, it } from 'vitest'
import { monthsWithoutVisit } from '@/lib/domain/oversight'
import { getPrisma } from '@/lib/server/database'
import { registerIndependentPerson } from '@/lib/server/oversight/register'
import { recordVisit } from '@/lib/server/oversight/visits'
import { visitorVisits } from '@/lib/server/oversight/your-visits'
import { independentPersonSchema, visitSchema } from '@/lib/validation/oversight'
import { freshDatabase } from '../support/database'
import { makePerson, makeWorld, type World } from '../support/fixtures'

let world: World
const now = new Date('2025-08-15T11:00:00Z')
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
  // the homes opened long before the year looked at
  await (await getPrisma()).home.updateMany({ data: { createdAt: new Date('2024-01-01') } })
})

const person = (name: string, email?: string) =>
  independentPersonSchema.parse({
    name,
    email,
    organisation: 'Independent Visits Ltd',
    appointedBy: 'The provider’s board',
    appointedOn: '2024-01-05',
    notPaidStaff: true,
    notCarePlanning: true,
    notCommissionerOrFunder: true,
    noFinancialInterest: true,
    notResponsibleIndividual: true,
    noConnection: true,
  })
const visit = (independentPersonId: string, visitedOn: string) =>
  visitSchema.parse({
    independentPersonId,
    visitedOn,
    announced: 'no',
    spokeWithChildren: 2,
    spokeWithParents: 0,
    spokeWithStaff: 3,
    checkedMissingLog: true,
    checkedReturnInterviews: true,
    checkedSafetyPlans: true,
    safeguardingOpinion: 'Children are safeguarded.',
    wellbeingOpinion: 'Children’s wellbeing is promoted.',
    reportText: 'Report of the visit.',
    reportReceivedOn: visitedOn,
  })

describe('the visitor’s visits', () => {
  it('counts the whole months of the last year without a visit, oldest first, from the month the home opened', () => {
    expect(monthsWithoutVisit([], '2025-08', '2025-06', 12)).toEqual(['2025-06', '2025-07'])
    expect(monthsWithoutVisit(['2025-07-14', '2025-05-02', '2024-08-30'], '2025-08', '2024-01', 12)).toEqual([
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-06',
    ])
  })

  it('lists their own visits and the months in which nobody visited each home they visit', async () => {
    const visitor = await makePerson([{ role: 'INDEPENDENT_VISITOR', homeId: world.homeA.id }], 'Visiting Person')
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Willow Manager')
    const own = await registerIndependentPerson(manager, world.homeA.id, person('Visiting Person', visitor.email), now)
    const other = await registerIndependentPerson(manager, world.homeA.id, person('Someone Else'), now)
    await recordVisit(visitor, world.homeA.id, visit(own.id, '2025-07-14'), null, now)
    await recordVisit(visitor, world.homeA.id, visit(own.id, '2025-08-04'), null, now)
    // someone else's visit counts for the home, but is not listed as theirs
    await recordVisit(manager, world.homeA.id, visit(other.id, '2025-06-10'), null, now)
    const [willow, ...others] = await visitorVisits(visitor, now)
    expect(others).toEqual([]) // only the home they visit
    expect(willow.home.id).toBe(world.homeA.id)
    expect(willow.mine.map((v) => v.visitedOn)).toEqual(['2025-08-04', '2025-07-14'])
    expect(willow.visitedThisMonth).toBe(true)
    expect(willow.monthsWithout).toEqual([
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
    ])
  })
})
