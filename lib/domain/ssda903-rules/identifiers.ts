// The identifiers the SSDA903 return carries about a child: the Unique Pupil Number (or the DfE's code for why there
// is none), UK postcodes and the category of need. Pure. Sources: DfE, "Unique pupil numbers (UPN)" guidance (the
// check letter); DfE SSDA903 guide (UPN, HOME_POST, PL_POST, CIN) as the DfE's validator reads it (below).

/** CIN: the category of need when the child became looked after. */
export const CATEGORY_OF_NEED: Record<string, string> = {
  N1: 'Abuse or neglect',
  N2: "Child's disability",
  N3: 'Parental illness or disability',
  N4: 'Family in acute stress',
  N5: 'Family dysfunction',
  N6: 'Socially unacceptable behaviour',
  N7: 'Low income',
  N8: 'Absent parenting',
}

/** The DfE's codes for a child with no UPN, written in the UPN column instead: UN1-UN5 of the DfE's code set CS051
 * (rule 168 accepts only these in this return: csc-validator-be-903, lac_validator/rules/lac2022_23/rule_168.py;
 * UN6-UN10 belong to the children in need census and the SEN2 return). Meanings as the DfE's guide words them (read
 * through the DfE-funded ssd-data-model, data/categories__future_release/upn_unknown.yml). */
export const UPN_UNKNOWN: Record<string, string> = {
  UN1: 'Child is not of school age and has not yet been given a UPN',
  UN2: 'Child has never attended a maintained school in England (for example, some unaccompanied asylum-seeking children)',
  UN3: 'Child is educated outside England',
  UN4: 'Child is newly looked after (in the last week of the collection year) and the UPN was not yet known for the return',
  UN5: "The sources of UPNs disagree on the child's name or date of birth (for example a duplicated UPN), so it cannot be reliably matched",
}

const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'

/**
 * A UPN's problem, or null: 13 characters, a check letter then 12 digits (a temporary UPN ends in a letter); the
 * check letter is the sum of characters 2-13 weighted 2 to 13, modulo 23, as a letter of A-Z without I, O and S.
 */
export function upnProblem(value: string): string | null {
  const upn = value.trim().toUpperCase()
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn))
    return 'A UPN is 13 characters: a letter, 11 digits, then a digit (or a letter for a temporary UPN)'
  const last = upn[12]
  const lastValue = /\d/.test(last) ? Number(last) : CHECK_LETTERS.indexOf(last)
  if (lastValue < 0) return `A temporary UPN cannot end in ${last}`
  let sum = lastValue * 13
  for (let i = 1; i < 12; i++) sum += Number(upn[i]) * (i + 1)
  return CHECK_LETTERS[sum % 23] === upn[0]
    ? null
    : 'The UPN’s check letter does not match its digits: check it against the school’s records'
}

/** A UPN or a UN code: the problem, or null. */
export const upnOrReasonProblem = (value: string) =>
  UPN_UNKNOWN[value.trim().toUpperCase()] ? null : upnProblem(value)

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/

/** A full UK postcode in its usual form ("SW1A 1AA"), or null when it is not one. */
export function ukPostcode(value: string): string | null {
  const m = POSTCODE.exec(value.trim().toUpperCase().replace(/\s+/g, ' '))
  return m ? `${m[1]} ${m[2]}` : null
}

/** HOME_POST and PL_POST hold the full postcode ("SW1A 1AA"): the DfE checks them against the ONS postcode directory of
 * full postcodes (rule 392c: csc-validator-be-903, lac_validator/rules/lac2022_23/rule_392c.py and datastore.py). */
export function returnPostcode(value: string | null | undefined): string {
  return (value && ukPostcode(value)) || ''
}

/** Whether a postcode column holds what the return expects: a full UK postcode in its usual form. */
export const isReturnPostcode = (value: string) => ukPostcode(value) === value

/** The full UPN for its 12 characters after the check letter (for demo and test data). */
export function withCheckLetter(rest: string) {
  const values = [...rest].map((ch, i) => (i === 11 && /[A-Z]/.test(ch) ? CHECK_LETTERS.indexOf(ch) : Number(ch)))
  return CHECK_LETTERS[values.reduce((sum, v, i) => sum + v * (i + 2), 0) % 23] + rest
}
