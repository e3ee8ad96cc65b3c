import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { calendarDate } from '@/lib/domain/time'
import { getPrisma } from '@/lib/server/database'
import {
  addEpisodeUpdate,
  amendEpisode,
  closeEpisode,
  currentEpisodes,
  getEpisode,
  linkEpisodes,
  listChildEpisodes,
  recordReturn,
  reportMissing,
} from '@/lib/server/episodes'
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors'
import { getChildPhoto, getGrabPack, recordGrabPackShare, saveGrabPack } from '@/lib/server/grab-packs'
import { listPlaces, mergePlaces } from '@/lib/server/places'
import { episodeUpdateSchema, recordReturnSchema, reportMissingSchema } from '@/lib/validation/episodes'
import { freshDatabase } from '../support/database'
import { makeChild, makeEpisode, makePerson, makeWorld, problems, type World } from '../support/fixtures'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

const report = (overrides: Record<string, unknown> = {}) =>
  reportMissingSchema.parse({
    absenceType: 'MISSING',
    lastSeenAt: '2026-11-20T22:30',
    lastSeenPlace: 'Willow House',
    clothing: 'Blue coat',
    policeInformed: 'yes',
    policeReference: 'NP-1',
    ...overrides,
  })
const back = (overrides: Record<string, unknown> = {}) =>
  recordReturnSchema.parse({ returnedAt: '2026-11-21T06:00', returnMethod: 'FOUND_BY_POLICE', ...overrides })

async function setUp() {
  const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Night Worker')
  const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Day Manager')
  const child = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
  return { worker, manager, child }
}

