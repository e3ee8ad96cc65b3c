// Appropriate language about child sexual exploitation (report recommendation 7; appropriate-language guidance for
// child exploitation, see DOMAIN.md). Narrative text gets a warning with a better phrase; saving is never blocked.
// The list is data: add a term by adding a row. Patterns are written so ordinary words do not set them off.

export type LanguageRule = { id: string; pattern: RegExp; instead: string; why: string }

export const LANGUAGE_RULES: readonly LanguageRule[] = [
  { id: 'prostitution', pattern: /\b(child\s+)?prostitut\w*/i, instead: 'child sexual exploitation; "sexually exploited"', why: 'Children cannot consent to their own abuse' },
  { id: 'child-porn', pattern: /\bchild\s+porn\w*|\bkiddie\s+porn\w*/i, instead: 'child sexual abuse material (images of child sexual abuse)', why: 'The images record abuse' },
  { id: 'at-risk-themselves', pattern: /\bput(?:s|ting)?\s+(?:her|him|them)sel(?:f|ves)\s+(?:at|in)\s+(?:risk|danger)\b/i, instead: 'may have been groomed; is at increased risk of exploitation', why: 'It blames the child for the risk adults create' },
  { id: 'sexually-active', pattern: /\bsexually\s+active\b/i, instead: 'being sexually abused or raped (if this is about a child and an adult)', why: 'A child cannot consent to sexual activity with an adult who exploits them' },
  { id: 'involved-in-cse', pattern: /\binvolved\s+in\s+(?:cse|child\s+sexual\s+exploitation|sexual\s+exploitation)\b/i, instead: 'a victim of sexual exploitation', why: '"Involved" suggests a choice' },
  { id: 'contacting-adults', pattern: /\b(?:has\s+been|was|is|keeps?)\s+contacting\s+(?:older\s+)?(?:adults|men|older\s+males|males)\b/i, instead: 'adults have been contacting the child', why: 'It puts the responsibility on the child' },
  { id: 'relationship-adult', pattern: /\bin\s+a\s+relationship\s+with\s+(?:an?\s+)?(?:older|adult|grown)\b|\bin\s+a\s+relationship\s+with\s+(?:a\s+)?(?:\d{2}|twenty|thirty|forty)[-\s]*(?:year[-\s]*old|yo)\b/i, instead: 'being groomed, exploited or controlled by', why: 'An adult exploiting a child is not in a relationship with them' },
  { id: 'boyfriend-adult', pattern: /\b(?:older|adult)\s+boyfriend\b|\bboyfriend\b[^.]{0,40}?\b(?:(?:aged?|is)\s+(?:1[89]|[2-9]\d)\b|in\s+his\s+(?:twenties|thirties|forties|20s|30s|40s)|(?:1[89]|[2-9]\d)[-\s]*(?:year[-\s]*old|yo))\b/i, instead: 'an adult who is grooming, exploiting or controlling the child', why: 'Calling an adult exploiter a boyfriend hides the abuse' },
  { id: 'risky-choices', pattern: /\b(?:risky|bad|poor)\s+(?:lifestyle\s+)?choices\b|\brisky\s+lifestyle\b/i, instead: 'is at risk of exploitation; is being exploited', why: 'Children are not choosing to be abused' },
  { id: 'promiscuous', pattern: /\bpromiscu\w*/i, instead: 'is being sexually exploited or abused', why: 'It blames the child' },
  { id: 'consenting', pattern: /\b(?:consenting|consensual|consented\s+to\s+sex)\b/i, instead: 'describe what happened; a child cannot consent to their own exploitation', why: 'Apparent consent does not mean it is not abuse' },
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
    const value = field.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], input)
    return typeof value === 'string' ? languageWarnings(value).map((w) => ({ field, ...w })) : []
  })
}
