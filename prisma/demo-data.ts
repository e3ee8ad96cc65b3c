// Demo data: invented people and places that look like a real county's looked-after children in children's homes.
// Every record has a fixed id, and the whole load is one transaction: loading twice changes nothing.
import { hashPassword } from '@/lib/server/accounts'
import { recordAudit } from '@/lib/server/audit'
import { getPrisma, type Tx } from '@/lib/server/database'
import { calendarDate, londonDate } from '@/lib/domain/time'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoUser } from './demo-accounts'

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts'

const AUTHORITIES = [
  { id: 'demo-la-north', name: 'Northshire County Council', code: '990' },
  { id: 'demo-la-south', name: 'Southborough City Council', code: '991' },
  { id: 'demo-la-east', name: 'Eastmere Borough Council', code: '992' },
  { id: 'demo-la-west', name: 'Westvale Council', code: '993' },
]
const PROVIDERS = [
  { id: 'demo-provider-brightpath', name: 'Brightpath Care Ltd' },
  { id: 'demo-provider-harbour', name: "Harbour Children's Trust" },
]
const HOMES = [
  { id: 'demo-home-willow', name: 'Willow House', providerId: 'demo-provider-brightpath', hostAuthorityId: 'demo-la-north', ofstedUrn: 'SC990101', addressLine1: '14 Mill Lane', town: 'Ashford Green', postcode: 'NS4 7QD' },
  { id: 'demo-home-birch', name: 'Birch Lodge', providerId: 'demo-provider-brightpath', hostAuthorityId: 'demo-la-south', ofstedUrn: 'SC990102', addressLine1: '3 Station Road', town: 'Southborough', postcode: 'SB2 9LT' },
  { id: 'demo-home-cedar', name: 'Cedar Court', providerId: 'demo-provider-harbour', hostAuthorityId: 'demo-la-east', ofstedUrn: 'SC990103', addressLine1: '27 Quay Street', town: 'Eastmere', postcode: 'EM1 3RW' },
  { id: 'demo-home-rowan', name: 'Rowan View', providerId: 'demo-provider-harbour', hostAuthorityId: 'demo-la-west', ofstedUrn: 'SC990104', addressLine1: '9 Orchard Close', town: 'Westvale', postcode: 'WV6 2HN' },
]

