// Return interview rules. Source: DfE statutory guidance "Children who run away or go missing from home or care"
// (January 2014): a return interview is offered after every episode, within 72 hours of the return, by a person
// independent of the child's care; the child may prefer a trusted adult. Report recommendation 10. Pure: "now" and
// the thresholds are parameters.
import { formatDateTime } from './time'

const HOUR = 3_600_000

/** 72 hours of elapsed time after the return: a clock change in between moves the wall-clock deadline, not the wait. */
export function interviewDueAt(returnedAt: Date, dueHours: number): Date {
  return new Date(returnedAt.getTime() + dueHours * HOUR)
}

export type InterviewState = {
  dueAt: Date
  offeredAt: Date | null
  outcome: 'HELD' | 'DECLINED' | 'NOT_AVAILABLE' | 'NOT_OFFERED' | null
  heldAt: Date | null
}

export type InterviewStatus =
  'due' | 'due-soon' | 'overdue' | 'held' | 'held-late' | 'declined' | 'not-available' | 'not-offered'

export function interviewStatus(i: InterviewState, now: Date, dueSoonHours: number): InterviewStatus {
  switch (i.outcome) {
    case 'HELD':
      return i.heldAt && i.heldAt <= i.dueAt ? 'held' : 'held-late'
    case 'DECLINED':
      return 'declined'
    case 'NOT_AVAILABLE':
      return 'not-available'
    case 'NOT_OFFERED':
      return 'not-offered'
  }
  if (now > i.dueAt) return 'overdue'
  return i.dueAt.getTime() - now.getTime() <= dueSoonHours * HOUR ? 'due-soon' : 'due'
}

export const STATUS_LABELS: Record<InterviewStatus, string> = {
  due: 'Due',
  'due-soon': 'Due within 24 hours',
  overdue: 'Overdue',
  held: 'Held within 72 hours',
  'held-late': 'Held late',
  declined: 'Declined by the child',
  'not-available': 'Child not available',
  'not-offered': 'Not offered',
}

/** Still to be done: the deadline matters. */
export const isOutstanding = (s: InterviewStatus) => s === 'due' || s === 'due-soon' || s === 'overdue'

export type OutcomeInput = {
  outcome: 'HELD' | 'DECLINED' | 'NOT_AVAILABLE' | 'NOT_OFFERED'
  offeredAt: Date | null
  heldAt: Date | null
  interviewerName?: string | null
  interviewerOrganisation: string | null
  independenceDeclared: boolean
  childChoseTrustedAdult: boolean
  trustedAdult: string | null
}

/** Someone involved in the child's care (their social worker, staff of the home or its provider), and how. */
export type CarePerson = { name: string; role: string }

export type OutcomeContext = {
  returnedAt: Date
  providerName: string | null
  now: Date
  carePeople?: readonly CarePerson[]
}

/**
 * The outcome: nothing before the return or in the future, and an interview held by someone independent of the
 * child's care, unless the child chose a trusted adult instead. Statutory guidance (2014), "Return interviews": the
 * independent person is someone not involved in caring for the child; a child who prefers their social worker or
 * carer may talk to them, which is recorded as the child's choice, never as independent.
 */
export function checkOutcome(input: OutcomeInput, context: OutcomeContext): Record<string, string> {
  const problems: Record<string, string> = {}
  const future = (d: Date) => d.getTime() > context.now.getTime() + 5 * 60_000
  if (input.offeredAt && input.offeredAt < context.returnedAt)
    problems.offeredAt = 'The offer cannot be before the child came back'
  else if (input.offeredAt && future(input.offeredAt)) problems.offeredAt = 'The offer cannot be in the future'
  if (input.outcome !== 'HELD') return problems
  if (!input.heldAt) problems.heldAt = 'Enter when the interview was held'
  else if (input.heldAt < context.returnedAt)
    problems.heldAt = 'The interview cannot be held before the child came back'
  else if (input.offeredAt && input.heldAt < input.offeredAt)
    problems.heldAt = `The interview cannot be held before it was offered (${formatDateTime(input.offeredAt)})`
  else if (future(input.heldAt)) problems.heldAt = 'The interview cannot be in the future'
  if (input.childChoseTrustedAdult) {
    if (!input.trustedAdult) problems.trustedAdult = 'Name the trusted adult the child chose'
    return problems
  }
  const carer = carePersonNamed(input.interviewerName ?? null, context.carePeople ?? [])
  if (!input.independenceDeclared)
    problems.independenceDeclared =
      'Confirm the interviewer is independent of the child’s care, or record that the child chose a trusted adult'
  else if (carer)
    problems.interviewerName = `${carer.name} is ${carer.role}, so not independent of the child’s care: record the child’s choice of a trusted adult if they chose them`
  else if (context.providerName && sameOrganisation(input.interviewerOrganisation, context.providerName))
    problems.interviewerOrganisation = `Someone employed by ${context.providerName}, which runs the home, is not independent: record the child’s choice of a trusted adult if they chose them`
  return problems
}

