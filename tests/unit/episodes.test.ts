import { describe, expect, it } from 'vitest'
import {
  ABSENCE_LABELS,
  ABSENCE_SHORT,
  checkAmendedTimes,
  checkDuringPlacement,
  checkNewEpisode,
  checkReturn,
  checkUpdate,
  currentRiskGrade,
  durationMinutes,
  episodeStatus,
  isDaytime,
  POLICE_RISK_GRADE,
  RISK_GRADE_LABELS,
  UPDATE_KIND_LABELS,
} from '@/lib/domain/episodes'

const t = (iso: string) => new Date(iso)
const now = t('2026-11-26T12:00:00Z')
const child = (episodes: { id: string; lastSeenAt: Date; returnedAt: Date | null }[] = []) => ({
  dateOfBirth: t('2011-04-01T00:00:00Z'),
  episodes,
})

describe('a new episode', () => {
  it('is accepted with a last sighting in the past', () => {
    expect(checkNewEpisode({ lastSeenAt: t('2026-11-26T01:30:00Z') }, child(), now)).toEqual({})
  })
  it('cannot start in the future (a few minutes of phone clock drift allowed) or before birth', () => {
    expect(checkNewEpisode({ lastSeenAt: t('2026-11-26T12:04:00Z') }, child(), now)).toEqual({})
    expect(checkNewEpisode({ lastSeenAt: t('2026-11-26T12:30:00Z') }, child(), now)).toEqual({
      lastSeenAt: 'When last seen cannot be in the future',
    })
    expect(checkNewEpisode({ lastSeenAt: t('2011-03-01T00:00:00Z') }, child(), now).lastSeenAt).toMatch(/date of birth/)
  })
  it('is refused while the child has an open episode', () => {
    const open = { id: 'e1', lastSeenAt: t('2026-11-25T22:00:00Z'), returnedAt: null }
    expect(checkNewEpisode({ lastSeenAt: t('2026-11-26T09:00:00Z') }, child([open]), now).form).toMatch(
      /already recorded as missing or away since 25 Nov, 22:00/,
    )
  })
  it('cannot start inside an earlier episode, but can start when the last one ended', () => {
    const earlier = { id: 'e1', lastSeenAt: t('2026-11-20T10:00:00Z'), returnedAt: t('2026-11-20T15:00:00Z') }
    expect(checkNewEpisode({ lastSeenAt: t('2026-11-20T12:00:00Z') }, child([earlier]), now).lastSeenAt).toMatch(
      /overlaps an earlier episode/,
    )
    expect(checkNewEpisode({ lastSeenAt: t('2026-11-20T15:00:00Z') }, child([earlier]), now)).toEqual({})
  })
  it('cannot be open from before a recorded episode; back-dated, it comes with a return before that one began', () => {
    const later = { id: 'e1', lastSeenAt: t('2026-11-20T10:00:00Z'), returnedAt: t('2026-11-20T15:00:00Z') }
    expect(checkNewEpisode({ lastSeenAt: t('2026-11-19T10:00:00Z') }, child([later]), now).lastSeenAt).toMatch(
      /There is a later episode/,
    )
    expect(
      checkNewEpisode(
        { lastSeenAt: t('2026-11-19T10:00:00Z'), returnedAt: t('2026-11-20T11:00:00Z') },
        child([later]),
        now,
      ).returnedAt,
    ).toMatch(/overlaps a later episode/)
    expect(
      checkNewEpisode(
        { lastSeenAt: t('2026-11-19T10:00:00Z'), returnedAt: t('2026-11-20T10:00:00Z') },
        child([later]),
        now,
      ),
    ).toEqual({})
  })
})

