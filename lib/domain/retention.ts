// How long Haven keeps each kind of record, as data: what, for how long, and the source. The scheduled job lists
// what reached its end; a person decides (erase or keep, with a reason), and that decision is recorded.
import { shiftDate } from './time'

export type RetentionRule = {
  rule: 'child-case-records' | 'sign-in-records' | 'audit-trail'
  what: string
  keptFor: string
  source: string
}

export function retentionSchedule(signInDays: number): RetentionRule[] {
  return [
    {
      rule: 'child-case-records',
      what: "A child's case records: everything Haven holds about the child (placements, episodes, return interviews, CSE screenings, safety plans, grab packs, photos, reviews, alerts, notifiable events)",
      keptFor: "Until the child's 75th birthday; if the child dies before 18, 15 years from the death",
      source: "The Children's Homes (England) Regulations 2015, reg 36(2)(a) and (b); what they hold: schedule 3",
    },
    {
      rule: 'sign-in-records',
      what: 'Sign-in attempts (e-mail, address, device), and browser sessions and API tokens that have ended',
      keptFor: `${signInDays} days (HAVEN_RETENTION_SIGN_IN_DAYS), then deleted by the scheduled job`,
      source: 'UK GDPR art 5(1)(e) (storage limitation): kept only as long as throttling and investigations need',
    },
    {
      rule: 'audit-trail',
      what: 'The audit trail: who read or changed what, when (ids and codes only, never names or case notes)',
      keptFor: 'Never deleted: its hash chain must stay verifiable; once a record is erased its ids point nowhere',
      source: 'UK GDPR art 5(2) (accountability) and art 32 (security of processing)',
    },
  ]
}

// CHR 2015 reg 36(2): 15 years from the death of a child who dies before 18, otherwise 75 years from the birth
export function caseRecordsKeptUntil(dateOfBirth: string, diedOn: string | null = null): string {
  if (diedOn && diedOn < shiftDate(dateOfBirth, { years: 18 })) return shiftDate(diedOn, { years: 15 })
  return shiftDate(dateOfBirth, { years: 75 })
}
