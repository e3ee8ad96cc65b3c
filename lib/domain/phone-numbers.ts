// A UK phone number as a person types it, checked and written the usual way. Used for a home's phone number: the
// number other agencies ring about a child, day and night (the missing protocol's e-mails give it). Which numbers:
// Ofcom's National Telephone Numbering Plan ranges someone can ring from anywhere at a normal cost: geographic (01,
// 02), non-geographic at a geographic rate (03), mobile (07) and freephone (0800, 0808); 10 or 11 digits with the 0
// (10 only in some 01 areas and on some 0800 lines).

export type PhoneNumberCheck = { phone: string; problem: null } | { phone: null; problem: string }

const LABEL = 'Phone number'
const EXAMPLE = 'like 0114 496 0123'
/** what a person may type between the digits */
const SEPARATORS = /[\s\-()]/g
const ALLOWED = /^\+?[\d\s\-()]+$/

const refuse = (problem: string): PhoneNumberCheck => ({ phone: null, problem: `${LABEL}: ${problem}` })

/** The number in its normal written form ("0114 496 0123", "020 7946 0123", "07700 900123"), or what is wrong. */
export function ukPhoneNumber(typed: string): PhoneNumberCheck {
  const text = typed.trim()
  if (!text) return refuse(`enter the number, ${EXAMPLE}`)
  if (!ALLOWED.test(text) || text.lastIndexOf('+') > 0)
    return refuse(`use only digits, spaces, hyphens and brackets (and +44 at the start), ${EXAMPLE}`)
  let digits = text.replace(SEPARATORS, '')
  // +44 or 0044 is the UK's country code, written instead of the 0; "+44 (0)114 ..." keeps the 0 in brackets
  const international = /^(\+|00)(\d*)$/.exec(digits)
  if (international) {
    if (!international[2].startsWith('44')) return refuse('enter a UK number: one starting 0, or +44')
    digits = '0' + international[2].slice(2).replace(/^0/, '')
  }
  if (!/^0(1|2|3|7|80[08])/.test(digits))
    return refuse(`enter a number starting 01, 02, 03 or 07, or a freephone 0800 or 0808 number, ${EXAMPLE}`)
  if (digits.length < 10 || digits.length > 11)
    return refuse(`a UK number has 10 or 11 digits counting the 0 at the start (this has ${digits.length}), ${EXAMPLE}`)
  // only some 01 areas (016977 ...) and some 0800 lines have 10 digits: a 10-digit 02, 011x, 01x1, 03, 07 or 0808
  // number has lost a digit
  if (digits.length === 10 && /^0(2|3|7|11|1\d1|808)/.test(digits))
    return refuse(`this number needs 11 digits counting the 0 at the start (it has 10): check for a missing digit`)
  return { phone: writtenForm(digits), problem: null }
}

/** The usual grouping: 020 xxxx xxxx; 011x and 01x1 areas, 03 and 08 as 0xxx xxx xxxx; other areas and mobiles as
 * 0xxxx xxxxxx; a 10-digit area number as 0xxxx xxxxx, a 10-digit freephone one as 0800 xxxxxx. */
function writtenForm(digits: string): string {
  const split = (...sizes: number[]) => {
    const parts: string[] = []
    let at = 0
    for (const size of sizes) {
      parts.push(digits.slice(at, at + size))
      at += size
    }
    return parts.join(' ')
  }
  if (digits.length === 10) return digits.startsWith('08') ? split(4, 6) : split(5, 5)
  if (digits.startsWith('02')) return split(3, 4, 4)
  if (/^0(11\d|1\d1|3|8)/.test(digits)) return split(4, 3, 4)
  return split(5, 6)
}
