// Appropriate language about child exploitation (report recommendation 7). Source: The Children's Society with NAPAC
// for the CSE Taskforce, "Child exploitation and abuse: an appropriate language guide" (November 2024), which updates
// "Appropriate language: child sexual and/or criminal exploitation, guidance for professionals" (The Children's
// Society, Victim Support, NPCC, 2018) and its 2022 edition. Narrative text gets a warning with a better phrase; saving
// is never blocked. The list is data: add a term by adding a row. Patterns are written so ordinary words do not set
// them off.

export type LanguageRule = { id: string; pattern: RegExp; instead: string; why: string }

export const LANGUAGE_RULES: readonly LanguageRule[] = [
  {
    id: 'prostitution',
    pattern: /\b(child\s+)?prostitut\w*/i,
    instead: 'child sexual exploitation; "sexually exploited"',
    why: 'Children cannot consent to their own abuse',
  },
  {
    id: 'child-porn',
    pattern: /\bchild\s+porn\w*|\bkiddie\s+porn\w*/i,
    instead: 'child sexual abuse material (images of child sexual abuse)',
    why: 'The images record abuse',
  },
  {
    id: 'at-risk-themselves',
    pattern:
      /\b(?:put(?:s|ting)?|plac(?:e|es|ed|ing)|expos(?:e|es|ed|ing))\s+(?:her|him|them)sel(?:f|ves)\s+(?:at|in|to)\s+(?:risk|danger|harm)\b/i,
    instead: 'may have been groomed; is at increased risk of exploitation',
    why: 'It blames the child for the risk adults create',
  },
  {
    id: 'sexually-active',
    pattern: /\bsexually\s+active\b/i,
    instead: 'being sexually abused or raped (if this is about a child and an adult)',
    why: 'A child cannot consent to sexual activity with an adult who exploits them',
  },
  {
    id: 'involved-in-cse',
    pattern: /\binvolved\s+in\s+(?:cse|child\s+sexual\s+exploitation|sexual\s+exploitation)\b/i,
    instead: 'a victim of sexual exploitation',
    why: '"Involved" suggests a choice',
  },
  {
    id: 'contacting-adults',
    pattern: /\b(?:has\s+been|was|is|keeps?)\s+contacting\s+(?:older\s+)?(?:adults|men|older\s+males|males)\b/i,
    instead: 'adults have been contacting the child',
    why: 'It puts the responsibility on the child',
  },
  {
    id: 'relationship-adult',
    pattern:
      /\bin\s+a\s+relationship\s+with\s+(?:an?\s+)?(?:older|adult|grown)\b|\bin\s+a\s+relationship\s+with\s+(?:a\s+)?(?:\d{2}|twenty|thirty|forty)[-\s]*(?:year[-\s]*old|yo)\b/i,
    instead: 'being groomed, exploited or controlled by',
    why: 'An adult exploiting a child is not in a relationship with them',
  },
  {
    id: 'boyfriend-adult',
    pattern:
      /\b(?:older|adult)\s+boyfriend\b|\bboyfriend\b[^.]{0,40}?\b(?:(?:aged?|is)\s+(?:1[89]|[2-9]\d)\b|in\s+his\s+(?:twenties|thirties|forties|20s|30s|40s)|(?:1[89]|[2-9]\d)[-\s]*(?:year[-\s]*old|yo))\b/i,
    instead: 'an adult who is grooming, exploiting or controlling the child',
    why: 'Calling an adult exploiter a boyfriend hides the abuse',
  },
  {
    id: 'risky-choices',
    pattern: /\b(?:risky|bad|poor)\s+(?:lifestyle\s+)?choices\b|\brisky\s+lifestyle\b|\blifestyle\s+choices?\b/i,
    instead: 'is at risk of exploitation; is being exploited',
    why: 'Children are not choosing to be abused',
  },
  {
    id: 'promiscuous',
    pattern: /\bpromiscu\w*/i,
    instead: 'is being sexually exploited or abused',
    why: 'It blames the child',
  },
  {
    id: 'consenting',
    pattern:
      /\b(?:consenting|consensual|consented(?!\s+to\s+(?:(?:the|a|an|her|his|their|being)\s+)?(?:medical|examination|photo|treatment|assessment|referral|information|sharing|interview|search|test|plan|screening|visit)))\b/i,
    instead: 'describe what happened; a child cannot consent to their own exploitation',
    why: 'Apparent consent does not mean it is not abuse',
  },
  {
    id: 'went-willingly',
    pattern:
      /\bwent\s+(?:with\s+(?:him|her|them)\s+)?willingly\b|\bwillingly\s+went\b|\bwilling\s+participant\b|\bof\s+(?:her|his|their)\s+own\s+(?:free\s+)?(?:will|accord)\b/i,
    instead: 'describe what happened and who took or met the child',
    why: 'A child who is groomed or controlled may appear willing; it is still abuse',
  },
  {
    id: 'sleeping-around',
    pattern: /\bsl(?:eep(?:s|ing)?|ept)\s+around\b/i,
    instead: 'is being sexually exploited or abused',
    why: 'It blames the child for the abuse',
  },
  {
    id: 'sexting',
    pattern: /\bsext(?:s|ed|ing)?\b/i,
    instead:
      'child sexual abuse images; the child was made or pressured to send images (if an adult or exploiter asked for them)',
    why: '"Sexting" makes an abuse image sound like a consensual exchange',
  },
  // criminal exploitation
  {
    id: 'drug-runner',
    pattern: /\b(?:drugs?|county\s+lines?)\s+runners?\b|\brunner\s+for\s+(?:a\s+|the\s+)?(?:gang|line|dealers?)\b/i,
    instead: 'a child who is being criminally exploited (made to carry or sell drugs)',
    why: 'It labels the child as an offender, not a victim of exploitation',
  },
  {
    id: 'money-mule',
    pattern: /\bmoney\s+mules?\b|\bmuling\b/i,
    instead: 'a child whose bank account is being used by others: financial exploitation',
    why: 'It labels the child as an offender, not a victim of exploitation',
  },
  {
    id: 'recruiting',
    pattern:
      /\b(?:(?:was|were|been|being|got|gets|get|is)\s+recruited|recruit(?:ed|ing|s)?\s+(?:into|to|for|by)\s+(?:a\s+|an\s+|the\s+)?(?:gang|county\s+lines?|line|drug|group|dealing|selling|ocg|organised)|recruiting\s+(?:other\s+|younger\s+)?(?:children|kids|young\s+people|boys|girls|peers))\b/i,
    instead: 'is being groomed or criminally exploited (a child made to draw in others is being exploited too)',
    why: '"Recruited" sounds like a job the child chose',
  },
  {
    id: 'gang-member',
    pattern: /\bgang\s+members?\b|\bmember\s+of\s+(?:a|the)\s+gang\b|\bgang[-\s]affiliated\b/i,
    instead: 'if this is the child: a child being criminally exploited by a gang; name the adults exploiting them',
    why: 'Calling a child a gang member hides that they are being exploited',
  },
  // missing and engagement
  {
    id: 'absconded',
    pattern: /\babscond\w*/i,
    instead: 'missing, or away without authorisation (say which); left the home',
    why: '"Absconding" is the word for escaping custody and criminalises the child',
  },
  {
    id: 'awol',
    pattern: /\bA\.?W\.?O\.?L\b/i,
    instead: 'missing, or away without authorisation (say which)',
    why: 'A military term for a deserter: it suggests wrongdoing by the child',
  },
  {
    id: 'refuses-to-engage',
    pattern:
      /\brefus(?:es|ed|ing)\s+to\s+engage\b|\bwon[’']?t\s+engage\b|\b(?:is|was)\s+not\s+engaging\b|\bdisengaged\b/i,
    instead: 'services have not yet found a way to engage the child; describe what was offered and what got in the way',
    why: 'Exploited children may be controlled or frightened: the duty to engage is on the professionals',
  },
  {
    id: 'non-compliant',
    pattern: /\bnon[-\s]?complian(?:t|ce)\b/i,
    instead: 'describe what happened and what may be behind it',
    why: 'It frames the child as the problem, not the harm they may be experiencing',
  },
  {
    id: 'streetwise',
    pattern: /\bstreet[-\s]?wise\b/i,
    instead: 'has had to learn to survive; is vulnerable to exploitation',
    why: 'It treats a child as able to protect themselves like an adult',
  },
  {
    id: 'attention-seeking',
    pattern: /\battention[-\s]?seek\w*/i,
    instead: 'is seeking help or connection; describe what they did and what they may need',
    why: 'It dismisses what may be a call for help',
  },
]

export type LanguageWarning = { rule: string; found: string; instead: string; why: string }

export function languageWarnings(text: string | null | undefined): LanguageWarning[] {
  if (!text) return []
  return LANGUAGE_RULES.flatMap((rule) => {
    const match = rule.pattern.exec(text)
    return match ? [{ rule: rule.id, found: match[0], instead: rule.instead, why: rule.why }] : []
  })
}

/** Warnings for each narrative field of an input, for API responses and forms. */
export function languageWarningsFor(input: Record<string, unknown>, fields: readonly string[]) {
  return fields.flatMap((field) => {
    const value = field
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], input)
    return typeof value === 'string' ? languageWarnings(value).map((w) => ({ field, ...w })) : []
  })
}