describe('reporting and following an episode', () => {
  it('records the first minute’s facts at the child’s home, in UTC, and the timeline in order', async () => {
    const { worker, child } = await setUp()
    const { id } = await reportMissing(worker, child.id, report())
    await addEpisodeUpdate(
      worker,
      id,
      episodeUpdateSchema.parse({ kind: 'POLICE_RISK_GRADE', at: '2026-11-20T23:30', riskGrade: 'LOW' }),
    )
    await addEpisodeUpdate(
      worker,
      id,
      episodeUpdateSchema.parse({
        kind: 'POLICE_RISK_GRADE',
        at: '2026-11-21T01:00',
        riskGrade: 'HIGH',
        text: 'Seen getting into a car',
      }),
    )
    const episode = await getEpisode(worker, id)
    expect(episode).toMatchObject({
      status: 'open',
      home: { id: world.homeA.id },
      lastSeenAt: '2026-11-20T22:30:00.000Z',
      clothing: 'Blue coat',
      policeRiskGrade: 'HIGH',
    })
    expect(episode.updates.map((u) => u.riskGrade)).toEqual(['LOW', 'HIGH'])
    expect((await listChildEpisodes(worker, child.id)).map((e) => e.id)).toEqual([id])
  })

  it('refuses a second open episode, even when two people report at the same moment', async () => {
    const { worker, manager, child } = await setUp()
    const results = await Promise.allSettled([
      reportMissing(worker, child.id, report()),
      reportMissing(manager, child.id, report()),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason).toBeInstanceOf(ValidationError)
    expect(await (await getPrisma()).missingEpisode.count({ where: { childId: child.id } })).toBe(1)
  })

  it('refuses a start inside an earlier episode, a future time, and updates before last seen', async () => {
    const { worker, child } = await setUp()
    await makeEpisode(child.id, {
      lastSeenAt: '2026-11-10T10:00:00Z',
      returnedAt: '2026-11-10T18:00:00Z',
      reportedById: worker.userId,
    })
    expect(
      (await problems(reportMissing(worker, child.id, report({ lastSeenAt: '2026-11-10T12:00' })))).lastSeenAt,
    ).toMatch(/overlaps an earlier episode/)
    expect(await problems(reportMissing(worker, child.id, report({ lastSeenAt: '2099-01-01T10:00' })))).toEqual({
      lastSeenAt: 'When last seen cannot be in the future',
    })
    const { id } = await reportMissing(worker, child.id, report())
    expect(
      (
        await problems(
          addEpisodeUpdate(worker, id, episodeUpdateSchema.parse({ kind: 'CALL', at: '2026-11-20T20:00', text: 'x' })),
        )
      ).at,
    ).toMatch(/before the child was last seen/)
  })
})

describe('impossible episodes are refused', () => {
  async function ellie() {
    const socialWorker = await makePerson(
      [{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }],
      'Ellie Social Worker',
    )
    const child = await makeChild({
      homeId: world.homeA.id,
      placingAuthorityId: world.laOne.id,
      firstName: 'Ellie',
      startDate: '2026-09-01',
      socialWorkerId: socialWorker.userId,
    })
    return { socialWorker, child }
  }
  const count = async (childId: string) => (await getPrisma()).missingEpisode.count({ where: { childId } })

  it('an episode must start during one of the child’s placements, and the refusal shows them', async () => {
    const { socialWorker, child } = await ellie()
    expect(await problems(reportMissing(socialWorker, child.id, report({ lastSeenAt: '2026-08-15T22:00' })))).toEqual({
      lastSeenAt: 'Haven has Ellie placed from 1 Sept 2026 (Willow House). An episode must start during a placement.',
    })
    expect(await count(child.id)).toBe(0)
    const { id } = await reportMissing(socialWorker, child.id, report({ lastSeenAt: '2026-09-01T08:00' }))
    const episode = await getEpisode(socialWorker, id)
    expect(episode.home).toMatchObject({ id: world.homeA.id })
    // a correction cannot move it out of the placement either
    expect(
      (
        await problems(
          amendEpisode(socialWorker, id, {
            field: 'lastSeenAt',
            value: '2026-08-31T23:00',
            reason: 'typo',
            version: episode.version,
          }),
        )
      ).value,
    ).toMatch(/placed from 1 Sept 2026 \(Willow House\)\. An episode must start during a placement/)
  })

  it('the return is recorded by the day the placement ended at the latest (SSDA903: an open period closes with the placement)', async () => {
    const { socialWorker, child } = await ellie()
    const prisma = await getPrisma()
    await prisma.placement.update({
      where: { id: child.placements[0].id },
      data: { endDate: calendarDate('2026-10-31'), endReason: 'E11' },
    })
    const open = await makeEpisode(child.id, { lastSeenAt: '2026-10-20T20:00:00Z', reportedById: socialWorker.userId })
    expect(
      (await problems(recordReturn(socialWorker, open.id, back({ returnedAt: '2026-11-05T10:00' })))).returnedAt,
    ).toBe(
      'Haven has Ellie placed from 1 Sept 2026 to 31 Oct 2026 (Willow House). The return must be by the day the placement ended (31 Oct 2026): an episode ends when the placement does.',
    )
    await recordReturn(socialWorker, open.id, back({ returnedAt: '2026-10-31T20:00' }))
    // an open episode reported now in that ended placement would stay open past it
    expect(
      (await problems(reportMissing(socialWorker, child.id, report({ lastSeenAt: '2026-10-31T21:00' })))).lastSeenAt,
    ).toMatch(/The placement ended on 31 Oct 2026: an episode during it is recorded with its return/)
  })

  it('an open episode never starts before a recorded episode ends; a back-dated one comes with its return', async () => {
    const { socialWorker, child } = await ellie()
    await makeEpisode(child.id, {
      lastSeenAt: '2026-11-10T10:00:00Z',
      returnedAt: '2026-11-10T18:00:00Z',
      reportedById: socialWorker.userId,
    })
    // before the earlier episode's return, and before it began: the child would be missing twice at once
    expect(
      (await problems(reportMissing(socialWorker, child.id, report({ lastSeenAt: '2026-11-10T09:00' })))).lastSeenAt,
    ).toBe(
      'There is a later episode (10 Nov, 10:00 to 10 Nov, 18:00). An episode from this time would still be open then: record it together with when the child returned',
    )
    expect(await count(child.id)).toBe(1)
    // with a return that runs into the later episode: refused on the return
    expect(
      await problems(
        reportMissing(
          socialWorker,
          child.id,
          report({
            lastSeenAt: '2026-11-09T09:00',
            return: { returnedAt: '2026-11-10T11:00', returnMethod: 'RETURNED_ALONE' },
          }),
        ),
      ),
    ).toEqual({
      'return.returnedAt':
        'This overlaps a later episode (10 Nov, 10:00 to 10 Nov, 18:00): the return cannot be after it began',
    })
    // with its return before the later one: recorded, returned, with its interview due
    const { id } = await reportMissing(
      socialWorker,
      child.id,
      report({
        lastSeenAt: '2026-11-09T09:00',
        return: { returnedAt: '2026-11-09T21:00', returnMethod: 'RETURNED_ALONE' },
      }),
    )
    expect(await getEpisode(socialWorker, id)).toMatchObject({
      status: 'returned',
      return: { returnedAt: '2026-11-09T21:00:00.000Z', method: 'RETURNED_ALONE' },
    })
    expect(await (await getPrisma()).returnInterview.count({ where: { episodeId: id } })).toBe(1)
  })
})

describe('the return', () => {
  it('cannot be before the last sighting; places, people and cars typed differently become one record', async () => {
    const { worker, child } = await setUp()
    const other = await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laTwo.id })
    const otherWorker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeB.id }], 'Birch Worker')
    const { id } = await reportMissing(worker, child.id, report())
    await addEpisodeUpdate(
      worker,
      id,
      episodeUpdateSchema.parse({ kind: 'SIGHTING', at: '2026-11-21T02:00', text: 'Seen at the take-away' }),
    )
    expect((await problems(recordReturn(worker, id, back({ returnedAt: '2026-11-21T01:00' })))).returnedAt).toMatch(
      /before the last sighting/,
    )

    await recordReturn(
      worker,
      id,
      back({
        foundLocation: { name: 'Kebab King, Station Rd.', kind: 'TAKEAWAY_OR_SHOP' },
        associates: [{ name: 'Jay Smith' }],
        vehicles: [{ registration: 'ab12 cde' }],
        hungry: true,
      }),
    )
    const second = await reportMissing(otherWorker, other.id, report({ lastSeenPlace: 'Birch Lodge' }))
    await recordReturn(
      otherWorker,
      second.id,
      back({
        foundLocation: { name: 'kebab king station road' },
        associates: [{ name: 'smith jay' }],
        vehicles: [{ registration: 'AB12CDE', description: 'silver car' }],
      }),
    )

    const first = await getEpisode(worker, id)
    const secondView = await getEpisode(otherWorker, second.id)
    expect(first.return).toMatchObject({
      method: 'FOUND_BY_POLICE',
      hungry: true,
      vehicles: [{ registration: 'AB12 CDE' }],
    })
    expect(secondView.return!.foundLocation!.id).toBe(first.return!.foundLocation!.id)
    expect(secondView.return!.associates[0].id).toBe(first.return!.associates[0].id)
    expect(secondView.return!.vehicles[0].id).toBe(first.return!.vehicles[0].id)
    expect(first.durationMinutes).toBe(7 * 60 + 30)
    expect((await problems(recordReturn(worker, id, back()))).form).toMatch(/already been recorded/)
  })
})

