// Placement rules. Pure: dates are YYYY-MM-DD strings, "today" is a parameter.
import { ageOn, formatDate, formatDateTime, londonDate } from './time'

export type PlacementDates = { id: string; startDate: string; endDate: string | null }
export type FieldProblems = Record<string, string>

/** A new placement for a child: dates that fit the child's history (SSDA903 episodes must not overlap). */
export function checkNewPlacement(
  proposed: { startDate: string; reasonForChange?: string | null },
  child: { dateOfBirth: string; placements: PlacementDates[] },
  today: string,
): FieldProblems {
  const problems: FieldProblems = {}
  if (proposed.startDate > today) problems.startDate = 'Start date cannot be in the future'
  else if (proposed.startDate < child.dateOfBirth) problems.startDate = "Start date cannot be before the child's date of birth"
  else {
    const latest = [...child.placements].sort((a, b) => b.startDate.localeCompare(a.startDate))[0]
    if (latest && proposed.startDate <= latest.startDate)
      problems.startDate = `Start date must be after the start of the latest placement (${latest.startDate})`
    else if (latest?.endDate && proposed.startDate < latest.endDate)
      problems.startDate = `Start date cannot be before the latest placement ended (${latest.endDate})`
  }
  if (child.placements.length > 0 && !proposed.reasonForChange)
    problems.reasonForChange = 'Select the reason for the change of placement'
  return problems
}

/** Ending a placement: not before it started, not in the future. */
export function checkPlacementEnd(placement: PlacementDates, endDate: string, today: string): FieldProblems {
  if (placement.endDate) return { endDate: `This placement already ended on ${placement.endDate}` }
  if (endDate > today) return { endDate: 'End date cannot be in the future' }
  if (endDate < placement.startDate) return { endDate: `End date cannot be before the placement started (${placement.startDate})` }
  return {}
}

/**
 * Ending a placement keeps the child's episodes during it inside it: none still open (SSDA903 rule 575: an open
 * period closes when the placement ends) and none running past the end date.
 */
export function checkEndAgainstEpisodes(
  placement: PlacementDates,
  endDate: string,
  episodes: { lastSeenAt: Date; returnedAt: Date | null }[],
): FieldProblems {
  const during = episodes.filter((e) => londonDate(e.lastSeenAt) >= placement.startDate)
  const open = during.find((e) => e.returnedAt === null)
  if (open) return { endDate: `The child is recorded as missing or away since ${formatDateTime(open.lastSeenAt)}: record their return first (at the latest on the day the placement ends)` }
  const after = during.find((e) => londonDate(e.returnedAt!) > endDate)
  if (after) return { endDate: `There is an episode until ${formatDateTime(after.returnedAt!)}: the placement cannot end before ${formatDate(londonDate(after.returnedAt!))}` }
  return {}
}

/** The placement open on a date: started on or before it and not ended before it. */
export function isCurrent(placement: PlacementDates, on: string) {
  return placement.startDate <= on && (placement.endDate === null || placement.endDate >= on)
}

export type PlacementConcern = { level: 'critical' | 'warning' | 'info'; message: string }

/** Supported or independent accommodation (SSDA903 place codes): never for a child under 16. */
export const UNREGULATED_PLACE_CODES = ['K3', 'H5', 'P2']

/** Concerns to show about a placement. Haven never refuses to record a fact; it makes the concern visible. */
export function placementConcerns(
  placement: { placeCode: string; bedAndBreakfast: boolean; outOfArea: boolean; startDate: string },
  dateOfBirth: string,
): PlacementConcern[] {
  const concerns: PlacementConcern[] = []
  const ageAtStart = ageOn(dateOfBirth, placement.startDate)
  // Report recommendation 3; B&B guidance: emergency only, at most 2 working days.
  if (placement.bedAndBreakfast)
    concerns.push({
      level: 'critical',
      message: 'Placed in bed and breakfast. No child in care should be placed in bed and breakfast (report recommendation 3); in an emergency, for no more than 2 working days.',
    })
  // Care Planning, Placement and Case Review (England) (Amendment) Regulations 2021: under-16s only in regulated settings.
  if (ageAtStart < 16 && UNREGULATED_PLACE_CODES.includes(placement.placeCode))
    concerns.push({
      level: 'critical',
      message: 'A child under 16 may only be placed in a regulated setting (children\'s home or foster care), not in supported or independent accommodation.',
    })
  // Supported Accommodation (England) Regulations 2023: from 28 October 2023, 16-17s only in Ofsted-registered supported accommodation.
  if (ageAtStart >= 16 && ['H5', 'P2'].includes(placement.placeCode) && !placement.bedAndBreakfast && placement.startDate >= '2023-10-28')
    concerns.push({
      level: 'critical',
      message: 'Since 28 October 2023, 16 and 17 year olds may only be placed in Ofsted-registered supported accommodation.',
    })
  // CPPCR 2010 reg 11/13: out-of-area placements need the area authority notified (report recommendation 8).
  if (placement.outOfArea)
    concerns.push({
      level: 'info',
      message: "Out of the placing authority's area: the area authority must be notified (before the placement, or within 5 working days in an emergency).",
    })
  return concerns
}
