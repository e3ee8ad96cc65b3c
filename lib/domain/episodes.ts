// Missing episode rules. Pure: times are Dates (UTC instants), "now" is a parameter.
// Source: DfE statutory guidance "Children who run away or go missing from home or care" (2014); SSDA903 Missing
// table rules (one period at a time, no overlaps, end not before start); report recommendations 9b, 10, 11.

import { formatDate, londonDate } from './time'

export type EpisodeTimes = { id: string; lastSeenAt: Date; returnedAt: Date | null }
export type Problems = Record<string, string>
/** A placement of the child: UK calendar days (YYYY-MM-DD), and where (the home or other setting). */
export type PlacementPeriod = { startDate: string; endDate: string | null; where: string }

/** Allowance for a phone's clock running a little fast. */
const CLOCK_SKEW_MS = 5 * 60_000

const fmt = (d: Date) =>
  d.toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  })

/** Whether [start, end) of two episodes overlap (an open episode runs to infinity). */
function overlaps(aStart: Date, aEnd: Date | null, bStart: Date, bEnd: Date | null) {
  const aE = aEnd?.getTime() ?? Infinity
  const bE = bEnd?.getTime() ?? Infinity
  return aStart.getTime() < bE && bStart.getTime() < aE
}

/**
 * A new episode: last seen not in the future, after birth, and overlapping no recorded episode, open or returned.
 * Reported without its return, it runs on until the return is recorded, so it cannot start before an episode
 * already recorded has ended; a back-dated one is recorded together with its return.
 */
