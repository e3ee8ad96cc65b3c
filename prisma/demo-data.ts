// Demo data: invented people and places that look like a real county's looked-after children in children's homes.
// Every record has a fixed id, and the whole load is one transaction: loading twice changes nothing.
import { hashPassword } from '@/lib/server/accounts'
import { recordAudit } from '@/lib/server/audit'
import { getPrisma, type Tx } from '@/lib/server/database'
import type { Prisma } from '@/lib/generated/prisma/client'
import {
  addCalendarMonths,
  addMonths,
  calendarDate,
  fromLondonLocal,
  londonDate,
  londonMidnight,
  monthOf,
  shiftDate,
} from '@/lib/domain/time'
import { independence } from '@/lib/domain/independent-person'
import { reportDueOn } from '@/lib/domain/oversight'
import {
  resolveAssociate,
  resolveLocation,
  resolveVehicle,
  typedAssociate,
  typedLocation,
  typedVehicle,
} from '@/lib/server/places'
import { createDueInterview } from '@/lib/server/return-interviews'
import { tellProtocolEmails } from '@/lib/server/protocol-emails'
import { recurringPlaces } from '@/lib/server/oversight/reviews'
import {
  highestLevel,
  kindsScreened,
  scoreScreening,
  type ExploitationKind,
  type KindJudged,
  type Level,
  type Observed,
} from '@/lib/domain/cse'
import { withCheckLetter } from '@/lib/domain/ssda903-rules/identifiers'
import { settings } from '@/lib/settings'
import { sealTotpSecret } from '@/lib/server/second-factor'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SECOND_FACTOR, type DemoUser } from './demo-accounts'

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts'

const AUTHORITIES = [
  { id: 'demo-la-north', name: 'Northshire County Council', code: '990' },
  { id: 'demo-la-south', name: 'Southborough City Council', code: '991' },
  // Eastmere asks its homes to screen its children for radicalisation too
  { id: 'demo-la-east', name: 'Eastmere Borough Council', code: '992', screensRadicalisation: true },
  { id: 'demo-la-west', name: 'Westvale Council', code: '993' },
]
const PROVIDERS = [
  { id: 'demo-provider-brightpath', name: 'Brightpath Care Ltd' },
  { id: 'demo-provider-harbour', name: "Harbour Children's Trust" },
]
// Phone numbers from Ofcom's ranges kept for drama (01632 960xxx, 0114 496 0xxx, 0161 496 0xxx, 020 7946 0xxx): never
// anyone's real number
const HOMES = [
  {
    id: 'demo-home-willow',
    name: 'Willow House',
    providerId: 'demo-provider-brightpath',
    hostAuthorityId: 'demo-la-north',
    ofstedUrn: 'SC990101',
    addressLine1: '14 Mill Lane',
    town: 'Ashford Green',
    postcode: 'NS4 7QD',
    phone: '01632 960101',
  },
  {
    id: 'demo-home-birch',
    name: 'Birch Lodge',
    providerId: 'demo-provider-brightpath',
    hostAuthorityId: 'demo-la-south',
    ofstedUrn: 'SC990102',
    addressLine1: '3 Station Road',
    town: 'Southborough',
    postcode: 'SB2 9LT',
    phone: '0161 496 0102',
  },
  {
    id: 'demo-home-cedar',
    name: 'Cedar Court',
    providerId: 'demo-provider-harbour',
    hostAuthorityId: 'demo-la-east',
    ofstedUrn: 'SC990103',
    addressLine1: '27 Quay Street',
    town: 'Eastmere',
    postcode: 'EM1 3RW',
    phone: '0114 496 0103',
  },
  {
    id: 'demo-home-rowan',
    name: 'Rowan View',
    providerId: 'demo-provider-harbour',
    hostAuthorityId: 'demo-la-west',
    ofstedUrn: 'SC990104',
    addressLine1: '9 Orchard Close',
    town: 'Westvale',
    postcode: 'WV6 2HN',
    phone: '020 7946 0104',
  },
]

// Everyone else: staff at every home, more IROs and social workers, so that scoping shows.
const OTHER_USERS: DemoUser[] = [
  {
    id: 'demo-user-willow-cw2',
    name: 'Chris Novak',
    email: 'chris.novak@demo.haven.test',
    grants: [{ role: 'CARE_WORKER', homeId: 'demo-home-willow' }],
  },
  {
    id: 'demo-user-birch-m',
    name: 'Tom Hughes',
    email: 'tom.hughes@demo.haven.test',
    grants: [{ role: 'REGISTERED_MANAGER', homeId: 'demo-home-birch' }],
  },
  {
    id: 'demo-user-birch-cw',
    name: 'Leah Morgan',
    email: 'leah.morgan@demo.haven.test',
    grants: [{ role: 'CARE_WORKER', homeId: 'demo-home-birch' }],
  },
  {
    id: 'demo-user-cedar-m',
    name: 'Olu Bankole',
    email: 'olu.bankole@demo.haven.test',
    grants: [{ role: 'REGISTERED_MANAGER', homeId: 'demo-home-cedar' }],
  },
  {
    id: 'demo-user-cedar-cw',
    name: 'Kasia Wrona',
    email: 'kasia.wrona@demo.haven.test',
    grants: [{ role: 'CARE_WORKER', homeId: 'demo-home-cedar' }],
  },
  {
    id: 'demo-user-rowan-m',
    name: 'Fiona Reid',
    email: 'fiona.reid@demo.haven.test',
    grants: [{ role: 'REGISTERED_MANAGER', homeId: 'demo-home-rowan' }],
  },
  {
    id: 'demo-user-rowan-cw',
    name: 'Marcus Bell',
    email: 'marcus.bell@demo.haven.test',
    grants: [{ role: 'CARE_WORKER', homeId: 'demo-home-rowan' }],
  },
  {
    id: 'demo-user-ri-harbour',
    name: 'Janet Osei',
    email: 'janet.osei@demo.haven.test',
    grants: [{ role: 'RESPONSIBLE_INDIVIDUAL', providerId: 'demo-provider-harbour' }],
  },
  {
    id: 'demo-user-iro-n2',
    name: 'Peter Lund',
    email: 'peter.lund@demo.haven.test',
    grants: [{ role: 'IRO', localAuthorityId: 'demo-la-north' }],
  },
  {
    id: 'demo-user-iro-s1',
    name: 'Nadia Rahman',
    email: 'nadia.rahman@demo.haven.test',
    grants: [{ role: 'IRO', localAuthorityId: 'demo-la-south' }],
  },
  {
    id: 'demo-user-iro-s2',
    name: 'Owen Davies',
    email: 'owen.davies@demo.haven.test',
    grants: [{ role: 'IRO', localAuthorityId: 'demo-la-south' }],
  },
  {
    id: 'demo-user-iro-e1',
    name: 'Beth Carter',
    email: 'beth.carter@demo.haven.test',
    grants: [{ role: 'IRO', localAuthorityId: 'demo-la-east' }],
  },
  {
    id: 'demo-user-sw-n2',
    name: 'Aisha Khan',
    email: 'aisha.khan@demo.haven.test',
    grants: [{ role: 'SOCIAL_WORKER', localAuthorityId: 'demo-la-north' }],
  },
  {
    id: 'demo-user-sw-s1',
    name: 'Liam Walsh',
    email: 'liam.walsh@demo.haven.test',
    grants: [{ role: 'SOCIAL_WORKER', localAuthorityId: 'demo-la-south' }],
  },
  {
    id: 'demo-user-sw-s2',
    name: 'Chloe Turner',
    email: 'chloe.turner@demo.haven.test',
    grants: [{ role: 'SOCIAL_WORKER', localAuthorityId: 'demo-la-south' }],
  },
  {
    id: 'demo-user-sw-e1',
    name: 'Ravi Patel',
    email: 'ravi.patel@demo.haven.test',
    grants: [{ role: 'SOCIAL_WORKER', localAuthorityId: 'demo-la-east' }],
  },
  {
    id: 'demo-user-lead-s',
    name: 'Karen Moss',
    email: 'karen.moss@demo.haven.test',
    grants: [{ role: 'LA_MISSING_LEAD', localAuthorityId: 'demo-la-south' }],
  },
  {
    id: 'demo-user-rhi-s',
    name: 'Leon Grant',
    email: 'leon.grant@demo.haven.test',
    grants: [{ role: 'RETURN_INTERVIEW_PRACTITIONER', localAuthorityId: 'demo-la-south' }],
  },
  // works shifts at Birch Lodge, and once stood in as Willow House's "independent" visitor: Haven knows he is not
  {
    id: 'demo-user-birch-cw2',
    name: 'Gareth Lowe',
    email: 'gareth.lowe@demo.haven.test',
    grants: [{ role: 'CARE_WORKER', homeId: 'demo-home-birch' }],
  },
]

