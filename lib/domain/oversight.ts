// Oversight of a children's home: for each month, whether the visits, reports, actions, reviews and location
// assessment the Children's Homes (England) Regulations 2015 require were done in time, and corrections to a visit.
// Pure: "today" and the thresholds are parameters. Each check says its reason in words. Who may be the
// independent person (reg 43) is in independent-person.ts.
import { addCalendarMonths, addMonths, formatDate, lastDayOf, monthOf, shiftDate, YEARS } from './time'

// ---- corrections to a visit (a new entry beside the original: children's homes guidance on records)

export const VISIT_AMENDABLE = {
  visitedOn: { label: 'Date of the visit', kind: 'date' },
  announced: { label: 'Announced or not', kind: 'yes-no' },
  spokeWithChildren: { label: 'Children spoken with', kind: 'count' },
  spokeWithParents: { label: 'Parents or relatives spoken with', kind: 'count' },
  spokeWithStaff: { label: 'Staff spoken with', kind: 'count' },
  consentNote: { label: 'Consent', kind: 'text' },
  checkedMissingLog: { label: 'Missing log checked', kind: 'yes-no' },
  checkedReturnInterviews: { label: 'Return interviews checked', kind: 'yes-no' },
  checkedSafetyPlans: { label: 'Safety plans checked', kind: 'yes-no' },
  otherRecordsChecked: { label: 'Other records checked', kind: 'text' },
  safeguardingOpinion: { label: 'Opinion on safeguarding', kind: 'required-text' },
  wellbeingOpinion: { label: 'Opinion on well-being', kind: 'required-text' },
} as const
export type VisitAmendableField = keyof typeof VISIT_AMENDABLE
/** the longest correction of a visit's field */
export const VISIT_CORRECTION_MAX = 8000

/** The corrected value as stored, or the problem with it (dates as YYYY-MM-DD, yes/no, whole numbers). */
export function visitAmendedValue(
  field: VisitAmendableField,
  raw: string,
  today: string,
): { value: string | number | boolean | null } | { problem: string } {
  const text = raw.trim()
  switch (VISIT_AMENDABLE[field].kind) {
    case 'date':
      if (
        !/^\d{4}-\d{2}-\d{2}$/.test(text) ||
        Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ||
        new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text
      )
        return { problem: 'Enter a real date, for example 2026-03-27' }
      if (Number(text.slice(0, 4)) < YEARS.event.min)
        return { problem: `Year must be between ${YEARS.event.min} and ${YEARS.event.max}` }
      return text > today ? { problem: 'The visit cannot be in the future' } : { value: text }
    case 'yes-no':
      return text === 'yes' || text === 'no' ? { value: text === 'yes' } : { problem: 'Choose yes or no' }
    case 'count':
      return /^\d{1,3}$/.test(text) && Number(text) <= 200
        ? { value: Number(text) }
        : { problem: 'Enter a whole number (0 if none)' }
    case 'required-text':
      return text ? { value: text } : { problem: 'Enter the corrected opinion' }
    case 'text':
      return { value: text || null }
  }
}

// ---- the month's checks

export type Level = 'green' | 'amber' | 'red'
export type Check = {
  code: 'visit' | 'independence' | 'report' | 'actions' | 'reg45' | 'reg46'
  title: string
  level: Level
  reason: string
}

export type MonthFacts = {
  visits: {
    visitedOn: string
    visitor: string
    independent: boolean
    reasons: string[]
    reportReceivedOn: string | null
    sentToOfstedOn: string | null
    /** each placing authority of a child placed at the home on the day, and when the report went to it */
    placingAuthorities: { name: string; sentOn: string | null }[]
    /** the host authority, when it asked for the report (Reg 44(7)(b)): when it asked, and when it was sent */
    host?: { name: string; requestedOn: string; sentOn: string | null } | null
  }[]
  /** every action of the home: due date, and the day a response marked it completed */
  actions: { recommendation: string; raisedOn: string; dueOn: string; completedOn: string | null }[]
  reg45: { completedOn: string; sentToOfstedOn: string | null }[]
  reg46: { assessedOn: string }[]
}

export type OversightRules = {
  reportDayOfFollowingMonth: number
  reg45Months: number
  reg45ReportDays: number
  reg46Months: number
  dueSoonDays: number
}

const worst = (levels: Level[]): Level =>
  levels.includes('red') ? 'red' : levels.includes('amber') ? 'amber' : 'green'

/** Reg 44(7): the date the report is due with Ofsted and the placing authorities (a setting: see lib/settings.ts). */
export function reportDueOn(visitedOn: string, rules: Pick<OversightRules, 'reportDayOfFollowingMonth'>) {
  const nextMonth = addCalendarMonths(monthOf(visitedOn), 1)
  const lastDay = Number(lastDayOf(nextMonth).slice(8))
  return `${nextMonth}-${String(Math.max(1, Math.min(rules.reportDayOfFollowingMonth, lastDay))).padStart(2, '0')}`
}

