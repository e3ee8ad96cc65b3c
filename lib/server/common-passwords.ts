// The most common passwords, refused when a password is set (NCSC password guidance; NIST SP 800-63B 5.1.1.2).
// data/common-passwords.txt: the 10,000 most common of the 30,000 passwords in zxcvbn 4.4.2's frequency list (npm
// "zxcvbn", MIT licence; from Mark Burnett's corpus of 10 million leaked passwords), plus the list's other entries of
// 12 characters or more.
import fs from 'node:fs'
import path from 'node:path'

let common: Set<string> | undefined

function list() {
  common ??= new Set(
    fs
      .readFileSync(
        path.join(/* turbopackIgnore: true */ process.cwd(), 'lib/server/data/common-passwords.txt'),
        'utf8',
      )
      .split('\n')
      .filter(Boolean),
  )
  return common
}

/** On the list as typed, in lower case, or once the digits and symbols people add to meet a length are taken off
 *  the end ("Password123456!" is "password"). */
export function isCommonPassword(password: string) {
  const lower = password.toLowerCase()
  const trimmed = lower.replace(/[\d\W_]+$/, '')
  return list().has(lower) || (trimmed.length > 0 && list().has(trimmed))
}
