// CSE screening and safety plans. Source: report recommendation 2 (a safety plan when a child is at risk of or has
// experienced CSE); indicators from the report's dataset (Appendix C) and common screening tools (docs/domain.md);
// "4 or more indicator sets marked the highest risk" (report); a widely used tool (SERAF) repeats at least every
// 3 months. No tool is validated: the level is always the professional's judgement. Pure: time is a parameter.
// The rules take no sex, age or home-history input, so they cannot weaken for boys, 16-17 year olds or children
// who lived at home before care.
import { addWorkingDays } from './bank-holidays'
import { addMonths } from './time'

export type IndicatorGroup = 'vulnerability' | 'behaviour' | 'harm'
export type Indicator = { code: string; label: string; group: IndicatorGroup }

export const INDICATORS: readonly Indicator[] = [
  { code: 'MISSING', label: 'Missing from home, care or school (any length, day or night)', group: 'behaviour' },
  { code: 'OUT_LATE', label: 'Staying out late', group: 'behaviour' },
  { code: 'OLDER_ASSOCIATES', label: 'Older "boyfriend" or associates; controlling relationships', group: 'behaviour' },
  { code: 'GIFTS_MONEY', label: 'Unexplained money, phones, gifts or clothes', group: 'behaviour' },
  { code: 'CARS', label: 'Rides in cars or taxis with unknown adults', group: 'behaviour' },
  { code: 'HOTELS_TAKEAWAYS', label: 'Hotels, take-aways, parties', group: 'behaviour' },
  { code: 'DRUGS_ALCOHOL', label: 'Drugs or alcohol', group: 'behaviour' },
  { code: 'SELF_HARM', label: 'Self-harm or suicidal intent', group: 'behaviour' },
  { code: 'HARMFUL_SEXUAL_BEHAVIOUR', label: 'Sexually harmful behaviour', group: 'behaviour' },
  { code: 'GANG', label: 'Gang association', group: 'behaviour' },
  { code: 'NO_PEER_FRIENDS', label: 'Lack of age-appropriate friends', group: 'vulnerability' },
  { code: 'SCHOOL', label: 'Excluded from or not attending school', group: 'vulnerability' },
  { code: 'EXPLOITED_PEERS', label: 'Peers known to be exploited', group: 'vulnerability' },
  { code: 'ABUSE_HISTORY', label: 'History of sexual abuse or neglect', group: 'vulnerability' },
  {
    code: 'UNSUITABLE_ACCOMMODATION',
    label: 'Unsuitable accommodation (hostel, bed and breakfast)',
    group: 'vulnerability',
  },
  { code: 'LEARNING_DISABILITY', label: 'Learning disability', group: 'vulnerability' },
  { code: 'STI_PREGNANCY', label: 'Sexually transmitted infection, pregnancy or termination', group: 'harm' },
  { code: 'DISCLOSED_ABUSE', label: 'Has disclosed sexual abuse or exploitation', group: 'harm' },
  { code: 'SEXUAL_IMAGES', label: 'Sexual images of the child made or shared', group: 'harm' },
  { code: 'ASSAULT_INJURIES', label: 'Injuries from sexual assault', group: 'harm' },
] as const

export const INDICATOR_BY_CODE = Object.fromEntries(INDICATORS.map((i) => [i.code, i])) as Record<string, Indicator>

export type When = 'CURRENT' | 'WITHIN_6_MONTHS' | 'OLDER'
export type Observed = { code: string; when: When; note?: string | null }
export type Level = 'NOT_AT_RISK' | 'AT_RISK' | 'SIGNIFICANT'

export type ScreeningRules = {
  points: Record<When, number>
  atRiskScore: number
  significantScore: number
  /** distinct current or recent indicators that make the risk significant (report: 4 or more sets, highest risk) */
  significantIndicatorCount: number
  fullAssessmentIndicatorCount: number
}

export const LEVEL_LABELS: Record<Level, string> = {
  NOT_AT_RISK: 'Not at risk',
  AT_RISK: 'At risk',
  SIGNIFICANT: 'Significant risk',
}
export const WHEN_LABELS: Record<When, string> = {
  CURRENT: 'Now',
  WITHIN_6_MONTHS: 'In the last 6 months',
  OLDER: 'Longer ago',
}

