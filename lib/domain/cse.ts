// Exploitation screening and safety plans. Source: report recommendation 2 (a safety plan when a child is at risk of or
// has experienced CSE); a widely used tool (SERAF) repeats at least every 3 months. No tool is validated: the level is
// always the professional's judgement. Pure: time is a parameter. The rules take no sex, age or home-history input,
// so they cannot weaken for boys, 16-17 year olds or children who lived at home before care.
import { addWorkingDays } from './bank-holidays'
import { addMonths, formatDate } from './time'

/** The kinds one screening covers; the other #16 records (NRM referrals, meetings) name kinds from this list. */
export const EXPLOITATION_KINDS = ['sexual', 'criminal', 'trafficking', 'radicalisation'] as const
export type ExploitationKind = (typeof EXPLOITATION_KINDS)[number]
export const KIND_LABELS: Record<ExploitationKind, string> = {
  sexual: 'Child sexual exploitation',
  criminal: 'Child criminal exploitation, including county lines',
  trafficking: 'Trafficking and modern slavery',
  radicalisation: 'Radicalisation',
}
/** The kinds a child is screened for: radicalisation only where their placing authority asks for it. */
export const kindsScreened = (screensRadicalisation: boolean): ExploitationKind[] =>
  EXPLOITATION_KINDS.filter((k) => k !== 'radicalisation' || screensRadicalisation)

// Levels by tiers of indicators, the approach of the regional screening tools (West Midlands regional CSE screening
// tool; Sandwell and Dudley's "significant risk indicators" against "risk indicators"; Wiltshire's risk matrix):
// vulnerabilities are context and never raise the level alone; one ordinary warning sign (staying out late) does not
// make a child "at risk"; a strong sign or several warning signs do; exploitation that has happened is significant.
// Indicators of criminal exploitation follow the Home Office county lines guidance (2023), of trafficking the
// Modern Slavery Act 2015 statutory guidance's indicators (the NRM), of radicalisation the Prevent duty guidance.
/** vulnerability: context; concern: a warning sign; strong: a strong warning sign; harm: exploitation has happened */
export type IndicatorGroup = 'vulnerability' | 'concern' | 'strong' | 'harm'
export type Indicator = { code: string; label: string; group: IndicatorGroup; kinds: readonly ExploitationKind[] }

const ALL = EXPLOITATION_KINDS
const SEX: readonly ExploitationKind[] = ['sexual']
const CRIME: readonly ExploitationKind[] = ['criminal']
const TRAFFIC: readonly ExploitationKind[] = ['trafficking']
const RADICAL: readonly ExploitationKind[] = ['radicalisation']
const EXPLOITED: readonly ExploitationKind[] = ['sexual', 'criminal', 'trafficking']
const SEX_CRIME: readonly ExploitationKind[] = ['sexual', 'criminal']

