import { describe, expect, it } from 'vitest'
import {
  issuerProblem,
  linkDecision,
  parseEmailDomains,
  type CandidateAccount,
} from '@/lib/domain/organisation-sign-in'
import { organisationSignInSchema } from '@/lib/validation/organisation-sign-in'

const identity = { issuer: 'https://idp.example', subject: 's1', email: 'sam@council.example', emailVerified: true }
const account = (over: Partial<CandidateAccount> = {}): CandidateAccount => ({
  active: true,
  identityIssuer: null,
  identitySubject: null,
  inOrganisation: true,
  ...over,
})
const domains = ['council.example']

describe('who is let in through the organisation’s identity provider', () => {
  it('links an active account of the organisation found by a verified e-mail in its domains', () => {
    expect(linkDecision(identity, domains, null, account())).toEqual({ ok: true, link: true })
  })
  it('refuses what it cannot be sure of, and never makes an account', () => {
    expect(linkDecision({ ...identity, emailVerified: false }, domains, null, account())).toMatchObject({
      refusal: 'email-unverified',
    })
    expect(linkDecision({ ...identity, email: 'sam@other.example' }, domains, null, account())).toMatchObject({
      refusal: 'email-not-served',
    })
    expect(linkDecision(identity, domains, null, null)).toMatchObject({ refusal: 'no-account' })
    expect(linkDecision(identity, domains, null, account({ active: false }))).toMatchObject({ refusal: 'deactivated' })
    expect(linkDecision(identity, domains, null, account({ inOrganisation: false }))).toMatchObject({
      refusal: 'other-organisation',
    })
    const linked = account({ identityIssuer: 'https://idp.example', identitySubject: 'someone-else' })
    expect(linkDecision(identity, domains, null, linked)).toMatchObject({ refusal: 'linked-elsewhere' })
  })
  it('once linked, knows the person by their subject whatever e-mail the provider now sends', () => {
    const linked = account({ identityIssuer: 'https://idp.example', identitySubject: 's1' })
    expect(linkDecision({ ...identity, email: null, emailVerified: false }, domains, linked, null)).toEqual({
      ok: true,
      link: false,
    })
    expect(linkDecision(identity, domains, { ...linked, active: false }, null)).toMatchObject({
      refusal: 'deactivated',
    })
  })
})

describe('the administrator’s set-up', () => {
  it('takes an https issuer (http only on this machine)', () => {
    expect(issuerProblem('https://login.microsoftonline.com/tenant/v2.0')).toBeNull()
    expect(issuerProblem('http://127.0.0.1:4000')).toBeNull()
    expect(issuerProblem('http://idp.example')).toMatch(/https/)
    expect(issuerProblem('https://idp.example/?x=1')).toMatch(/\?/)
    expect(issuerProblem('idp.example')).toMatch(/full web address/)
  })
  it('reads the form’s answers again on the server, as the browser already parsed them', () => {
    const typed = {
      organisationId: 'org',
      issuer: 'https://idp.example',
      clientId: 'haven',
      clientSecret: '',
      emailDomains: 'a.example, b.example',
      enabled: true,
      providerOnly: false,
      providerEnforcesMfa: true,
    }
    const inBrowser = organisationSignInSchema.parse(typed)
    expect(organisationSignInSchema.parse(inBrowser).emailDomains).toEqual(['a.example', 'b.example'])
  })
  it('reads e-mail domains however they are typed', () => {
    expect(parseEmailDomains(' @Council.gov.uk, council.org.uk\ncouncil.gov.uk ')).toEqual([
      'council.gov.uk',
      'council.org.uk',
    ])
  })
})
