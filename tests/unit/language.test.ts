import { describe, expect, it } from 'vitest'
import { languageWarnings } from '@/lib/domain/language'

const rules = (text: string) => languageWarnings(text).map((w) => w.rule)

describe('the language check', () => {
  it('warns on victim-blaming and outdated terms in realistic notes, with an alternative', () => {
    expect(rules('She is putting herself at risk by going to the flat')).toEqual(['at-risk-themselves'])
    expect(rules('Staff believe he is involved in CSE with older boys')).toEqual(['involved-in-cse'])
    expect(rules('Ellie says her boyfriend is 24 and picks her up from school')).toEqual(['boyfriend-adult'])
    expect(rules('Her older boyfriend buys her phone credit')).toEqual(['boyfriend-adult'])
    expect(rules('She has been contacting older men on Snapchat')).toEqual(['contacting-adults'])
    expect(rules('Concerns about child prostitution at the hotel')).toEqual(['prostitution'])
    expect(rules('Police found child pornography on the phone')).toEqual(['child-porn'])
    expect(rules('He is sexually active with a man in his thirties')).toEqual(['sexually-active'])
    expect(rules('She is in a relationship with an older man')).toEqual(['relationship-adult'])
    expect(rules('Making risky choices again, described as promiscuous by school')).toEqual(['risky-choices', 'promiscuous'])
    expect(rules('It appeared to be consensual')).toEqual(['consenting'])
    const [warning] = languageWarnings('She keeps putting herself at risk')
    expect(warning).toMatchObject({ found: 'putting herself at risk', instead: expect.stringMatching(/groomed/) })
  })

  it('does not raise false alarms on ordinary words and appropriate wording', () => {
    for (const fine of [
      'She went to the cinema with her boyfriend from school, who is 15',
      'He was at risk of exploitation and may have been groomed',
      'Shared with police without consent to safeguard her; she was told why',
      'Consent for the photo was given by her social worker',
      'Risk assessment completed; the plan sets out the choices staff will offer',
      'She prostrated herself on the bed, exhausted',
      'They are in a relationship with each other, both 15',
      'The adults have been contacting her; staff blocked the numbers',
      'Victim of child sexual exploitation: strategy meeting booked',
      'Activity centre on Saturday; she was very active and happy',
    ])
      expect(rules(fine), fine).toEqual([])
  })
})