export const INDICATORS: readonly Indicator[] = [
  { code: 'NO_PEER_FRIENDS', label: 'Lack of age-appropriate friends', group: 'vulnerability', kinds: ALL },
  { code: 'ABUSE_HISTORY', label: 'History of abuse or neglect', group: 'vulnerability', kinds: ALL },
  {
    code: 'UNSUITABLE_ACCOMMODATION',
    label: 'Unsuitable accommodation (hostel, bed and breakfast)',
    group: 'vulnerability',
    kinds: ALL,
  },
  { code: 'LEARNING_DISABILITY', label: 'Learning disability', group: 'vulnerability', kinds: ALL },
  {
    code: 'MISSING',
    label: 'Missing from home, care or school (any length, day or night)',
    group: 'concern',
    kinds: ALL,
  },
  { code: 'OUT_LATE', label: 'Staying out late', group: 'concern', kinds: ALL },
  { code: 'SCHOOL', label: 'Excluded from or not attending school', group: 'concern', kinds: ALL },
  { code: 'DRUGS_ALCOHOL', label: 'Drugs or alcohol', group: 'concern', kinds: ALL },
  { code: 'SELF_HARM', label: 'Self-harm or suicidal intent', group: 'concern', kinds: ALL },
  { code: 'EXPLOITED_PEERS', label: 'Peers known to be exploited', group: 'concern', kinds: EXPLOITED },
  { code: 'MISSING_REPEAT', label: 'Missing again and again', group: 'strong', kinds: EXPLOITED },
  {
    code: 'OLDER_ASSOCIATES',
    label: 'Older "boyfriend" or associates; controlling relationships',
    group: 'strong',
    kinds: SEX_CRIME,
  },
  { code: 'GIFTS_MONEY', label: 'Unexplained money, phones, gifts or clothes', group: 'strong', kinds: SEX_CRIME },
  { code: 'CARS', label: 'Rides in cars or taxis with unknown adults', group: 'strong', kinds: SEX_CRIME },
  { code: 'HARMFUL_SEXUAL_BEHAVIOUR', label: 'Sexually harmful behaviour', group: 'concern', kinds: SEX },
  { code: 'HOTELS_TAKEAWAYS', label: 'Hotels, take-aways, parties', group: 'strong', kinds: SEX },
  {
    code: 'STI_PREGNANCY',
    label: 'Sexually transmitted infection, pregnancy or termination',
    group: 'harm',
    kinds: SEX,
  },
  { code: 'DISCLOSED_ABUSE', label: 'Has disclosed sexual abuse or exploitation', group: 'harm', kinds: SEX },
  { code: 'SEXUAL_IMAGES', label: 'Sexual images of the child made or shared', group: 'harm', kinds: SEX },
  { code: 'ASSAULT_INJURIES', label: 'Injuries from sexual assault', group: 'harm', kinds: SEX },
  { code: 'PHONES', label: 'More than one phone, or secretive calls and messages', group: 'concern', kinds: CRIME },
  { code: 'GANG', label: 'Gang association', group: 'strong', kinds: CRIME },
  { code: 'TRAVEL_OUT_OF_AREA', label: 'Found in towns they have no link with', group: 'strong', kinds: CRIME },
  { code: 'WEAPONS', label: 'Carries a weapon, or unexplained injuries from violence', group: 'strong', kinds: CRIME },
  {
    code: 'DRUG_DEBT',
    label: 'Talks of a debt to others, or of being threatened over one',
    group: 'strong',
    kinds: CRIME,
  },
  {
    code: 'FOUND_DEALING',
    label: 'Found carrying or selling drugs for others, or in a house used for dealing',
    group: 'harm',
    kinds: CRIME,
  },
  {
    code: 'DISCLOSED_CRIME',
    label: 'Has disclosed being made to commit crime for others',
    group: 'harm',
    kinds: CRIME,
  },
  { code: 'SPOKEN_FOR', label: 'Someone else speaks or answers for them', group: 'concern', kinds: TRAFFIC },
  {
    code: 'MOVED_BY_OTHERS',
    label: 'Travel arranged by others, or moved from place to place',
    group: 'strong',
    kinds: TRAFFIC,
  },
  { code: 'NO_DOCUMENTS', label: 'Their identity documents are held by someone else', group: 'strong', kinds: TRAFFIC },
  {
    code: 'FORCED_WORK',
    label: 'Made to work, or to hand over what they earn, to pay off a debt',
    group: 'harm',
    kinds: TRAFFIC,
  },
  { code: 'EXTREMIST_MATERIAL', label: 'Looks at or shares extremist material', group: 'concern', kinds: RADICAL },
  { code: 'EXTREMIST_VIEWS', label: 'Says violence for a cause is justified', group: 'concern', kinds: RADICAL },
  {
    code: 'EXTREMIST_CONTACTS',
    label: 'In contact with people who promote extremism',
    group: 'strong',
    kinds: RADICAL,
  },
  {
    code: 'VIOLENT_INTENT',
    label: 'Talks of plans to harm others, or to travel, for a cause',
    group: 'harm',
    kinds: RADICAL,
  },
] as const

export const INDICATOR_BY_CODE = Object.fromEntries(INDICATORS.map((i) => [i.code, i])) as Record<string, Indicator>

export type When = 'CURRENT' | 'WITHIN_6_MONTHS' | 'OLDER'
export type Observed = { code: string; when: When; note?: string | null }
export type Level = 'NOT_AT_RISK' | 'AT_RISK' | 'SIGNIFICANT'
export const LEVEL_ORDER: readonly Level[] = ['NOT_AT_RISK', 'AT_RISK', 'SIGNIFICANT']
const highest = (levels: Level[]) =>
  levels.reduce<Level>((a, b) => (LEVEL_ORDER.indexOf(b) > LEVEL_ORDER.indexOf(a) ? b : a), 'NOT_AT_RISK')

