// Strategy discussions and multi-agency meetings about a child, their actions, and when a missing meeting is flagged.
import { addWorkingDays } from './bank-holidays'
import type { ExploitationKind } from './cse'
import { parseKinds } from './exploitation-kinds'
import { calendarDate, isoDate, londonDate, londonMidnight, shiftDate } from './time'

// Working Together to Safeguard Children 2023 (DfE): a strategy discussion whenever there is reasonable cause to
// suspect a child is suffering or likely to suffer significant harm; local missing protocols add the multi-agency
// exploitation meeting (MACE) and a meeting after repeated or high-risk episodes.
export const MEETING_KINDS = {
  STRATEGY_DISCUSSION: 'Strategy discussion',
  MACE: 'Missing or exploitation meeting (MACE)',
  REVIEW: 'Review meeting',
} as const
export type MeetingKind = keyof typeof MEETING_KINDS

// Local safeguarding partnerships hold the multi-agency child exploitation (MACE) meeting to discuss exploitation, so
// one names at least one kind; a strategy discussion (Working Together 2023) or a review may be about missing alone.
/** What is wrong with the kinds of exploitation named for a meeting of this kind, if anything. */
export function meetingKindsProblem(kind: string, kinds: readonly ExploitationKind[]): string | null {
  return kind === 'MACE' && kinds.length === 0 ? 'Choose the kinds of exploitation the MACE meeting is about' : null
}

/** A meeting's fields a correction can change, as people name them. */
export const MEETING_FIELDS = {
  kind: 'Kind of meeting',
  heldOn: 'Date held',
  kinds: 'Kinds of exploitation',
  childViews: 'The child’s views',
  familyViews: 'The family’s views',
  decisions: 'Decisions',
} as const
export type MeetingField = keyof typeof MEETING_FIELDS

/** A typed correction of a meeting as stored, or what is wrong with it (the amendment helper's parse). */
export function parseMeetingValue(
  field: MeetingField,
  raw: string,
  meeting: { kind: MeetingKind; kinds: readonly ExploitationKind[]; actionDates: string[] },
  today: string,
): { value: string | Date | null | ExploitationKind[] } | { problem: string } {
  const value = raw.trim()
  if (field === 'kinds') {
    const parsed = parseKinds(value)
    if ('problem' in parsed) return parsed
    const problem = meetingKindsProblem(meeting.kind, parsed.kinds)
    return problem ? { problem } : { value: parsed.kinds }
  }
  if (field === 'kind') {
    if (!(value in MEETING_KINDS)) return { problem: 'Choose the kind of meeting' }
    const problem = meetingKindsProblem(value, meeting.kinds)
    return problem ? { problem: `${problem} first` } : { value }
  }
  if (field === 'heldOn') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return { problem: 'Enter a date' }
    if (value > today) return { problem: 'The meeting cannot be held in the future' }
    // its actions are due (and were completed) on or after the day it was held
    if (meeting.actionDates.some((d) => d < value))
      return { problem: 'The meeting cannot be held after one of its actions was due or completed' }
    return { value: calendarDate(value) }
  }
  if (field === 'decisions' && value === '') return { problem: 'Enter the decisions' }
  return { value: value || null }
}

/** The dates a meeting's held date cannot come after: its actions' due and completion dates. */
export const actionDates = (actions: { dueOn: Date; completedOn: Date | null }[]) =>
  actions.flatMap((a) => [isoDate(a.dueOn), ...(a.completedOn ? [isoDate(a.completedOn)] : [])])

export type ActionState = 'done' | 'overdue' | 'open'

/** An action is done once completed; otherwise overdue after its due date (London), like a Regulation 44 action. */
export function actionState(action: { dueOn: string; completedOn: string | null }, today: string): ActionState {
  if (action.completedOn) return 'done'
  return action.dueOn < today ? 'overdue' : 'open'
}

/** The meetings of a child, as the flag rules see them: the day held and what they were linked to. */
export type MeetingFact = { heldOn: string; episodeIds: string[]; alertIds: string[] }

export type MeetingFlagKind = 'high-risk-episode' | 'repeat-alert'
export type MeetingFlag = { kind: MeetingFlagKind; subjectId: string; since: Date; due: Date }

export type MeetingFlagSettings = { highRiskEpisodeHours: number; repeatAlertWorkingDays: number }

/** A meeting answers an episode or alert when it is linked to it, or was held on or after the day it began. */
const answered = (meetings: MeetingFact[], since: Date, linked: (m: MeetingFact) => boolean) =>
  meetings.some((m) => linked(m) || m.heldOn >= londonDate(since))

/**
 * Working Together to Safeguard Children 2023 asks for a strategy discussion where there is reasonable cause to suspect
 * significant harm; the thresholds (a high-risk episode open this many hours, a repeat-episode alert this many
 * working days) are local practice, so settings. Returns the flags due now for one child.
 */
export function meetingFlags(
  facts: {
    /** episodes still open (not returned) with the police's current risk grade */
    openEpisodes: { id: string; lastSeenAt: Date; riskGrade: string | null }[]
    /** the child's open repeat-episode alerts */
    repeatAlerts: { id: string; openedAt: Date }[]
    meetings: MeetingFact[]
  },
  now: Date,
  s: MeetingFlagSettings,
): MeetingFlag[] {
  const flags: MeetingFlag[] = []
  for (const e of facts.openEpisodes) {
    if (e.riskGrade !== 'HIGH') continue
    const due = new Date(e.lastSeenAt.getTime() + s.highRiskEpisodeHours * 3_600_000)
    if (now > due && !answered(facts.meetings, e.lastSeenAt, (m) => m.episodeIds.includes(e.id)))
      flags.push({ kind: 'high-risk-episode', subjectId: e.id, since: e.lastSeenAt, due })
  }
  for (const a of facts.repeatAlerts) {
    // due by the end of the nth working day after the day the alert opened
    const dueDay = addWorkingDays(londonDate(a.openedAt), s.repeatAlertWorkingDays)
    if (londonDate(now) > dueDay && !answered(facts.meetings, a.openedAt, (m) => m.alertIds.includes(a.id)))
      flags.push({
        kind: 'repeat-alert',
        subjectId: a.id,
        since: a.openedAt,
        due: londonMidnight(shiftDate(dueDay, { days: 1 })),
      })
  }
  return flags
}

export const FLAG_TITLES: Record<MeetingFlagKind, string> = {
  'high-risk-episode': 'A high-risk missing episode has no strategy discussion or meeting yet',
  'repeat-alert': 'Repeat missing episodes have no strategy discussion or meeting yet',
}
