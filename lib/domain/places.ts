// Recognising the same place, person or vehicle typed differently, so pattern rules can count them across children
// and homes (report: victims linked through take-aways, hotels, houses, taxis and the same people).

const STOP_WORDS = new Set(['the', 'ltd', 'limited', 'co', 'of', 'a', 'an'])

function words(text: string) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w))
}

/** UK postcode without spaces, upper case ("ns4 7qd" -> "NS47QD"). */
export const normalisePostcode = (postcode: string | null | undefined) =>
  (postcode ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '')

/** "The Kebab King, Station Rd." and "kebab king station road" share a key. */
export function locationKey(name: string, postcode?: string | null) {
  const expanded = words(name).map(
    (w) => ({ rd: 'road', st: 'street', ave: 'avenue', ln: 'lane', sq: 'square' })[w] ?? w,
  )
  return [expanded.join(' '), normalisePostcode(postcode)].filter(Boolean).join('|')
}

/** A vehicle registration: letters and digits only, upper case ("ab12 cde" -> "AB12CDE"). */
export const registrationKey = (registration: string) => registration.toUpperCase().replace(/[^A-Z0-9]/g, '')

/** A registration as people write it: current UK format "AB12 CDE", anything else upper case as typed. */
export function formatRegistration(registration: string) {
  const key = registrationKey(registration)
  return /^[A-Z]{2}\d{2}[A-Z]{3}$/.test(key) ? `${key.slice(0, 4)} ${key.slice(4)}` : registration.trim().toUpperCase()
}

/** A vehicle's key: its registration, or failing that its description and taxi firm. */
export function vehicleKey(v: { registration?: string | null; description?: string | null; taxiFirm?: string | null }) {
  const reg = registrationKey(v.registration ?? '')
  return reg ? `reg:${reg}` : `desc:${words(`${v.description ?? ''} ${v.taxiFirm ?? ''}`).join(' ')}`
}

/** A vehicle is recognised automatically only by a full registration (5 or more letters and digits). */
export const fullRegistration = (registration: string | null | undefined) =>
  registrationKey(registration ?? '').length >= 5

/**
 * A person's key: name (order-insensitive) and description. A name alone is not an identity (many people are called
 * Jay), so people are linked automatically only when both match; otherwise a person merges them.
 */
export function associateKey(a: { name?: string | null; description?: string | null }) {
  const name = words(a.name ?? '')
  return `name:${[...name].sort().join(' ')}|desc:${words(a.description ?? '').join(' ')}`
}

/** The name part of a person's key, for suggesting merges. */
export const associateNameKey = (key: string) => key.split('|')[0]

function editDistance(a: string, b: string) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const temp = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = temp
    }
  }
  return row[b.length]
}

// Words that make two otherwise similar names different places ("Premier Inn North" is not "Premier Inn South").
const DISTINGUISHING = new Set([
  'north',
  'south',
  'east',
  'west',
  'upper',
  'lower',
  'old',
  'new',
  'flat',
  'unit',
  'front',
  'back',
])

/** Keys close enough that a person should look at merging them (a typo, a missing word, a postcode added). */
export function probablySame(keyA: string, keyB: string) {
  if (keyA === keyB) return true
  const [nameA, postA] = keyA.split('|')
  const [nameB, postB] = keyB.split('|')
  if (postA && postB && postA !== postB) return false
  // house and flat numbers must agree exactly: 12 High Street is not 14 High Street
  const numbers = (s: string) => (s.match(/\d+/g) ?? []).join(',')
  if (numbers(nameA) !== numbers(nameB)) return false
  const a = new Set(nameA.split(' '))
  const b = new Set(nameB.split(' '))
  if ([...a, ...b].some((w) => DISTINGUISHING.has(w) && !(a.has(w) && b.has(w)))) return false
  if (nameA.length >= 6 && nameB.length >= 6 && (nameA.includes(nameB) || nameB.includes(nameA))) return true
  const shorter = Math.min(nameA.length, nameB.length)
  // one typo in a name of 5 or more letters, two in 8 or more; short names ("Spar", "Star") must match exactly
  return editDistance(nameA, nameB) <= (shorter >= 8 ? 2 : shorter >= 5 ? 1 : 0)
}