export function checkNewEpisode(
  proposed: { lastSeenAt: Date; returnedAt?: Date | null },
  child: { dateOfBirth: Date; episodes: EpisodeTimes[] },
  now: Date,
): Problems {
  if (proposed.lastSeenAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    return { lastSeenAt: 'When last seen cannot be in the future' }
  if (proposed.lastSeenAt < child.dateOfBirth)
    return { lastSeenAt: "When last seen cannot be before the child's date of birth" }
  const open = child.episodes.find((e) => e.returnedAt === null)
  if (open)
    return {
      form: `This child is already recorded as missing or away since ${fmt(open.lastSeenAt)}. Add to that episode, or record their return first.`,
    }
  const end = proposed.returnedAt ?? null
  const clash = [...child.episodes]
    .sort((a, b) => a.lastSeenAt.getTime() - b.lastSeenAt.getTime())
    .find((e) => overlaps(proposed.lastSeenAt, end, e.lastSeenAt, e.returnedAt))
  if (!clash) return {}
  const period = `${fmt(clash.lastSeenAt)} to ${fmt(clash.returnedAt!)}`
  if (clash.lastSeenAt <= proposed.lastSeenAt)
    return { lastSeenAt: `This overlaps an earlier episode (${period}): the child was already missing or away then` }
  if (end) return { returnedAt: `This overlaps a later episode (${period}): the return cannot be after it began` }
  return {
    lastSeenAt: `There is a later episode (${period}). An episode from this time would still be open then: record it together with when the child returned`,
  }
}

/**
 * Where a placement was, for a message: "from 1 Sep 2026 (Willow House)", "from 3 Jan 2025 to 31 Aug 2026 (Oak Lodge)".
 */
const placedWords = (p: PlacementPeriod) =>
  `from ${formatDate(p.startDate)}${p.endDate ? ` to ${formatDate(p.endDate)}` : ''} (${p.where})`

/**
 * An episode falls within a recorded placement, and ends at the latest when the child's care there ends (a move the
 * same day, SSDA903 REC X1, continues it). Source: SSDA903 Missing table rules 578 and 581 (start and end within a
 * period of care) and 575 (an open period closes when the placement ends).
 */
export function checkDuringPlacement(
  times: { lastSeenAt: Date; returnedAt: Date | null },
  child: { firstName: string; placements: PlacementPeriod[] },
): Problems {
  const placements = [...child.placements].sort((a, b) => a.startDate.localeCompare(b.startDate))
  const placed = placements.length
    ? `Haven has ${child.firstName} placed ${placements.map(placedWords).join(', then ')}.`
    : `Haven has no placement recorded for ${child.firstName}.`
  const startDay = londonDate(times.lastSeenAt)
  let during = placements.find((p) => p.startDate <= startDay && (p.endDate === null || startDay <= p.endDate))
  if (!during) return { lastSeenAt: `${placed} An episode must start during a placement.` }
  // follow moves from one placement straight into the next
  const nextAfter = (p: PlacementPeriod) =>
    placements.find((q) => q.startDate > p.startDate && p.endDate !== null && q.startDate <= p.endDate)
  for (let next = nextAfter(during); next; next = nextAfter(during)) during = next
  if (during.endDate === null) return {}
  if (!times.returnedAt)
    return {
      returnedAt: `${placed} The placement ended on ${formatDate(during.endDate)}: an episode during it is recorded with its return, at the latest that day.`,
    }
  if (londonDate(times.returnedAt) > during.endDate)
    return {
      returnedAt: `${placed} The return must be by the day the placement ended (${formatDate(during.endDate)}): an episode ends when the placement does.`,
    }
  return {}
}

/** The return: not in the future, not before the last sighting, and not running into a later episode. */
export function checkReturn(
  episode: EpisodeTimes & { sightings: Date[] },
  returnedAt: Date,
  laterEpisodes: EpisodeTimes[],
  now: Date,
): Problems {
  if (returnedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return { returnedAt: 'The return cannot be in the future' }
  const lastSighting = [episode.lastSeenAt, ...episode.sightings].reduce((a, b) => (b > a ? b : a))
  if (returnedAt < lastSighting)
    return {
      returnedAt:
        lastSighting === episode.lastSeenAt
          ? `The return cannot be before the child was last seen (${fmt(episode.lastSeenAt)})`
          : `The return cannot be before the last sighting recorded (${fmt(lastSighting)})`,
    }
  const clash = laterEpisodes.find(
    (e) => e.id !== episode.id && e.lastSeenAt >= episode.lastSeenAt && e.lastSeenAt < returnedAt,
  )
  if (clash) return { returnedAt: `The return cannot be after the next episode began (${fmt(clash.lastSeenAt)})` }
  return {}
}

/** A timeline entry happens while the episode is open: after last seen, not in the future. */
export function checkUpdate(episode: EpisodeTimes, at: Date, now: Date): Problems {
  if (episode.returnedAt) return { form: 'This episode has ended: corrections are made as amendments with a reason' }
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) return { at: 'The time cannot be in the future' }
  if (at < episode.lastSeenAt)
    return { at: `The time cannot be before the child was last seen (${fmt(episode.lastSeenAt)})` }
  return {}
}

/** Changing when an episode started or ended must keep it consistent with the child's other episodes. */
export function checkAmendedTimes(
  episode: EpisodeTimes & { sightings: Date[]; updateTimes: Date[]; dateOfBirth: Date },
  change: { lastSeenAt?: Date; returnedAt?: Date },
  others: EpisodeTimes[],
  now: Date,
): Problems {
  const start = change.lastSeenAt ?? episode.lastSeenAt
  const end = change.returnedAt ?? episode.returnedAt
  const field = change.lastSeenAt ? 'lastSeenAt' : 'returnedAt'
  if (start.getTime() > now.getTime() + CLOCK_SKEW_MS || (end && end.getTime() > now.getTime() + CLOCK_SKEW_MS))
    return { [field]: 'The time cannot be in the future' }
  if (start < episode.dateOfBirth) return { [field]: "When last seen cannot be before the child's date of birth" }
  if (end && end < start) return { [field]: 'The return cannot be before the child was last seen' }
  const firstEntry = [...episode.updateTimes].sort((a, b) => a.getTime() - b.getTime())[0]
  if (change.lastSeenAt && firstEntry && start > firstEntry)
    return { [field]: `There are timeline entries from ${fmt(firstEntry)}, before this time` }
  const lastSighting = [...episode.sightings].sort((a, b) => b.getTime() - a.getTime())[0]
  if (change.returnedAt && lastSighting && end! < lastSighting)
    return { [field]: `The return cannot be before the last sighting recorded (${fmt(lastSighting)})` }
  const clash = others.find((e) => e.id !== episode.id && overlaps(start, end, e.lastSeenAt, e.returnedAt))
  if (clash) return { [field]: `This would overlap another episode (from ${fmt(clash.lastSeenAt)})` }
  return {}
}

export type EpisodeStatus = 'open' | 'returned' | 'closed'

export function episodeStatus(e: { returnedAt: Date | null; closedAt: Date | null }): EpisodeStatus {
  return e.closedAt ? 'closed' : e.returnedAt ? 'returned' : 'open'
}

/** Minutes from last seen to the return (or to now while open). */
export function durationMinutes(e: { lastSeenAt: Date; returnedAt: Date | null }, now: Date) {
  return ((e.returnedAt ?? now).getTime() - e.lastSeenAt.getTime()) / 60_000
}

/** The police risk grade now: the latest graded timeline entry. */
export function currentRiskGrade<G>(updates: { at: Date; riskGrade: G | null }[]): G | null {
  return (
    [...updates].filter((u) => u.riskGrade !== null).sort((a, b) => b.at.getTime() - a.at.getTime())[0]?.riskGrade ??
    null
  )
}

/** Daytime means 07:00-19:00 London time: the report found daytime and short episodes are the least taken seriously. */
export function isDaytime(instant: Date) {
  const hour = Number(instant.toLocaleString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }))
  return hour >= 7 && hour < 19
}

