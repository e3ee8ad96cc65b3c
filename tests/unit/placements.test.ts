import { describe, expect, it } from 'vitest'
import {
  areaNoticeDueOn,
  bedAndBreakfastMessage,
  checkNewPlacement,
  checkPlacementEnd,
  isCurrent,
  placementConcerns,
  reg41NoticesMissing,
} from '@/lib/domain/placements'

const child = (placements: { id: string; startDate: string; endDate: string | null }[] = []) => ({
  dateOfBirth: '2011-04-01',
  placements,
})

describe('a new placement', () => {
  it('is accepted for a first placement today', () => {
    expect(checkNewPlacement({ startDate: '2026-11-26' }, child(), '2026-11-26')).toEqual({})
  })
  it('takes a placement type the current collection year accepts: H5, P2 and Z1 not from 2025-26 (rule 146)', () => {
    expect(checkNewPlacement({ startDate: '2026-11-26', placeCode: 'P2' }, child(), '2026-11-26').placeCode).toBe(
      'This placement type is no longer accepted in the SSDA903 return from 2025-26: select a current one',
    )
    expect(checkNewPlacement({ startDate: '2025-04-01', placeCode: 'H5' }, child(), '2025-04-01').placeCode).toMatch(
      /2025-26/,
    )
    expect(checkNewPlacement({ startDate: '2026-11-26', placeCode: 'K3' }, child(), '2026-11-26')).toEqual({})
    // recorded while the 2024-25 collection was current, it was still accepted
    expect(checkNewPlacement({ startDate: '2025-03-31', placeCode: 'H5' }, child(), '2025-03-31')).toEqual({})
  })
  it('cannot start in the future or before birth', () => {
    expect(checkNewPlacement({ startDate: '2026-11-27' }, child(), '2026-11-26').startDate).toBe(
      'Start date cannot be in the future',
    )
    expect(checkNewPlacement({ startDate: '2011-03-31' }, child(), '2026-11-26').startDate).toMatch(
      /before the child's date of birth/,
    )
  })
  it('cannot overlap the history: it starts after the latest placement started and ended', () => {
    const history = [
      { id: 'a', startDate: '2024-01-01', endDate: '2025-06-01' },
      { id: 'b', startDate: '2025-06-01', endDate: null },
    ]
    expect(
      checkNewPlacement({ startDate: '2025-06-01', reasonForChange: 'CARPL' }, child(history), '2026-11-26').startDate,
    ).toMatch(/after the start of the latest placement/)
    expect(
      checkNewPlacement({ startDate: '2025-06-02', reasonForChange: 'CARPL' }, child(history), '2026-11-26'),
    ).toEqual({})
    const ended = [{ id: 'a', startDate: '2024-01-01', endDate: '2025-06-01' }]
    expect(
      checkNewPlacement({ startDate: '2025-05-01', reasonForChange: 'CARPL' }, child(ended), '2026-11-26').startDate,
    ).toMatch(/before the latest placement ended/)
    expect(
      checkNewPlacement({ startDate: '2025-06-01', reasonForChange: 'CARPL' }, child(ended), '2026-11-26'),
    ).toEqual({}) // same day: SSDA903 X1
  })
  it('needs a reason for the change when it replaces another', () => {
    expect(
      checkNewPlacement(
        { startDate: '2026-01-01' },
        child([{ id: 'a', startDate: '2025-01-01', endDate: null }]),
        '2026-11-26',
      ).reasonForChange,
    ).toBeDefined()
  })
})

describe('ending a placement', () => {
  const open = { id: 'p', startDate: '2026-01-10', endDate: null }
  it('cannot end before it started, in the future, or twice', () => {
    expect(checkPlacementEnd(open, '2026-01-09', '2026-11-26').endDate).toMatch(/before the placement started/)
    expect(checkPlacementEnd(open, '2026-11-27', '2026-11-26').endDate).toMatch(/future/)
    expect(checkPlacementEnd({ ...open, endDate: '2026-02-01' }, '2026-03-01', '2026-11-26').endDate).toMatch(
      /already ended/,
    )
    expect(checkPlacementEnd(open, '2026-01-10', '2026-11-26')).toEqual({})
  })
  it('is current until the end of its last day', () => {
    expect(isCurrent({ ...open, endDate: '2026-02-01' }, '2026-02-01')).toBe(true)
    expect(isCurrent({ ...open, endDate: '2026-02-01' }, '2026-02-02')).toBe(false)
  })
})

