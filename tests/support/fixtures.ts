// Small, explicit worlds for integration tests: organisations, people with roles, children with placements.
import { randomBytes } from 'node:crypto'
import type { Role } from '@/lib/domain/roles'
import { hashPassword, loadActor } from '@/lib/server/accounts'
import { getPrisma } from '@/lib/server/database'
import { ValidationError } from '@/lib/server/errors'
import { calendarDate } from '@/lib/domain/time'

const unique = () => randomBytes(4).toString('hex')
export const FIXTURE_PASSWORD = 'correct horse battery staple'
let passwordHash: Promise<string> | undefined // hashed once per file: argon2id is slow on purpose

export async function makeWorld() {
  const prisma = await getPrisma()
  const la = async (name: string) =>
    prisma.localAuthority.create({
      data: { name: `${name} ${unique()}`, code: unique().slice(0, 3) + unique().slice(0, 3) },
    })
  const provider = async (name: string) => prisma.provider.create({ data: { name: `${name} ${unique()}` } })
  const home = async (name: string, providerId: string, hostAuthorityId: string) =>
    prisma.home.create({
      data: {
        name,
        providerId,
        hostAuthorityId,
        ofstedUrn: `SC${unique()}`,
        addressLine1: '1 Test Street',
        town: 'Testtown',
        postcode: 'TE1 1ST',
      },
    })
  const laOne = await la('Northshire')
  const laTwo = await la('Southborough')
  const providerOne = await provider('Brightpath Care')
  const providerTwo = await provider('Harbour Homes')
  const homeA = await home('Willow House', providerOne.id, laOne.id)
  const homeB = await home('Birch Lodge', providerOne.id, laTwo.id)
  const homeC = await home('Cedar Court', providerTwo.id, laTwo.id)
  return { laOne, laTwo, providerOne, providerTwo, homeA, homeB, homeC }
}
export type World = Awaited<ReturnType<typeof makeWorld>>

/** A user holding roles; returns the Actor use cases receive. */
export async function makePerson(
  grants: { role: Role; homeId?: string; providerId?: string; localAuthorityId?: string }[],
  name = 'Test Person',
) {
  const prisma = await getPrisma()
  const user = await prisma.user.create({
    data: {
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}.${unique()}@haven.test`,
      passwordHash: await (passwordHash ??= hashPassword(FIXTURE_PASSWORD)),
      roles: { create: grants },
    },
  })
  return (await loadActor(prisma, user.id))!
}

/** A child placed (open placement since 2024-01-10) in a home, by a placing authority. */
export async function makeChild(opts: {
  homeId: string
  placingAuthorityId: string
  iroId?: string | null
  socialWorkerId?: string | null
  firstName?: string
  startDate?: string
}) {
  const prisma = await getPrisma()
  const home = await prisma.home.findUniqueOrThrow({ where: { id: opts.homeId } })
  return prisma.child.create({
    data: {
      firstName: opts.firstName ?? `Child${unique()}`,
      lastName: 'Test',
      dateOfBirth: calendarDate('2010-05-04'),
      sex: 'FEMALE',
      ethnicity: 'WBRI',
      legalStatus: 'C2',
      placingAuthorityId: opts.placingAuthorityId,
      iroId: opts.iroId ?? null,
      socialWorkerId: opts.socialWorkerId ?? null,
      placements: {
        create: {
          homeId: home.id,
          areaAuthorityId: home.hostAuthorityId,
          outOfArea: home.hostAuthorityId !== opts.placingAuthorityId,
          startDate: calendarDate(opts.startDate ?? '2024-01-10'),
          placeCode: 'K2',
          placeProvider: 'PR4',
        },
      },
      // looked after from their placement here, as Haven's migration starts every child it holds
      periodsOfCare: {
        create: {
          startDate: calendarDate(opts.startDate ?? '2024-01-10'),
          legalStatuses: { create: { startDate: calendarDate(opts.startDate ?? '2024-01-10'), legalStatus: 'C2' } },
        },
      },
    },
    include: { placements: true },
  })
}

/** An episode for a child, open unless a return time is given. */
export async function makeEpisode(
  childId: string,
  opts: { lastSeenAt?: string; returnedAt?: string | null; reportedById: string },
) {
  const prisma = await getPrisma()
  const child = await prisma.child.findUniqueOrThrow({
    where: { id: childId },
    include: { placements: { where: { endDate: null } } },
  })
  return prisma.missingEpisode.create({
    data: {
      childId,
      homeId: child.placements[0]?.homeId ?? null,
      absenceType: 'MISSING',
      lastSeenAt: new Date(opts.lastSeenAt ?? '2025-06-01T20:00:00Z'),
      lastSeenPlace: 'The home',
      policeInformed: true,
      reportedById: opts.reportedById,
      returnedAt: opts.returnedAt ? new Date(opts.returnedAt) : null,
      returnMethod: opts.returnedAt ? 'RETURNED_ALONE' : null,
    },
  })
}

/** A returned episode with its return interview due (as recording the return makes it). */
export async function makeInterview(childId: string, reportedById: string, returnedAt = '2025-06-02T09:00:00Z') {
  const { createDueInterview } = await import('@/lib/server/return-interviews')
  const episode = await makeEpisode(childId, { reportedById, lastSeenAt: '2025-06-01T20:00:00Z', returnedAt })
  const prisma = await getPrisma()
  return prisma.$transaction((tx) => createDueInterview(tx, episode, new Date(returnedAt)))
}

/** The person with this user id (the demo data's ids, "demo-user-care"), as the actor of a use case. */
export const actor = async (userId: string) => (await loadActor(await getPrisma(), userId))!

/** The field problems a use case refused with (fails the test if it did not refuse). */
export async function problems(promise: Promise<unknown>) {
  try {
    await promise
  } catch (e) {
    if (e instanceof ValidationError) return e.fieldErrors
    throw e
  }
  throw new Error('expected a validation error')
}