// Everyone else: staff at every home, more IROs and social workers, so that scoping shows.
const OTHER_USERS: DemoUser[] = [
  { id: 'demo-user-willow-cw2', name: 'Chris Novak', email: 'chris.novak@demo.haven.test', grants: [{ role: 'CARE_WORKER', homeId: 'demo-home-willow' }] },
  { id: 'demo-user-birch-m', name: 'Tom Hughes', email: 'tom.hughes@demo.haven.test', grants: [{ role: 'REGISTERED_MANAGER', homeId: 'demo-home-birch' }] },
  { id: 'demo-user-birch-cw', name: 'Leah Morgan', email: 'leah.morgan@demo.haven.test', grants: [{ role: 'CARE_WORKER', homeId: 'demo-home-birch' }] },
  { id: 'demo-user-cedar-m', name: 'Olu Bankole', email: 'olu.bankole@demo.haven.test', grants: [{ role: 'REGISTERED_MANAGER', homeId: 'demo-home-cedar' }] },
  { id: 'demo-user-cedar-cw', name: 'Kasia Wrona', email: 'kasia.wrona@demo.haven.test', grants: [{ role: 'CARE_WORKER', homeId: 'demo-home-cedar' }] },
  { id: 'demo-user-rowan-m', name: 'Fiona Reid', email: 'fiona.reid@demo.haven.test', grants: [{ role: 'REGISTERED_MANAGER', homeId: 'demo-home-rowan' }] },
  { id: 'demo-user-rowan-cw', name: 'Marcus Bell', email: 'marcus.bell@demo.haven.test', grants: [{ role: 'CARE_WORKER', homeId: 'demo-home-rowan' }] },
  { id: 'demo-user-ri-harbour', name: 'Janet Osei', email: 'janet.osei@demo.haven.test', grants: [{ role: 'RESPONSIBLE_INDIVIDUAL', providerId: 'demo-provider-harbour' }] },
  { id: 'demo-user-iro-n2', name: 'Peter Lund', email: 'peter.lund@demo.haven.test', grants: [{ role: 'IRO', localAuthorityId: 'demo-la-north' }] },
  { id: 'demo-user-iro-s1', name: 'Nadia Rahman', email: 'nadia.rahman@demo.haven.test', grants: [{ role: 'IRO', localAuthorityId: 'demo-la-south' }] },
  { id: 'demo-user-iro-s2', name: 'Owen Davies', email: 'owen.davies@demo.haven.test', grants: [{ role: 'IRO', localAuthorityId: 'demo-la-south' }] },
  { id: 'demo-user-iro-e1', name: 'Beth Carter', email: 'beth.carter@demo.haven.test', grants: [{ role: 'IRO', localAuthorityId: 'demo-la-east' }] },
  { id: 'demo-user-sw-n2', name: 'Aisha Khan', email: 'aisha.khan@demo.haven.test', grants: [{ role: 'SOCIAL_WORKER', localAuthorityId: 'demo-la-north' }] },
  { id: 'demo-user-sw-s1', name: 'Liam Walsh', email: 'liam.walsh@demo.haven.test', grants: [{ role: 'SOCIAL_WORKER', localAuthorityId: 'demo-la-south' }] },
  { id: 'demo-user-sw-s2', name: 'Chloe Turner', email: 'chloe.turner@demo.haven.test', grants: [{ role: 'SOCIAL_WORKER', localAuthorityId: 'demo-la-south' }] },
  { id: 'demo-user-sw-e1', name: 'Ravi Patel', email: 'ravi.patel@demo.haven.test', grants: [{ role: 'SOCIAL_WORKER', localAuthorityId: 'demo-la-east' }] },
  { id: 'demo-user-lead-s', name: 'Karen Moss', email: 'karen.moss@demo.haven.test', grants: [{ role: 'LA_MISSING_LEAD', localAuthorityId: 'demo-la-south' }] },
]

// IRO and social worker pairs per placing authority; children are shared out between them.
const ALLOCATIONS: Record<string, [iro: string, socialWorker: string][]> = {
  'demo-la-north': [['demo-user-iro', 'demo-user-sw'], ['demo-user-iro-n2', 'demo-user-sw-n2'], ['demo-user-iro', 'demo-user-sw-n2']],
  'demo-la-south': [['demo-user-iro-s1', 'demo-user-sw-s1'], ['demo-user-iro-s2', 'demo-user-sw-s2']],
  'demo-la-east': [['demo-user-iro-e1', 'demo-user-sw-e1']],
}

