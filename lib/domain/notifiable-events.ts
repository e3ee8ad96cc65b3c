// Regulation 40 of the Children's Homes (England) Regulations 2015 (SI 2015/541), "Notification of a serious event":
// which events are notifiable, who the registered person must tell for each, and when a notification is overdue.
// "Relevant person" (reg 40): any person, body or organisation the registered person considers relevant to the care,
// protection or safeguarding of the child; the registered person names them when deciding to notify.
import { addWorkingDays } from './bank-holidays'
import { INDICATOR_BY_CODE, type Level, type Observed } from './cse'

export const EVENT_KINDS = [
  'CHILD_DEATH',
  'STAFF_REFERRAL',
  'SEXUAL_EXPLOITATION',
  'SERIOUS_POLICE_INCIDENT',
  'ALLEGATION_OF_ABUSE',
  'CHILD_PROTECTION_ENQUIRY',
  'CHILD_PROTECTION_ENQUIRY_OUTCOME',
] as const
export type EventKind = (typeof EVENT_KINDS)[number]

/** Each kind in the regulation's words, with its paragraph. */
export const EVENT_KIND: Record<EventKind, { label: string; paragraph: string; about: 'child' | 'person' }> = {
  CHILD_DEATH: { label: 'The death of a child', paragraph: '40(1)', about: 'child' },
  STAFF_REFERRAL: {
    label: 'A referral of a person working at the home under section 35 of the Safeguarding Vulnerable Groups Act 2006',
    paragraph: '40(3)',
    about: 'person',
  },
  SEXUAL_EXPLOITATION: {
    label: 'A child involved in or subject to, or suspected of being involved in or subject to, sexual exploitation',
    paragraph: '40(4)(a)',
    about: 'child',
  },
  SERIOUS_POLICE_INCIDENT: {
    label:
      'An incident requiring police involvement in relation to a child, which the registered person considers serious',
    paragraph: '40(4)(b)',
    about: 'child',
  },
  ALLEGATION_OF_ABUSE: {
    label: 'An allegation of abuse against the home or a person working there',
    paragraph: '40(4)(c)',
    about: 'child',
  },
  CHILD_PROTECTION_ENQUIRY: {
    label: 'A child protection enquiry involving a child is started',
    paragraph: '40(4)(d)',
    about: 'child',
  },
  CHILD_PROTECTION_ENQUIRY_OUTCOME: {
    label: 'The outcome of a child protection enquiry',
    paragraph: '40(5)',
    about: 'child',
  },
}

export const RECIPIENTS = [
  'HMCI',
  'PLACING_AUTHORITY',
  'SECRETARY_OF_STATE',
  'HOST_AUTHORITY',
  'INTEGRATED_CARE_BOARD',
  'PRISONS_AND_PROBATION_OMBUDSMAN',
  'OTHER_RELEVANT_PERSON',
] as const
export type Recipient = (typeof RECIPIENTS)[number]

export const RECIPIENT_LABEL: Record<Recipient, string> = {
  HMCI: 'Ofsted (HMCI)',
  PLACING_AUTHORITY: 'The placing authority',
  SECRETARY_OF_STATE: 'The Secretary of State',
  HOST_AUTHORITY: 'The local authority where the home is',
  INTEGRATED_CARE_BOARD: 'The integrated care board for the area',
  PRISONS_AND_PROBATION_OMBUDSMAN: 'The Prisons and Probation Ombudsman',
  OTHER_RELEVANT_PERSON: 'Another relevant person',
}

export type Required = { recipient: Recipient; who: string | null; paragraph: string }

/**
 * Who must be told of an event, without delay (reg 40(1), (3), (4), (5)): the bodies the regulation names for its
 * kind, then each other relevant person the registered person named. `placedByHostAuthority`: the authority where
 * the home is placed the child (reg 40(1)(d) then needs no second notice); `secureHome`: reg 40(1)(f).
 * The Secretary of State is told of a death (40(1)(c)) unless they placed the child, which never happens in Haven.
 */