/** The authority's local thresholds (settings): counts of current or recent (last 6 months) indicators. */
export type ScreeningRules = {
  points: Record<When, number>
  /** warning signs that together make a child at risk */
  atRiskConcerns: number
  /** strong warning signs that make a child at risk */
  atRiskStrong: number
  /** strong warning signs that make the risk significant */
  significantStrong: number
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

/** One kind's result. Stored with the screening (CseScreening.kinds). */
export type KindResult = {
  kind: ExploitationKind
  score: number
  harmIndicators: number
  suggestedLevel: Level
  fullAssessmentPrompted: boolean
}

/** One kind: counts its indicators by tier and suggests a level. The professional decides the level. */
export function scoreKind(observed: Observed[], kind: ExploitationKind, rules: ScreeningRules): KindResult {
  const known = observed.filter((o) => INDICATOR_BY_CODE[o.code]?.kinds.includes(kind))
  const recent = known.filter((o) => o.when !== 'OLDER')
  const recentIn = (group: IndicatorGroup) => recent.filter((o) => INDICATOR_BY_CODE[o.code].group === group).length
  const harm = known.filter((o) => INDICATOR_BY_CODE[o.code].group === 'harm').length
  const strong = recentIn('strong')
  const signs = recent.filter((o) => INDICATOR_BY_CODE[o.code].group !== 'vulnerability').length
  const suggestedLevel: Level =
    recentIn('harm') > 0 || strong >= rules.significantStrong
      ? 'SIGNIFICANT'
      : strong >= rules.atRiskStrong || recentIn('concern') >= rules.atRiskConcerns || harm > 0
        ? 'AT_RISK'
        : 'NOT_AT_RISK'
  return {
    kind,
    score: known.reduce((sum, o) => sum + rules.points[o.when], 0),
    harmIndicators: harm,
    suggestedLevel,
    fullAssessmentPrompted: signs >= rules.fullAssessmentIndicatorCount || harm > 0,
  }
}

/** Every kind screened, each with its own suggestion; the screening as a whole takes the highest. */
export function scoreScreening(observed: Observed[], kinds: readonly ExploitationKind[], rules: ScreeningRules) {
  // an indicator of a kind not screened (radicalisation where the authority does not ask) does not count
  const known = observed.filter((o) => INDICATOR_BY_CODE[o.code]?.kinds.some((k) => kinds.includes(k)))
  const results = kinds.map((k) => scoreKind(known, k, rules))
  return {
    score: known.reduce((sum, o) => sum + rules.points[o.when], 0),
    indicatorCount: known.length,
    harmIndicators: known.filter((o) => INDICATOR_BY_CODE[o.code].group === 'harm').length,
    suggestedLevel: highest(results.map((r) => r.suggestedLevel)),
    fullAssessmentPrompted: results.some((r) => r.fullAssessmentPrompted),
    kinds: results,
  }
}

/** A kind's result as stored: what the tool suggested and what the worker judged (with why, when they differ). */
export type KindJudged = KindResult & { level: Level; levelReason: string | null }

/** The highest level across a screening's kinds: the screening's own level. */
export const highestLevel = (kinds: { level: Level }[]) => highest(kinds.map((k) => k.level))

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
    | 'plan-kinds'
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
    latestScreening: {
      screenedOn: string
      level: Level
      harmIndicators: number
      kinds?: readonly { kind: ExploitationKind; level: Level }[]
    } | null
    plans: { version: number; signedOffOn: string | null; reviewDate: string; kinds?: readonly ExploitationKind[] }[]
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
      message: 'No exploitation screening yet. Screen every child, boys as well as girls.',
    })
  else {
    const next = addMonths(s.screenedOn, settings.rescreenMonths)
    if (next < today)
      flags.push({
        code: 'screening-overdue',
        level: 'warning',
        message: `The next exploitation screening was due by ${next}.`,
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
            message: `At risk of exploitation with no signed-off safety plan: it was due by ${due}.`,
            dueDate: due,
          }
        : {
            code: 'plan-due',
            level: 'warning',
            message: `At risk of exploitation: a signed-off safety plan is due by ${due}.`,
            dueDate: due,
          },
    )
  }
  if (signed && signed.reviewDate < today)
    flags.push({
      code: 'plan-review-overdue',
      level: 'critical',
      message: `The safety plan was due for review on ${formatDate(signed.reviewDate)}.`,
      dueDate: signed.reviewDate,
    })
  // each kind counted on its own: a plan about sexual exploitation does not cover a new risk of criminal exploitation
  const uncovered = (s?.kinds ?? []).filter((k) => k.level !== 'NOT_AT_RISK' && !signed?.kinds?.includes(k.kind))
  if (s && signed?.kinds && uncovered.length) {
    const due = addWorkingDays(s.screenedOn, settings.planWorkingDays, holidays)
    const names = uncovered.map((k) => KIND_LABELS[k.kind].toLowerCase()).join(' or ')
    flags.push({
      code: 'plan-kinds',
      level: due < today ? 'critical' : 'warning',
      message: `The safety plan in force does not address ${names}: a version that does is ${due < today ? 'overdue since' : 'due by'} ${due}.`,
      dueDate: due,
    })
  }
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

/** A child's latest judged level for each kind: from the newest screening that covered it (newest first). */
export function latestByKind(screenings: { kinds: readonly KindJudged[] }[]) {
  const out: Partial<Record<ExploitationKind, KindJudged>> = {}
  for (const s of screenings) for (const k of s.kinds) out[k.kind] ??= k
  return out
}

export type LevelCounts = Record<ExploitationKind, Record<Level | 'NOT_SCREENED', number>>

/** How many children are at each level, kind by kind, so that over-triggering is visible on the dashboards. */
export function countLevels(children: { screenings: { kinds: readonly KindJudged[] }[] }[]): LevelCounts {
  const counts = Object.fromEntries(
    EXPLOITATION_KINDS.map((k) => [k, { NOT_SCREENED: 0, NOT_AT_RISK: 0, AT_RISK: 0, SIGNIFICANT: 0 }]),
  ) as LevelCounts
  for (const child of children) {
    const latest = latestByKind(child.screenings)
    for (const kind of EXPLOITATION_KINDS) counts[kind][latest[kind]?.level ?? 'NOT_SCREENED']++
  }
  return counts
}