describe('recognising places, people and vehicles', () => {
  it('links only what is certainly the same, and each episode keeps what was typed for its child', async () => {
    const { worker, child } = await setUp()
    const other = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    const first = await reportMissing(worker, child.id, report({ lastSeenAt: '2026-10-01T10:00' }))
    await recordReturn(
      worker,
      first.id,
      back({
        returnedAt: '2026-10-01T12:00',
        foundLocation: { name: "McDonald's", postcode: 'M1 1AA' },
        associates: [{ name: 'Jay', description: 'her uncle' }],
        vehicles: [{ description: 'silver car' }],
      }),
    )
    const second = await reportMissing(worker, other.id, report({ lastSeenAt: '2026-10-02T10:00' }))
    await recordReturn(
      worker,
      second.id,
      back({
        returnedAt: '2026-10-02T12:00',
        foundLocation: { name: "McDonald's", postcode: 'NS4 7QD' },
        associates: [{ name: 'Jay', description: 'older man with a car' }],
        vehicles: [{ description: 'silver car' }, { registration: 'AB1' }],
      }),
    )
    const [a, b] = [(await getEpisode(worker, first.id)).return!, (await getEpisode(worker, second.id)).return!]
    expect(b.foundLocation!.id).not.toBe(a.foundLocation!.id) // same name, different postcodes
    expect(b.associates[0].id).not.toBe(a.associates[0].id) // a name is not an identity
    expect(b.vehicles[0].id).not.toBe(a.vehicles[0].id) // a description is not a vehicle
    expect(b.associates[0].description).toBe('older man with a car') // never the other child's words
    expect(a.associates[0].description).toBe('her uncle')
  })
})

