// The places, people and vehicles on a child's missing protocol, linked to Haven's records.
import { beforeAll, describe, expect, it } from 'vitest'
import { GET as protocolsGet } from '@/app/api/v1/children/[id]/missing-protocols/route'
import { issueApiToken } from '@/lib/server/api-tokens'
import { getPrisma } from '@/lib/server/database'
import { reportMissing } from '@/lib/server/episodes'
import { getEpisodeProtocol } from '@/lib/server/episode-protocol'
import { createProtocolVersion, getMissingProtocols } from '@/lib/server/missing-protocols'
import { listPlaces } from '@/lib/server/places'
import { knownRecordChoices } from '@/lib/server/protocol-places'
import { reportMissingSchema } from '@/lib/validation/episodes'
import { protocolSchema } from '@/lib/validation/missing-protocols'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makeChild, makePerson, makeWorld, problems, type World } from '../support/fixtures'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

const NOW = new Date('2026-12-03T12:00:00Z')
const protocol = (overrides: Record<string, unknown> = {}) =>
  protocolSchema.parse({
    whenMissing: 'Not back 30 minutes after her agreed time',
    callPoliceAtOnce: 'Seen getting into a car with adults she does not know',
    whereToLook: 'Riverside Park',
    childsView: 'Ring me first',
    steps: [{ text: 'Ring her phone' }],
    toTell: [{ who: 'POLICE' }],
    reviewDate: '2027-02-01',
    basedOnVersion: 0,
    ...overrides,
  })

describe('known places, people and vehicles on a missing protocol', () => {
  it('links typed ones to records, lets a colleague choose them for another child, and shows them on the episode', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Kay Worker')
    const elsewhere = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeB.id }], 'Bea Birch')
    const first = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id, firstName: 'Ava' })
    const second = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id, firstName: 'Bo' })

    await createProtocolVersion(
      worker,
      first.id,
      protocol({
        knownPlacesAndPeople: 'Her aunt’s flat, address not known',
        knownRecords: [
          { kind: 'location', name: 'Chicken Cottage', detail: 'nx1 2ab' },
          { kind: 'associate', name: 'Dean', detail: 'Older man, drives a silver car' },
          { kind: 'vehicle', name: 'ab12 cde', detail: 'Silver hatchback' },
        ],
      }),
      NOW,
    )
    const [v1] = (await getMissingProtocols(worker, first.id, NOW)).versions
    // what is not a record yet stays as it was typed
    expect(v1.knownPlacesAndPeople).toBe('Her aunt’s flat, address not known')
    expect(v1.knownRecords).toMatchObject([
      { kind: 'location', label: 'Chicken Cottage', detail: 'NX1 2AB' },
      { kind: 'associate', label: 'Dean', detail: 'Older man, drives a silver car' },
      { kind: 'vehicle', label: 'AB12 CDE', detail: 'Silver hatchback' },
    ])

    // a colleague writing another child's protocol chooses the same records; no copy is made
    const choices = await knownRecordChoices(worker, second.id, NOW)
    expect(choices.map((c) => c.label).sort()).toEqual(['AB12 CDE', 'Chicken Cottage', 'Dean'])
    const cottage = v1.knownRecords[0]
    await createProtocolVersion(
      worker,
      second.id,
      protocol({ knownRecords: [{ kind: 'location', recordId: cottage.id }] }),
      NOW,
    )
    const [other] = (await getMissingProtocols(worker, second.id, NOW)).versions
    expect(other.knownRecords).toEqual([
      { kind: 'location', id: cottage.id, label: 'Chicken Cottage', detail: 'NX1 2AB' },
    ])
    expect(await (await getPrisma()).location.count({ where: { name: 'Chicken Cottage' } })).toBe(1)
    const places = await listPlaces(worker, NOW)
    expect(places.location.find((l) => l.id === cottage.id)).toMatchObject({ children: 2, episodes: 0 })

    // the episode page and the grab pack show them
    const episode = await reportMissing(
      worker,
      first.id,
      reportMissingSchema.parse({
        absenceType: 'MISSING',
        lastSeenAt: '2026-12-03T10:00:00Z',
        lastSeenPlace: 'The home',
        policeInformed: 'no',
      }),
      NOW,
    )
    const around = await getEpisodeProtocol(worker, episode.id, NOW)
    expect(around.protocol?.knownRecords.map((r) => r.label)).toEqual(['Chicken Cottage', 'Dean', 'AB12 CDE'])
    expect(around.protocol?.knownPlacesAndPeople).toBe('Her aunt’s flat, address not known')

    // someone who cannot see these children cannot choose their records, nor see them offered
    const theirs = await makeChild({ homeId: world.homeB.id, placingAuthorityId: world.laTwo.id })
    expect(await knownRecordChoices(elsewhere, theirs.id, NOW)).toEqual([])
    expect(
      await problems(
        createProtocolVersion(
          elsewhere,
          theirs.id,
          protocol({ knownRecords: [{ kind: 'location', recordId: cottage.id }] }),
          NOW,
        ),
      ),
    ).toEqual({ 'knownRecords.0.recordId': 'Choose one of the records in the list' })
    expect((await getMissingProtocols(elsewhere, theirs.id, NOW)).versions).toEqual([])
  })

  it('asks for a name when a row has neither a record chosen nor anything typed', () => {
    const parsed = protocolSchema.safeParse({ ...protocol(), knownRecords: [{ kind: 'location', detail: 'NX1 2AB' }] })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['knownRecords.0.name', 'Choose a record from the list, or type its name'],
    ])
  })

  it('answers the linked records through the API, and protocols written before keep their text', async () => {
    const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Al Api')
    const child = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id })
    await createProtocolVersion(worker, child.id, protocol({ knownPlacesAndPeople: 'The bus station' }), NOW)
    const { token } = await issueApiToken({ email: worker.email, password: FIXTURE_PASSWORD, ip: null })
    const response = await protocolsGet(
      new Request(`http://haven.test/api/v1/children/${child.id}/missing-protocols`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ id: child.id }) },
    )
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.versions[0]).toMatchObject({ knownPlacesAndPeople: 'The bus station', knownRecords: [] })
  })
})