/** The care person a typed name is, ignoring case and spaces ("sam  WHITFIELD" is Sam Whitfield). */
export function carePersonNamed(name: string | null, people: readonly CarePerson[]): CarePerson | null {
  const key = (s: string) => s.toLowerCase().replace(/\s+/g, '')
  if (!name || !key(name)) return null
  return people.find((p) => key(p.name) === key(name)) ?? null
}

function sameOrganisation(a: string | null, b: string) {
  const key = (s: string) =>
    s
      .toLowerCase()
      .replace(/\b(ltd|limited|the|plc)\b/g, '')
      .replace(/[^a-z0-9]/g, '')
  return a !== null && key(a) !== '' && (key(a) === key(b) || key(a).includes(key(b)) || key(b).includes(key(a)))
}

export type TimelinessRow = {
  returned: number
  offered: number
  heldWithin72h: number
  heldLate: number
  declined: number
  notAvailable: number
  notOffered: number
  outstanding: number
}

/**
 * Timeliness for a set of returned episodes, each with its interview's state (report 2023-24 anchor: 63% held in 72 h).
 */
export function timeliness(
  interviews: InterviewState[],
  now: Date,
  dueSoonHours: number,
): TimelinessRow & { heldWithin72hPercent: number | null } {
  const row: TimelinessRow = {
    returned: 0,
    offered: 0,
    heldWithin72h: 0,
    heldLate: 0,
    declined: 0,
    notAvailable: 0,
    notOffered: 0,
    outstanding: 0,
  }
  for (const i of interviews) {
    row.returned++
    const status = interviewStatus(i, now, dueSoonHours)
    if (
      i.offeredAt ||
      status === 'held' ||
      status === 'held-late' ||
      status === 'declined' ||
      status === 'not-available'
    )
      row.offered++
    if (status === 'held') row.heldWithin72h++
    else if (status === 'held-late') row.heldLate++
    else if (status === 'declined') row.declined++
    else if (status === 'not-available') row.notAvailable++
    // overdue and never offered counts as not offered: the deadline has gone
    else if (status === 'not-offered' || (status === 'overdue' && !i.offeredAt)) row.notOffered++
    else row.outstanding++
  }
  return {
    ...row,
    heldWithin72hPercent: row.returned ? Math.round((row.heldWithin72h / row.returned) * 1000) / 10 : null,
  }
}

export const OUTCOME_LABELS = {
  HELD: 'Held',
  DECLINED: 'Declined by the child',
  NOT_AVAILABLE: 'Child not available',
  NOT_OFFERED: 'Not offered',
} as const
export const OFFER_METHOD_LABELS = {
  IN_PERSON: 'In person',
  PHONE: 'Phone call',
  TEXT_OR_MESSAGE: 'Text or message',
  LETTER: 'Letter',
  THROUGH_CARER: 'Through their carer',
  OTHER: 'Other',
} as const
export const SHARING_BASIS_LABELS = {
  CONSENT: 'With the child’s consent',
  SAFEGUARDING_WITHOUT_CONSENT: 'Without consent, to safeguard the child or others',
} as const
export const PREVENTION_LABELS = { DONE: 'Done', DECLINED: 'Declined by the child', NOT_DONE: 'Not done' } as const

/** The child's words, section by section. */
export const CHILD_SAYS_SECTIONS = {
  whereAndWithWhom: 'Where they went and who with',
  whatHappened: 'What happened',
  whyLeft: 'Why they left',
  harmed: 'Whether they were harmed',
  feelsSafe: 'Whether they feel safe',
  whatWouldHelp: 'What would help',
} as const
