import { describe, expect, it } from 'vitest'
import {
  escalating,
  missingTogether,
  repeatMissing,
  returnInterviewProblems,
  sharedRecords,
  type ChildFact,
  type EpisodeFact,
} from '@/lib/domain/patterns'
import { csePlanProblems, placementProblems } from '@/lib/domain/child-patterns'
import { settings } from '@/lib/settings'
import { londonDate } from '@/lib/domain/time'

const s = settings.patterns
const now = new Date('2026-11-26T12:00:00Z')
const daysAgo = (d: number, hours = 0) => new Date(now.getTime() - d * 86_400_000 + hours * 3_600_000)
let n = 0
const ep = (
  childId: string,
  startDaysAgo: number,
  hours = 4,
  homeId: string | null = 'h1',
  startHour = 0,
): EpisodeFact => {
  const lastSeenAt = daysAgo(startDaysAgo, startHour)
  return { id: `e${++n}`, childId, homeId, lastSeenAt, returnedAt: new Date(lastSeenAt.getTime() + hours * 3_600_000) }
}

describe('rule 1: repeat episodes', () => {
  it('3 in any 30 days', () => {
    expect(repeatMissing('c', [ep('c', 50), ep('c', 20), ep('c', 15)], now, s)).toBeNull()
    expect(repeatMissing('c', [ep('c', 50), ep('c', 20), ep('c', 15), ep('c', 11)], now, s)).toMatchObject({
      rule: 'repeat-missing',
      summary: '3 episodes within 30 days (4 in the last 90 days)',
    })
  })
  it('or 5 in 90 days spread out', () => {
    expect(
      repeatMissing(
        'c',
        [5, 25, 45, 65, 85].map((d) => ep('c', d)),
        now,
        s,
      )?.summary,
    ).toBe('5 episodes in the last 90 days')
  })
  it('short and daytime episodes count like any other', () => {
    expect(
      repeatMissing('c', [ep('c', 1, 0.5, 'h1', 10), ep('c', 3, 1, 'h1', 11), ep('c', 6, 0.25, 'h1', 14)], now, s),
    ).not.toBeNull()
  })
})

describe('rule 2: going missing together', () => {
  it('two children of one home, starting within an hour or overlapping, on 2 occasions', () => {
    const found = missingTogether(
      [ep('a', 30, 5), ep('b', 30, 5, 'h1', 0.5), ep('a', 10, 3), ep('b', 10, 4, 'h1', 2), ep('c', 10, 1, 'h2')],
      now,
      s,
    )
    expect(found).toEqual([
      expect.objectContaining({
        rule: 'missing-together',
        subjectKey: 'pair:h1:a:b',
        childIds: ['a', 'b'],
        homeIds: ['h1'],
      }),
    ])
  })
  it('once is not a pattern; another home is not together', () => {
    expect(
      missingTogether([ep('a', 30), ep('b', 30, 4, 'h1', 0.2), ep('a', 10), ep('b', 10, 4, 'h2')], now, s),
    ).toEqual([])
  })
  it('after an event about one child, exactly the pairs that child is in', () => {
    const episodes = ['a', 'b', 'c'].flatMap((child, i) => [
      ep(child, 30, 5, 'h1', i * 0.3),
      ep(child, 10, 5, 'h1', i * 0.3),
    ])
    const all = missingTogether(episodes, now, s)
    expect(all.map((f) => f.subjectKey).sort()).toEqual(['pair:h1:a:b', 'pair:h1:a:c', 'pair:h1:b:c'])
    expect(missingTogether(episodes, now, s, 'c')).toEqual(all.filter((f) => f.childIds.includes('c')))
  })

  it('an episode whose return is not recorded yet overlaps another still open, never one already over', () => {
    const open = (e: EpisodeFact) => ({ ...e, returnedAt: null })
    // b's past episodes lie after a's start, but a's return is simply not written down yet
    expect(missingTogether([open(ep('a', 12)), ep('b', 11), ep('b', 10)], now, s)).toEqual([])
    // both missing now, and on an earlier occasion together: a pair
    expect(
      missingTogether([ep('a', 20), ep('b', 20, 4, 'h1', 1), open(ep('a', 2)), open(ep('b', 1))], now, s).map(
        (f) => f.subjectKey,
      ),
    ).toEqual(['pair:h1:a:b'])
  })
})