// IRO and social worker pairs per placing authority; children are shared out between them.
const ALLOCATIONS: Record<string, [iro: string, socialWorker: string][]> = {
  'demo-la-north': [
    ['demo-user-iro', 'demo-user-sw'],
    ['demo-user-iro-n2', 'demo-user-sw-n2'],
    ['demo-user-iro', 'demo-user-sw-n2'],
  ],
  'demo-la-south': [
    ['demo-user-iro-s1', 'demo-user-sw-s1'],
    ['demo-user-iro-s2', 'demo-user-sw-s2'],
  ],
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

const AUTHORITY_CODE: Record<string, string> = Object.fromEntries(AUTHORITIES.map((a) => [a.id, a.code]))
const FOSTER_POSTCODES: Record<string, string> = { north: 'NS2 6JP', south: 'SB4 1RT', east: 'EM3 8LW' }

async function insertUser(tx: Tx, user: DemoUser, passwordHash: string) {
  await tx.user.create({
    data: { id: user.id, name: user.name, email: user.email, passwordHash, roles: { create: user.grants } },
  })
}

const REVIEW_OUTCOMES = [
  'Care plan reviewed: the placement continues; education and health plans up to date.',
  'Missing episodes discussed with the child; safety plan to be reviewed with the police.',
  'Contact with family increased at the child’s request; pathway planning to start.',
]

/**
 * The child's period of care and the looked-after reviews held in it. Every fourth child became looked after years
 * before their first placement Haven knows of; every fifth has missed their latest review (it shows as overdue).
 */
async function loadDemoCareAndReviews(
  tx: Tx,
  c: { id: string; i: number; iroId: string; legalStatus: string; firstPlacement: string; today: string },
) {
  const since =
    c.i % 4 === 1 ? shiftDate(c.firstPlacement, { years: -(2 + (c.i % 3)), days: -(c.i * 13) }) : c.firstPlacement
  await tx.periodOfCare.create({
    data: {
      id: `${c.id}-care`,
      childId: c.id,
      startDate: calendarDate(since),
      homePostcode: ['NS1 2AB', 'SB3 4CD', 'EM2 5EF', 'NS7 8GH'][c.i % 4],
      legalStatuses: {
        create: {
          startDate: calendarDate(since),
          legalStatus: c.legalStatus,
          categoryOfNeed: ['N1', 'N2', 'N4', 'N5'][c.i % 4],
        },
      },
    },
  })
  const held = [shiftDate(since, { days: 18 })]
  held.push(addMonths(held[0], 3))
  while (addMonths(held[held.length - 1], 6) < c.today) held.push(addMonths(held[held.length - 1], 5))
  if (c.i % 5 === 2 && held.length > 2) held.pop()
  for (const [n, heldOn] of held.filter((d) => d < c.today).entries())
    await tx.lookedAfterReview.create({
      data: {
        childId: c.id,
        heldOn: calendarDate(heldOn),
        chairId: c.iroId,
        participation: ['PN1', 'PN2', 'PN5', 'PN1', 'PN7'][(c.i + n) % 5],
        outcome: REVIEW_OUTCOMES[(c.i + n) % 3],
        createdById: c.iroId,
      },
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
      // Northshire and Southborough have return interview services; Eastmere's social workers hold them
      await tx.returnInterviewService.createMany({
        data: [
          { localAuthorityId: 'demo-la-north', name: 'Northshire Missing Children Team' },
          { localAuthorityId: 'demo-la-south', name: 'Safe Routes (Southborough), a children’s charity' },
        ],
      })
      await tx.provider.createMany({ data: PROVIDERS })
      // the homes have been open for years (the oversight checks and the scheduled flag count from when a home opened)
      await tx.home.createMany({
        data: HOMES.map((h) => ({ ...h, createdAt: londonMidnight(shiftDate(today, { years: -3 })) })),
      })
      for (const user of [...DEMO_ACCOUNTS, ...OTHER_USERS]) await insertUser(tx, user, passwordHash)
      const withSecondFactor = await tx.user.findUniqueOrThrow({ where: { email: DEMO_SECOND_FACTOR.email } })
      await tx.secondFactor.create({
        data: { userId: withSecondFactor.id, secret: sealTotpSecret(DEMO_SECOND_FACTOR.secret), confirmedAt: now },
      })
      const turn: Record<string, number> = {}
      for (const [i, [firstName, lastName, sex, ethnicity, age, placedBy, current, history]] of CHILDREN.entries()) {
        const placingAuthorityId = `demo-la-${placedBy}`
        const pairs = ALLOCATIONS[placingAuthorityId]
        const [iroId, socialWorkerId] =
          pairs[(turn[placingAuthorityId] = (turn[placingAuthorityId] ?? -1) + 1) % pairs.length]
        const dateOfBirth = shiftDate(today, { years: -age, days: -((i * 37) % 300) - 20 })
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
            // the authority's case management reference and the UPN (every seventh child newly looked after: UN4)
            authorityRef: `${placedBy.slice(0, 1).toUpperCase()}${String(40_000 + i * 613)}`,
            upn:
              i % 7 === 3
                ? 'UN4'
                : withCheckLetter(
                    `${AUTHORITY_CODE[placingAuthorityId]}${String(2010 + i).padStart(4, '0')}${String(10 + (i % 14))}${String(100 + i)}`,
                  ),
            placingAuthorityId,
            iroId,
            socialWorkerId,
          },
        })
        // Placement history, oldest first; each placement ends the day the next starts (SSDA903 X1).
        const currentStart = shiftDate(today, { days: -(40 + ((i * 53) % 500)) })
        const earlier: { start: string; data: object }[] = []
        if (history === 'foster')
          earlier.push({
            start: shiftDate(currentStart, { days: -(200 + i * 11) }),
            data: {
              settingName: `Foster carers (${placedBy === 'north' ? 'Northshire' : placedBy === 'south' ? 'Southborough' : 'Eastmere'})`,
              settingPostcode: FOSTER_POSTCODES[placedBy],
              areaAuthorityId: placingAuthorityId,
              outOfArea: false,
              placeCode: 'U6',
              placeProvider: 'PR1',
            },
          })
        if (history === 'twoHomes') {
          const other = current === 'cedar' || current === 'bnb' ? home.rowan : home.cedar
          earlier.push({
            start: shiftDate(currentStart, { days: -(400 + i * 7) }),
            data: {
              settingName: 'Foster carers',
              settingPostcode: FOSTER_POSTCODES[placedBy],
              areaAuthorityId: placingAuthorityId,
              outOfArea: false,
              placeCode: 'U4',
              placeProvider: 'PR4',
            },
          })
          earlier.push({
            start: shiftDate(currentStart, { days: -(150 + i * 5) }),
            data: {
              homeId: other.id,
              areaAuthorityId: other.hostAuthorityId,
              outOfArea: other.hostAuthorityId !== placingAuthorityId,
              placeCode: 'K2',
              placeProvider: 'PR5',
              reasonForChange: 'CARPL',
            },
          })
        }
        const currentData =
          current === 'bnb'
            ? {
                settingName: 'Station Hotel (bed and breakfast)',
                settingPostcode: 'SB1 4AA',
                areaAuthorityId: 'demo-la-south',
                outOfArea: false,
                // P2, bed and breakfast's code until 2024-25, is refused from 2025-26 (rule 146) and the new codes
                // Z11-Z14 are not offered yet (README, "Limits"): the nearest current type, with the box ticked
                placeCode: 'K3',
                bedAndBreakfast: true,
                placeProvider: 'PR4',
                reasonForChange: 'CREQB',
              }
            : {
                homeId: home[current].id,
                areaAuthorityId: home[current].hostAuthorityId,
                outOfArea: home[current].hostAuthorityId !== placingAuthorityId,
                placeCode: 'K2',
                placeProvider: home[current].providerId === 'demo-provider-harbour' ? 'PR5' : 'PR4',
                reasonForChange: earlier.length ? 'CARPL' : null,
              }
        const all = [...earlier, { start: currentStart, data: currentData }]
        for (const [n, placement] of all.entries()) {
          const next = all[n + 1]
          const data = placement.data as {
            homeId?: string
            areaAuthorityId: string
            outOfArea: boolean
            placeCode: string
            placeProvider: string
          }
          // out of area: most planned and told beforehand; every third child's not, one in two of those an emergency
          const told = data.outOfArea && i % 3 !== 0
          await tx.placement.create({
            data: {
              id: `${id}-p${n + 1}`,
              childId: id,
              startDate: calendarDate(placement.start),
              endDate: next ? calendarDate(next.start) : null,
              endReason: next ? 'X1' : null,
              ...data,
              emergency: data.outOfArea && i % 6 === 0,
              areaNotifiedOn: told ? calendarDate(shiftDate(placement.start, { days: -3 })) : null,
            },
          })
          // Regulation 41 notices to the host authority: the admission's usually sent, a discharge sometimes not
          if (data.homeId && data.outOfArea && i % 5 !== 1) {
            const by = {
              givenBy: `Registered manager, ${HOMES.find((h) => h.id === data.homeId)!.name}`,
              recordedById: STAFF[data.homeId]?.manager ?? 'demo-user-manager',
            }
            await tx.reg41Notice.create({
              data: {
                placementId: `${id}-p${n + 1}`,
                kind: 'ADMISSION',
                notifiedOn: calendarDate(placement.start),
                method: 'SECURE_EMAIL',
                ...by,
              },
            })
            if (next && i % 2 === 0)
              await tx.reg41Notice.create({
                data: {
                  placementId: `${id}-p${n + 1}`,
                  kind: 'DISCHARGE',
                  notifiedOn: calendarDate(next.start),
                  method: 'SECURE_EMAIL',
                  ...by,
                },
              })
          }
        }
        await loadDemoCareAndReviews(tx, {
          id,
          i,
          iroId,
          legalStatus: LEGAL[i % LEGAL.length],
          firstPlacement: all[0].start,
          today,
        })
      }
      await loadDemoEpisodes(tx, today, now)
      await loadDemoCse(tx, today, now)
      await loadDemoOversight(tx, today, now)
      await loadDemoMeetings(tx, today, now)
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

// ---- missing episodes: short daytime ones, children going together, the same take-away, person and car again

const STAFF: Record<string, { reporter: string; manager: string }> = {
  'demo-home-willow': { reporter: 'demo-user-care', manager: 'demo-user-manager' },
  'demo-home-birch': { reporter: 'demo-user-birch-cw', manager: 'demo-user-birch-m' },
  'demo-home-cedar': { reporter: 'demo-user-cedar-cw', manager: 'demo-user-cedar-m' },
  'demo-home-rowan': { reporter: 'demo-user-rowan-cw', manager: 'demo-user-rowan-m' },
}

type DemoEpisode = {
  child: number
  daysAgo: number
  at: string // London time last seen, HH:MM
  hours: number | null // null: still missing
  type?: 'MISSING' | 'AWAY'
  place?: string
  found?: {
    name: string
    kind: 'TAKEAWAY_OR_SHOP' | 'HOTEL' | 'HOUSE_OR_FLAT' | 'PARK_OR_OPEN_SPACE' | 'TRANSPORT' | 'OTHER'
    postcode?: string
  }
  with?: { name?: string; description?: string }[]
  vehicles?: { registration?: string; description?: string; taxiFirm?: string }[]
  condition?: { hungry?: boolean; tired?: boolean; intoxicated?: boolean; signsOfHarm?: string; injuries?: string }
  method?: 'RETURNED_ALONE' | 'FOUND_BY_POLICE' | 'BROUGHT_BY_STAFF' | 'BROUGHT_BY_FAMILY'
  open?: boolean // returned but not yet reviewed
  link?: number // index in EPISODES of the episode this one went with
  updates?: {
    after: number
    kind: 'CALL' | 'PLACE_CHECKED' | 'SIGHTING' | 'POLICE_RISK_GRADE' | 'NOTE'
    text: string
    grade?: 'NO_APPARENT_RISK' | 'LOW' | 'MEDIUM' | 'HIGH'
  }[]
  /** the return interview: held so many hours after the return, or another outcome; none: still to do */
  interview?: {
    held?: number
    outcome?: 'DECLINED' | 'NOT_AVAILABLE' | 'NOT_OFFERED'
    offeredOnly?: boolean
    trustedAdult?: string
    says?: Partial<
      Record<
        | 'whereAndWithWhom'
        | 'whatHappened'
        | 'whyLeft'
        | 'harmed'
        | 'feelsSafe'
        | 'whatWouldHelp'
        | 'concernsAboutHome',
        string
      >
    >
    police?: boolean
    cse?: boolean
  }
}

const INTERVIEWERS: Record<string, [string, string]> = {
  'demo-la-north': ['Amira Haddad', 'Northshire Missing Children Team'],
  'demo-la-south': ['Leon Grant', 'Safe Routes (Southborough)'],
  'demo-la-east': ['Ravi Patel', 'Eastmere Borough Council children’s services'],
}

const KEBAB = { name: 'Kebab King, Station Road', kind: 'TAKEAWAY_OR_SHOP' as const, postcode: 'NS4 2AB' }
const JAY = { name: 'Jay', description: 'Man in his twenties, drives a silver car, calls himself her boyfriend' }
const SILVER_CAR = { registration: 'AB12 CDE', description: 'Silver Vauxhall Astra' }

const EPISODES: DemoEpisode[] = [
  // Ellie Marsh: many short daytime episodes, the same take-away, the same man and car
  {
    child: 1,
    daysAgo: 58,
    at: '11:20',
    hours: 3,
    type: 'AWAY',
    place: 'School gates',
    found: KEBAB,
    with: [JAY],
    method: 'RETURNED_ALONE',
  },
  {
    child: 1,
    daysAgo: 44,
    at: '13:05',
    hours: 4.5,
    place: 'Willow House',
    found: { name: 'kebab king station rd', kind: 'TAKEAWAY_OR_SHOP' },
    with: [{ name: 'jay' }],
    vehicles: [{ registration: 'ab12cde', description: 'silver car' }],
    condition: { hungry: true, signsOfHarm: 'New phone she would not explain' },
    method: 'BROUGHT_BY_STAFF',
  },
  {
    child: 1,
    daysAgo: 30,
    at: '10:40',
    hours: 2.5,
    type: 'AWAY',
    place: 'Town centre',
    found: { name: 'Riverside Park', kind: 'PARK_OR_OPEN_SPACE' },
    method: 'RETURNED_ALONE',
  },
  {
    child: 1,
    daysAgo: 19,
    at: '14:15',
    hours: 5,
    place: 'Willow House',
    found: KEBAB,
    with: [JAY],
    vehicles: [SILVER_CAR],
    condition: { tired: true, intoxicated: true },
    method: 'FOUND_BY_POLICE',
    updates: [{ after: 1, kind: 'POLICE_RISK_GRADE', text: 'Graded by control room', grade: 'MEDIUM' }],
  },
  {
    child: 1,
    daysAgo: 9,
    at: '12:30',
    hours: 3.5,
    type: 'AWAY',
    place: 'Library',
    found: { name: 'Kebab King', kind: 'TAKEAWAY_OR_SHOP' },
    method: 'RETURNED_ALONE',
    open: true,
  },
  {
    child: 1,
    daysAgo: 3,
    at: '15:50',
    hours: 2,
    place: 'Willow House',
    found: KEBAB,
    with: [JAY],
    method: 'BROUGHT_BY_FAMILY',
    open: true,
  },
  // Kyle Benson and Tyler Hopkins go together, three times
  {
    child: 2,
    daysAgo: 40,
    at: '19:30',
    hours: 6,
    place: 'Willow House',
    found: { name: 'Riverside Park', kind: 'PARK_OR_OPEN_SPACE' },
    with: [{ name: 'Tyler Hopkins' }],
    method: 'FOUND_BY_POLICE',
  },
  {
    child: 4,
    daysAgo: 40,
    at: '19:35',
    hours: 6,
    place: 'Willow House',
    found: { name: 'Riverside Park', kind: 'PARK_OR_OPEN_SPACE' },
    with: [{ name: 'Kyle Benson' }],
    method: 'FOUND_BY_POLICE',
    link: 6,
  },
  {
    child: 2,
    daysAgo: 21,
    at: '16:10',
    hours: 3,
    type: 'AWAY',
    place: 'Bus station',
    found: { name: 'Ashford Green bus station', kind: 'TRANSPORT' },
    method: 'BROUGHT_BY_STAFF',
  },
  {
    child: 4,
    daysAgo: 21,
    at: '16:10',
    hours: 3,
    type: 'AWAY',
    place: 'Bus station',
    found: { name: 'Ashford Green bus station', kind: 'TRANSPORT' },
    method: 'BROUGHT_BY_STAFF',
    link: 8,
  },
  {
    child: 2,
    daysAgo: 6,
    at: '22:00',
    hours: 9,
    place: 'Willow House',
    found: { name: '14 Canal Street (flat 2)', kind: 'HOUSE_OR_FLAT' },
    with: [JAY],
    vehicles: [{ registration: 'AB12CDE', taxiFirm: '' }],
    condition: { tired: true, hungry: true },
    method: 'FOUND_BY_POLICE',
    open: true,
  },
  {
    child: 4,
    daysAgo: 6,
    at: '22:05',
    hours: 9,
    place: 'Willow House',
    found: { name: '14 Canal St, flat 2', kind: 'HOUSE_OR_FLAT' },
    method: 'FOUND_BY_POLICE',
    open: true,
    link: 10,
  },
  // Aaliyah Grant: nights, the same take-away and car, a taxi
  {
    child: 3,
    daysAgo: 35,
    at: '23:10',
    hours: 7,
    place: 'Willow House',
    found: { name: 'The Kebab King, Station Road', kind: 'TAKEAWAY_OR_SHOP' },
    vehicles: [{ registration: 'AB12 CDE' }, { description: 'White Skoda Octavia', taxiFirm: 'Streamline Taxis' }],
    condition: { intoxicated: true, signsOfHarm: 'Bruise on her wrist' },
    method: 'FOUND_BY_POLICE',
  },
  {
    child: 3,
    daysAgo: 12,
    at: '21:40',
    hours: 11,
    place: 'Willow House',
    found: { name: 'Premier Stay Hotel', kind: 'HOTEL', postcode: 'NS4 9XY' },
    with: [{ description: 'Two older men' }],
    vehicles: [{ description: 'White Skoda Octavia', taxiFirm: 'Streamline Taxis' }],
    condition: { tired: true },
    method: 'FOUND_BY_POLICE',
  },
  // Shannon Doyle: missing now
  {
    child: 5,
    daysAgo: 0,
    at: '01:30',
    hours: null,
    place: 'Willow House',
    updates: [
      { after: 0.2, kind: 'CALL', text: 'Rang her mobile: no answer, voicemail full' },
      { after: 0.4, kind: 'PLACE_CHECKED', text: 'Drove past Riverside Park and the bus station: not there' },
      { after: 0.5, kind: 'POLICE_RISK_GRADE', text: 'Police reference NP-26-4471', grade: 'HIGH' },
    ],
  },
  // Birch Lodge: Chantelle Okoro at the same take-away, with the same man (another home, another authority)
  {
    child: 9,
    daysAgo: 27,
    at: '17:45',
    hours: 4,
    place: 'Birch Lodge',
    found: { name: 'Kebab King Station Road', kind: 'TAKEAWAY_OR_SHOP', postcode: 'NS4 2AB' },
    with: [{ name: 'Jay', description: 'older man with a silver car' }],
    vehicles: [{ registration: 'AB 12 CDE' }],
    method: 'RETURNED_ALONE',
  },
  {
    child: 9,
    daysAgo: 8,
    at: '20:20',
    hours: 5,
    place: 'Birch Lodge',
    found: { name: 'Premier Stay Hotel', kind: 'HOTEL', postcode: 'NS4 9XY' },
    method: 'FOUND_BY_POLICE',
    open: true,
  },
  {
    child: 12,
    daysAgo: 15,
    at: '14:00',
    hours: 2,
    type: 'AWAY',
    place: 'College',
    found: { name: 'The Arcade, Quay Street', kind: 'OTHER' },
    method: 'RETURNED_ALONE',
  },
  // Cedar Court: a boy away in the daytime, again and again
  {
    child: 16,
    daysAgo: 50,
    at: '10:15',
    hours: 2,
    type: 'AWAY',
    place: 'School',
    found: { name: 'The Arcade, Quay Street', kind: 'OTHER' },
    method: 'BROUGHT_BY_STAFF',
  },
  {
    child: 16,
    daysAgo: 33,
    at: '11:00',
    hours: 3,
    type: 'AWAY',
    place: 'School',
    found: { name: 'Arcade, Quay St', kind: 'OTHER' },
    method: 'BROUGHT_BY_STAFF',
  },
  {
    child: 16,
    daysAgo: 14,
    at: '09:45',
    hours: 4,
    type: 'AWAY',
    place: 'School',
    found: { name: 'The Arcade Quay Street', kind: 'OTHER' },
    with: [{ description: 'Older boys on bikes' }],
    condition: { signsOfHarm: 'Had £60 in cash' },
    method: 'RETURNED_ALONE',
  },
  {
    child: 15,
    daysAgo: 24,
    at: '22:30',
    hours: 8,
    place: 'Cedar Court',
    found: { name: 'Premier Stay Hotel', kind: 'HOTEL', postcode: 'NS4 9XY' },
    with: [{ description: 'Two older men' }],
    method: 'FOUND_BY_POLICE',
  },
  // Rowan View and bed and breakfast
  {
    child: 23,
    daysAgo: 4,
    at: '18:00',
    hours: 26,
    place: 'Rowan View',
    found: { name: 'Her mum’s house', kind: 'HOUSE_OR_FLAT' },
    method: 'BROUGHT_BY_FAMILY',
    open: true,
  },
  {
    child: 27,
    daysAgo: 10,
    at: '23:50',
    hours: 14,
    place: 'Station Hotel',
    found: { name: 'Premier Stay Hotel', kind: 'HOTEL' },
    with: [{ name: 'Jay' }],
    method: 'FOUND_BY_POLICE',
  },
]

// What happened to each return interview, by position in EPISODES: most held in time, some late, declined or not
// offered, some still to do (due soon or overdue); one child's words include concerns about the home.
const INTERVIEWS: Record<number, DemoEpisode['interview']> = {
  0: { held: 20, says: { whyLeft: 'Bored at school, wanted to see Jay', feelsSafe: 'Yes' } },
  1: {
    held: 30,
    says: {
      whereAndWithWhom: 'At the kebab shop on Station Road and then in Jay’s car',
      whatHappened: 'Jay bought her food and a phone top-up; older men came to the car',
      whyLeft: 'Jay texted her to come out; she says he is her boyfriend',
      harmed: 'Did not want to say',
      feelsSafe: 'Not always',
      whatWouldHelp: 'Someone to talk to at night',
      concernsAboutHome:
        'Night staff lock the kitchen at 9 so she goes out to get food; she says nobody at Willow House listens to her.',
    },
    police: true,
    cse: true,
  },
  2: { outcome: 'DECLINED', says: { whatWouldHelp: 'Said she did not want to talk to anyone' } },
  3: { held: 100, says: { whereAndWithWhom: 'Kebab King again, with Jay', feelsSafe: 'Did not answer' }, police: true },
  4: { offeredOnly: true },
  6: { held: 40 },
  7: { held: 40 },
  8: { outcome: 'NOT_OFFERED' },
  9: { held: 90 },
  10: { offeredOnly: true },
  12: {
    held: 60,
    trustedAdult: 'Her key worker, Jordan, whom she trusts',
    says: { harmed: 'Bruise from being grabbed by a man at the hotel' },
    cse: true,
  },
  13: { held: 50, police: true },
  15: { held: 48, says: { whereAndWithWhom: 'With Jay at the kebab shop, then a flat' } },
  16: { outcome: 'DECLINED' },
  17: { held: 120 },
  18: { held: 24 },
  19: { outcome: 'NOT_AVAILABLE' },
  20: { held: 36, says: { whyLeft: 'Older boys pay him to carry things' }, cse: true },
  21: { held: 70 },
  23: { held: 40 },
}

async function loadDemoEpisodes(tx: Tx, today: string, now: Date) {
  const ids: string[] = []
  for (const [i, e] of EPISODES.entries()) {
    const childId = `demo-child-${String(e.child).padStart(2, '0')}`
    const placement = await tx.placement.findFirst({ where: { childId, endDate: null } })
    const homeId = placement?.homeId ?? null
    const staff = STAFF[homeId ?? 'demo-home-birch']
    const day = new Date(`${today}T00:00:00Z`)
    day.setUTCDate(day.getUTCDate() - e.daysAgo)
    const lastSeen = fromLondonLocal(`${day.toISOString().slice(0, 10)}T${e.at}`)
    if (!lastSeen.ok) continue // a time skipped by the clocks going forward: leave it out
    // an episode "today at 01:30" loaded at 00:30 would start in the future: move it a day back
    const lastSeenAt = lastSeen.instant > now ? new Date(lastSeen.instant.getTime() - 86_400_000) : lastSeen.instant
    const returnedAt =
      e.hours === null ? null : new Date(Math.min(lastSeenAt.getTime() + e.hours * 3_600_000, now.getTime() - 60_000))
    const id = `demo-episode-${String(i + 1).padStart(2, '0')}`
    ids.push(id)
    await tx.missingEpisode.create({
      data: {
        id,
        childId,
        homeId,
        absenceType: e.type ?? 'MISSING',
        lastSeenAt,
        lastSeenPlace: e.place ?? 'Home',
        lastSeenWith: e.with?.map((w) => w.name ?? w.description).join(', ') || null,
        clothing: 'Black puffer jacket, grey joggers, white trainers',
        policeInformed: e.type !== 'AWAY',
        policeReference: e.type !== 'AWAY' ? `NP-${String(2600 + i * 37)}` : null,
        reportedAt: new Date(lastSeenAt.getTime() + 40 * 60_000),
        reportedById: staff.reporter,
        returnedAt,
        returnMethod: returnedAt ? (e.method ?? 'RETURNED_ALONE') : null,
        hungry: returnedAt ? (e.condition?.hungry ?? false) : null,
        tired: returnedAt ? (e.condition?.tired ?? false) : null,
        intoxicated: returnedAt ? (e.condition?.intoxicated ?? false) : null,
        injuries: e.condition?.injuries ?? null,
        signsOfHarm: e.condition?.signsOfHarm ?? null,
        whoInformed: returnedAt ? 'Police, social worker' : null,
        returnRecordedAt: returnedAt,
        returnRecordedById: returnedAt ? staff.reporter : null,
        closedAt: returnedAt && !e.open ? new Date(returnedAt.getTime() + 2 * 86_400_000) : null,
        closedById: returnedAt && !e.open ? staff.manager : null,
        reviewNote:
          returnedAt && !e.open ? 'Reviewed: return interview offered; safety plan discussed with the child.' : null,
      },
    })
    for (const u of e.updates ?? [])
      await tx.episodeUpdate.create({
        data: {
          episodeId: id,
          kind: u.kind,
          at: new Date(lastSeenAt.getTime() + u.after * 3_600_000),
          createdAt: new Date(lastSeenAt.getTime() + u.after * 3_600_000 + 5 * 60_000),
          text: u.text,
          riskGrade: u.grade ?? null,
          authorId: staff.reporter,
        },
      })
    if (e.found) {
      const found = { postcode: null, ...e.found }
      await tx.episodeLocation.create({
        data: {
          episodeId: id,
          role: 'FOUND',
          locationId: await resolveLocation(tx, found, staff.reporter),
          ...typedLocation(found),
        },
      })
    }
    for (const w of e.with ?? []) {
      const person = { name: w.name ?? null, description: w.description ?? null }
      await tx.episodeAssociate.create({
        data: {
          episodeId: id,
          associateId: await resolveAssociate(tx, person, staff.reporter),
          ...typedAssociate(person),
        },
      })
    }
    for (const v of e.vehicles ?? []) {
      const car = {
        registration: v.registration || null,
        description: v.description ?? null,
        taxiFirm: v.taxiFirm || null,
      }
      await tx.episodeVehicle.create({
        data: { episodeId: id, vehicleId: await resolveVehicle(tx, car, staff.reporter), ...typedVehicle(car) },
      })
    }
    if (returnedAt) await demoInterview(tx, id, childId, returnedAt, INTERVIEWS[i], now)
    if (e.link !== undefined) {
      const [first, second] = [ids[e.link], id].sort()
      await tx.episodeLink.create({ data: { episodeId: first, otherId: second, createdById: staff.reporter } })
    }
  }
  // grab packs kept ready for some children
  await tx.grabPack.createMany({
    data: [
      {
        childId: 'demo-child-01',
        version: 1,
        description:
          'White British girl, 5ft 3, slim, long dark brown hair usually tied back, brown eyes, small scar above left eyebrow.',
        friendsAndAssociates:
          '"Jay" (older man, silver car, see episodes). School friend Mia at Ashford Green Academy.',
        placesTheyGo: 'Kebab King on Station Road; Riverside Park; town centre library.',
        phoneNumbers: '07700 900123 (her own; often switched off)',
        socialMedia: 'Snapchat: ellie.m.x',
        medicalNeeds: 'Asthma: carries a blue inhaler.',
        vulnerabilities: 'At significant risk of child sexual exploitation: gifts and a new phone from an older man.',
        transport: 'Buses 12 and 15 into town',
        createdById: 'demo-user-manager',
      },
      {
        childId: 'demo-child-05',
        version: 1,
        description: 'White Irish girl, 5ft 6, red shoulder-length hair, freckles, pierced nose.',
        friendsAndAssociates: 'Boyfriend "Dean" (17), lives near the bus station.',
        placesTheyGo: 'Ashford Green bus station, Canal Street.',
        phoneNumbers: '07700 900456',
        socialMedia: 'Instagram: shan.d; TikTok: @shannon.dx',
        addresses: 'Her mum: 14 Canal Street flats, Ashford Green',
        bankCardsAndMoney: 'Monzo card in her name; usually has about £20',
        medicalNeeds: 'None known',
        vulnerabilities: 'Self-harm history; goes missing at night.',
        createdById: 'demo-user-care',
      },
      {
        childId: 'demo-child-03',
        version: 1,
        description: 'Mixed White and Black Caribbean girl, 5ft 5, black curly hair, brown eyes.',
        placesTheyGo: 'Station Road, Premier Stay Hotel area',
        vulnerabilities: 'Found intoxicated with older adults; taxis paid for by unknown adults.',
        createdById: 'demo-user-manager',
      },
    ],
  })
}

async function demoInterview(
  tx: Tx,
  episodeId: string,
  childId: string,
  returnedAt: Date,
  spec: DemoEpisode['interview'],
  now: Date,
) {
  const interview = await createDueInterview(
    tx,
    { id: episodeId, childId },
    returnedAt,
    episodeId.replace('episode', 'interview'),
  )
  if (!spec) return
  const child = await tx.child.findUniqueOrThrow({
    where: { id: childId },
    select: { placingAuthorityId: true, socialWorkerId: true },
  })
  const recorder =
    interview.serviceAuthorityId === 'demo-la-north'
      ? 'demo-user-rhi'
      : interview.serviceAuthorityId === 'demo-la-south'
        ? 'demo-user-rhi-s'
        : child.socialWorkerId!
  const [interviewer, organisation] = INTERVIEWERS[child.placingAuthorityId]
  const at = (hours: number) => new Date(Math.min(returnedAt.getTime() + hours * 3_600_000, now.getTime() - 60_000))
  const offeredAt = at(4)
  if (spec.offeredOnly) {
    await tx.returnInterview.update({
      where: { id: interview.id },
      data: { offeredAt, offerMethod: 'PHONE', offerRecordedById: recorder },
    })
    return
  }
  const held = spec.held !== undefined
  // the child's social worker is never the independent interviewer: where they hold it, it is because the child chose
  // them
  const trustedAdult =
    spec.trustedAdult ??
    (held && !interview.serviceAuthorityId
      ? `${interviewer}, their social worker, whom they asked to talk to`
      : undefined)
  await tx.returnInterview.update({
    where: { id: interview.id },
    data: {
      offeredAt: spec.outcome === 'NOT_OFFERED' ? null : offeredAt,
      offerMethod: spec.outcome === 'NOT_OFFERED' ? null : 'IN_PERSON',
      outcome: held ? 'HELD' : spec.outcome,
      notOfferedReason:
        spec.outcome === 'NOT_OFFERED'
          ? 'Moved to an emergency placement the next day; the service was not told in time'
          : null,
      heldAt: held ? at(spec.held!) : null,
      heldWhere: held ? 'Quiet room at the home' : null,
      interviewerName: held ? (spec.trustedAdult ? 'Jordan Ellis' : interviewer) : null,
      interviewerOrganisation: held && !trustedAdult ? organisation : null,
      independenceDeclared: held ? !trustedAdult : null,
      childChoseTrustedAdult: held ? Boolean(trustedAdult) : null,
      trustedAdult: trustedAdult ?? null,
      ...spec.says,
      outcomeRecordedAt: at((spec.held ?? 10) + 1),
      outcomeRecordedById: recorder,
      preventionInterview: held ? 'DONE' : 'NOT_DONE',
      preventionInterviewDate: held ? calendarDate(londonDate(at(2))) : null,
    },
  })
  if (spec.police)
    await tx.policeSharing.create({
      data: {
        interviewId: interview.id,
        sharedAt: at((spec.held ?? 10) + 2),
        policeForce: 'Northshire Police',
        what: 'Places, the man known as Jay and the silver car AB12 CDE',
        basis: 'SAFEGUARDING_WITHOUT_CONSENT',
        reason: 'Risk of sexual exploitation to her and other children',
        recordedById: recorder,
      },
    })
  if (spec.cse)
    await tx.interviewFollowUp.create({
      data: {
        interviewId: interview.id,
        kind: 'CSE_SCREENING',
        note: 'Disclosed gifts and older men',
        createdById: recorder,
      },
    })
}

// ---- CSE screenings and safety plans: children at each level, with and without plans, one Regulation 40 task open

type DemoScreening = {
  child: number
  daysAgo: number
  /** the worker's level for sexual exploitation; the other kinds take the suggested level unless `kinds` says */
  level: Level
  reason?: string
  kinds?: Partial<Record<ExploitationKind, Level>>
  indicators: [string, Observed['when']][]
}
const SCREENINGS: DemoScreening[] = [
  {
    child: 1,
    daysAgo: 20,
    level: 'SIGNIFICANT',
    indicators: [
      ['MISSING', 'CURRENT'],
      ['OLDER_ASSOCIATES', 'CURRENT'],
      ['CARS', 'CURRENT'],
      ['GIFTS_MONEY', 'CURRENT'],
      ['HOTELS_TAKEAWAYS', 'CURRENT'],
    ],
  },
  {
    child: 3,
    daysAgo: 12,
    level: 'SIGNIFICANT',
    indicators: [
      ['MISSING', 'CURRENT'],
      ['CARS', 'CURRENT'],
      ['DRUGS_ALCOHOL', 'CURRENT'],
      ['ASSAULT_INJURIES', 'WITHIN_6_MONTHS'],
    ],
  },
  {
    child: 2,
    daysAgo: 3,
    level: 'AT_RISK',
    indicators: [
      ['MISSING', 'CURRENT'],
      ['OLDER_ASSOCIATES', 'WITHIN_6_MONTHS'],
    ],
  },
  {
    child: 5,
    daysAgo: 100,
    level: 'AT_RISK',
    indicators: [
      ['MISSING', 'CURRENT'],
      ['SELF_HARM', 'WITHIN_6_MONTHS'],
    ],
  },
  {
    child: 9,
    daysAgo: 25,
    level: 'AT_RISK',
    indicators: [
      ['MISSING', 'CURRENT'],
      ['OLDER_ASSOCIATES', 'CURRENT'],
    ],
  },
  // Harvey: a boy screened for criminal exploitation (county lines)
  {
    child: 16,
    daysAgo: 10,
    level: 'NOT_AT_RISK',
    reason:
      'The money and the phones come from carrying drugs, not from anyone seeking sex; screen again if that changes',
    kinds: { criminal: 'SIGNIFICANT' },
    indicators: [
      ['MISSING', 'CURRENT'],
      ['GIFTS_MONEY', 'CURRENT'],
      ['PHONES', 'CURRENT'],
      ['TRAVEL_OUT_OF_AREA', 'CURRENT'],
      ['GANG', 'WITHIN_6_MONTHS'],
    ],
  },
  {
    child: 4,
    daysAgo: 40,
    level: 'AT_RISK',
    reason: 'Goes missing with Kyle; older lads at the park give them cigarettes',
    indicators: [['SCHOOL', 'WITHIN_6_MONTHS']],
  },
  { child: 6, daysAgo: 30, level: 'NOT_AT_RISK', indicators: [] },
  { child: 22, daysAgo: 60, level: 'NOT_AT_RISK', indicators: [['SCHOOL', 'OLDER']] },
]

type DemoPlan = {
  child: number
  version: number
  daysAgo: number
  signed: boolean
  reviewInDays: number
  words: string
  agrees: 'YES' | 'PARTLY' | 'NO'
}
const PLANS: DemoPlan[] = [
  {
    child: 1,
    version: 1,
    daysAgo: 18,
    signed: true,
    reviewInDays: 40,
    words: 'I don’t think Jay is bad but I will tell Jordan when he messages me.',
    agrees: 'PARTLY',
  },
  {
    child: 1,
    version: 2,
    daysAgo: 2,
    signed: false,
    reviewInDays: 60,
    words: 'I want to go to the youth club on Tuesdays instead.',
    agrees: 'YES',
  },
  {
    child: 5,
    version: 1,
    daysAgo: 95,
    signed: true,
    reviewInDays: -5,
    words: 'Ring me, don’t call the police straight away.',
    agrees: 'PARTLY',
  },
  { child: 9, version: 1, daysAgo: 22, signed: true, reviewInDays: 60, words: 'I’ll keep my phone on.', agrees: 'YES' },
  {
    child: 16,
    version: 1,
    daysAgo: 7,
    signed: true,
    reviewInDays: 80,
    words: 'I just want my money for the arcade, I’m not in a gang.',
    agrees: 'NO',
  },
  { child: 4, version: 1, daysAgo: 35, signed: true, reviewInDays: 50, words: 'Fine.', agrees: 'YES' },
]

async function loadDemoCse(tx: Tx, today: string, now: Date) {
  const childId = (n: number) => `demo-child-${String(n).padStart(2, '0')}`
  const manager = async (n: number) => {
    const placement = await tx.placement.findFirst({ where: { childId: childId(n), endDate: null } })
    return STAFF[placement?.homeId ?? 'demo-home-birch']
  }
  for (const [i, s] of SCREENINGS.entries()) {
    const observed: Observed[] = s.indicators.map(([code, when]) => ({ code, when, note: null }))
    const result = scoreScreening(observed, kindsScreened(CHILDREN[s.child - 1][5] === 'east'), settings.cse.rules)
    const kinds: KindJudged[] = result.kinds.map((r) => {
      const level = r.kind === 'sexual' ? s.level : (s.kinds?.[r.kind] ?? r.suggestedLevel)
      return { ...r, level, levelReason: level !== r.suggestedLevel ? (s.reason ?? 'Professional judgement') : null }
    })
    const staff = await manager(s.child)
    const screenedAt = new Date(now.getTime() - s.daysAgo * 86_400_000)
    await tx.cseScreening.create({
      data: {
        id: `demo-screening-${i + 1}`,
        childId: childId(s.child),
        screenedAt,
        screenedById: staff.manager,
        indicators: observed as never,
        score: result.score,
        harmIndicators: result.harmIndicators,
        suggestedLevel: result.suggestedLevel,
        level: highestLevel(kinds),
        levelReason: kinds.map((k) => k.levelReason).find(Boolean) ?? null,
        kinds,
        fullAssessmentPrompted: result.fullAssessmentPrompted,
        suggestionsConfirmed: [],
        suggestionsDismissed: [],
        summary: 'Screened with the key worker and the social worker.',
        createdAt: screenedAt,
      },
    })
  }
  for (const p of PLANS) {
    const staff = await manager(p.child)
    const createdAt = new Date(now.getTime() - p.daysAgo * 86_400_000)
    await tx.safetyPlan.create({
      data: {
        childId: childId(p.child),
        version: p.version,
        risks: [
          { code: 'MISSING', text: 'Goes missing, often in the daytime' },
          { code: 'OLDER_ASSOCIATES', text: 'Older people she meets in town' },
        ],
        actions: [
          { who: 'Key worker', what: 'Check in every evening; agree times out', byWhen: null },
          {
            who: 'Social worker',
            what: 'Refer to the youth club and the CSE support worker',
            byWhen: shiftDate(today, { days: 14 }),
          },
        ],
        ifMissingPlaces: 'Kebab King, Station Road; Riverside Park; Ashford Green bus station',
        ifMissingPeople:
          'Her aunt (07700 900222); school friend Mia’s mum; then the police on 101, or 999 if at risk now',
        trustedAdults: 'Jordan (key worker); her aunt',
        childsWords: p.words,
        childAgrees: p.agrees,
        kinds: p.child === 16 ? ['criminal'] : ['sexual'],
        familyEngaged: 'Aunt agreed to be called first',
        policeInvolved: true,
        policeOfficer: 'PC Sarah Lin, Northshire Police CSE team',
        policeReference: 'NP-CSE-2211',
        reviewDate: calendarDate(shiftDate(today, { days: p.reviewInDays })),
        createdAt,
        createdById: staff.reporter,
        signedOffAt: p.signed ? new Date(createdAt.getTime() + 86_400_000) : null,
        signedOffById: p.signed ? staff.manager : null,
      },
    })
  }
  // Shannon's missing protocol, agreed and signed off before her current episode and followed during it; the other
  // children at Willow House have none yet (the manager's dashboard lists them, those missing this year first)
  const shannon = await tx.missingEpisode.findFirstOrThrow({
    where: { childId: childId(5), returnedAt: null },
    select: { id: true, childId: true, homeId: true, lastSeenAt: true, child: { select: { socialWorkerId: true } } },
  })
  const willow = await manager(5)
  const written = new Date(now.getTime() - 20 * 86_400_000)
  const shannonProtocol = await tx.missingProtocol.create({
    data: {
      childId: childId(5),
      version: 1,
      whenMissing: 'Not back by 22:00, or 30 minutes after the time agreed for a trip out',
      callPoliceAtOnce: 'She is seen with adults we do not know, gets into a car, or has said she will hurt herself',
      whereToLook: 'Ashford Green bus station; Canal Street; Riverside Park',
      knownPlacesAndPeople: 'Boyfriend "Dean" (17) near the bus station; Canal Street flats',
      medicalNeeds: 'None known; self-harm history: check her room for medication',
      childsView: 'Text me before you ring the police. I want my key worker to be the one who picks me up.',
      steps: [
        'Ring and text her mobile',
        'Tell the on-call manager',
        'Drive past the bus station, Canal Street and Riverside Park',
        'Report her missing to the police on 101 with the grab pack',
        'Tell her social worker (Haven tells the IRO and social worker when the episode is reported)',
      ],
      toTell: [
        { who: 'ON_CALL_MANAGER', name: null, contact: 'On-call phone 07700 900777' },
        { who: 'POLICE', name: 'Northshire Police', contact: '101' },
        { who: 'SOCIAL_WORKER', name: null, contact: null },
        { who: 'PARENT', name: 'Her mum, Ms Doyle', contact: '07700 900888 (only if Shannon agrees)' },
        {
          who: 'EMERGENCY_DUTY_TEAM',
          name: null,
          contact: 'Out of hours 0300 555 0101',
          email: 'edt@northshire-council.example',
        },
      ],
      reviewDate: calendarDate(shiftDate(today, { days: 60 })),
      createdAt: written,
      createdById: willow.reporter,
      agreedAt: new Date(written.getTime() + 86_400_000),
      agreedById: shannon.child.socialWorkerId,
      signedOffAt: new Date(written.getTime() + 2 * 86_400_000),
      signedOffById: willow.manager,
    },
  })
  const after = (hours: number) => new Date(shannon.lastSeenAt.getTime() + hours * 3_600_000)
  await tx.protocolStepDone.createMany({
    data: [0, 1, 2, 3].map((step) => ({
      episodeId: shannon.id,
      protocolId: shannonProtocol.id,
      step,
      doneAt: after(0.1 * (step + 2)),
      doneById: willow.reporter,
    })),
  })
  await tx.episodeTold.createMany({
    data: [
      {
        episodeId: shannon.id,
        who: 'ON_CALL_MANAGER',
        toldAt: after(0.3),
        method: 'PHONE',
        toldById: willow.reporter,
        recipientIds: [],
      },
      {
        episodeId: shannon.id,
        who: 'POLICE',
        name: 'Northshire Police',
        toldAt: after(0.5),
        method: 'PHONE',
        toldById: willow.reporter,
        policeForce: 'Northshire Police',
        policeReference: 'NP-26-4471',
        riskGrade: 'HIGH',
        recipientIds: [],
      },
    ],
  })
  // the protocol's e-mail address (the emergency duty team), told by Haven when she was reported, and sent
  await tellProtocolEmails(tx, shannon, 'episode.opened', after(0.05))
  await tx.notificationDelivery.updateMany({
    where: { notification: { recipientEmail: { not: null }, link: `/episodes/${shannon.id}` } },
    data: { status: 'SENT', attempts: 1, sentAt: after(0.06) },
  })
  // Regulation 40 notifiable events at Willow House: Ellie's notified to everyone required (reg 40(4)(a): Ofsted and
  // the relevant person named), Kyle's police call recorded "not notifiable" with the reason, and Aaliyah's screening's
  // proposal still waiting for the manager's decision (overdue)
  const day = 86_400_000
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * day + hours * 3_600_000)
  const event = (data: Omit<Prisma.NotifiableEventUncheckedCreateInput, 'homeId'>) =>
    tx.notifiableEvent.create({ data: { homeId: 'demo-home-willow', ...data } })
  const because = 'CSE screening: judged at significant risk of child sexual exploitation'
  const notified = await event({
    id: 'demo-reg40-ellie',
    kind: 'SEXUAL_EXPLOITATION',
    occurredAt: ago(20),
    whatHappened: because,
    proposedBecause: because,
    childId: childId(1),
    screeningId: 'demo-screening-1',
    recordedAt: ago(20),
    recordedById: 'demo-user-care',
    decision: 'NOTIFY',
    decidedAt: ago(20, 1),
    decidedById: 'demo-user-manager',
    otherRelevantPersons: ['Placing authority: Sam Whitfield'],
    completedAt: ago(20, 2),
    completedById: 'demo-user-manager',
  })
  await tx.notifiableEventNotice.createMany({
    data: [
      {
        eventId: notified.id,
        recipient: 'HMCI',
        who: 'Ofsted',
        how: 'Ofsted online notification form',
        at: ago(20, 1),
        toldById: 'demo-user-manager',
        createdAt: ago(20, 1),
      },
      {
        eventId: notified.id,
        recipient: 'OTHER_RELEVANT_PERSON',
        who: 'Placing authority: Sam Whitfield',
        how: 'Phone call and e-mail',
        at: ago(20, 2),
        toldById: 'demo-user-manager',
        createdAt: ago(20, 2),
      },
    ],
  })
  await event({
    id: 'demo-reg40-kyle',
    kind: 'SERIOUS_POLICE_INCIDENT',
    occurredAt: ago(9),
    whatHappened: 'Police called when Kyle did not come back by his agreed time; he walked in before they arrived.',
    proposedBecause: 'Police involved on his return',
    childId: childId(2),
    recordedAt: ago(9),
    recordedById: 'demo-user-care',
    decision: 'NOT_NOTIFIABLE',
    decisionReason: 'A missing-from-care report only: no incident, no harm, no police action beyond the report.',
    decidedAt: ago(9, 3),
    decidedById: 'demo-user-manager',
    otherRelevantPersons: [],
  })
  const harm = 'CSE screening: signs of harm: Injuries from sexual assault'
  await event({
    id: 'demo-reg40-aaliyah',
    kind: 'SEXUAL_EXPLOITATION',
    occurredAt: ago(12),
    whatHappened: harm,
    proposedBecause: harm,
    childId: childId(3),
    screeningId: 'demo-screening-2',
    recordedAt: ago(12),
    recordedById: 'demo-user-care',
    otherRelevantPersons: [],
  })
}

