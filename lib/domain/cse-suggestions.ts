// Indicators of exploitation that Haven's own records suggest (missing episodes, cars, hotels and take-aways,
// people named, bed and breakfast), for the worker to confirm or dismiss in a screening (lib/domain/cse.ts).
import type { When } from './cse'

export type Suggestion = { key: string; code: string; when: When; reason: string }

/**
 * Indicators suggested by Haven's own records, for the worker to confirm or dismiss (never added silently):
 * repeat missing, cars, hotels and take-aways, intoxication, people named, bed and breakfast.
 */
export function suggestIndicators(
  input: {
    episodes: {
      id: string
      lastSeenAt: Date
      returnedAt: Date | null
      intoxicated: boolean | null
      vehicles: string[]
      placeKinds: string[]
      associates: string[]
    }[]
    bedAndBreakfast: boolean
  },
  now: Date,
  repeat: { count: number; days: number },
): Suggestion[] {
  const day = 86_400_000
  const recent = input.episodes.filter((e) => now.getTime() - e.lastSeenAt.getTime() <= 183 * day)
  const when = (e: { lastSeenAt: Date }): When =>
    now.getTime() - e.lastSeenAt.getTime() <= 30 * day ? 'CURRENT' : 'WITHIN_6_MONTHS'
  const out: Suggestion[] = []
  const inWindow = input.episodes.filter((e) => now.getTime() - e.lastSeenAt.getTime() <= repeat.days * day)
  if (inWindow.length >= repeat.count)
    out.push({
      key: 'missing-repeat',
      code: 'MISSING_REPEAT',
      when: 'CURRENT',
      reason: `Missing or away ${inWindow.length} times in the last ${repeat.days} days`,
    })
  else if (recent.length)
    out.push({
      key: 'missing-recent',
      code: 'MISSING',
      when: when(recent[0]),
      reason: `Missing or away ${recent.length} time${recent.length === 1 ? '' : 's'} in the last 6 months`,
    })
  const withCars = recent.filter((e) => e.vehicles.length)
  if (withCars.length)
    out.push({
      key: 'cars',
      code: 'CARS',
      when: when(withCars[0]),
      reason: `Returned in or seen with a vehicle: ${[...new Set(withCars.flatMap((e) => e.vehicles))].join(', ')}`,
    })
  const hotels = recent.filter((e) => e.placeKinds.some((k) => k === 'HOTEL' || k === 'TAKEAWAY_OR_SHOP'))
  if (hotels.length)
    out.push({
      key: 'hotels',
      code: 'HOTELS_TAKEAWAYS',
      when: when(hotels[0]),
      reason: `Found at a hotel or take-away ${hotels.length} time${hotels.length === 1 ? '' : 's'}`,
    })
  const drunk = recent.filter((e) => e.intoxicated)
  if (drunk.length)
    out.push({
      key: 'intoxicated',
      code: 'DRUGS_ALCOHOL',
      when: when(drunk[0]),
      reason: `Came back drunk or under the influence ${drunk.length} time${drunk.length === 1 ? '' : 's'}`,
    })
  const people = recent.filter((e) => e.associates.length)
  if (people.length)
    out.push({
      key: 'associates',
      code: 'OLDER_ASSOCIATES',
      when: when(people[0]),
      reason: `With people named on return: ${[...new Set(people.flatMap((e) => e.associates))].join(', ')}`,
    })
  if (input.bedAndBreakfast)
    out.push({ key: 'bnb', code: 'UNSUITABLE_ACCOMMODATION', when: 'CURRENT', reason: 'Placed in bed and breakfast' })
  return out
}