/** An action is overdue when its due date has passed with no response marking it completed (Reg 44(5)). */
export const actionOverdue = (a: { dueOn: string; completedOn: string | null }, asOf: string) =>
  a.dueOn < asOf && (!a.completedOn || a.completedOn > asOf)

/** A review that recurs: next due, and whether that is past or close, as of a day. */
function recurring(
  code: 'reg45' | 'reg46',
  title: string,
  last: string | null,
  months: number,
  asOf: string,
  dueSoonDays: number,
  what: string,
): Check {
  if (!last)
    return { code, title, level: 'red', reason: `No ${what} recorded: one is needed at least every ${months} months.` }
  const due = addMonths(last, months)
  if (due < asOf)
    return {
      code,
      title,
      level: 'red',
      reason: `Overdue: the last ${what} was on ${formatDate(last)}; the next was due by ${formatDate(due)}.`,
    }
  if (due <= shiftDate(asOf, { days: dueSoonDays }))
    return { code, title, level: 'amber', reason: `Due soon: the next ${what} is due by ${formatDate(due)}.` }
  return {
    code,
    title,
    level: 'green',
    reason: `In date: last on ${formatDate(last)}; next due by ${formatDate(due)}.`,
  }
}

/**
 * The month's checks for one home. Visits, actions and reviews are judged as of the month's last day (or today, in
 * the current month); reports, whose deadline falls in the next month, as of today.
 */
