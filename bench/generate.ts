// A large invented dataset for the speed checks: 50 homes, 2,000 children, 100,000 missing episodes over three
// years, with returns, return interviews, and places, people and vehicles named. Deterministic (seeded).
import { randomUUID } from 'node:crypto'
import { hashPassword } from '@/lib/server/accounts'
import type { Database } from '@/lib/server/database'
import { withCheckLetter } from '@/lib/domain/ssda903-rules/identifiers'
import { calendarDate, londonDate, shiftDate } from '@/lib/domain/time'

export const BENCH_PASSWORD = 'bench password only'

function rng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed / 2_147_483_648
  }
}

export async function generate(
  db: Database,
  sizes = { homes: 50, children: 2000, episodes: 100_000 },
  now = new Date(),
) {
  const prisma = db.prisma
  const random = rng(42)
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]
  const today = londonDate(now)
  const passwordHash = await hashPassword(BENCH_PASSWORD)
  const las = Array.from({ length: 10 }, (_, i) => ({
    id: `bla${i}`,
    name: `Bench Authority ${i}`,
    code: `8${String(i).padStart(2, '0')}`,
  }))
  await prisma.localAuthority.createMany({ data: las })
  const providers = Array.from({ length: 5 }, (_, i) => ({ id: `bpr${i}`, name: `Bench Provider ${i}` }))
  await prisma.provider.createMany({ data: providers })
  const homes = Array.from({ length: sizes.homes }, (_, i) => ({
    id: `bho${i}`,
    name: `Bench Home ${i}`,
    providerId: providers[i % 5].id,
    hostAuthorityId: las[i % 10].id,
    ofstedUrn: `SC8${String(i).padStart(5, '0')}`,
    addressLine1: `${i} Bench Road`,
    town: 'Benchton',
    postcode: `BE${i % 9} 1AA`,
  }))
  await prisma.home.createMany({ data: homes })
  const users: { id: string; name: string; email: string; passwordHash: string }[] = []
  const roles: {
    userId: string
    role: 'IRO' | 'SOCIAL_WORKER' | 'REGISTERED_MANAGER' | 'RESPONSIBLE_INDIVIDUAL' | 'LA_MISSING_LEAD'
    homeId?: string
    providerId?: string
    localAuthorityId?: string
  }[] = []
  const person = (
    id: string,
    role: (typeof roles)[number]['role'],
    org: { homeId?: string; providerId?: string; localAuthorityId?: string },
  ) => {
    users.push({ id, name: `Bench ${id}`, email: `${id}@bench.haven.test`, passwordHash })
    roles.push({ userId: id, role, ...org })
  }
  for (let i = 0; i < 40; i++) person(`biro${i}`, 'IRO', { localAuthorityId: las[i % 10].id })
  for (let i = 0; i < 100; i++) person(`bsw${i}`, 'SOCIAL_WORKER', { localAuthorityId: las[i % 10].id })
  for (const h of homes) person(`bman-${h.id}`, 'REGISTERED_MANAGER', { homeId: h.id })
  for (const la of las) person(`blead-${la.id}`, 'LA_MISSING_LEAD', { localAuthorityId: la.id })
  for (const p of providers) person(`bri-${p.id}`, 'RESPONSIBLE_INDIVIDUAL', { providerId: p.id })
  await prisma.user.createMany({ data: users })
  await prisma.roleAssignment.createMany({ data: roles })

  // the first IRO reviews 40 children who live in the homes now and go missing often: a couple of hundred open alerts
  const children = Array.from({ length: sizes.children }, (_, i) => {
    const home = homes[i % homes.length]
    const la = las[(i * 7) % 10]
    return {
      id: `bch${i}`,
      firstName: `Child${i}`,
      lastName: `Bench`,
      dateOfBirth: calendarDate(shiftDate(today, { years: -(12 + (i % 6)), days: -(i % 300) })),
      sex: i % 2 ? ('MALE' as const) : ('FEMALE' as const),
      ethnicity: 'WBRI',
      legalStatus: 'C2',
      authorityRef: `B${i}`,
      upn: withCheckLetter(`${la.code}${String(i).padStart(9, '0')}`),
      placingAuthorityId: la.id,
      iroId: i < 40 ? 'biro0' : `biro${1 + (i % 39)}`,
      socialWorkerId: `bsw${i % 100}`,
      homeId: home.id,
      hostAuthorityId: home.hostAuthorityId,
    }
  })
  await prisma.child.createMany({ data: children.map(({ homeId: _, hostAuthorityId: __, ...c }) => c) })
  await prisma.placement.createMany({
    data: children.map((c) => ({
      id: `bpl-${c.id}`,
      childId: c.id,
      homeId: c.homeId,
      areaAuthorityId: c.hostAuthorityId,
      outOfArea: c.hostAuthorityId !== c.placingAuthorityId,
      areaNotifiedOn: calendarDate(shiftDate(today, { days: -1090 })),
      startDate: calendarDate(shiftDate(today, { days: -1100 })),
      placeCode: 'K2',
      placeProvider: 'PR4',
    })),
  })
  // each child's period of care, as the SSDA903 return needs it
  const lookedAfterSince = calendarDate(shiftDate(today, { days: -1100 }))
  await prisma.periodOfCare.createMany({
    data: children.map((c) => ({
      id: `bpc-${c.id}`,
      childId: c.id,
      startDate: lookedAfterSince,
      homePostcode: 'BE1 2AB',
    })),
  })
  await prisma.legalStatusEntry.createMany({
    data: children.map((c) => ({
      periodOfCareId: `bpc-${c.id}`,
      startDate: lookedAfterSince,
      legalStatus: 'C2',
      categoryOfNeed: 'N1',
    })),
  })

  // most places, people and cars are named once; some recur (the dataset's shape is described in the README)
  const locations = Array.from({ length: 5000 }, (_, i) => ({
    id: `blo${i}`,
    name: `Bench Place ${i}`,
    kind: 'TAKEAWAY_OR_SHOP' as const,
    matchKey: `bench place ${i}`,
  }))
  await prisma.location.createMany({ data: locations })
  const associates = Array.from({ length: 5000 }, (_, i) => ({
    id: `bas${i}`,
    name: `Person ${i}`,
    matchKey: `name:${i} person|desc:`,
  }))
  await prisma.associate.createMany({ data: associates })
  const vehicles = Array.from({ length: 3000 }, (_, i) => ({
    id: `bve${i}`,
    registration: `BE${String(i % 100).padStart(2, '0')} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i / 26) % 26))}Y`,
    matchKey: `reg:BENCH${i}`,
  }))
  await prisma.vehicle.createMany({ data: vehicles })

  // 100,000 episodes: 50 per child during a year in their home (children come and go: about 13 live in a home at a
  // time); mostly short (a few hours), some for days; the first IRO's children go missing more in the last months
  const perChild = Math.floor(sizes.episodes / sizes.children)
  const DAY = 86_400_000
  const duration = () => {
    const r = random()
    return r < 0.7 ? 1 + random() * 5 : r < 0.95 ? 6 + random() * 18 : 24 + random() * 48
  }
  for (let start = 0; start < sizes.children; start += 100) {
    const episodes: object[] = []
    const interviews: object[] = []
    const episodeLocations: object[] = []
    const episodeAssociates: object[] = []
    const episodeVehicles: object[] = []
    for (const c of children.slice(start, start + 100)) {
      const frequent = c.iroId === 'biro0'
      const slot = Number(c.id.slice(3)) / homes.length // the child's place in their home's sequence of arrivals
      // the first IRO's children are living in their homes now; the others came and went over the years before
      let t = now.getTime() - 1095 * DAY + (frequent ? 729 * DAY : (slot % 40) * 18 * DAY)
      const step = (365 * DAY) / perChild
      for (let k = 0; k < perChild; k++) {
        const lastSeenAt = new Date(Math.min(t + random() * step * 0.8, now.getTime() - 2 * 3_600_000))
        t += step
        const hours = duration()
        const returnedAt = new Date(Math.min(lastSeenAt.getTime() + hours * 3_600_000, now.getTime() - 60_000))
        const id = randomUUID()
        episodes.push({
          id,
          childId: c.id,
          homeId: c.homeId,
          absenceType: random() < 0.7 ? 'MISSING' : 'AWAY',
          lastSeenAt,
          lastSeenPlace: 'The home',
          policeInformed: true,
          reportedById: `bman-${c.homeId}`,
          reportedAt: lastSeenAt,
          returnedAt,
          returnMethod: 'RETURNED_ALONE',
          returnRecordedAt: returnedAt,
          returnRecordedById: `bman-${c.homeId}`,
        })
        if (now.getTime() - lastSeenAt.getTime() < 200 * DAY) {
          const dueAt = new Date(returnedAt.getTime() + 72 * 3_600_000)
          const held = random() < (frequent ? 0.6 : 0.97)
          interviews.push({
            id: randomUUID(),
            episodeId: id,
            childId: c.id,
            dueAt,
            serviceAuthorityId: c.placingAuthorityId,
            offeredAt: held ? returnedAt : null,
            outcome: held ? 'HELD' : null,
            heldAt: held ? new Date(returnedAt.getTime() + (frequent && random() < 0.3 ? 100 : 24) * 3_600_000) : null,
            independenceDeclared: held ? true : null,
          })
        }
        if (random() < 0.03)
          episodeLocations.push({ id: randomUUID(), episodeId: id, locationId: pick(locations).id, role: 'FOUND' })
        if (random() < 0.02)
          episodeAssociates.push({ id: randomUUID(), episodeId: id, associateId: pick(associates).id })
        if (random() < 0.01) episodeVehicles.push({ id: randomUUID(), episodeId: id, vehicleId: pick(vehicles).id })
      }
    }
    await prisma.missingEpisode.createMany({ data: episodes as never })
    await prisma.returnInterview.createMany({ data: interviews as never })
    await prisma.episodeLocation.createMany({ data: episodeLocations as never })
    await prisma.episodeAssociate.createMany({ data: episodeAssociates as never })
    await prisma.episodeVehicle.createMany({ data: episodeVehicles as never })
  }
  // a live database's statistics are kept by autovacuum; a bulk load has none until analysed
  await prisma.$executeRawUnsafe('ANALYZE')
  return { children: children.length, episodes: await prisma.missingEpisode.count() }
}
