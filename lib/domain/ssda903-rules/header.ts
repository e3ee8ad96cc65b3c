// The DfE's validation rules on the SSDA903 Header table that concern the columns Haven writes. Rule numbers and
// messages as the DfE's validation rules give them (read through the open-source lac_validator, which implements
// them per collection year).
import { parseReturnDate } from '../ssda903-missing'
import { ETHNICITIES } from '../ssda903'
import { UPN_UNKNOWN, upnOrReasonProblem } from './identifiers'
import { eachRow, filled, type Rule } from './types'

/** SEX codes of the 2025-26 and 2026-27 collections (rule 101); earlier collections used 1 and 2. */
export const SEX_CODES = { M: 'Male', F: 'Female', U: 'Not known' } as const

/** 31 March of the collection year, as yyyy-mm-dd. */
const ageAtEnd = (dob: string, to: string) =>
  Number(to.slice(0, 4)) - Number(dob.slice(0, 4)) - (to.slice(5) < dob.slice(5) ? 1 : 0)

export const HEADER_RULES: Rule[] = [
  {
    code: '101',
    table: 'header',
    message: 'The child’s reported sex is not valid',
    check: eachRow('header', (r) =>
      r.SEX in SEX_CODES ? null : { problem: `SEX "${r.SEX}" is not M, F or U`, fix: 'Record the child’s sex' },
    ),
  },
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
  {
    code: '442',
    table: 'header',
    message: 'Unique Pupil Number (UPN) field is not completed for a child aged 4 or over',
    check: eachRow('header', (r, c) => {
      const dob = parseReturnDate(r.DOB ?? '')
      return !filled(r.UPN) && dob && ageAtEnd(dob, c.to) >= 4
        ? { problem: 'UPN is blank', fix: 'Record the child’s UPN, or the UN code giving why there is none' }
        : null
    }),
  },
]