describe('corrections and review', () => {
  it('an amendment keeps the old value beside the new, refuses a stale version and overlapping times', async () => {
    const { worker, manager, child } = await setUp()
    const earlier = await makeEpisode(child.id, {
      lastSeenAt: '2026-11-18T10:00:00Z',
      returnedAt: '2026-11-18T12:00:00Z',
      reportedById: worker.userId,
    })
    const { id } = await reportMissing(worker, child.id, report())
    let episode = await getEpisode(worker, id)
    await amendEpisode(worker, id, {
      field: 'clothing',
      value: 'Blue coat, red scarf',
      reason: 'Night staff remembered the scarf',
      version: episode.version,
    })
    expect(
      await problems(
        amendEpisode(manager, id, { field: 'clothing', value: 'Green coat', reason: 'x', version: episode.version }),
      ),
    ).toHaveProperty('form')
    episode = await getEpisode(worker, id)
    expect(episode.clothing).toBe('Blue coat, red scarf')
    expect(episode.amendments).toMatchObject([
      {
        field: 'clothing',
        previousValue: 'Blue coat',
        newValue: 'Blue coat, red scarf',
        reason: 'Night staff remembered the scarf',
      },
    ])
    expect(
      (
        await problems(
          amendEpisode(worker, id, {
            field: 'lastSeenAt',
            value: '2026-11-18T11:00',
            reason: 'typo',
            version: episode.version,
          }),
        )
      ).value,
    ).toMatch(/overlap/)
    expect(
      (
        await problems(
          amendEpisode(worker, id, {
            field: 'returnedAt',
            value: '2026-11-21T11:00',
            reason: 'typo',
            version: episode.version,
          }),
        )
      ).value,
    ).toMatch(/not been recorded/)
    expect(earlier.id).toBeTruthy()
  })

  it('only the manager of the home closes a returned episode, once', async () => {
    const { worker, manager, child } = await setUp()
    const otherManager = await makePerson(
      [
        { role: 'REGISTERED_MANAGER', homeId: world.homeB.id },
        { role: 'REGISTERED_MANAGER', homeId: world.homeA.id },
      ],
      'Two Homes Manager',
    )
    const stranger = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeC.id }], 'Cedar Manager')
    const { id } = await reportMissing(worker, child.id, report())
    let episode = await getEpisode(manager, id)
    expect((await problems(closeEpisode(manager, id, { reviewNote: 'ok', version: episode.version }))).form).toMatch(
      /Record the return/,
    )
    await recordReturn(worker, id, back())
    episode = await getEpisode(manager, id)
    await expect(closeEpisode(stranger, id, { reviewNote: 'ok', version: episode.version })).rejects.toThrow(
      NotFoundError,
    )
    await expect(closeEpisode(worker, id, { reviewNote: 'ok', version: episode.version })).rejects.toThrow(
      NotFoundError,
    )
    await closeEpisode(otherManager, id, {
      reviewNote: 'Reviewed with the child and her social worker',
      version: episode.version,
    })
    expect((await getEpisode(manager, id)).review).toMatchObject({
      note: 'Reviewed with the child and her social worker',
      closedBy: { name: 'Two Homes Manager' },
    })
    expect(
      (await problems(closeEpisode(manager, id, { reviewNote: 'again', version: episode.version + 1 }))).form,
    ).toMatch(/already been reviewed/)
    void ForbiddenError
  })
})