describe('an episode within the child’s placements (SSDA903 rules 578, 581, 575)', () => {
  const willow = { startDate: '2026-09-01', endDate: '2026-10-10', where: 'Willow House' }
  const oak = { startDate: '2026-10-10', endDate: null, where: 'Oak Lodge' }
  it('starts during a placement, and the refusal names them all', () => {
    expect(
      checkDuringPlacement(
        { lastSeenAt: t('2026-08-15T21:00:00Z'), returnedAt: null },
        { firstName: 'Ellie', placements: [oak, willow] },
      ),
    ).toEqual({
      lastSeenAt:
        'Haven has Ellie placed from 1 Sept 2026 to 10 Oct 2026 (Willow House), then from 10 Oct 2026 (Oak Lodge). An episode must start during a placement.',
    })
    expect(
      checkDuringPlacement(
        { lastSeenAt: t('2026-08-31T23:30:00Z'), returnedAt: null },
        { firstName: 'Ellie', placements: [{ ...willow, endDate: null }] },
      ),
    ).toEqual({}) // 00:30 on 1 September in London
  })
  it('runs on through a move the same day (X1), and ends with the care', () => {
    expect(
      checkDuringPlacement(
        { lastSeenAt: t('2026-10-09T21:00:00Z'), returnedAt: t('2026-11-01T10:00:00Z') },
        { firstName: 'Ellie', placements: [willow, oak] },
      ),
    ).toEqual({})
    expect(
      checkDuringPlacement(
        { lastSeenAt: t('2026-10-09T21:00:00Z'), returnedAt: t('2026-10-11T10:00:00Z') },
        { firstName: 'Ellie', placements: [willow] },
      ).returnedAt,
    ).toMatch(/must be by the day the placement ended \(10 Oct 2026\)/)
    expect(
      checkDuringPlacement(
        { lastSeenAt: t('2026-10-09T21:00:00Z'), returnedAt: null },
        { firstName: 'Ellie', placements: [willow] },
      ).returnedAt,
    ).toMatch(/recorded with its return/)
  })
})

describe('the return', () => {
  const episode = { id: 'e1', lastSeenAt: t('2026-11-25T22:00:00Z'), returnedAt: null, sightings: [] as Date[] }
  it('cannot be in the future or before the child was last seen', () => {
    expect(checkReturn(episode, t('2026-11-26T13:00:00Z'), [], now)).toEqual({
      returnedAt: 'The return cannot be in the future',
    })
    expect(checkReturn(episode, t('2026-11-25T21:00:00Z'), [], now).returnedAt).toMatch(
      /before the child was last seen/,
    )
  })
  it('cannot be before the last sighting recorded on the timeline', () => {
    const sighted = { ...episode, sightings: [t('2026-11-26T03:00:00Z')] }
    expect(checkReturn(sighted, t('2026-11-26T02:00:00Z'), [], now).returnedAt).toMatch(
      /before the last sighting recorded \(26 Nov, 03:00\)/,
    )
    expect(checkReturn(sighted, t('2026-11-26T03:00:00Z'), [], now)).toEqual({})
  })
  it('cannot run into the next episode', () => {
    const later = { id: 'e2', lastSeenAt: t('2026-11-26T05:00:00Z'), returnedAt: null }
    expect(checkReturn(episode, t('2026-11-26T06:00:00Z'), [later], now).returnedAt).toMatch(
      /after the next episode began/,
    )
  })
})

describe('timeline entries', () => {
  const open = { id: 'e1', lastSeenAt: t('2026-11-26T01:00:00Z'), returnedAt: null }
  it('happen while the episode is open, after last seen, not in the future', () => {
    expect(checkUpdate(open, t('2026-11-26T02:00:00Z'), now)).toEqual({})
    expect(checkUpdate(open, t('2026-11-26T00:30:00Z'), now).at).toMatch(/before the child was last seen/)
    expect(checkUpdate(open, t('2026-11-26T13:00:00Z'), now).at).toMatch(/future/)
    expect(
      checkUpdate({ ...open, returnedAt: t('2026-11-26T04:00:00Z') }, t('2026-11-26T05:00:00Z'), now).form,
    ).toMatch(/amendments/)
  })
  it('give the police risk grade now: the latest graded entry', () => {
    expect(
      currentRiskGrade([
        { at: t('2026-11-26T02:00:00Z'), riskGrade: 'LOW' },
        { at: t('2026-11-26T04:00:00Z'), riskGrade: 'HIGH' },
        { at: t('2026-11-26T05:00:00Z'), riskGrade: null },
      ]),
    ).toBe('HIGH')
    expect(currentRiskGrade([])).toBeNull()
  })
})