// ---- oversight: a year of Regulation 44 visits with gaps, a visitor who is not independent, Reg 45 and Reg 46

type DemoPerson = {
  id: string
  homeId: string
  name: string
  organisation: string | null
  email: string | null
  userId: string | null
  appointedBy: string
  monthsAgo: number
  approvedBy?: string
  ended?: { monthsAgo: number; reason: string }
}
const INDEPENDENT_PERSONS: DemoPerson[] = [
  {
    id: 'demo-ip-willow-helen',
    homeId: 'demo-home-willow',
    name: 'Helen Brandt',
    organisation: 'Brandt Independent Visiting',
    email: 'visitor@demo.haven.test',
    userId: 'demo-user-visitor',
    appointedBy: 'Martin Cole for Brightpath Care',
    monthsAgo: 18,
    approvedBy: 'demo-la-north',
  },
  {
    id: 'demo-ip-willow-gareth',
    homeId: 'demo-home-willow',
    name: 'Gareth Lowe',
    organisation: null,
    email: 'gareth.lowe@demo.haven.test',
    userId: 'demo-user-birch-cw2',
    appointedBy: 'Martin Cole for Brightpath Care',
    monthsAgo: 6,
    ended: {
      monthsAgo: 3,
      reason:
        'He works for the provider at Birch Lodge, so cannot be the independent person (Reg 43(3)(b)); his visit did not count.',
    },
  },
  {
    id: 'demo-ip-cedar-helen',
    homeId: 'demo-home-cedar',
    name: 'Helen Brandt',
    organisation: 'Brandt Independent Visiting',
    email: 'visitor@demo.haven.test',
    userId: 'demo-user-visitor',
    appointedBy: 'Janet Osei for Harbour Children’s Trust',
    monthsAgo: 20,
  },
  {
    id: 'demo-ip-birch-marion',
    homeId: 'demo-home-birch',
    name: 'Marion Oakes',
    organisation: 'Independent Visits Ltd',
    email: null,
    userId: null,
    appointedBy: 'Martin Cole for Brightpath Care',
    monthsAgo: 24,
    approvedBy: 'demo-la-south',
  },
  {
    id: 'demo-ip-rowan-dev',
    homeId: 'demo-home-rowan',
    name: 'Dev Anand',
    organisation: 'Independent Visits Ltd',
    email: null,
    userId: null,
    appointedBy: 'Janet Osei for Harbour Children’s Trust',
    monthsAgo: 15,
  },
]

