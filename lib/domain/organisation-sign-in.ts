// Sign-in through an organisation's identity provider (OpenID Connect Core 1.0): who may be let in, decided from the
// provider's verified answer and the Haven account. Roles stay in Haven: only the subject and e-mail are used.

/** The part of an e-mail address after "@", lower-case. */
export const emailDomain = (email: string) => email.trim().toLowerCase().split('@').pop() ?? ''

/** "council.gov.uk, @Council.gov.uk\n" → ['council.gov.uk']; empty entries dropped, repeats once. */
export const parseEmailDomains = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
      .filter(Boolean),
  ),
]

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** OpenID Connect Discovery 1.0 §3 and OAuth 2.0 Security BCP: the issuer is an https URL without query or fragment
 *  (plain http only on this machine, for a provider run beside Haven in tests). Returns a problem, or null. */
export function issuerProblem(issuer: string): string | null {
  let url: URL
  try {
    url = new URL(issuer)
  } catch {
    return 'Enter the issuer as a full web address, starting https://'
  }
  if (url.search || url.hash) return 'The issuer has no ? or # part: copy it exactly from the provider'
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null
  return 'The issuer must start https://'
}

/** Whether plain http is allowed for this issuer (only on this machine). */
export const isLoopbackIssuer = (issuer: string) => {
  const url = new URL(issuer)
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname)
}

/** What the provider said, after its ID token's signature, issuer, audience, expiry and nonce were checked. */
export type ProviderIdentity = { issuer: string; subject: string; email: string | null; emailVerified: boolean }

/** The Haven account the answer may belong to: found by the provider's subject, else by the e-mail address. */
export type CandidateAccount = {
  active: boolean
  identityIssuer: string | null
  identitySubject: string | null
  /** the account holds a role in the organisation whose provider answered */
  inOrganisation: boolean
}

export type LinkRefusal =
  'email-unverified' | 'email-not-served' | 'no-account' | 'deactivated' | 'other-organisation' | 'linked-elsewhere'

/**
 * Once linked, the provider's subject (issuer + subject) identifies the person, whatever e-mail it now sends. Before,
 * the account is found by a verified e-mail address in one of the organisation's domains and linked, but only an
 * account an administrator made (Haven has no self-registration), that is active, holds a role in this organisation
 * and is not already linked to another subject.
 */
export function linkDecision(
  identity: ProviderIdentity,
  domains: string[],
  bySubject: CandidateAccount | null,
  byEmail: CandidateAccount | null,
): { ok: true; link: boolean } | { ok: false; refusal: LinkRefusal } {
  const account = bySubject ?? byEmail
  if (!bySubject) {
    if (!identity.email || !identity.emailVerified) return { ok: false, refusal: 'email-unverified' }
    if (!domains.includes(emailDomain(identity.email))) return { ok: false, refusal: 'email-not-served' }
  }
  if (!account) return { ok: false, refusal: 'no-account' }
  if (!account.active) return { ok: false, refusal: 'deactivated' }
  if (!account.inOrganisation) return { ok: false, refusal: 'other-organisation' }
  if (!bySubject && account.identitySubject) return { ok: false, refusal: 'linked-elsewhere' }
  return { ok: true, link: !bySubject }
}

/** What the person is told: plain words, the same for every refusal that could reveal whether an account exists. */
export const REFUSAL_WORDS: Record<LinkRefusal | 'failed' | 'throttled', string> = {
  'email-unverified':
    'Your organisation’s account did not give Haven a verified e-mail address, so Haven cannot tell who you are. Ask your IT team.',
  'email-not-served': 'There is no Haven account for the account you signed in with. Ask your Haven administrator.',
  'no-account': 'There is no Haven account for the account you signed in with. Ask your Haven administrator.',
  deactivated: 'There is no Haven account for the account you signed in with. Ask your Haven administrator.',
  'other-organisation': 'There is no Haven account for the account you signed in with. Ask your Haven administrator.',
  'linked-elsewhere':
    'Your Haven account is already linked to another account at your organisation. Ask your Haven administrator.',
  failed: 'Signing in through your organisation did not work. Start again from this page.',
  throttled: 'There have been too many failed attempts to sign in to this account. Wait a few minutes and try again.',
}