export function monthChecks(
  month: string,
  today: string,
  facts: MonthFacts,
  rules: OversightRules,
): { level: Level; checks: Check[]; inProgress: boolean } {
  const end = lastDayOf(month)
  const inProgress = today <= end
  const asOf = inProgress ? today : end
  const visits = facts.visits
    .filter((v) => v.visitedOn.startsWith(month))
    .sort((a, b) => a.visitedOn.localeCompare(b.visitedOn))
  const checks: Check[] = []

  // Reg 44(1): an independent person visits at least once each month (Reg 43: a visit by anyone else does not count)
  const counted = visits.filter((v) => v.independent)
  if (counted.length)
    checks.push({
      code: 'visit',
      title: 'Regulation 44 visit',
      level: 'green',
      reason: `Visited on ${counted.map((v) => `${formatDate(v.visitedOn)} by ${v.visitor}`).join('; ')}.`,
    })
  else if (visits.length)
    checks.push({
      code: 'visit',
      title: 'Regulation 44 visit',
      level: inProgress ? 'amber' : 'red',
      reason: `No visit by an independent person ${inProgress ? `yet this month: one is due by ${formatDate(end)}` : 'this month'}; the visit by ${visits.map((v) => v.visitor).join(' and ')} does not count.`,
    })
  else if (inProgress)
    checks.push({
      code: 'visit',
      title: 'Regulation 44 visit',
      level: 'amber',
      reason: `No visit yet this month: one is due by ${formatDate(end)}.`,
    })
  else
    checks.push({
      code: 'visit',
      title: 'Regulation 44 visit',
      level: 'red',
      reason: `No Regulation 44 visit this month: the month ended on ${formatDate(end)} without one.`,
    })

  // Reg 43(3): the visitor must be independent
  if (visits.length) {
    const not = visits.filter((v) => !v.independent)
    checks.push(
      not.length
        ? {
            code: 'independence',
            title: 'Visitor independent',
            level: 'red',
            reason:
              not.map((v) => `${v.visitor} is not independent: ${v.reasons.join('; ')}.`).join(' ') +
              (not.length === visits.length ? ' No visit this month counts.' : ''),
          }
        : {
            code: 'independence',
            title: 'Visitor independent',
            level: 'green',
            reason: 'Every visitor this month was independent of the home.',
          },
    )
  }

  // Reg 44(7): the report goes to Ofsted and each placing authority (the host authority on request)
  if (visits.length) {
    const problems: { level: Level; text: string }[] = []
    for (const v of visits) {
      const due = reportDueOn(v.visitedOn, rules)
      const late = today > due
      const of = `the report of the visit on ${formatDate(v.visitedOn)}`
      if (!v.reportReceivedOn) {
        problems.push(
          late
            ? { level: 'red', text: `${of} was never received; it was due by ${formatDate(due)}` }
            : { level: 'amber', text: `${of} is awaited (due by ${formatDate(due)})` },
        )
        continue
      }
      const recipients = [{ name: 'Ofsted', sentOn: v.sentToOfstedOn }, ...v.placingAuthorities]
      const sentLate = recipients.filter((r) => r.sentOn && r.sentOn > due)
      const unsent = recipients.filter((r) => !r.sentOn)
      if (sentLate.length)
        problems.push({
          level: 'red',
          text: `${of} went late to ${sentLate.map((r) => `${r.name} (${formatDate(r.sentOn!)})`).join(', ')}: it was due by ${formatDate(due)}`,
        })
      if (unsent.length)
        problems.push(
          late
            ? {
                level: 'red',
                text: `${of} was not sent to ${unsent.map((r) => r.name).join(', ')} by ${formatDate(due)}`,
              }
            : {
                level: 'amber',
                text: `${of} is still to go to ${unsent.map((r) => r.name).join(', ')} (by ${formatDate(due)})`,
              },
        )
      // the host authority asked for it: due by the same date, or the day it asked if that was later
      if (v.host) {
        const hostDue = v.host.requestedOn > due ? v.host.requestedOn : due
        if (v.host.sentOn && v.host.sentOn > hostDue)
          problems.push({
            level: 'red',
            text: `${of} went late to ${v.host.name}, which asked for it on ${formatDate(v.host.requestedOn)}`,
          })
        else if (!v.host.sentOn)
          problems.push(
            today > hostDue
              ? {
                  level: 'red',
                  text: `${of} was not sent to ${v.host.name}, which asked for it on ${formatDate(v.host.requestedOn)}`,
                }
              : {
                  level: 'amber',
                  text: `${of} is still to go to ${v.host.name}, which asked for it (by ${formatDate(hostDue)})`,
                },
          )
      }
    }
    const level = worst(problems.map((p) => p.level))
    checks.push({
      code: 'report',
      title: 'Report received and sent on time',
      level,
      reason: problems.length
        ? `${problems.map((p) => p.text.charAt(0).toUpperCase() + p.text.slice(1)).join('. ')}.`
        : 'Received, and sent to Ofsted and every placing authority on time.',
    })
  }

  // Reg 44(5): the visitor's recommendations, as actions with due dates
  const raised = facts.actions.filter((a) => a.raisedOn <= asOf)
  const overdue = raised.filter((a) => actionOverdue(a, asOf))
  const open = raised.filter((a) => a.dueOn >= asOf && (!a.completedOn || a.completedOn > asOf))
  checks.push(
    overdue.length
      ? {
          code: 'actions',
          title: 'Actions from visits',
          level: 'red',
          reason: `${overdue.length} overdue: ${overdue.map((a) => `“${a.recommendation}” (due ${formatDate(a.dueOn)})`).join('; ')}.`,
        }
      : {
          code: 'actions',
          title: 'Actions from visits',
          level: 'green',
          reason: open.length ? `None overdue; ${open.length} open, not yet due.` : 'None overdue.',
        },
  )

  // Reg 45: quality of care review at least every 6 months, and its report to Ofsted within 28 days
  const reviews = facts.reg45
    .filter((r) => r.completedOn <= asOf)
    .sort((a, b) => b.completedOn.localeCompare(a.completedOn))
  const reg45 = recurring(
    'reg45',
    'Regulation 45 review',
    reviews[0]?.completedOn ?? null,
    rules.reg45Months,
    asOf,
    rules.dueSoonDays,
    'quality of care review',
  )
  const lastReview = reviews[0]
  if (lastReview && reg45.level !== 'red') {
    const reportBy = shiftDate(lastReview.completedOn, { days: rules.reg45ReportDays })
    const sent = lastReview.sentToOfstedOn && lastReview.sentToOfstedOn <= asOf ? lastReview.sentToOfstedOn : null
    if (sent && sent > reportBy)
      Object.assign(reg45, {
        level: 'red',
        reason: `${reg45.reason} Its report went to Ofsted late, on ${formatDate(sent)} (due by ${formatDate(reportBy)}).`,
      })
    else if (!sent && asOf > reportBy)
      Object.assign(reg45, {
        level: 'red',
        reason: `${reg45.reason} Its report was not sent to Ofsted by ${formatDate(reportBy)}.`,
      })
    else if (!sent)
      Object.assign(reg45, {
        level: 'amber',
        reason: `${reg45.reason} Its report is to go to Ofsted by ${formatDate(reportBy)}.`,
      })
  }
  checks.push(reg45)

  // Reg 46: location assessment reviewed at least yearly, consulting the police
  const assessments = facts.reg46
    .filter((a) => a.assessedOn <= asOf)
    .map((a) => a.assessedOn)
    .sort()
    .reverse()
  checks.push(
    recurring(
      'reg46',
      'Location assessment (Regulation 46)',
      assessments[0] ?? null,
      rules.reg46Months,
      asOf,
      rules.dueSoonDays,
      'location assessment',
    ),
  )

  return { level: worst(checks.map((c) => c.level)), checks, inProgress }
}

export const LEVEL_WORDS: Record<Level, string> = {
  green: 'Green: in order',
  amber: 'Amber: due or awaited',
  red: 'Red: needs action',
}

/** The whole months among the last `count` before `thisMonth`, from the month the home opened, in which nobody
 * visited it (Children's Homes (England) Regulations 2015 reg 44(1): a visit at least once each month), oldest
 * first. */
export function monthsWithoutVisit(visitedOn: string[], thisMonth: string, opened: string, count = 12): string[] {
  const visited = new Set(visitedOn.map(monthOf))
  return Array.from({ length: count }, (_, i) => addCalendarMonths(thisMonth, i - count)).filter(
    (m) => m >= opened && !visited.has(m),
  )
}
