// Referrals that follow a child's risk of exploitation, as records of their own on the child.
import type { ExploitationKind } from './cse'
import { parseKinds } from './exploitation-kinds'
import { calendarDate, isoDate } from './time'

export const REFERRAL_KINDS = {
  // National referral mechanism: guidance for child first responders (Home Office): a referral, then a reasonable
  // grounds decision and a conclusive grounds decision by the competent authority
  NRM: 'National Referral Mechanism (NRM) referral',
  // College of Policing, Advice for safeguarding children through use of a child abduction warning notice (2019):
  // the police issue it to a named person, for a child under 16 or in care under a care order
  CAWN: 'Child Abduction Warning Notice (CAWN)',
  POLICE_INTELLIGENCE: 'Intelligence submitted to the police',
} as const
export type ReferralKind = keyof typeof REFERRAL_KINDS

export const NRM_DECISIONS = { POSITIVE: 'Positive', NEGATIVE: 'Negative' } as const
export type NrmDecision = keyof typeof NRM_DECISIONS

export const CAWN_STATUSES = { REQUESTED: 'Requested from the police', ISSUED: 'Issued by the police' } as const
export type CawnStatus = keyof typeof CAWN_STATUSES

/** A referral's fields a correction (or a decision made later) can change, as people name them. */
export const REFERRAL_FIELDS = {
  madeOn: 'Date made',
  madeBy: 'Made by',
  reference: 'Reference or police force',
  summary: 'Summary',
  reasonableGrounds: 'Reasonable grounds decision',
  reasonableGroundsOn: 'Reasonable grounds decision date',
  conclusiveGrounds: 'Conclusive grounds decision',
  conclusiveGroundsOn: 'Conclusive grounds decision date',
  cawnStatus: 'Requested or issued',
  kinds: 'Kinds of exploitation',
} as const
export type ReferralField = keyof typeof REFERRAL_FIELDS

const DATE_FIELDS = new Set<ReferralField>(['madeOn', 'reasonableGroundsOn', 'conclusiveGroundsOn'])
const NRM_ONLY = new Set<ReferralField>([
  'reasonableGrounds',
  'reasonableGroundsOn',
  'conclusiveGrounds',
  'conclusiveGroundsOn',
])

// Modern Slavery Act 2015: statutory guidance for England and Wales (Home Office): the NRM identifies victims of
// modern slavery, which includes trafficking and the criminal and sexual exploitation of children; radicalisation is
// referred through Prevent instead. A CAWN or an intelligence submission may concern any kind, or none recorded.
export const NRM_KINDS: readonly ExploitationKind[] = ['sexual', 'criminal', 'trafficking']

/** What is wrong with the kinds of exploitation named for a referral of this kind, if anything. */
export function referralKindsProblem(kind: string, kinds: readonly ExploitationKind[]): string | null {
  if (kind !== 'NRM') return null
  if (kinds.length === 0) return 'Choose the kinds of exploitation the NRM referral is about'
  if (kinds.some((k) => !NRM_KINDS.includes(k)))
    return 'An NRM referral is about sexual or criminal exploitation, or trafficking: refer radicalisation through Prevent'
  return null
}

export type ReferralDates = { madeOn: string; reasonableGroundsOn: string | null; conclusiveGroundsOn: string | null }

/** The order the NRM decisions come in: made, then reasonable grounds, then conclusive grounds; none in the future. */
export function referralDateProblems(d: ReferralDates, today: string): Partial<Record<keyof ReferralDates, string>> {
  const problems: Partial<Record<keyof ReferralDates, string>> = {}
  if (d.madeOn > today) problems.madeOn = 'The referral cannot be made in the future'
  if (d.reasonableGroundsOn && (d.reasonableGroundsOn < d.madeOn || d.reasonableGroundsOn > today))
    problems.reasonableGroundsOn = 'The decision comes after the referral and not in the future'
  if (d.conclusiveGroundsOn) {
    if (!d.reasonableGroundsOn) problems.conclusiveGroundsOn = 'Record the reasonable grounds decision first'
    else if (d.conclusiveGroundsOn < d.reasonableGroundsOn || d.conclusiveGroundsOn > today)
      problems.conclusiveGroundsOn = 'The decision comes after the reasonable grounds decision and not in the future'
  }
  return problems
}

/** A typed correction as stored, or what is wrong with it (the amendment helper's parse). */
export function parseReferralValue(
  field: ReferralField,
  raw: string,
  referral: { kind: ReferralKind; madeOn: Date; reasonableGroundsOn: Date | null; conclusiveGroundsOn: Date | null },
  today: string,
): { value: string | Date | null | ExploitationKind[] } | { problem: string } {
  const value = raw.trim()
  if (field === 'kinds') {
    const parsed = parseKinds(value)
    if ('problem' in parsed) return parsed
    const problem = referralKindsProblem(referral.kind, parsed.kinds)
    return problem ? { problem } : { value: parsed.kinds }
  }
  if (NRM_ONLY.has(field) && referral.kind !== 'NRM') return { problem: 'Only an NRM referral has decisions' }
  if (field === 'cawnStatus' && referral.kind !== 'CAWN') return { problem: 'Only a CAWN is requested or issued' }
  if (field === 'reasonableGrounds' || field === 'conclusiveGrounds')
    return value === '' || value in NRM_DECISIONS
      ? { value: value || null }
      : { problem: 'Choose positive or negative' }
  if (field === 'cawnStatus') return value in CAWN_STATUSES ? { value } : { problem: 'Choose requested or issued' }
  if (DATE_FIELDS.has(field)) {
    if (value === '' && field !== 'madeOn') return { value: null }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return { problem: 'Enter a date' }
    const dates: ReferralDates = {
      madeOn: isoDate(referral.madeOn),
      reasonableGroundsOn: referral.reasonableGroundsOn && isoDate(referral.reasonableGroundsOn),
      conclusiveGroundsOn: referral.conclusiveGroundsOn && isoDate(referral.conclusiveGroundsOn),
      [field]: value,
    }
    const problem = Object.values(referralDateProblems(dates, today))[0]
    return problem ? { problem } : { value: calendarDate(value) }
  }
  if (field === 'madeBy' && value === '') return { problem: 'Say who made it' }
  return { value: value || null }
}
