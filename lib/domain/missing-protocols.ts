// A child's missing protocol (the "trigger plan" police-agreed local protocols such as the Philomena Protocol ask
// carers to keep: what to do before contacting the police, kept up to date) and who is told of an episode. Sources:
// DfE statutory guidance "Children who run away or go missing from home or care" (2014) on agreeing with the police
// and the authority what the home does when a child goes missing; the Philomena Protocol as police forces publish it
// (part one kept ready and reviewed, part two when the child goes missing). The review interval is local practice.
// Pure: the clock and the settings are parameters.
import { addMonths, formatDate } from './time'

export const TOLD_WHO = {
  POLICE: 'The police',
  ON_CALL_MANAGER: 'The on-call manager',
  PARENT: 'A parent or someone with parental responsibility',
  SOCIAL_WORKER: 'The social worker',
  IRO: 'The IRO',
  EMERGENCY_DUTY_TEAM: 'The emergency duty team (out of hours)',
  HOST_AUTHORITY: 'The host authority (placed out of area)',
  OTHER: 'Someone else',
} as const
export type ToldWho = keyof typeof TOLD_WHO

export const TOLD_METHOD = {
  PHONE: 'Phone',
  EMAIL: 'E-mail',
  IN_PERSON: 'In person',
  HAVEN: 'Through Haven',
  OTHER: 'Another way',
} as const
export type ToldMethod = keyof typeof TOLD_METHOD

/** Who the protocol says to tell; a name tells apart two of a kind (two parents). With an e-mail address, Haven tells
 *  them itself (protocols written before addresses were asked for have none). */
export type Contact = { who: ToldWho; name: string | null; contact: string | null; email: string | null }

/**
 * The protocol's contacts Haven e-mails itself when the child is reported missing and when they come back: those with
 * an address, and only from a version in force (an address the social worker has not agreed and the manager not
 * signed off is never e-mailed; staff tell them another way). Source: issue #15; docs/data-protection.md.
 */
export function contactsToEmail(protocol: { agreedAt: Date | null; signedOffAt: Date | null }, contacts: Contact[]) {
  if (!protocol.agreedAt || !protocol.signedOffAt) return []
  return contacts.filter((c): c is Contact & { email: string } => Boolean(c.email))
}

/** An episode's reference in Haven's e-mails to people without an account: the end of its id, easy to read aloud. */
export const episodeReference = (episodeId: string) => `M-${episodeId.replace(/-/g, '').slice(-8).toUpperCase()}`

type Version = { version: number; agreedAt: Date | null; signedOffAt: Date | null; reviewDate: string }

export type ProtocolState =
  | { state: 'none' }
  | { state: 'unsigned'; version: number }
  | { state: 'current'; version: number; reviewDate: string }
  | { state: 'review-due'; version: number; reason: string }

/** The version in force: the latest one agreed by the social worker and signed off by the registered manager. */
export function versionInForce<V extends Omit<Version, 'reviewDate'>>(versions: V[]): V | null {
  return versions.filter((v) => v.agreedAt && v.signedOffAt).sort((a, b) => b.version - a.version)[0] ?? null
}

/**
 * Whether a child has a current protocol: agreed and signed off, not past its review date, and not followed by an
 * episode the child has come back from since (a protocol is reviewed after every episode). `today` is a London day.
 */
export function protocolState(versions: Version[], returns: Date[], today: string): ProtocolState {
  const inForce = versionInForce(versions)
  if (!inForce)
    return versions.length
      ? { state: 'unsigned', version: Math.max(...versions.map((v) => v.version)) }
      : { state: 'none' }
  const signed = inForce.signedOffAt!.getTime() > inForce.agreedAt!.getTime() ? inForce.signedOffAt! : inForce.agreedAt!
  const since = returns.filter((r) => r.getTime() > signed.getTime()).sort((a, b) => a.getTime() - b.getTime())[0]
  if (since) return { state: 'review-due', version: inForce.version, reason: 'an episode since it was signed off' }
  if (inForce.reviewDate < today)
    return {
      state: 'review-due',
      version: inForce.version,
      reason: `its review date, ${formatDate(inForce.reviewDate)}, has passed`,
    }
  return { state: 'current', version: inForce.version, reviewDate: inForce.reviewDate }
}

/** A new version's review date: after today and no later than the interval allows. */
export function reviewDateProblem(reviewDate: string, today: string, reviewMonths: number): string | null {
  if (reviewDate <= today) return 'The review date must be after today'
  const latest = addMonths(today, reviewMonths)
  if (reviewDate > latest)
    return `Review the protocol at least every ${reviewMonths} months: choose a date no later than ${latest}`
  return null
}

const same = (a: string | null, b: string | null) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase()

/**
 * Each person or body the protocol says to tell, with the first record of telling them (or null: not yet). A kind the
 * protocol names once matches any record of that kind; two of a kind (two parents) are told apart by name.
 */
export function toldAgainstProtocol<T extends { who: ToldWho; name: string | null; toldAt: Date }>(
  contacts: Contact[],
  told: T[],
): { contact: Contact; told: T | null }[] {
  const inOrder = [...told].sort((a, b) => a.toldAt.getTime() - b.toldAt.getTime())
  return contacts.map((contact) => {
    const byName = contacts.filter((c) => c.who === contact.who).length > 1
    return {
      contact,
      told: inOrder.find((t) => t.who === contact.who && (!byName || same(t.name, contact.name))) ?? null,
    }
  })
}

/** What became of Haven's e-mail to one of the protocol's addresses. */
export type Delivery = 'waiting' | 'sent' | 'failed'

/**
 * As toldAgainstProtocol, where Haven's e-mail to a contact that failed does not count as telling them (source: issue
 * #15, "the rest are ticked by the worker"): `emailFailed` says so beside them, so that staff tell them another way.
 */
export function toldWithEmails<
  T extends { who: ToldWho; name: string | null; toldAt: Date; delivery: Delivery | null },
>(contacts: Contact[], told: T[]) {
  const failed = toldAgainstProtocol(
    contacts,
    told.filter((t) => t.delivery === 'failed'),
  )
  return toldAgainstProtocol(
    contacts,
    told.filter((t) => t.delivery !== 'failed'),
  ).map((c, i) => ({ ...c, emailFailed: !c.told && failed[i].told !== null }))
}

/**
 * What the episode page says about the police: the latest record of telling them, or what the report said. The
 * report's answer is never changed; telling them later is a record of its own.
 */
export function policeNow(
  report: { policeInformed: boolean; policeReference: string | null; reportedAt: Date },
  told: { who: ToldWho; toldAt: Date; policeForce: string | null; policeReference: string | null }[],
) {
  const latest = told.filter((t) => t.who === 'POLICE').sort((a, b) => b.toldAt.getTime() - a.toldAt.getTime())[0]
  if (latest)
    return {
      told: true,
      at: latest.toldAt,
      force: latest.policeForce,
      reference: latest.policeReference ?? report.policeReference,
    }
  return {
    told: report.policeInformed,
    at: report.policeInformed ? report.reportedAt : null,
    force: null,
    reference: report.policeReference,
  }
}

/** The dashboard's order: children who went missing in the last 12 months first, then by name. */
export function withoutProtocolOrder<C extends { lastMissingAt: Date | null; name: string }>(children: C[], now: Date) {
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000)
  const recent = (c: C) => (c.lastMissingAt && c.lastMissingAt >= yearAgo ? 0 : 1)
  return [...children].sort((a, b) => recent(a) - recent(b) || a.name.localeCompare(b.name))
}