// [first name, last name, sex, ethnicity, age in years, placing authority, current home (or 'bnb'), earlier placements]
type History = 'foster' | 'twoHomes' | 'none'
const CHILDREN: [string, string, 'MALE' | 'FEMALE', string, number, string, string, History][] = [
  ['Ellie', 'Marsh', 'FEMALE', 'WBRI', 14, 'north', 'willow', 'foster'],
  ['Kyle', 'Benson', 'MALE', 'WBRI', 15, 'north', 'willow', 'twoHomes'],
  ['Aaliyah', 'Grant', 'FEMALE', 'MWBC', 15, 'north', 'willow', 'foster'],
  ['Tyler', 'Hopkins', 'MALE', 'WBRI', 13, 'south', 'willow', 'none'],
  ['Shannon', 'Doyle', 'FEMALE', 'WIRI', 16, 'north', 'willow', 'foster'],
  ['Mohammed', 'Iqbal', 'MALE', 'APKN', 14, 'north', 'willow', 'none'],
  ['Jade', 'Pearson', 'FEMALE', 'WBRI', 15, 'east', 'willow', 'twoHomes'],
  ['Reece', 'Fletcher', 'MALE', 'WBRI', 16, 'south', 'birch', 'foster'],
  ['Chantelle', 'Okoro', 'FEMALE', 'BAFR', 14, 'south', 'birch', 'foster'],
  ['Daniel', 'Nowak', 'MALE', 'WOTH', 15, 'north', 'birch', 'twoHomes'],
  ['Lily', 'Harding', 'FEMALE', 'WBRI', 13, 'south', 'birch', 'none'],
  ['Jayden', 'Clarke', 'MALE', 'BCRB', 16, 'south', 'birch', 'foster'],
  ['Amber', 'Whitaker', 'FEMALE', 'WBRI', 17, 'north', 'birch', 'foster'],
  ['Kofi', 'Mensah', 'MALE', 'BAFR', 15, 'south', 'birch', 'none'],
  ['Sophie', 'Lang', 'FEMALE', 'WBRI', 14, 'east', 'cedar', 'foster'],
  ['Harvey', 'Stone', 'MALE', 'WBRI', 15, 'east', 'cedar', 'twoHomes'],
  ['Zara', 'Hussain', 'FEMALE', 'ABAN', 16, 'north', 'cedar', 'foster'],
  ['Ryan', 'McBride', 'MALE', 'WIRT', 14, 'east', 'cedar', 'none'],
  ['Mia', 'Kowalski', 'FEMALE', 'WOTH', 15, 'south', 'cedar', 'foster'],
  ['Callum', 'Burke', 'MALE', 'WBRI', 16, 'east', 'cedar', 'foster'],
  ['Nia', 'Campbell', 'FEMALE', 'MWBA', 13, 'east', 'cedar', 'none'],
  ['Liam', 'Doherty', 'MALE', 'WBRI', 15, 'north', 'rowan', 'twoHomes'],
  ['Hannah', 'Price', 'FEMALE', 'WBRI', 16, 'south', 'rowan', 'foster'],
  ['Ethan', 'Osei', 'MALE', 'BOTH', 14, 'north', 'rowan', 'foster'],
  ['Leila', 'Ahmed', 'FEMALE', 'AOTH', 15, 'south', 'rowan', 'none'],
  ['Josh', 'Reynolds', 'MALE', 'WBRI', 17, 'north', 'rowan', 'foster'],
  ['Kayla', 'Burns', 'FEMALE', 'WBRI', 17, 'south', 'bnb', 'twoHomes'],
  ['Aiden', 'Ward', 'MALE', 'MOTH', 16, 'north', 'willow', 'foster'],
]

const LEGAL = ['C2', 'C2', 'C1', 'V2', 'C2', 'V2', 'C2']