describe('went with', () => {
  it('links two children of the same home missing at the same time, and names the other child only to those who may see them', async () => {
    const { worker, child } = await setUp()
    const friend = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laTwo.id })
    const elsewhere = await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laOne.id })
    const iro = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Child IRO')
    await (await getPrisma()).child.update({ where: { id: child.id }, data: { iroId: iro.userId } })
    const a = await reportMissing(worker, child.id, report())
    const b = await reportMissing(
      worker,
      friend.id,
      report({ lastSeenAt: '2026-11-20T22:35', wentWithEpisodeId: a.id }),
    )
    const c = await makeEpisode(elsewhere.id, { lastSeenAt: '2026-11-20T22:30:00Z', reportedById: worker.userId })
    expect((await getEpisode(worker, a.id)).wentWith).toEqual([
      { episodeId: b.id, childId: friend.id, name: `${friend.firstName} Test` },
    ])
    expect((await getEpisode(iro, a.id)).wentWith).toEqual([
      { episodeId: null, childId: null, name: 'Another child (not in your view)' },
    ])
    // not in their home: not theirs to see
    await expect(linkEpisodes(worker, a.id, c.id)).rejects.toThrow(NotFoundError)
    expect((await problems(linkEpisodes(worker, a.id, b.id))).otherEpisodeId).toMatch(/already linked/)
  })
})

describe('places', () => {
  it('a manager merges two records; episodes naming either then name the one kept', async () => {
    const { worker, manager, child } = await setUp()
    const one = await reportMissing(worker, child.id, report({ lastSeenAt: '2026-11-01T10:00' }))
    await recordReturn(
      worker,
      one.id,
      back({ returnedAt: '2026-11-01T12:00', foundLocation: { name: 'Riverside Park' } }),
    )
    const two = await reportMissing(worker, child.id, report({ lastSeenAt: '2026-11-02T10:00' }))
    await recordReturn(
      worker,
      two.id,
      back({ returnedAt: '2026-11-02T12:00', foundLocation: { name: 'Riverside Prak' } }),
    )
    const before = await listPlaces(manager)
    // looking at the places linked to children is recorded, as any read of their records is
    expect(
      await (
        await getPrisma()
      ).auditEvent.findFirst({ where: { actorId: manager.userId, action: 'place.list' }, select: { details: true } }),
    ).toMatchObject({ details: { places: before.location.length } })
    const suggestion = before.suggestions.find(
      (s) => s.kind === 'location' && [s.a.label, s.b.label].sort().join() === 'Riverside Park,Riverside Prak',
    )!
    expect(suggestion).toBeDefined()
    const keep = suggestion.a.label === 'Riverside Park' ? suggestion.a : suggestion.b
    const merge = keep === suggestion.a ? suggestion.b : suggestion.a
    await expect(mergePlaces(worker, { kind: 'location', keepId: keep.id, mergeId: merge.id })).rejects.toThrow(
      ForbiddenError,
    )
    const prisma = await getPrisma()
    const earlier = await prisma.alert.create({
      data: {
        rule: 'recurring-place',
        subjectKey: `location:${merge.id}`,
        severity: 'warning',
        title: 'The same place',
        summary: 'Named 3 times',
        evidence: { episodeIds: [] },
        childIds: [child.id],
        homeIds: [],
        openedAt: new Date(),
        updatedAt: new Date(),
      },
    })
    await mergePlaces(manager, { kind: 'location', keepId: keep.id, mergeId: merge.id })
    // an alert about the merged-away record is closed, saying why
    expect(await prisma.alert.findUniqueOrThrow({ where: { id: earlier.id } })).toMatchObject({
      status: 'RESOLVED',
      resolutionReason: expect.stringMatching(/^Merged into the record kept/),
    })
    // it now counts as the kept record, and still shows what was typed for this child
    expect((await getEpisode(worker, two.id)).return!.foundLocation).toMatchObject({
      id: keep.id,
      name: 'Riverside Prak',
    })
    const after = await listPlaces(manager)
    expect(after.location.find((l) => l.id === keep.id)).toMatchObject({ episodes: 2, children: 1 })
    expect(after.location.find((l) => l.id === merge.id)).toBeUndefined()
  })
})