/** Fields a correction can change, with how a person would name them. */
export const AMENDABLE_FIELDS = {
  absenceType: 'Missing or away',
  lastSeenAt: 'When last seen',
  lastSeenPlace: 'Where last seen',
  lastSeenWith: 'Who they were with',
  clothing: 'What they were wearing',
  policeReference: 'Police reference',
  returnedAt: 'When they returned',
  returnMethod: 'How they returned',
  injuries: 'Injuries',
  signsOfHarm: 'Signs of harm',
  medicalAttention: 'First aid or medical attention',
  whoInformed: 'Who was informed',
} as const
export type AmendableField = keyof typeof AMENDABLE_FIELDS

// The words people use for each value.
// Statutory guidance "Children who run away or go missing from home or care" (2014), definitions: away from placement
// without authorisation is whereabouts known, not where they should be, AND the carer has concerns or it has been
// notified to the local authority or the police (otherwise nothing is reported).
export const ABSENCE_LABELS = {
  MISSING: 'Missing: we do not know where they are',
  AWAY: 'Away without authorisation: we know where they are, they are not where they should be, and we are concerned or have told the local authority or the police',
} as const
// no SSDA903 codes (M, A) on screens for people: the SSDA903 export pages show the codes
export const ABSENCE_SHORT = { MISSING: 'Missing', AWAY: 'Away without authorisation' } as const
// The police force's own grade (College of Policing APP on missing persons): "no apparent risk (absent)" is the
// police's
// word, not the SSDA903 "away without authorisation", so it is always named as the police's and kept apart from it.
export const RISK_GRADE_LABELS = {
  NO_APPARENT_RISK: 'No apparent risk (the police’s “absent”)',
  LOW: 'Low risk',
  MEDIUM: 'Medium risk',
  HIGH: 'High risk',
} as const
export const POLICE_RISK_GRADE = {
  label: 'Risk grade given by the police',
  hint: 'The police’s own scale, from no apparent risk (which they call “absent”) to high. It is not the same as away without authorisation.',
} as const
export const UPDATE_KIND_LABELS = {
  NOTE: 'Note',
  CALL: 'Call made',
  PLACE_CHECKED: 'Place checked',
  SIGHTING: 'Sighting',
  POLICE_RISK_GRADE: 'Risk grade given by the police',
} as const
export const RETURN_METHOD_LABELS = {
  RETURNED_ALONE: 'Came back on their own',
  FOUND_BY_POLICE: 'Found by the police',
  BROUGHT_BY_STAFF: 'Brought back by staff',
  BROUGHT_BY_FAMILY: 'Brought back by family or friends',
  OTHER: 'Other',
} as const
export const LOCATION_KIND_LABELS = {
  TAKEAWAY_OR_SHOP: 'Take-away, shop or café',
  HOTEL: 'Hotel or B&B',
  HOUSE_OR_FLAT: 'House or flat',
  PARK_OR_OPEN_SPACE: 'Park or open space',
  TRANSPORT: 'Station, bus stop or transport',
  OTHER: 'Other',
} as const