export function requiredRecipients(
  kind: EventKind,
  home: { placedByHostAuthority: boolean; secureHome: boolean },
  otherRelevantPersons: readonly string[],
): Required[] {
  const named = (recipient: Recipient, paragraph: string): Required => ({ recipient, who: null, paragraph })
  const fixed: Required[] =
    kind === 'CHILD_DEATH'
      ? [
          named('HMCI', '40(1)(a)'),
          named('PLACING_AUTHORITY', '40(1)(b)'),
          named('SECRETARY_OF_STATE', '40(1)(c)'),
          ...(home.placedByHostAuthority ? [] : [named('HOST_AUTHORITY', '40(1)(d)')]),
          named('INTEGRATED_CARE_BOARD', '40(1)(e)'),
          ...(home.secureHome ? [named('PRISONS_AND_PROBATION_OMBUDSMAN', '40(1)(f)')] : []),
        ]
      : kind === 'STAFF_REFERRAL'
        ? [named('HMCI', '40(3)(a)'), named('PLACING_AUTHORITY', '40(3)(b)')]
        : [named('HMCI', EVENT_KIND[kind].paragraph)]
  const others =
    kind === 'CHILD_DEATH' ? '40(1)(g)' : kind === 'STAFF_REFERRAL' ? '40(3)(c)' : EVENT_KIND[kind].paragraph
  return [
    ...fixed,
    ...otherRelevantPersons.map((who) => ({ recipient: 'OTHER_RELEVANT_PERSON' as const, who, paragraph: others })),
  ]
}

/**
 * The required recipients not yet told: a named body by any notice to it, a relevant person by a notice naming them.
 */
export function stillToTell(
  required: readonly Required[],
  told: readonly { recipient: Recipient; who: string }[],
): Required[] {
  const norm = (s: string) => s.trim().toLowerCase()
  return required.filter((r) =>
    r.who === null
      ? !told.some((t) => t.recipient === r.recipient)
      : !told.some((t) => t.recipient === r.recipient && norm(t.who) === norm(r.who!)),
  )
}

export type EventStatus = 'PROPOSED' | 'TO_NOTIFY' | 'NOTIFIED' | 'NOT_NOTIFIABLE'

export function eventStatus(e: {
  decision: 'NOTIFY' | 'NOT_NOTIFIABLE' | null
  completedAt: Date | string | null
}): EventStatus {
  if (e.decision === 'NOT_NOTIFIABLE') return 'NOT_NOTIFIABLE'
  if (e.decision === null) return 'PROPOSED'
  return e.completedAt ? 'NOTIFIED' : 'TO_NOTIFY'
}

/**
 * "Without delay" (reg 40) made checkable: by the end of this many working days (a local setting) after the day the
 * event happened, the registered person has decided and, if it is notifiable, told everyone required. The last day
 * that is on time (YYYY-MM-DD, London).
 */
export const notifyByDate = (occurredOn: string, workingDays: number, holidays?: readonly string[]) =>
  addWorkingDays(occurredOn, workingDays, holidays)

/** A proposal not decided, or a notifiable event not told to everyone, after its last day on time. */
export function isOverdue(
  e: { occurredOn: string; decision: 'NOTIFY' | 'NOT_NOTIFIABLE' | null; completedAt: Date | string | null },
  today: string,
  workingDays: number,
  holidays?: readonly string[],
) {
  const status = eventStatus(e)
  return (status === 'PROPOSED' || status === 'TO_NOTIFY') && today > notifyByDate(e.occurredOn, workingDays, holidays)
}

/**
 * Whether a screening should propose "this may be a Regulation 40 event" (reg 40(4)(a): child sexual exploitation):
 * the worker judged the child at significant risk of sexual exploitation (`level` is that kind's), or recorded a sign
 * of sexual harm seen now or in the last 6 months. A harm indicator older than that never proposes one, and a proposal
 * is never an event: the registered person decides. Other kinds are proposed by the worker from the screening.
 */
export function screeningProposesReg40(screening: { level: Level | null; observed: readonly Observed[] }) {
  if (screening.level === 'SIGNIFICANT') return true
  return screening.observed.some((o) => {
    const indicator = INDICATOR_BY_CODE[o.code]
    return o.when !== 'OLDER' && indicator?.group === 'harm' && indicator.kinds.includes('sexual')
  })
}