describe('corrections to the times', () => {
  const episode = {
    id: 'e1',
    lastSeenAt: t('2026-11-20T10:00:00Z'),
    returnedAt: t('2026-11-20T15:00:00Z'),
    sightings: [t('2026-11-20T13:00:00Z')],
    updateTimes: [t('2026-11-20T11:00:00Z'), t('2026-11-20T13:00:00Z')],
    dateOfBirth: t('2011-01-01T00:00:00Z'),
  }
  const next = { id: 'e2', lastSeenAt: t('2026-11-21T10:00:00Z'), returnedAt: t('2026-11-21T12:00:00Z') }
  it('keep the episode in one piece and off the child’s other episodes', () => {
    expect(checkAmendedTimes(episode, { returnedAt: t('2026-11-20T09:00:00Z') }, [next], now).returnedAt).toMatch(
      /before the child was last seen/,
    )
    expect(checkAmendedTimes(episode, { returnedAt: t('2026-11-21T11:00:00Z') }, [next], now).returnedAt).toMatch(
      /overlap another episode/,
    )
    expect(checkAmendedTimes(episode, { lastSeenAt: t('2026-11-20T09:00:00Z') }, [next], now)).toEqual({})
  })
  it('keep the timeline inside the episode and the child born first', () => {
    expect(checkAmendedTimes(episode, { returnedAt: t('2026-11-20T12:00:00Z') }, [], now).returnedAt).toMatch(
      /before the last sighting/,
    )
    expect(checkAmendedTimes(episode, { lastSeenAt: t('2026-11-20T12:00:00Z') }, [], now).lastSeenAt).toMatch(
      /timeline entries/,
    )
    expect(checkAmendedTimes(episode, { lastSeenAt: t('2010-01-01T12:00:00Z') }, [], now).lastSeenAt).toMatch(
      /date of birth/,
    )
  })
})

describe('facts about an episode', () => {
  it('status, duration and daytime (London time, across the clock change)', () => {
    expect(episodeStatus({ returnedAt: null, closedAt: null })).toBe('open')
    expect(episodeStatus({ returnedAt: now, closedAt: null })).toBe('returned')
    expect(episodeStatus({ returnedAt: now, closedAt: now })).toBe('closed')
    // the clocks went back at 02:00 BST on 25 Oct 2026: 00:30 BST to 03:30 GMT is four hours, not three
    expect(durationMinutes({ lastSeenAt: t('2026-10-24T23:30:00Z'), returnedAt: t('2026-10-25T03:30:00Z') }, now)).toBe(
      240,
    )
    expect(isDaytime(t('2026-07-01T06:30:00Z'))).toBe(true) // 07:30 BST
    expect(isDaytime(t('2026-12-01T06:30:00Z'))).toBe(false) // 06:30 GMT
  })
})

describe('the words for an absence and the police’s grade', () => {
  it('says away without authorisation, with the guidance’s condition: the carer is concerned or it has been notified', () => {
    expect(ABSENCE_LABELS.AWAY).toMatch(/^Away without authorisation: /)
    expect(ABSENCE_LABELS.AWAY).toMatch(/concerned or have told the local authority or the police/)
    expect(Object.values({ ...ABSENCE_LABELS, ...ABSENCE_SHORT }).join(' ')).not.toMatch(/permission/i)
  })
  it('names the risk grade as the police’s, and their “absent” as theirs, so it is not read as away without authorisation', () => {
    expect(POLICE_RISK_GRADE.label).toBe('Risk grade given by the police')
    expect(POLICE_RISK_GRADE.hint).toMatch(/no apparent risk \(which they call “absent”\) to high/)
    expect(RISK_GRADE_LABELS.NO_APPARENT_RISK).toBe('No apparent risk (the police’s “absent”)')
    expect(UPDATE_KIND_LABELS.POLICE_RISK_GRADE).toBe(POLICE_RISK_GRADE.label)
  })
})