describe('rules 3 and 4: places, people and vehicles', () => {
  const link = (recordId: string, childId: string, d: number, episodeId = `x${++n}`) => ({
    recordId,
    childId,
    homeId: 'h1',
    episodeId,
    at: daysAgo(d),
  })
  it('a place for 2 children, or 3 episodes in 90 days', () => {
    expect(
      sharedRecords('location', [link('p', 'a', 10), link('p', 'b', 50)], now, s).map((f) => f.subjectKey),
    ).toEqual(['location:p'])
    expect(
      sharedRecords('location', [link('p', 'a', 10), link('p', 'a', 20), link('p', 'a', 30)], now, s),
    ).toHaveLength(1)
    expect(sharedRecords('location', [link('p', 'a', 10), link('p', 'a', 200)], now, s)).toEqual([])
  })
  it('a person or vehicle across 2 children', () => {
    expect(sharedRecords('vehicle', [link('v', 'a', 10), link('v', 'b', 300)], now, s)[0]).toMatchObject({
      rule: 'shared-vehicle',
      childIds: ['a', 'b'],
    })
    expect(sharedRecords('associate', [link('j', 'a', 10), link('j', 'a', 30)], now, s)).toEqual([])
  })
  it('a child named only in a return interview is new evidence', () => {
    const links = [link('p', 'a', 10), link('p', 'b', 20)]
    const before = sharedRecords('location', links, now, s)[0]
    const after = sharedRecords('location', [...links, { ...link('p', 'c', 5), episodeId: null }], now, s)[0]
    expect(after.childIds).toEqual(['a', 'b', 'c'])
    expect(after.evidence.episodeIds).toEqual(before.evidence.episodeIds)
    expect(after.evidence.facts).toContain('child:c')
  })
})

describe('rule 5: escalation', () => {
  it('more often, or for longer, than in the 90 days before', () => {
    expect(escalating('c', [ep('c', 100), ep('c', 10), ep('c', 20), ep('c', 30)], now, s)?.summary).toMatch(
      /3 episodes in the last 90 days, 1 in the 90 before/,
    )
    expect(
      escalating('c', [ep('c', 100, 2), ep('c', 120, 2), ep('c', 10, 20), ep('c', 20, 20)], now, s)?.summary,
    ).toMatch(/20 h missing, up from 2 h/)
    expect(escalating('c', [ep('c', 100), ep('c', 120), ep('c', 10), ep('c', 20)], now, s)).toBeNull()
  })
  it('an open episode getting longer by the hour is not new evidence', () => {
    const open = { ...ep('c', 2), returnedAt: null }
    const episodes = [ep('c', 100, 2), ep('c', 120, 2), ep('c', 10, 20), open]
    const at = (t: Date) => escalating('c', episodes, t, s)!
    const later = new Date(now.getTime() + 5 * 3_600_000)
    expect(at(later).summary).not.toBe(at(now).summary)
    expect(at(later).evidence).toEqual(at(now).evidence)
  })
})

describe('rule 6: return interviews', () => {
  it('overdue, not offered, late, or not independent without the child’s choice', () => {
    const i = (over: object) => ({
      id: `i${++n}`,
      childId: 'c',
      dueAt: daysAgo(2),
      outcome: null,
      heldAt: null,
      independenceDeclared: null,
      childChoseTrustedAdult: null,
      ...over,
    })
    expect(
      returnInterviewProblems('c', [i({ outcome: 'HELD', heldAt: daysAgo(3), independenceDeclared: true })], now),
    ).toBeNull()
    expect(returnInterviewProblems('c', [i({})], now)?.evidence.interviewIds).toHaveLength(1)
    expect(
      returnInterviewProblems(
        'c',
        [i({ outcome: 'HELD', heldAt: daysAgo(3), independenceDeclared: false, childChoseTrustedAdult: false })],
        now,
      ),
    ).not.toBeNull()
    expect(returnInterviewProblems('c', [i({ dueAt: daysAgo(-1) })], now)).toBeNull() // not due yet
  })
})

