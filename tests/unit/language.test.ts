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
    expect(rules('Making risky choices again, described as promiscuous by school')).toEqual([
      'risky-choices',
      'promiscuous',
    ])
    expect(rules('It appeared to be consensual')).toEqual(['consenting'])
    const [warning] = languageWarnings('She keeps putting herself at risk')
    expect(warning).toMatchObject({ found: 'putting herself at risk', instead: expect.stringMatching(/groomed/) })
  })

  it('warns on criminal exploitation labels, consent and blame words, missing and engagement words, with an alternative', () => {
    expect(rules('Kyle is a county lines runner for the Ashford line')).toEqual(['drug-runner'])
    expect(rules('Police describe him as a drug runner')).toEqual(['drug-runner'])
    expect(rules('Her account was used: she is a money mule')).toEqual(['money-mule'])
    expect(rules('He was recruited into a gang at school')).toEqual(['recruiting'])
    expect(rules('Tyler is recruiting younger children at the park')).toEqual(['recruiting'])
    expect(rules('Known gang member, seen with older boys')).toEqual(['gang-member'])
    expect(rules('She is placing herself at risk at the hotel')).toEqual(['at-risk-themselves'])
    expect(rules('Staff feel it is a lifestyle choice')).toEqual(['risky-choices'])
    expect(rules('She said she consented')).toEqual(['consenting'])
    expect(rules('She went willingly with the man in the car')).toEqual(['went-willingly'])
    expect(rules('Rumours she is sleeping around')).toEqual(['sleeping-around'])
    expect(rules('Absconded from the home at 22:00')).toEqual(['absconded'])
    expect(rules('AWOL again overnight')).toEqual(['awol'])
    expect(rules('He refuses to engage with the return interview')).toEqual(['refuses-to-engage'])
    expect(rules('Non-compliant with the safety plan')).toEqual(['non-compliant'])
    expect(rules('Very streetwise for her age')).toEqual(['streetwise'])
    expect(rules('Attention seeking behaviour at tea time')).toEqual(['attention-seeking'])
    expect(rules('A man asked her to send him images; school calls it sexting')).toEqual(['sexting'])
    for (const w of languageWarnings(
      'Absconded, AWOL, a drug runner, refuses to engage, non-compliant, streetwise, attention seeking',
    ))
      expect(w.instead, w.rule).not.toBe('')
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
      'She consented to the medical examination',
      'Away without authorisation: at her aunt’s, staff concerned',
      'Criminally exploited: made to carry drugs to Eastmere by adults',
      'The home is recruiting two night staff',
      'A gang of adults controls the flat; police informed',
      'She was willing to talk to the return interview practitioner',
      'Engaged well with the nurse; runner-up in the school race',
      'Street lights were out on Canal Street',
    ])
      expect(rules(fine), fine).toEqual([])
  })
})