/** Who visited each home, by months ago (1 = last month); null: no visit that month. */
const VISIT_PLAN: Record<string, (months: number) => string | null> = {
  // last month missed (the scheduled run flags it); four months ago a provider's care worker stood in
  'demo-home-willow': (m) => (m === 1 ? null : m === 4 ? 'demo-ip-willow-gareth' : 'demo-ip-willow-helen'),
  'demo-home-cedar': () => 'demo-ip-cedar-helen',
  'demo-home-birch': (m) => (m === 7 ? null : 'demo-ip-birch-marion'),
  'demo-home-rowan': () => 'demo-ip-rowan-dev',
}
const OPINIONS = [
  [
    'Children are effectively safeguarded. The missing log is complete and every return had an interview offered; two were held late.',
    'The home promotes children’s well-being: children said they liked their key workers and the new evening activities.',
  ],
  [
    'Children are effectively safeguarded, with one concern: a safety plan was past its review date.',
    'The home promotes well-being; the young people asked for more say in the menu.',
  ],
  [
    'Mostly safeguarded: staff knew each child’s safety plan; the missing log matched police references.',
    'Well-being is promoted; one child said night staff do not listen to her, which I raised with the manager.',
  ],
]

async function loadDemoOversight(tx: Tx, today: string, now: Date) {
  const month = monthOf(today)
  const ago = (months: number) => addMonths(today, -months)
  for (const p of INDEPENDENT_PERSONS)
    await tx.independentPerson.create({
      data: {
        id: p.id,
        homeId: p.homeId,
        name: p.name,
        organisation: p.organisation,
        email: p.email,
        userId: p.userId,
        appointedBy: p.appointedBy,
        appointedOn: calendarDate(ago(p.monthsAgo)),
        // Gareth declared himself independent: Haven knows he works for the provider
        notPaidStaff: true,
        notCarePlanning: true,
        notCommissionerOrFunder: true,
        noFinancialInterest: true,
        notResponsibleIndividual: true,
        noConnection: true,
        approvedByAuthorityId: p.approvedBy ?? null,
        approvedOn: p.approvedBy ? calendarDate(ago(p.monthsAgo - 1)) : null,
        createdAt: londonMidnight(ago(p.monthsAgo)),
        createdById:
          p.homeId === 'demo-home-cedar' || p.homeId === 'demo-home-rowan' ? 'demo-user-ri-harbour' : 'demo-user-ri',
        ...(p.ended && {
          endedOn: calendarDate(ago(p.ended.monthsAgo)),
          endReason: p.ended.reason,
          endedAt: londonMidnight(ago(p.ended.monthsAgo)),
          endedById: 'demo-user-manager',
        }),
      },
    })
  const staffOf = (homeId: string) => STAFF[homeId]
  for (const [h, home] of HOMES.entries()) {
    const staff = staffOf(home.id)
    for (let m = 12; m >= 1; m--) {
      const personId = VISIT_PLAN[home.id](m)
      if (!personId) continue
      const visitMonth = addCalendarMonths(month, -m)
      const visitedOn = `${visitMonth}-${String(9 + h * 3 + (m % 3)).padStart(2, '0')}`
      const person = INDEPENDENT_PERSONS.find((p) => p.id === personId)!
      const placed = await tx.placement.findMany({
        where: {
          homeId: home.id,
          startDate: { lte: calendarDate(visitedOn) },
          OR: [{ endDate: null }, { endDate: { gte: calendarDate(visitedOn) } }],
        },
        select: { child: { select: { placingAuthorityId: true } } },
      })
      const placing = [...new Set(placed.map((x) => x.child.placingAuthorityId))]
      const notIndependent = person.id === 'demo-ip-willow-gareth'
      const result = notIndependent
        ? independence(
            {
              notPaidStaff: true,
              notCarePlanning: true,
              notCommissionerOrFunder: true,
              noFinancialInterest: true,
              notResponsibleIndividual: true,
              noConnection: true,
            },
            { staffAt: ['Birch Lodge'], responsibleIndividual: false, allocatedTo: [] },
          )
        : { independent: true, reasons: [] }
      const id = `demo-visit-${home.id.replace('demo-home-', '')}-${visitMonth}`
      const [safeguarding, wellbeing] = OPINIONS[(m + h) % OPINIONS.length]
      await tx.reg44Visit.create({
        data: {
          id,
          homeId: home.id,
          independentPersonId: person.id,
          visitedOn: calendarDate(visitedOn),
          announced: m % 3 === 0,
          spokeWithChildren: 2 + (m % 3),
          spokeWithParents: m % 2,
          spokeWithStaff: 3,
          consentNote: m % 4 === 0 ? 'One young person declined to speak with me' : null,
          checkedMissingLog: true,
          checkedReturnInterviews: true,
          checkedSafetyPlans: m % 5 !== 0,
          otherRecordsChecked: 'Restraint log, complaints, staff rota',
          safeguardingOpinion: safeguarding,
          wellbeingOpinion: wellbeing,
          independent: result.independent,
          independenceReasons: result.reasons,
          createdAt: londonMidnight(shiftDate(visitedOn, { days: 1 })),
          createdById: person.userId ?? staff.manager,
        },
      })
      const receivedOn = shiftDate(visitedOn, { days: 5 })
      await tx.reg44Report.create({
        data: {
          visitId: id,
          text: `Regulation 44 report for ${home.name}, visit of ${visitedOn}.\n\n${safeguarding}\n\n${wellbeing}`,
          receivedOn: calendarDate(receivedOn),
          createdAt: londonMidnight(receivedOn),
          createdById: person.userId ?? staff.manager,
        },
      })
      // Cedar Court three months ago: the report went out after the deadline
      const late = home.id === 'demo-home-cedar' && m === 3
      const sentOn = late
        ? shiftDate(reportDueOn(visitedOn, settings.oversight), { days: 4 })
        : shiftDate(visitedOn, { days: 8 })
      await tx.reg44ReportEvent.createMany({
        data: [
          { kind: 'OFSTED', authorityId: null },
          ...placing.map((authorityId) => ({ kind: 'PLACING_AUTHORITY', authorityId })),
        ].map((e) => ({
          ...e,
          visitId: id,
          on: calendarDate(sentOn),
          createdAt: londonMidnight(sentOn),
          createdById: staff.manager,
        })),
      })
      if (m === 5 && home.id === 'demo-home-cedar')
        await tx.reg44ReportEvent.createMany({
          data: [
            { kind: 'HOST_REQUESTED', on: shiftDate(visitedOn, { days: 10 }) },
            { kind: 'HOST_AUTHORITY', on: shiftDate(visitedOn, { days: 11 }) },
          ].map((e) => ({
            ...e,
            visitId: id,
            authorityId: home.hostAuthorityId,
            on: calendarDate(e.on),
            createdAt: londonMidnight(e.on),
            createdById: staff.manager,
          })),
        })
      // recommendations as actions: most answered and completed in time; Birch Lodge's from three months ago is overdue
      if (m % 2 === 1 || (home.id === 'demo-home-birch' && m === 3)) {
        const overdue = home.id === 'demo-home-birch' && m === 3
        const dueOn = overdue
          ? shiftDate(`${addCalendarMonths(month, -1)}-01`, { days: 9 })
          : shiftDate(visitedOn, { days: 28 })
        const actionId = `${id}-action`
        await tx.oversightAction.create({
          data: {
            id: actionId,
            visitId: id,
            homeId: home.id,
            recommendation: overdue
              ? 'Repair the broken window lock in the first-floor bedroom'
              : 'Review the safety plans past their review date with each child',
            owner: overdue ? 'Registered manager' : 'Deputy manager',
            dueOn: calendarDate(dueOn),
            createdAt: londonMidnight(receivedOn),
            createdById: staff.manager,
          },
        })
        if (!overdue && dueOn < today)
          await tx.oversightActionResponse.create({
            data: {
              actionId,
              text: 'Done: each plan reviewed with the child and the social worker.',
              completed: true,
              respondedOn: calendarDate(shiftDate(dueOn, { days: -3 })),
              createdAt: londonMidnight(shiftDate(dueOn, { days: -3 })),
              createdById: staff.manager,
            },
          })
        if (overdue)
          await tx.oversightActionResponse.create({
            data: {
              actionId,
              text: 'Contractor booked; waiting for the part.',
              completed: false,
              respondedOn: calendarDate(shiftDate(receivedOn, { days: 7 })),
              createdAt: londonMidnight(shiftDate(receivedOn, { days: 7 })),
              createdById: staff.manager,
            },
          })
      }
    }
  }
  // Regulation 45 reviews (months ago): Rowan View's last one was 8 months ago, so it is overdue
  const REG45: Record<string, number[]> = {
    'demo-home-willow': [3, 9, 15],
    'demo-home-cedar': [2, 8, 14],
    'demo-home-birch': [1, 7, 13],
    'demo-home-rowan': [8, 14],
  }
  for (const [homeId, list] of Object.entries(REG45))
    for (const months of list) {
      const completedOn = ago(months)
      await tx.reg45Review.create({
        data: {
          homeId,
          completedOn: calendarDate(completedOn),
          viewsChildren: true,
          viewsParents: months % 2 === 0,
          viewsPlacingAuthorities: true,
          viewsStaff: true,
          report:
            'Quality of care review: children’s views gathered at house meetings and one to one; placing authorities surveyed. Strengths: stable staff team. To improve: return interviews held late for two children; plan agreed with the return interview service.',
          sentToOfstedOn: calendarDate(shiftDate(completedOn, { days: 20 })),
          createdAt: londonMidnight(completedOn),
          createdById: staffOf(homeId).manager,
        },
      })
    }
  // Regulation 46 location assessments: Birch Lodge's is more than a year old
  const REG46: Record<string, number[]> = {
    'demo-home-willow': [5, 17],
    'demo-home-cedar': [4, 16],
    'demo-home-birch': [14],
    'demo-home-rowan': [6],
  }
  for (const [homeId, list] of Object.entries(REG46))
    for (const months of list) {
      const assessedOn = ago(months)
      await tx.reg46Assessment.create({
        data: {
          homeId,
          assessedOn: calendarDate(assessedOn),
          policeForce: homeId === 'demo-home-willow' ? 'Northshire Police' : 'Southborough and Eastmere Police',
          policeOfficer: 'PS Dawn Hale, missing persons and exploitation team',
          consultedOn: calendarDate(shiftDate(assessedOn, { days: -7 })),
          hotSpots:
            homeId === 'demo-home-willow'
              ? 'Station Road take-aways (Kebab King) and the Premier Stay Hotel: known to police for child sexual exploitation; Riverside Park after dark.'
              : 'The Arcade on Quay Street: older boys recruiting younger ones to carry drugs.',
          sexOffenderInfo:
            'Police gave the number of registered sex offenders within a mile and said none live on the same street; details held by police.',
          otherRisks: 'Main road bus routes into the city centre.',
          actions:
            'Share the home’s address with the police missing persons unit; staff briefed on the hot spots; the hot spots are in each child’s safety plan.',
          recurringPlaces: months === list[0] ? await recurringPlaces(tx, homeId, now) : [],
          createdAt: londonMidnight(assessedOn),
          createdById: staffOf(homeId).manager,
        },
      })
    }
  // recommendation 6: when the home's location was last shared with the police
  for (const [homeId, months, withWhom] of [
    ['demo-home-willow', 5, 'Northshire Police missing persons unit (PS Dawn Hale)'],
    ['demo-home-cedar', 4, 'Eastmere Police exploitation team'],
    ['demo-home-birch', 14, 'Southborough Police front desk'],
  ] as const)
    await tx.homeLocationShare.create({
      data: {
        homeId,
        sharedOn: calendarDate(ago(months)),
        sharedWith: withWhom,
        createdAt: londonMidnight(ago(months)),
        createdById: staffOf(homeId).manager,
      },
    })
}

