// The DfE's validation rules on the SSDA903 Header table that concern the columns Haven writes. Rule numbers, messages
// and conditions as the DfE's validator implements them per collection year (csc-validator-be-903, the DfE-supported
// open-source lac_validator: lac_validator/rules/lac<year>/rule_<number>.py, each year's folder changing the last's).
import { parseReturnDate } from '../ssda903-missing'
import { ETHNICITIES } from '../ssda903'
import { UPN_UNKNOWN, upnOrReasonProblem } from './identifiers'
import { eachRow, filled, type Rule } from './types'

/** The child's sex as the return records it (Child.returnSex), its SEX code and words for people. */
export const RETURN_SEX = {
  MALE: { code: 'M', label: 'Male' },
  FEMALE: { code: 'F', label: 'Female' },
  NOT_KNOWN: { code: 'U', label: 'Not known or indeterminate' },
} as const
export type ReturnSexValue = keyof typeof RETURN_SEX

/** SEX codes from the 2024-25 collection on (rule 101: lac2024_25/rule_101.py); earlier collections used 1 and 2. */
export const SEX_CODES = { M: 'Male', F: 'Female', U: 'Not known' } as const

/** Legal statuses of short breaks: a child looked after only under them needs no UPN (rule 442). */
const SHORT_BREAKS = ['V3', 'V4']

export const HEADER_RULES: Rule[] = [
  {
    code: '101',
    table: 'header',
    message: 'The child’s reported sex is not valid',
    check: eachRow('header', (r) =>
      r.SEX in SEX_CODES ? null : { problem: `SEX "${r.SEX}" is not M, F or U`, fix: 'Record the child’s sex' },
    ),
  },
  // lac2022_23/rule_102.py, unchanged since
  {
    code: '102',
    table: 'header',
    message: 'Date of birth is not a valid date',
    check: eachRow('header', (r) =>
      parseReturnDate(r.DOB ?? '')
        ? null
        : { problem: `DOB "${r.DOB}" is not a valid date`, fix: 'Correct the child’s date of birth' },
    ),
  },
  // lac2024_25/rule_103.py
  {
    code: '103',
    table: 'header',
    message: 'The ethnicity code is either not valid or has not been entered',
    check: eachRow('header', (r) =>
      ETHNICITIES[r.ETHNIC ?? '']
        ? null
        : { problem: `ETHNIC "${r.ETHNIC}" is not a DfE code`, fix: 'Record the child’s ethnicity' },
    ),
  },
  // lac2022_23/rule_168.py: a UPN (the check letter is Haven's own addition) or UN1-UN5
  {
    code: '168',
    table: 'header',
    message: 'Unique Pupil Number (UPN) is not valid; if unknown, give the UN code',
    check: eachRow('header', (r) => {
      if (!filled(r.UPN)) return null
      const problem = upnOrReasonProblem(r.UPN)
      return problem
        ? {
            problem: `UPN "${r.UPN}": ${problem}`,
            fix: `Correct the UPN, or give why there is none (${Object.keys(UPN_UNKNOWN)[0]}-${Object.keys(UPN_UNKNOWN).at(-1)})`,
          }
        : null
    }),
  },
  // lac2022_23/rule_442.py: blank UPN for a child with an episode under a legal status other than V3 or V4
  {
    code: '442',
    table: 'header',
    message: 'Unique Pupil Number (UPN) field is not completed',
    check: (tables, context) => {
      const needsUpn = new Set(tables.episodes.filter((e) => !SHORT_BREAKS.includes(e.LS ?? '')).map((e) => e.CHILD))
      return eachRow('header', (r) =>
        !filled(r.UPN) && needsUpn.has(r.CHILD)
          ? { problem: 'UPN is blank', fix: 'Record the child’s UPN, or the UN code giving why there is none' }
          : null,
      )(tables, context)
    },
  },
]
