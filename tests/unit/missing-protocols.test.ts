import { describe, expect, it } from 'vitest'
import {
  policeNow,
  protocolState,
  reviewDateProblem,
  toldAgainstProtocol,
  withoutProtocolOrder,
  contactsToEmail,
  episodeReference,
  toldWithEmails,
} from '@/lib/domain/missing-protocols'

const at = (s: string) => new Date(s)
const v = (version: number, agreed: string | null, signed: string | null, reviewDate = '2027-01-31') => ({
  version,
  agreedAt: agreed ? at(agreed) : null,
  signedOffAt: signed ? at(signed) : null,
  reviewDate,
})

describe('protocolState', () => {
  it('is current only when the latest version in force is agreed by the social worker and signed off', () => {
    expect(protocolState([], [], '2026-12-03')).toEqual({ state: 'none' })
    expect(protocolState([v(1, null, '2026-11-02T10:00Z')], [], '2026-12-03')).toEqual({
      state: 'unsigned',
      version: 1,
    })
    // version 2 waits for sign-off: version 1 stays in force
    expect(
      protocolState([v(1, '2026-11-01T10:00Z', '2026-11-02T10:00Z'), v(2, null, null)], [], '2026-12-03'),
    ).toMatchObject({ state: 'current', version: 1 })
  })

  it('needs a review after its review date and after any episode the child came back from since', () => {
    const signed = [v(1, '2026-11-01T10:00Z', '2026-11-02T10:00Z', '2026-12-02')]
    expect(protocolState(signed, [], '2026-12-03')).toMatchObject({
      state: 'review-due',
      reason: expect.stringContaining('2 Dec 2026'),
    })
    const inDate = [v(1, '2026-11-01T10:00Z', '2026-11-02T10:00Z')]
    expect(protocolState(inDate, [at('2026-11-01T09:00Z')], '2026-12-03')).toMatchObject({ state: 'current' })
    expect(protocolState(inDate, [at('2026-11-20T09:00Z')], '2026-12-03')).toMatchObject({
      state: 'review-due',
      reason: 'an episode since it was signed off',
    })
  })
})

describe('reviewDateProblem', () => {
  it('asks for a date after today and within the review interval', () => {
    expect(reviewDateProblem('2026-12-03', '2026-12-03', 3)).toBe('The review date must be after today')
    expect(reviewDateProblem('2027-03-03', '2026-12-03', 3)).toBeNull()
    expect(reviewDateProblem('2027-03-04', '2026-12-03', 3)).toBe(
      'Review the protocol at least every 3 months: choose a date no later than 2027-03-03',
    )
  })
})

describe('toldAgainstProtocol', () => {
  it('matches each person to tell with the first record of telling them; two of a kind by name', () => {
    const contacts = [
      { who: 'POLICE' as const, name: null, contact: '101', email: null },
      { who: 'PARENT' as const, name: 'Mum', contact: null, email: null },
      { who: 'PARENT' as const, name: 'Dad', contact: null, email: null },
    ]
    const told = [
      { who: 'PARENT' as const, name: ' mum ', toldAt: at('2026-12-03T22:00Z') },
      { who: 'POLICE' as const, name: null, toldAt: at('2026-12-03T21:30Z') },
      { who: 'POLICE' as const, name: null, toldAt: at('2026-12-03T21:00Z') },
    ]
    expect(toldAgainstProtocol(contacts, told).map((t) => t.told?.toldAt.toISOString() ?? null)).toEqual([
      '2026-12-03T21:00:00.000Z',
      '2026-12-03T22:00:00.000Z',
      null,
    ])
  })
})

describe('policeNow', () => {
  it('shows the latest record of telling the police, else what the report said', () => {
    const report = { policeInformed: false, policeReference: null, reportedAt: at('2026-12-03T20:00Z') }
    expect(policeNow(report, [])).toEqual({ told: false, at: null, force: null, reference: null })
    const later = {
      who: 'POLICE' as const,
      toldAt: at('2026-12-03T21:00Z'),
      policeForce: 'Northshire',
      policeReference: 'NP-1',
    }
    expect(policeNow(report, [later])).toEqual({ told: true, at: later.toldAt, force: 'Northshire', reference: 'NP-1' })
  })
})

describe('withoutProtocolOrder', () => {
  it('puts children missing in the last 12 months first', () => {
    const now = at('2026-12-03T12:00Z')
    const children = [
      { name: 'Adams', lastMissingAt: null },
      { name: 'Brown', lastMissingAt: at('2025-01-01T00:00Z') },
      { name: 'Cole', lastMissingAt: at('2026-11-01T00:00Z') },
    ]
    expect(withoutProtocolOrder(children, now).map((c) => c.name)).toEqual(['Cole', 'Adams', 'Brown'])
  })
})

describe('contactsToEmail', () => {
  const contacts = [
    { who: 'POLICE' as const, name: null, contact: '101', email: null },
    { who: 'EMERGENCY_DUTY_TEAM' as const, name: null, contact: null, email: 'edt@council.example' },
    { who: 'PARENT' as const, name: 'Mum', contact: '07700 900123', email: 'mum@mail.example' },
  ]
  it('gives the contacts with an e-mail address, only from a version agreed and signed off', () => {
    const signed = { agreedAt: at('2026-12-01T10:00Z'), signedOffAt: at('2026-12-02T10:00Z') }
    expect(contactsToEmail(signed, contacts).map((c) => c.who)).toEqual(['EMERGENCY_DUTY_TEAM', 'PARENT'])
    expect(contactsToEmail({ ...signed, agreedAt: null }, contacts)).toEqual([])
    expect(contactsToEmail({ ...signed, signedOffAt: null }, contacts)).toEqual([])
  })
})

describe('episodeReference', () => {
  it('is the end of the episode id, in capitals, easy to read aloud', () => {
    expect(episodeReference('cm4x9z0000abcd1234efgh')).toBe('M-1234EFGH')
    expect(episodeReference('6f1c2d3e-aaaa-bbbb-cccc-0123456789ab')).toBe('M-456789AB')
  })
})

describe('toldWithEmails', () => {
  it('does not count an e-mail that failed as telling them, and says so beside them', () => {
    const contacts = [
      { who: 'EMERGENCY_DUTY_TEAM' as const, name: null, contact: null, email: 'edt@council.example' },
      { who: 'PARENT' as const, name: null, contact: null, email: 'mum@mail.example' },
      { who: 'POLICE' as const, name: null, contact: '101', email: null },
    ]
    const told = [
      { who: 'EMERGENCY_DUTY_TEAM' as const, name: null, toldAt: at('2026-12-03T21:00Z'), delivery: 'failed' as const },
      { who: 'PARENT' as const, name: null, toldAt: at('2026-12-03T21:00Z'), delivery: 'sent' as const },
    ]
    expect(toldWithEmails(contacts, told).map((c) => [c.told?.delivery ?? null, c.emailFailed])).toEqual([
      [null, true],
      ['sent', false],
      [null, false],
    ])
    // told another way afterwards: told, and the failed e-mail no longer matters
    const phoned = { who: 'EMERGENCY_DUTY_TEAM' as const, name: null, toldAt: at('2026-12-03T21:20Z'), delivery: null }
    expect(toldWithEmails(contacts, [...told, phoned])[0]).toMatchObject({ told: phoned, emailFailed: false })
  })
})