describe('the grab pack', () => {
  const picture = () => sharp({ create: { width: 4, height: 2, channels: 3, background: '#3366aa' } })
  let PNG: Uint8Array
  beforeAll(async () => {
    PNG = await picture().png().toBuffer()
  })
  const pack = {
    description: 'Tall, short black hair',
    friendsAndAssociates: null,
    placesTheyGo: 'Riverside Park',
    phoneNumbers: null,
    socialMedia: null,
    medicalNeeds: null,
    vulnerabilities: null,
    transport: null,
    addresses: null,
    bankCardsAndMoney: null,
    nationality: null,
    immigrationStatus: null,
  }

  it('warns about victim-blaming words in its free text, and saves it anyway', async () => {
    const { worker, child } = await setUp()
    const saved = await saveGrabPack(
      worker,
      child.id,
      { ...pack, vulnerabilities: 'Streetwise; absconded twice, places herself at risk', phoneNumbers: '07700 900123' },
      null,
    )
    expect(saved.warnings.map((w) => [w.field, w.rule])).toEqual([
      ['vulnerabilities', 'at-risk-themselves'],
      ['vulnerabilities', 'absconded'],
      ['vulnerabilities', 'streetwise'],
    ])
    expect((await getGrabPack(worker, child.id)).current).toMatchObject({
      version: saved.version,
      vulnerabilities: 'Streetwise; absconded twice, places herself at risk',
    })
  })

  it('is versioned, keeps its photo, refuses a file that is not an image, and is shared with the police on record', async () => {
    const { worker, child } = await setUp()
    const stranger = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeC.id }], 'Other Home Worker')
    expect(
      await problems(saveGrabPack(worker, child.id, pack, { bytes: new TextEncoder().encode('%PDF-1.4') })),
    ).toEqual({ photo: 'The photo must be a JPEG, PNG or WebP image' })
    await saveGrabPack(worker, child.id, pack, { bytes: PNG })
    await saveGrabPack(worker, child.id, { ...pack, description: 'Tall, short black hair, now with a fade' }, null)
    const loaded = await getGrabPack(worker, child.id)
    expect(loaded.current).toMatchObject({ version: 2, description: 'Tall, short black hair, now with a fade' })
    expect(loaded.older.map((p) => p.version)).toEqual([1])
    expect(loaded.current!.photoId).toBe(loaded.older[0].photoId)
    const photo = await getChildPhoto(worker, child.id, loaded.current!.photoId!)
    expect(photo.contentType).toBe('image/png')
    await expect(getChildPhoto(stranger, child.id, loaded.current!.photoId!)).rejects.toThrow(NotFoundError)

    const { id } = await reportMissing(worker, child.id, report())
    await recordGrabPackShare(worker, id, { policeForce: 'Northshire Police', reference: 'NP-1' })
    expect((await getEpisode(worker, id)).grabPackShares).toMatchObject([
      { policeForce: 'Northshire Police', reference: 'NP-1', sharedBy: { name: 'Night Worker' } },
    ])
  })

  it('gives others the picture alone: no GPS location, camera details or comment, turned upright, also for photos stored before', async () => {
    const { worker, child } = await setUp()
    // taken on its side at a relative's home (51.5 N, 0.12 W), as a phone would tag it
    const tagged = await picture()
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { Make: 'PhoneCo', ImageDescription: 'Nan and Grandad house' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 12/1' },
      })
      .toBuffer()
    const before = await sharp(tagged).metadata()
    expect(before.exif?.toString('latin1')).toContain('PhoneCo') // the fixture really carries its metadata
    expect(before.orientation).toBe(6)
    const gpsTag = Buffer.from([0x25, 0x88]) // the EXIF pointer to the GPS fields (0x8825, little-endian as written)
    expect(before.exif?.includes(gpsTag)).toBe(true)
    const servedBack = async (photoId: string) => {
      const photo = await getChildPhoto(worker, child.id, photoId)
      const meta = await sharp(photo.bytes).metadata()
      expect(photo.contentType).toBe('image/jpeg')
      expect(meta).toMatchObject({ format: 'jpeg', width: 2, height: 4 }) // rotated as the camera said
      expect(meta.exif).toBeUndefined()
      expect(meta.xmp).toBeUndefined()
      expect(meta.icc).toBeUndefined()
      expect(meta.comments).toBeUndefined()
      expect(Buffer.from(photo.bytes).toString('latin1')).not.toContain('Nan and Grandad')
    }
    await saveGrabPack(worker, child.id, pack, { bytes: tagged })
    const pack1 = await getGrabPack(worker, child.id)
    const stored = await (await getPrisma()).childPhoto.findUniqueOrThrow({ where: { id: pack1.current!.photoId! } })
    expect(await sharp(stored.bytes).metadata()).not.toHaveProperty('exif') // cleaned before it was kept
    await servedBack(stored.id)
    // a photo kept as uploaded, before photos were cleaned on upload
    const old = await (
      await getPrisma()
    ).childPhoto.create({
      data: {
        childId: child.id,
        contentType: 'image/jpeg',
        bytes: tagged,
        sizeBytes: tagged.length,
        uploadedAt: new Date(),
        uploadedById: worker.userId,
      },
    })
    await servedBack(old.id)
  })

  it('refuses a file that looks like an image but cannot be read as one', async () => {
    const { worker, child } = await setUp()
    const broken = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    expect(await problems(saveGrabPack(worker, child.id, pack, { bytes: broken }))).toEqual({
      photo: 'The photo could not be read as an image: it may be damaged. Try another copy.',
    })
  })
})

describe('who is missing now (dashboards and the home page)', () => {
  it('past the limit, shows the newest reports and counts every child missing: none is dropped silently', async () => {
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeC.id }], 'Busy Manager')
    const reporter = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeC.id }], 'Busy Worker')
    const now = new Date('2026-12-01T12:00:00Z')
    const before = (await currentEpisodes(manager, now)).openTotal
    for (const lastSeenAt of ['2026-11-28T10:00:00Z', '2026-11-29T10:00:00Z', '2026-11-30T10:00:00Z']) {
      const child = await makeChild({ homeId: world.homeC.id, placingAuthorityId: world.laTwo.id })
      await makeEpisode(child.id, { reportedById: reporter.userId, lastSeenAt })
    }
    const { open, openTotal } = await currentEpisodes(manager, now, 2)
    expect(openTotal).toBe(before + 3)
    // the two newest, shown the longest missing first
    expect(open.map((e) => e.lastSeenAt)).toEqual(['2026-11-29T10:00:00.000Z', '2026-11-30T10:00:00.000Z'])
  })
})
