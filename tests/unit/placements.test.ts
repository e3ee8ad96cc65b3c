import { describe, expect, it } from 'vitest'
import { checkNewPlacement, checkPlacementEnd, isCurrent, placementConcerns } from '@/lib/domain/placements'

const child = (placements: { id: string; startDate: string; endDate: string | null }[] = []) => ({ dateOfBirth: '2011-04-01', placements })

describe('a new placement', () => {
  it('is accepted for a first placement today', () => {
    expect(checkNewPlacement({ startDate: '2026-11-26' }, child(), '2026-11-26')).toEqual({})
  })
  it('cannot start in the future or before birth', () => {
    expect(checkNewPlacement({ startDate: '2026-11-27' }, child(), '2026-11-26').startDate).toBe('Start date cannot be in the future')
    expect(checkNewPlacement({ startDate: '2011-03-31' }, child(), '2026-11-26').startDate).toMatch(/before the child's date of birth/)
  })
  it('cannot overlap the history: it starts after the latest placement started and ended', () => {
    const history = [
      { id: 'a', startDate: '2024-01-01', endDate: '2025-06-01' },
      { id: 'b', startDate: '2025-06-01', endDate: null },
    ]
    expect(checkNewPlacement({ startDate: '2025-06-01', reasonForChange: 'CARPL' }, child(history), '2026-11-26').startDate).toMatch(/after the start of the latest placement/)
    expect(checkNewPlacement({ startDate: '2025-06-02', reasonForChange: 'CARPL' }, child(history), '2026-11-26')).toEqual({})
    const ended = [{ id: 'a', startDate: '2024-01-01', endDate: '2025-06-01' }]
    expect(checkNewPlacement({ startDate: '2025-05-01', reasonForChange: 'CARPL' }, child(ended), '2026-11-26').startDate).toMatch(/before the latest placement ended/)
    expect(checkNewPlacement({ startDate: '2025-06-01', reasonForChange: 'CARPL' }, child(ended), '2026-11-26')).toEqual({}) // same day: SSDA903 X1
  })
  it('needs a reason for the change when it replaces another', () => {
    expect(checkNewPlacement({ startDate: '2026-01-01' }, child([{ id: 'a', startDate: '2025-01-01', endDate: null }]), '2026-11-26').reasonForChange).toBeDefined()
  })
})

describe('ending a placement', () => {
  const open = { id: 'p', startDate: '2026-01-10', endDate: null }
  it('cannot end before it started, in the future, or twice', () => {
    expect(checkPlacementEnd(open, '2026-01-09', '2026-11-26').endDate).toMatch(/before the placement started/)
    expect(checkPlacementEnd(open, '2026-11-27', '2026-11-26').endDate).toMatch(/future/)
    expect(checkPlacementEnd({ ...open, endDate: '2026-02-01' }, '2026-03-01', '2026-11-26').endDate).toMatch(/already ended/)
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
    expect(concerns).toContainEqual(expect.objectContaining({ level: 'critical', message: expect.stringMatching(/bed and breakfast/) }))
  })
  it('raises under-16s outside regulated settings, and not a children\'s home placement', () => {
    expect(placementConcerns({ ...placement, placeCode: 'K3' }, '2011-01-11').map((c) => c.level)).toEqual(['critical'])
    expect(placementConcerns({ ...placement, placeCode: 'K3' }, '2009-01-01')).toEqual([])
    expect(placementConcerns(placement, '2014-01-01')).toEqual([])
  })
  it('raises 16-17 year olds in unregistered independent living since 28 October 2023', () => {
    expect(placementConcerns({ ...placement, placeCode: 'P2', startDate: '2024-01-01' }, '2007-06-01').map((c) => c.level)).toEqual(['critical'])
    expect(placementConcerns({ ...placement, placeCode: 'P2', startDate: '2023-01-01' }, '2006-06-01')).toEqual([])
  })
  it('notes out-of-area placements for the area authority', () => {
    expect(placementConcerns({ ...placement, outOfArea: true }, '2010-01-01')).toEqual([expect.objectContaining({ level: 'info' })])
  })
})