/** Shifts a YYYY-MM-DD date by days or years. */
function shift(isoDate: string, { days = 0, years = 0 }: { days?: number; years?: number }) {
  const d = new Date(`${isoDate}T00:00:00Z`)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

async function insertUser(tx: Tx, user: DemoUser, passwordHash: string) {
  await tx.user.create({
    data: { id: user.id, name: user.name, email: user.email, passwordHash, roles: { create: user.grants } },
  })
}

/** Loads the demo data unless it is already there. Returns what it did. */
export async function loadDemoData(now = new Date()): Promise<'loaded' | 'already loaded'> {
  const prisma = await getPrisma()
  if (await prisma.localAuthority.findUnique({ where: { id: AUTHORITIES[0].id } })) return 'already loaded'
  const passwordHash = await hashPassword(DEMO_PASSWORD) // one hash: these accounts share the published demo password
  const today = londonDate(now)
  const home = Object.fromEntries(HOMES.map((h) => [h.id.replace('demo-home-', ''), h]))
  await prisma.$transaction(
    async (tx) => {
      await tx.localAuthority.createMany({ data: AUTHORITIES })
      await tx.provider.createMany({ data: PROVIDERS })
      await tx.home.createMany({ data: HOMES })
      for (const user of [...DEMO_ACCOUNTS, ...OTHER_USERS]) await insertUser(tx, user, passwordHash)
      const turn: Record<string, number> = {}
      for (const [i, [firstName, lastName, sex, ethnicity, age, placedBy, current, history]] of CHILDREN.entries()) {
        const placingAuthorityId = `demo-la-${placedBy}`
        const pairs = ALLOCATIONS[placingAuthorityId]
        const [iroId, socialWorkerId] = pairs[(turn[placingAuthorityId] = (turn[placingAuthorityId] ?? -1) + 1) % pairs.length]
        const dateOfBirth = shift(today, { years: -age, days: -((i * 37) % 300) - 20 })
        const id = `demo-child-${String(i + 1).padStart(2, '0')}`
        await tx.child.create({
          data: {
            id,
            firstName,
            lastName,
            dateOfBirth: calendarDate(dateOfBirth),
            sex,
            ethnicity,
            disability: i % 9 === 4 ? 'DISABLED' : i % 5 === 0 ? 'NOT_KNOWN' : 'NOT_DISABLED',
            disabilityDetails: i % 9 === 4 ? 'Autism: needs clear, literal instructions and warning of changes' : null,
            legalStatus: LEGAL[i % LEGAL.length],
            placingAuthorityId,
            iroId,
            socialWorkerId,
          },
        })
        // Placement history, oldest first; each placement ends the day the next starts (SSDA903 X1).
        const currentStart = shift(today, { days: -(40 + ((i * 53) % 500)) })
        const earlier: { start: string; data: object }[] = []
        if (history === 'foster')
          earlier.push({ start: shift(currentStart, { days: -(200 + i * 11) }), data: { settingName: `Foster carers (${placedBy === 'north' ? 'Northshire' : placedBy === 'south' ? 'Southborough' : 'Eastmere'})`, areaAuthorityId: placingAuthorityId, outOfArea: false, placeCode: 'U6', placeProvider: 'PR1' } })
        if (history === 'twoHomes') {
          const other = current === 'cedar' || current === 'bnb' ? home.rowan : home.cedar
          earlier.push({ start: shift(currentStart, { days: -(400 + i * 7) }), data: { settingName: 'Foster carers', areaAuthorityId: placingAuthorityId, outOfArea: false, placeCode: 'U4', placeProvider: 'PR4' } })
          earlier.push({ start: shift(currentStart, { days: -(150 + i * 5) }), data: { homeId: other.id, areaAuthorityId: other.hostAuthorityId, outOfArea: other.hostAuthorityId !== placingAuthorityId, placeCode: 'K2', placeProvider: 'PR5', reasonForChange: 'CARPL' } })
        }
        const currentData =
          current === 'bnb'
            ? { settingName: 'Station Hotel (bed and breakfast)', settingPostcode: 'SB1 4AA', areaAuthorityId: 'demo-la-south', outOfArea: false, placeCode: 'P2', bedAndBreakfast: true, placeProvider: 'PR4', reasonForChange: 'CREQB' }
            : { homeId: home[current].id, areaAuthorityId: home[current].hostAuthorityId, outOfArea: home[current].hostAuthorityId !== placingAuthorityId, placeCode: 'K2', placeProvider: home[current].providerId === 'demo-provider-harbour' ? 'PR5' : 'PR4', reasonForChange: earlier.length ? 'CARPL' : null }
        const all = [...earlier, { start: currentStart, data: currentData }]
        for (const [n, placement] of all.entries()) {
          const next = all[n + 1]
          await tx.placement.create({
            data: {
              id: `${id}-p${n + 1}`,
              childId: id,
              startDate: calendarDate(placement.start),
              endDate: next ? calendarDate(next.start) : null,
              endReason: next ? 'X1' : null,
              ...(placement.data as { areaAuthorityId: string; outOfArea: boolean; placeCode: string; placeProvider: string }),
            },
          })
        }
      }
      await recordAudit(tx, {
        actorId: null,
        action: 'demo.load',
        subjectType: 'system',
        subjectId: 'demo',
        details: { children: CHILDREN.length, users: DEMO_ACCOUNTS.length + OTHER_USERS.length },
      })
    },
    { timeout: 120_000 },
  )
  return 'loaded'
}
