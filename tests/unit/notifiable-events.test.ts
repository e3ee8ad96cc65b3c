import { describe, expect, it } from 'vitest'
import {
  isOverdue,
  notifyByDate,
  requiredRecipients,
  screeningProposesReg40,
  stillToTell,
} from '@/lib/domain/notifiable-events'

const home = { placedByHostAuthority: false, secureHome: false }
const who = (rs: { recipient: string; who: string | null }[]) =>
  rs.map((r) => (r.who ? `${r.recipient}:${r.who}` : r.recipient))

describe('who must be told of a Regulation 40 event', () => {
  it('a death: Ofsted, the placing authority, the Secretary of State, the host authority, the ICB and each relevant person (40(1))', () => {
    expect(who(requiredRecipients('CHILD_DEATH', home, ['Police']))).toEqual([
      'HMCI',
      'PLACING_AUTHORITY',
      'SECRETARY_OF_STATE',
      'HOST_AUTHORITY',
      'INTEGRATED_CARE_BOARD',
      'OTHER_RELEVANT_PERSON:Police',
    ])
    // 40(1)(d) only when the home's authority did not place the child; 40(1)(f) only for a secure children's home
    const secureLocal = requiredRecipients('CHILD_DEATH', { placedByHostAuthority: true, secureHome: true }, [])
    expect(who(secureLocal)).toEqual([
      'HMCI',
      'PLACING_AUTHORITY',
      'SECRETARY_OF_STATE',
      'INTEGRATED_CARE_BOARD',
      'PRISONS_AND_PROBATION_OMBUDSMAN',
    ])
    expect(secureLocal.map((r) => r.paragraph)).toEqual(['40(1)(a)', '40(1)(b)', '40(1)(c)', '40(1)(e)', '40(1)(f)'])
  })
  it('a referral under s35 SVGA 2006: Ofsted, the placing authority and each relevant person (40(3))', () => {
    expect(who(requiredRecipients('STAFF_REFERRAL', home, ['LADO']))).toEqual([
      'HMCI',
      'PLACING_AUTHORITY',
      'OTHER_RELEVANT_PERSON:LADO',
    ])
  })
  it('sexual exploitation, a serious police incident, an allegation, an enquiry and its outcome: Ofsted and each relevant person (40(4), (5))', () => {
    for (const kind of [
      'SEXUAL_EXPLOITATION',
      'SERIOUS_POLICE_INCIDENT',
      'ALLEGATION_OF_ABUSE',
      'CHILD_PROTECTION_ENQUIRY',
      'CHILD_PROTECTION_ENQUIRY_OUTCOME',
    ] as const)
      expect(who(requiredRecipients(kind, home, ['Placing authority']))).toEqual([
        'HMCI',
        'OTHER_RELEVANT_PERSON:Placing authority',
      ])
    expect(requiredRecipients('CHILD_PROTECTION_ENQUIRY_OUTCOME', home, [])[0].paragraph).toBe('40(5)')
  })
  it('counts a body as told by any notice to it, a relevant person only by a notice naming them', () => {
    const required = requiredRecipients('SEXUAL_EXPLOITATION', home, ['Placing authority', 'Police'])
    expect(
      who(
        stillToTell(required, [
          { recipient: 'HMCI', who: 'Ofsted duty desk' },
          { recipient: 'OTHER_RELEVANT_PERSON', who: 'police' },
        ]),
      ),
    ).toEqual(['OTHER_RELEVANT_PERSON:Placing authority'])
  })
})

describe('overdue: not told "without delay"', () => {
  // Thursday 2026-12-24; Friday 25 and Monday 28 are bank holidays
  it('is due by the end of the next working day after the event, bank holidays skipped', () => {
    expect(notifyByDate('2026-12-24', 1)).toBe('2026-12-29')
    const proposal = { occurredOn: '2026-12-24', decision: null, completedAt: null }
    expect(isOverdue(proposal, '2026-12-29', 1)).toBe(false)
    expect(isOverdue(proposal, '2026-12-30', 1)).toBe(true)
  })
  it('a notifiable event not yet told to everyone is overdue; one told, or decided not notifiable, is not', () => {
    const late = { occurredOn: '2026-11-02', decision: 'NOTIFY' as const, completedAt: null }
    expect(isOverdue(late, '2026-11-04', 1)).toBe(true)
    expect(isOverdue({ ...late, completedAt: '2026-11-10' }, '2026-11-20', 1)).toBe(false)
    expect(isOverdue({ ...late, decision: 'NOT_NOTIFIABLE' }, '2026-11-20', 1)).toBe(false)
  })
})

describe('a screening proposes a Regulation 40 event', () => {
  it('when the worker judges significant risk or records harm seen in the last 6 months, never from old harm or counts alone', () => {
    expect(screeningProposesReg40({ level: 'SIGNIFICANT', observed: [] })).toBe(true)
    expect(
      screeningProposesReg40({ level: 'AT_RISK', observed: [{ code: 'ASSAULT_INJURIES', when: 'WITHIN_6_MONTHS' }] }),
    ).toBe(true)
    // the old rule opened a task for any harm indicator, however old
    expect(screeningProposesReg40({ level: 'AT_RISK', observed: [{ code: 'ASSAULT_INJURIES', when: 'OLDER' }] })).toBe(
      false,
    )
    const many = ['MISSING', 'OUT_LATE', 'CARS', 'GIFTS_MONEY', 'DRUGS_ALCOHOL'].map((code) => ({
      code,
      when: 'CURRENT' as const,
    }))
    expect(screeningProposesReg40({ level: 'AT_RISK', observed: many })).toBe(false)
    // reg 40(4)(a) is sexual exploitation: harm of another kind is for the worker to propose
    expect(screeningProposesReg40({ level: null, observed: [{ code: 'FOUND_DEALING', when: 'CURRENT' }] })).toBe(false)
  })
})