/** Counts, suggests a level, and says whether a full assessment is needed. The professional decides the level. */
export function scoreScreening(observed: Observed[], rules: ScreeningRules) {
  const known = observed.filter((o) => INDICATOR_BY_CODE[o.code])
  const score = known.reduce((sum, o) => sum + rules.points[o.when], 0)
  const recent = known.filter((o) => o.when !== 'OLDER')
  const harm = known.filter((o) => INDICATOR_BY_CODE[o.code].group === 'harm')
  const recentHarm = harm.some((o) => o.when !== 'OLDER')
  const suggestedLevel: Level =
    recentHarm || score >= rules.significantScore || recent.length >= rules.significantIndicatorCount
      ? 'SIGNIFICANT'
      : score >= rules.atRiskScore || harm.length > 0
        ? 'AT_RISK'
        : 'NOT_AT_RISK'
  return {
    score,
    indicatorCount: known.length,
    harmIndicators: harm.length,
    suggestedLevel,
    fullAssessmentPrompted: recent.length >= rules.fullAssessmentIndicatorCount || harm.length > 0,
  }
}

/** The level a plan is needed for: at risk or significant, or any harm indicator at all. */
export const needsSafetyPlan = (s: { level: Level; harmIndicators: number }) =>
  s.level !== 'NOT_AT_RISK' || s.harmIndicators > 0

/** Suspected CSE (Children's Homes Regulations 2015 reg 40(4)(a)): notify Ofsted and relevant persons without delay. */
export const suspectedCse = (s: { level: Level; harmIndicators: number }) =>
  s.level === 'SIGNIFICANT' || s.harmIndicators > 0

export type Flag = {
  code:
    | 'no-screening'
    | 'screening-overdue'
    | 'plan-due'
    | 'plan-overdue'
    | 'plan-review-overdue'
    | 'plan-unsigned'
    | 'reg40-open'
  level: 'critical' | 'warning' | 'info'
  message: string
  dueDate?: string
}

/**
 * What needs doing about a child's CSE risk, given their latest screening, their safety plan versions and any open
 * Regulation 40 notification. Dates are London calendar days (YYYY-MM-DD).
 */
export function cseFlags(
  input: {
    latestScreening: { screenedOn: string; level: Level; harmIndicators: number } | null
    plans: { version: number; signedOffOn: string | null; reviewDate: string }[]
    reg40Open: boolean
  },
  today: string,
  settings: { rescreenMonths: number; planWorkingDays: number },
  holidays?: readonly string[],
): Flag[] {
  const flags: Flag[] = []
  const s = input.latestScreening
  if (!s)
    flags.push({
      code: 'no-screening',
      level: 'info',
      message: 'No CSE screening yet. Screen every child, boys as well as girls.',
    })
  else {
    const next = addMonths(s.screenedOn, settings.rescreenMonths)
    if (next < today)
      flags.push({
        code: 'screening-overdue',
        level: 'warning',
        message: `The next CSE screening was due by ${next}.`,
        dueDate: next,
      })
  }
  const signed = latestSignedPlan(input.plans)
  const latest = [...input.plans].sort((a, b) => b.version - a.version)[0]
  if (s && needsSafetyPlan(s) && !signed) {
    const due = addWorkingDays(s.screenedOn, settings.planWorkingDays, holidays)
    flags.push(
      due < today
        ? {
            code: 'plan-overdue',
            level: 'critical',
            message: `At risk of CSE with no signed-off safety plan: it was due by ${due}.`,
            dueDate: due,
          }
        : {
            code: 'plan-due',
            level: 'warning',
            message: `At risk of CSE: a signed-off safety plan is due by ${due}.`,
            dueDate: due,
          },
    )
  }
  if (signed && signed.reviewDate < today)
    flags.push({
      code: 'plan-review-overdue',
      level: 'critical',
      message: `The safety plan was due for review on ${signed.reviewDate}.`,
      dueDate: signed.reviewDate,
    })
  if (latest && !latest.signedOffOn && signed)
    flags.push({
      code: 'plan-unsigned',
      level: 'info',
      message: `Safety plan version ${latest.version} is waiting for the manager's sign-off.`,
    })
  if (input.reg40Open)
    flags.push({
      code: 'reg40-open',
      level: 'critical',
      message:
        'Suspected CSE: the registered person decides on the Regulation 40 notifiable event and tells Ofsted and each relevant person without delay.',
    })
  return flags
}

/** The plan in force: the latest signed-off version. */
const latestSignedPlan = <P extends { version: number; signedOffOn: string | null }>(plans: P[]) =>
  plans.filter((p) => p.signedOffOn).sort((a, b) => b.version - a.version)[0]

/** A current safety plan (report recommendation 2): the latest signed-off version, not past its review date. */
export const hasCurrentSafetyPlan = (
  plans: { version: number; signedOffOn: string | null; reviewDate: string }[],
  today: string,
) => {
  const signed = latestSignedPlan(plans)
  return Boolean(signed && signed.reviewDate >= today)
}

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
      code: 'MISSING',
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
