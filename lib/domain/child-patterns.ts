// Pattern rules 7 and 8, about one child's care rather than their episodes: exploitation plans and Regulation 40
// notifications (rule 7), and where they are placed (rule 8). Pure, like the other rules (lib/domain/patterns.ts).
import { cseFlags } from './cse'
import { areaNoticeDueOn, bedAndBreakfastMessage } from './placements'
import { ageOn, londonDate } from './time'
import type { ChildFact, Finding, PatternSettings } from './patterns'

/**
 * Rule 7: at risk without a current safety plan; a plan past its review; a Regulation 40 notification still to make.
 */
export function csePlanProblems(
  child: ChildFact,
  now: Date,
  settings: { rescreenMonths: number; planWorkingDays: number },
  holidays?: readonly string[],
): Finding | null {
  const flags = cseFlags(
    {
      latestScreening: child.latestScreening
        ? {
            screenedOn: londonDate(child.latestScreening.screenedAt),
            level: child.latestScreening.level,
            harmIndicators: child.latestScreening.harmIndicators,
            kinds: child.latestScreening.kinds,
          }
        : null,
      plans: child.plans.map((p) => ({
        version: p.version,
        signedOffOn: p.signedOffAt ? londonDate(p.signedOffAt) : null,
        reviewDate: p.reviewDate,
        kinds: p.kinds,
      })),
      reg40Open: child.reg40Open,
    },
    londonDate(now),
    settings,
    holidays,
  ).filter(
    (f) =>
      f.code === 'plan-overdue' ||
      f.code === 'plan-review-overdue' ||
      f.code === 'reg40-open' ||
      (f.code === 'plan-kinds' && f.level === 'critical'),
  )
  if (!flags.length) return null
  // each fact names its occasion (the date it fell due, the screening behind a Regulation 40 task), so the same
  // problem coming back later is something new and reopens a resolved alert
  const screenedOn = child.latestScreening ? londonDate(child.latestScreening.screenedAt) : ''
  const facts = flags.map((f) => `${f.code}:${'dueDate' in f && f.dueDate ? f.dueDate : screenedOn}`)
  return {
    rule: 'cse-plan',
    subjectKey: `child:${child.id}`,
    severity: 'critical',
    summary: flags.map((f) => f.message).join(' '),
    childIds: [child.id],
    homeIds: child.homeId ? [child.homeId] : [],
    evidence: { episodeIds: [], facts },
  }
}

/**
 * Rule 8: bed and breakfast (recommendation 3, critical); out of area without notice, or at a distance without
 * approval.
 */
export function placementProblems(
  child: ChildFact,
  now: Date,
  s: PatternSettings,
  holidays?: readonly string[],
): Finding[] {
  const p = child.placement
  if (!p) return []
  const findings: Finding[] = []
  const base = {
    childIds: [child.id],
    homeIds: child.homeId ? [child.homeId] : [],
    evidence: { episodeIds: [], facts: [`placement:${p.id}`] },
  }
  if (p.bedAndBreakfast)
    findings.push({
      rule: 'bed-and-breakfast',
      subjectKey: `child:${child.id}`,
      severity: 'critical',
      summary: p.dateOfBirth
        ? bedAndBreakfastMessage(ageOn(p.dateOfBirth, p.startDate), p.startDate)
        : 'Placed in bed and breakfast: no child in care should be (recommendation 3)',
      ...base,
    })
  const today = londonDate(now)
  const missing: string[] = []
  // a planned placement is notified before it starts, so it is flagged from its first day; an emergency one after 5
  // working days
  const noticeDue = areaNoticeDueOn({ ...p, emergency: p.emergency ?? false }, s.areaNoticeWorkingDays, holidays)
  if (noticeDue && noticeDue < today)
    missing.push(
      p.emergency
        ? 'no notification to the area authority is recorded (due within 5 working days of this emergency placement)'
        : 'no notification to the area authority is recorded (due before the placement started)',
    )
  if (p.outOfArea && p.atDistance && !(p.directorApprovedOn && p.areaConsultedOn))
    missing.push('placed at a distance without recorded director approval and consultation')
  if (missing.length)
    findings.push({
      rule: 'out-of-area',
      subjectKey: `child:${child.id}`,
      severity: 'warning',
      summary: `Out of area: ${missing.join('; ')}`,
      ...base,
    })
  return findings
}