// ---- referrals and meetings: Ellie's strategy discussion with an action now overdue, a CAWN requested against the
// man she is found with, and an NRM referral for Kyle (criminal exploitation)

async function loadDemoMeetings(tx: Tx, today: string, now: Date) {
  const ellie = 'demo-child-01'
  const kyle = 'demo-child-02'
  const sw = 'demo-user-sw'
  const day = (daysAgo: number) => calendarDate(shiftDate(today, { days: -daysAgo }))
  const episodes = await tx.missingEpisode.findMany({
    where: { childId: ellie, lastSeenAt: { gte: new Date(now.getTime() - 60 * 86_400_000) } },
    select: { id: true },
  })
  await tx.meeting.create({
    data: {
      id: 'demo-meeting-ellie',
      childId: ellie,
      kind: 'STRATEGY_DISCUSSION',
      kinds: ['sexual'],
      heldOn: day(21),
      participants: [
        { name: 'Sam Whitfield', agency: 'Northshire children’s services' },
        { name: 'DC Amir Patel', agency: 'Northshire Police' },
        { name: 'Priya Shah', agency: 'Willow House' },
        { name: 'School nurse', agency: 'Northshire health' },
      ],
      childViews: 'Ellie says Jay is her friend and she goes to him because he listens.',
      familyViews: 'Her mother is worried about the car that collects her.',
      decisions:
        'Risk of child sexual exploitation: refer to the MACE panel; request a CAWN; share the car with the police.',
      createdById: sw,
      createdAt: day(21),
      actions: {
        create: [
          {
            action: 'Ask the police to issue a Child Abduction Warning Notice to Jay',
            owner: 'DC Amir Patel',
            dueOn: day(7),
            createdById: sw,
          },
          {
            action: 'Submit intelligence about the silver Astra',
            owner: 'Priya Shah',
            dueOn: day(14),
            createdById: sw,
            completedOn: day(16),
            completionNote: 'Submitted to Northshire Police',
            completedById: 'demo-user-manager',
          },
        ],
      },
      episodes: { create: episodes.map((e) => ({ episodeId: e.id })) },
    },
  })
  const jay = await resolveAssociate(tx, { name: JAY.name, description: JAY.description }, sw)
  await tx.referral.create({
    data: {
      childId: ellie,
      kind: 'CAWN',
      kinds: ['sexual'],
      madeOn: day(18),
      madeBy: 'Sam Whitfield',
      reference: 'Northshire Police',
      cawnStatus: 'REQUESTED',
      associateId: jay,
      personName: 'Jay',
      createdById: sw,
    },
  })
  await tx.referral.create({
    data: {
      childId: kyle,
      kind: 'NRM',
      kinds: ['criminal'],
      madeOn: day(40),
      madeBy: 'Northshire children’s services',
      summary: 'Found carrying drugs for an older group in another town (county lines).',
      reasonableGrounds: 'POSITIVE',
      reasonableGroundsOn: day(30),
      createdById: sw,
    },
  })
}