describe('placement concerns', () => {
  const placement = { placeCode: 'K2', bedAndBreakfast: false, outOfArea: false, startDate: '2026-01-10' }
  it('raises bed and breakfast as critical at any age (recommendation 3)', () => {
    const concerns = placementConcerns({ ...placement, placeCode: 'P2', bedAndBreakfast: true }, '2009-01-01')
    expect(concerns).toContainEqual(
      expect.objectContaining({ level: 'critical', message: expect.stringMatching(/bed and breakfast/) }),
    )
  })
  it("raises under-16s outside regulated settings, and not a children's home placement", () => {
    expect(placementConcerns({ ...placement, placeCode: 'K3' }, '2011-01-11').map((c) => c.level)).toEqual(['critical'])
    expect(placementConcerns({ ...placement, placeCode: 'K3' }, '2009-01-01')).toEqual([])
    expect(placementConcerns(placement, '2014-01-01')).toEqual([])
  })
  it('raises 16-17 year olds in unregistered independent living since 28 October 2023', () => {
    expect(
      placementConcerns({ ...placement, placeCode: 'P2', startDate: '2024-01-01' }, '2007-06-01').map((c) => c.level),
    ).toEqual(['critical'])
    expect(placementConcerns({ ...placement, placeCode: 'P2', startDate: '2023-01-01' }, '2006-06-01')).toEqual([])
  })
  it('notes out-of-area placements for the area authority: before a planned one starts, within 5 working days of an emergency', () => {
    expect(placementConcerns({ ...placement, outOfArea: true }, '2010-01-01')).toEqual([
      expect.objectContaining({ level: 'info', message: expect.stringMatching(/told before the placement starts/) }),
    ])
    expect(placementConcerns({ ...placement, outOfArea: true, emergency: true }, '2010-01-01')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/within 5 working days/) }),
    ])
    expect(placementConcerns({ ...placement, outOfArea: true, areaNotifiedOn: '2026-01-09' }, '2010-01-01')).toEqual([])
    expect(
      areaNoticeDueOn({ outOfArea: true, emergency: false, startDate: '2026-01-12', areaNotifiedOn: null }, 5),
    ).toBe('2026-01-11')
    expect(
      areaNoticeDueOn({ outOfArea: true, emergency: true, startDate: '2026-01-12', areaNotifiedOn: null }, 5),
    ).toBe('2026-01-19')
  })
  it('says bed and breakfast is never allowed for a child looked after under 16, nor for 16-17 since 28 October 2023; 2 working days is the care leavers’ rule', () => {
    const bnb = { ...placement, placeCode: 'P2', bedAndBreakfast: true, startDate: '2026-01-10' }
    const [under16] = placementConcerns(bnb, '2012-05-01')
    expect(under16.message).toMatch(/under 16 may never be placed in bed and breakfast/)
    const [sixteen] = placementConcerns(bnb, '2009-05-01')
    expect(sixteen.message).toMatch(
      /Since 28 October 2023 a 16 or 17 year old looked after may only be placed in Ofsted-registered supported accommodation/,
    )
    for (const m of [under16.message, sixteen.message]) expect(m).not.toMatch(/2 working days/)
    expect(bedAndBreakfastMessage(18, '2026-01-10')).toMatch(/care leaver.*2 working days/)
    expect(placementConcerns(bnb, '2012-05-01')).toHaveLength(1) // not said twice as "unregulated" too
  })
  it('needs Regulation 41 notices of admission and discharge for a home placement out of the placing authority’s area, while they are missing', () => {
    const home = { homeId: 'h', outOfArea: true, endDate: null }
    expect(reg41NoticesMissing(home, [])).toEqual(['ADMISSION'])
    expect(reg41NoticesMissing({ ...home, endDate: '2026-02-01' }, [{ kind: 'ADMISSION' }])).toEqual(['DISCHARGE'])
    expect(
      reg41NoticesMissing({ ...home, endDate: '2026-02-01' }, [{ kind: 'ADMISSION' }, { kind: 'DISCHARGE' }]),
    ).toEqual([])
    // the host authority placed the child: reg 41(2)
    expect(reg41NoticesMissing({ ...home, outOfArea: false }, [])).toEqual([])
    expect(reg41NoticesMissing({ ...home, homeId: null }, [])).toEqual([]) // not a children's home
  })
})
