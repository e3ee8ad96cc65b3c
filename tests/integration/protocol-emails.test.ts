// The missing protocol's e-mail addresses told by Haven through the outbox, sent by the real dispatcher to a real
// SMTP receiver: once per address and event, no name and no link, with the delivery shown on the episode page and
// the administrator's outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { episodeReference } from '@/lib/domain/missing-protocols'
import { getPrisma } from '@/lib/server/database'
import { deliverDue, resetMailerForTests } from '@/lib/server/dispatcher'
import { getEpisodeProtocol } from '@/lib/server/episode-protocol'
import { recordReturn, reportMissing } from '@/lib/server/episodes'
import { setHomePhone } from '@/lib/server/homes'
import { approveProtocol, createProtocolVersion, getMissingProtocols } from '@/lib/server/missing-protocols'
import { dispatcherState, retryDelivery } from '@/lib/server/outbox'
import { outsiderEmailBody, tellProtocolEmails } from '@/lib/server/protocol-emails'
import { recordReturnSchema, reportMissingSchema } from '@/lib/validation/episodes'
import { protocolSchema } from '@/lib/validation/missing-protocols'
import { freshDatabase } from '../support/database'
import { makeChild, makePerson, makeWorld, type World } from '../support/fixtures'
import { startSmtpReceiver } from '../support/smtp'

let world: World
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
  smtp = await startSmtpReceiver()
  process.env.HAVEN_SMTP_URL = smtp.url
  resetMailerForTests()
})
afterAll(async () => {
  delete process.env.HAVEN_SMTP_URL
  resetMailerForTests()
  await smtp.close()
})

const NOW = new Date('2026-12-03T12:00:00Z')
const LATER = new Date('2026-12-03T18:00:00Z')
const EDT = 'edt@northshire-council.example'
const COORDINATOR = 'missing.coordinator@southborough.example'

const protocol = (toTell: unknown[]) =>
  protocolSchema.parse({
    whenMissing: 'Not back 30 minutes after her agreed time',
    callPoliceAtOnce: 'Seen getting into a car with adults she does not know',
    whereToLook: 'Riverside Park',
    childsView: 'Ring me first',
    steps: [{ text: 'Ring her phone' }],
    toTell,
    reviewDate: '2027-02-01',
    basedOnVersion: 0,
  })

const TO_TELL = [
  { who: 'POLICE', contact: '101' },
  { who: 'EMERGENCY_DUTY_TEAM', contact: '0300 555 0101', email: ' EDT@Northshire-Council.example ' },
  { who: 'HOST_AUTHORITY', name: 'Missing coordinator', email: COORDINATOR },
]

async function setUp(firstName: string, signed = true) {
  const socialWorker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Sam Social')
  const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Mo Manager')
  const worker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Kay Worker')
  const child = await makeChild({
    homeId: world.homeA.id,
    placingAuthorityId: world.laOne.id,
    socialWorkerId: socialWorker.userId,
    firstName,
    startDate: '2026-01-05',
  })
  const { id } = await createProtocolVersion(worker, child.id, protocol(TO_TELL), NOW)
  if (signed) {
    await approveProtocol(socialWorker, id, 'protocol.agree', NOW)
    await approveProtocol(manager, id, 'protocol.signoff', NOW)
  }
  return { worker, child }
}

const report = (at: string) =>
  reportMissingSchema.parse({ absenceType: 'MISSING', lastSeenAt: at, lastSeenPlace: 'The home', policeInformed: 'no' })

/** Runs the dispatcher until nothing more is due. */
async function drain(at = new Date()) {
  const total = { sent: 0, failed: 0, skipped: 0 }
  for (;;) {
    const r = await deliverDue(at)
    if (r.sent + r.failed + r.skipped === 0) return total
    total.sent += r.sent
    total.failed += r.failed
    total.skipped += r.skipped
  }
}

