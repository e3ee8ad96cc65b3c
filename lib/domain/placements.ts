// Placement rules. Pure: dates are YYYY-MM-DD strings, "today" is a parameter.
import { addWorkingDays } from './bank-holidays'
import { collectionYearName, collectionYearOn, placeCodeWithdrawnFrom } from './ssda903'
import { ageOn, formatDate, formatDateTime, londonDate, shiftDate } from './time'

export type PlacementDates = { id: string; startDate: string; endDate: string | null }
export type FieldProblems = Record<string, string>

/** A new placement for a child: dates that fit the child's history (SSDA903 episodes must not overlap), and a
 * placement type the current collection year's return accepts (DfE rule 146, lib/domain/ssda903.ts). */
export function checkNewPlacement(
  proposed: { startDate: string; placeCode?: string; reasonForChange?: string | null },
  child: { dateOfBirth: string; placements: PlacementDates[] },
  today: string,
): FieldProblems {
  const problems: FieldProblems = {}
  const withdrawn = proposed.placeCode ? placeCodeWithdrawnFrom(proposed.placeCode, collectionYearOn(today)) : null
  if (withdrawn !== null)
    problems.placeCode = `This placement type is no longer accepted in the SSDA903 return from ${collectionYearName(withdrawn)}: select a current one`
  if (proposed.startDate > today) problems.startDate = 'Start date cannot be in the future'
  else if (proposed.startDate < child.dateOfBirth)
    problems.startDate = "Start date cannot be before the child's date of birth"
  else {
    const latest = [...child.placements].sort((a, b) => b.startDate.localeCompare(a.startDate))[0]
    if (latest && proposed.startDate <= latest.startDate)
      problems.startDate = `Start date must be after the start of the latest placement (${formatDate(latest.startDate)})`
    else if (latest?.endDate && proposed.startDate < latest.endDate)
      problems.startDate = `Start date cannot be before the latest placement ended (${formatDate(latest.endDate)})`
  }
  if (child.placements.length > 0 && !proposed.reasonForChange)
    problems.reasonForChange = 'Select the reason for the change of placement'
  return problems
}

/** Ending a placement: not before it started, not in the future. */
export function checkPlacementEnd(placement: PlacementDates, endDate: string, today: string): FieldProblems {
  if (placement.endDate) return { endDate: `This placement already ended on ${formatDate(placement.endDate)}` }
  if (endDate > today) return { endDate: 'End date cannot be in the future' }
  if (endDate < placement.startDate)
    return { endDate: `End date cannot be before the placement started (${formatDate(placement.startDate)})` }
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
  if (open)
    return {
      endDate: `The child is recorded as missing or away since ${formatDateTime(open.lastSeenAt)}: record their return first (at the latest on the day the placement ends)`,
    }
  const after = during.find((e) => londonDate(e.returnedAt!) > endDate)
  if (after)
    return {
      endDate: `There is an episode until ${formatDateTime(after.returnedAt!)}: the placement cannot end before ${formatDate(londonDate(after.returnedAt!))}`,
    }
  return {}
}

/** The placement open on a date: started on or before it and not ended before it. */
export function isCurrent(placement: PlacementDates, on: string) {
  return placement.startDate <= on && (placement.endDate === null || placement.endDate >= on)
}

export type PlacementConcern = { level: 'critical' | 'warning' | 'info'; message: string }

/** Supported or independent accommodation (SSDA903 place codes): never for a child under 16. */
export const UNREGULATED_PLACE_CODES = ['K3', 'H5', 'P2']

/**
 * What to say about a bed and breakfast placement, by the child's age when it started. Care Planning, Placement and
 * Case Review (England) Regulations 2010 reg 27A (inserted by the Amendment Regulations 2021, from 9 September 2021):
 * under 16, only regulated settings; reg 27C (inserted by the Supported Accommodation (England) Regulations 2023, from
 * 28 October 2023): 16 and 17, only Ofsted-registered supported accommodation. "Emergency, up to 2 working days" is
 * the rule for care leavers of 18 and over, not for a child looked after.
 */
export function bedAndBreakfastMessage(ageAtStart: number, startDate: string): string {
  if (ageAtStart < 16)
    return 'Placed in bed and breakfast. A child looked after who is under 16 may never be placed in bed and breakfast: only in a children’s home, foster care or another regulated setting (CPPCR 2010 reg 27A, from 2021).'
  if (ageAtStart < 18 && startDate >= SUPPORTED_ACCOMMODATION_FROM)
    return 'Placed in bed and breakfast. Since 28 October 2023 a 16 or 17 year old looked after may only be placed in Ofsted-registered supported accommodation (or a children’s home or foster care), never in bed and breakfast (CPPCR 2010 reg 27C).'
  if (ageAtStart < 18)
    return 'Placed in bed and breakfast. Bed and breakfast is not suitable accommodation for a child looked after (report recommendation 3).'
  return 'Placed in bed and breakfast. For a care leaver, only in an emergency and for no more than 2 working days.'
}