describe('rule 7: safety plans', () => {
  it('a plan past its review again, months after the last was resolved, is new evidence', () => {
    const child = (reviewDate: string, version: number): ChildFact => ({
      id: 'c',
      homeId: 'h1',
      latestScreening: { screenedAt: daysAgo(200), level: 'AT_RISK', harmIndicators: 0 },
      plans: [{ version, signedOffAt: daysAgo(190), reviewDate }],
      reg40Open: false,
      placement: null,
    })
    const cse = { rescreenMonths: 12, planWorkingDays: 5 }
    const first = csePlanProblems(child('2026-06-01', 1), now, cse)!
    const second = csePlanProblems(child('2026-11-01', 2), now, cse)!
    expect(first.evidence.facts).toEqual(['plan-review-overdue:2026-06-01'])
    expect(second.evidence.facts).toEqual(['plan-review-overdue:2026-11-01'])
  })
})

describe('rule 8: placements', () => {
  const child = (placement: Partial<NonNullable<ChildFact['placement']>>): ChildFact => ({
    id: 'c',
    homeId: 'h1',
    latestScreening: null,
    plans: [],
    reg40Open: false,
    placement: {
      id: 'p',
      startDate: '2026-11-01',
      bedAndBreakfast: false,
      outOfArea: false,
      atDistance: false,
      areaNotifiedOn: null,
      directorApprovedOn: null,
      areaConsultedOn: null,
      ...placement,
    },
  })
  it('bed and breakfast is critical, with the rule for the child’s age: never under 16, never for 16-17 since October 2023', () => {
    expect(placementProblems(child({ bedAndBreakfast: true }), now, s)).toEqual([
      expect.objectContaining({ rule: 'bed-and-breakfast', severity: 'critical' }),
    ])
    expect(placementProblems(child({ bedAndBreakfast: true, dateOfBirth: '2012-03-01' }), now, s)[0].summary).toMatch(
      /under 16 may never be placed in bed and breakfast/,
    )
    expect(placementProblems(child({ bedAndBreakfast: true, dateOfBirth: '2009-03-01' }), now, s)[0].summary).toMatch(
      /Ofsted-registered supported accommodation/,
    )
    expect(
      placementProblems(child({ bedAndBreakfast: true, dateOfBirth: '2009-03-01' }), now, s)[0].summary,
    ).not.toMatch(/2 working days/)
  })
  it('a planned placement out of area without notice is flagged from its first day; an emergency one after 5 working days', () => {
    expect(placementProblems(child({ outOfArea: true, startDate: londonDate(now) }), now, s)[0].summary).toMatch(
      /no notification to the area authority is recorded \(due before the placement started\)/,
    )
    expect(placementProblems(child({ outOfArea: true, startDate: '2026-11-23', emergency: true }), now, s)).toEqual([])
    expect(placementProblems(child({ outOfArea: true, emergency: true }), now, s)[0].summary).toMatch(
      /within 5 working days of this emergency placement/,
    )
  })
  it('out of area at a distance without approval and consultation', () => {
    expect(placementProblems(child({ outOfArea: true }), now, s)[0].summary).toMatch(
      /no notification to the area authority/,
    )
    expect(
      placementProblems(
        child({ outOfArea: true, areaNotifiedOn: '2026-11-02', atDistance: true, directorApprovedOn: '2026-11-01' }),
        now,
        s,
      )[0].summary,
    ).toMatch(/at a distance/)
    expect(
      placementProblems(
        child({
          outOfArea: true,
          areaNotifiedOn: '2026-11-02',
          atDistance: true,
          directorApprovedOn: '2026-11-01',
          areaConsultedOn: '2026-10-30',
        }),
        now,
        s,
      ),
    ).toEqual([])
  })
})