const to = (address: string) => smtp.received.filter((m) => m.to.includes(address))
/** A message's text, without its headers (a line of 78 characters or more comes quoted-printable: read back). */
const text = (raw: string) => {
  const body = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n')
  if (!/^Content-Transfer-Encoding: quoted-printable/im.test(raw)) return body
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

describe("the protocol's e-mail addresses", () => {
  it('are told when the child is reported and when they come back, once each, without a name or a link', async () => {
    const { worker, child } = await setUp('Rosalind')
    const episode = await reportMissing(worker, child.id, report('2026-12-03T10:00'), NOW)

    // a told record for each, by Haven, at the time it was queued; waiting to be sent
    let view = await getEpisodeProtocol(worker, episode.id, NOW)
    const byEmail = view.told.filter((t) => t.email)
    expect(byEmail).toHaveLength(2)
    expect(byEmail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          who: 'EMERGENCY_DUTY_TEAM',
          email: EDT,
          by: null,
          method: 'HAVEN',
          delivery: 'waiting',
        }),
        expect.objectContaining({ who: 'HOST_AUTHORITY', name: 'Missing coordinator', email: COORDINATOR }),
      ]),
    )
    expect(byEmail[0].toldAt).toEqual(NOW)
    expect(view.protocol.toTell.map((t) => [t.contact.who, t.told?.delivery ?? null])).toEqual([
      ['POLICE', null],
      ['EMERGENCY_DUTY_TEAM', 'waiting'],
      ['HOST_AUTHORITY', 'waiting'],
    ])

    await drain()
    const [mail] = to(EDT)
    expect(to(EDT)).toHaveLength(1)
    expect(to(COORDINATOR)).toHaveLength(1)
    expect(mail.subject).toBe('Haven: something needs your attention')
    expect(text(mail.raw)).toContain('Something about R.T. needs your attention.')
    expect(text(mail.raw)).toContain(
      `Please ring Willow House, Testtown and give the reference ${episodeReference(episode.id)}.`,
    )
    expect(text(mail.raw)).not.toMatch(/Rosalind|missing|http|sign in/i)
    view = await getEpisodeProtocol(worker, episode.id, NOW)
    expect(view.told.filter((t) => t.email).map((t) => t.delivery)).toEqual(['sent', 'sent'])

    // queued again for the same event (a retry, a second call): nobody is e-mailed twice
    const prisma = await getPrisma()
    const episodeRow = await prisma.missingEpisode.findUniqueOrThrow({ where: { id: episode.id } })
    expect(await prisma.$transaction((tx) => tellProtocolEmails(tx, episodeRow, 'episode.opened', NOW))).toBe(0)
    expect(await drain()).toMatchObject({ sent: 0 })

    // the return is a second event: one more e-mail each, with the same minimal words
    await recordReturn(
      worker,
      episode.id,
      recordReturnSchema.parse({ returnedAt: '2026-12-03T17:00', returnMethod: 'RETURNED_ALONE' }),
      LATER,
    )
    await drain()
    expect(to(EDT)).toHaveLength(2)
    expect(text(to(EDT)[1].raw)).not.toMatch(/Rosalind|came back|return|http/i)
    expect(new Set(to(EDT).map((m) => m.messageId)).size).toBe(2)
    view = await getEpisodeProtocol(worker, episode.id, LATER)
    expect(view.told.filter((t) => t.email)).toHaveLength(4)
  })

  it('are not e-mailed from a version that is not agreed and signed off, and old protocols without them still read', async () => {
    const { worker, child } = await setUp('Imogen', false)
    const episode = await reportMissing(worker, child.id, report('2026-12-03T10:00'), NOW)
    const prisma = await getPrisma()
    expect(
      await prisma.notification.count({ where: { link: `/episodes/${episode.id}`, recipientEmail: { not: null } } }),
    ).toBe(0)
    const view = await getEpisodeProtocol(worker, episode.id, NOW)
    expect(view.protocol.toTell.map((t) => t.told)).toEqual([null, null, null])

    // a version written before e-mail addresses were asked for
    await prisma.missingProtocol.updateMany({
      where: { childId: child.id },
      data: { toTell: [{ who: 'PARENT', name: 'Her dad', contact: '07700 900123' }] },
    })
    const read = await getMissingProtocols(worker, child.id, NOW)
    expect(read.versions[0].toTell).toEqual([{ who: 'PARENT', name: 'Her dad', contact: '07700 900123', email: null }])
  })

  it('are held by the database to one recipient each, and one e-mail per address and event', async () => {
    const prisma = await getPrisma()
    const user = await makePerson([{ role: 'IRO' }], 'Ida Iro')
    const row = { kind: 'episode.opened', title: 'x', body: 'x', link: '/episodes/one' }
    await expect(prisma.notification.create({ data: row })).rejects.toThrow(/Notification_one_recipient/)
    await expect(
      prisma.notification.create({ data: { ...row, recipientId: user.userId, recipientEmail: EDT } }),
    ).rejects.toThrow(/Notification_one_recipient/)
    await prisma.notification.create({ data: { ...row, recipientEmail: EDT } })
    await expect(prisma.notification.create({ data: { ...row, recipientEmail: EDT } })).rejects.toThrow(/Unique/i)
  })

  it('refuses an address in the wrong format, naming the field', () => {
    const parsed = protocolSchema.safeParse({
      ...protocol([]),
      toTell: [{ who: 'PARENT', email: 'her mum at home' }],
    })
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['toTell.0.email', 'Enter an e-mail address in the right format, like name@example.org'],
    ])
  })

  it("say which number to ring once the home has a phone number, and only the home's name before", async () => {
    const home = { name: 'Willow House', town: 'Testtown' }
    expect(outsiderEmailBody('A.G.', home, 'M-1A2B3C4D')).toContain(
      'Please ring Willow House, Testtown and give the reference M-1A2B3C4D.',
    )
    expect(outsiderEmailBody('A.G.', { ...home, phone: null }, 'M-1A2B3C4D')).toContain(
      'Please ring Willow House, Testtown and give the reference M-1A2B3C4D.',
    )
    expect(outsiderEmailBody('A.G.', { ...home, phone: '0114 496 0123' }, 'M-1A2B3C4D')).toContain(
      'Please ring Willow House, Testtown, on 0114 496 0123, and give the reference M-1A2B3C4D.',
    )
    expect(outsiderEmailBody('A.G.', null, 'M-1A2B3C4D')).toContain(
      'Please ring the home that looks after them and give the reference M-1A2B3C4D.',
    )

    // the manager sets the number; the next e-mail gives it
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Mo Manager')
    await setHomePhone(manager, world.homeA.id, { phone: '0114 496 0123' })
    const { worker, child } = await setUp('Beatrice')
    const episode = await reportMissing(worker, child.id, report('2026-12-03T10:00'), NOW)
    await drain()
    const mail = to(EDT).find((m) => text(m.raw).includes(episodeReference(episode.id)))!
    expect(text(mail.raw)).toContain(
      `Please ring Willow House, Testtown, on 0114 496 0123, and give the reference ${episodeReference(episode.id)}.`,
    )
    await setHomePhone(manager, world.homeA.id, { phone: null })
  })

  it('that fails is shown as failed, not told; the administrator sees its domain only and retries it', async () => {
    const { worker, child } = await setUp('Harriet')
    process.env.HAVEN_SMTP_URL = 'smtp://127.0.0.1:1' // nobody listens
    resetMailerForTests()
    const episode = await reportMissing(worker, child.id, report('2026-12-03T10:00'), NOW)
    const prisma = await getPrisma()
    const ours = { notification: { link: `/episodes/${episode.id}`, recipientEmail: EDT } }
    expect(await drain()).toMatchObject({ sent: 0 })
    // its last attempt, due now: the dispatcher gives up on it
    await prisma.notificationDelivery.updateMany({
      where: { notification: { link: `/episodes/${episode.id}` } },
      data: { attempts: 9, nextAttemptAt: NOW },
    })
    await drain()
    const delivery = await prisma.notificationDelivery.findFirstOrThrow({ where: ours })
    expect(delivery.status).toBe('FAILED')

    const view = await getEpisodeProtocol(worker, episode.id, NOW)
    expect(view.told.find((t) => t.email === EDT)?.delivery).toBe('failed')
    expect(view.protocol.toTell[1]).toMatchObject({ told: null, emailFailed: true })

    const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Ada Admin')
    const state = await dispatcherState(admin)
    const given = state.givenUp.find((d) => d.id === delivery.id)!
    expect(given.recipient).toBe('An address at northshire-council.example (a missing protocol)')
    expect(JSON.stringify(state)).not.toContain(EDT)

    process.env.HAVEN_SMTP_URL = smtp.url
    resetMailerForTests()
    await retryDelivery(admin, delivery.id)
    await drain()
    const again = smtp.received.filter((m) => m.messageId === delivery.messageId)
    expect(again).toHaveLength(1)
    expect(again[0].to).toEqual([EDT])
    expect((await getEpisodeProtocol(worker, episode.id, NOW)).protocol.toTell[1].told?.delivery).toBe('sent')
  })
})