/** Supported Accommodation (England) Regulations 2023: the registration requirement applies from this date. */
export const SUPPORTED_ACCOMMODATION_FROM = '2023-10-28'

/**
 * The area authority is told before a planned placement starts, or within 5 working days of an emergency one
 * (CPPCR 2010 reg 13(4), inserted in 2013). Returns the last day it is on time, or null when it needs no notice.
 */
export function areaNoticeDueOn(
  placement: { outOfArea: boolean; emergency: boolean; startDate: string; areaNotifiedOn: string | null },
  emergencyWorkingDays: number,
  holidays?: readonly string[],
): string | null {
  if (!placement.outOfArea || placement.areaNotifiedOn) return null
  return placement.emergency
    ? addWorkingDays(placement.startDate, emergencyWorkingDays, holidays)
    : shiftDate(placement.startDate, { days: -1 })
}

/**
 * The Regulation 41 notices a placement still needs: a children's home tells the authority it is in of each
 * admission and discharge, without delay, unless that authority placed the child (Children's Homes (England)
 * Regulations 2015 reg 41(1)-(2)). A Haven home placement out of the placing authority's area is exactly that case.
 */
export function reg41NoticesMissing(
  placement: { homeId: string | null; outOfArea: boolean; endDate: string | null },
  notices: readonly { kind: 'ADMISSION' | 'DISCHARGE' }[],
): ('ADMISSION' | 'DISCHARGE')[] {
  if (!placement.homeId || !placement.outOfArea) return []
  const has = (kind: 'ADMISSION' | 'DISCHARGE') => notices.some((n) => n.kind === kind)
  return [
    ...(has('ADMISSION') ? [] : ['ADMISSION' as const]),
    ...(placement.endDate && !has('DISCHARGE') ? ['DISCHARGE' as const] : []),
  ]
}

export const REG41_KIND_LABELS = { ADMISSION: 'admission', DISCHARGE: 'discharge' } as const
export const REG41_METHOD_LABELS = {
  SECURE_EMAIL: 'Secure e-mail',
  EMAIL: 'E-mail',
  LETTER: 'Letter',
  PORTAL: 'The authority’s portal',
} as const

/** Concerns to show about a placement. Haven never refuses to record a fact; it makes the concern visible. */
export function placementConcerns(
  placement: {
    placeCode: string
    bedAndBreakfast: boolean
    outOfArea: boolean
    startDate: string
    emergency?: boolean
    areaNotifiedOn?: string | null
  },
  dateOfBirth: string,
): PlacementConcern[] {
  const concerns: PlacementConcern[] = []
  const ageAtStart = ageOn(dateOfBirth, placement.startDate)
  // report recommendation 3, and the age rules in bedAndBreakfastMessage
  if (placement.bedAndBreakfast)
    concerns.push({ level: 'critical', message: bedAndBreakfastMessage(ageAtStart, placement.startDate) })
  // Care Planning, Placement and Case Review (England) (Amendment) Regulations 2021: under-16s only in regulated
  // settings.
  if (ageAtStart < 16 && UNREGULATED_PLACE_CODES.includes(placement.placeCode) && !placement.bedAndBreakfast)
    concerns.push({
      level: 'critical',
      message:
        "A child under 16 may only be placed in a regulated setting (children's home or foster care), not in supported or independent accommodation.",
    })
  // Supported Accommodation (England) Regulations 2023: from 28 October 2023, 16-17s only in Ofsted-registered
  // supported accommodation.
  if (
    ageAtStart >= 16 &&
    ['H5', 'P2'].includes(placement.placeCode) &&
    !placement.bedAndBreakfast &&
    placement.startDate >= SUPPORTED_ACCOMMODATION_FROM
  )
    concerns.push({
      level: 'critical',
      message:
        'Since 28 October 2023, 16 and 17 year olds may only be placed in Ofsted-registered supported accommodation.',
    })
  // CPPCR 2010 reg 11/13: out-of-area placements need the area authority notified (report recommendation 8).
  if (placement.outOfArea && !placement.areaNotifiedOn)
    concerns.push({
      level: 'info',
      message: placement.emergency
        ? "Out of the placing authority's area, made in an emergency: the area authority must be told within 5 working days of the start."
        : "Out of the placing authority's area: the area authority must be told before the placement starts.",
    })
  return concerns
}
