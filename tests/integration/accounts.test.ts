import { beforeAll, describe, expect, it } from 'vitest'
import { actorForBearer, issueApiToken, revokeApiToken } from '@/lib/server/api-tokens'
import { actorForSession, authenticate, FAILED_SIGN_INS_KIND, revokeSession, startSession } from '@/lib/server/accounts'
import { getPrisma } from '@/lib/server/database'
import { deviceCookieValue, deviceIdFrom } from '@/lib/server/device-cookie'
import { TooManyAttemptsError, UnauthenticatedError } from '@/lib/server/errors'
import { setUserActive } from '@/lib/server/users'
import { settings } from '@/lib/settings'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makePerson, makeWorld, type World } from '../support/fixtures'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

const MINUTE = 60_000

describe('signing in', () => {
  it('accepts the right password, whatever the case of the e-mail, and records the attempt', async () => {
    const person = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Ada Right')
    const user = await authenticate({
      email: `  ${person.email.toUpperCase()} `,
      password: FIXTURE_PASSWORD,
      ip: '10.0.0.1',
    })
    expect(user.id).toBe(person.userId)
    const prisma = await getPrisma()
    expect(await prisma.signInAttempt.count({ where: { email: person.email, succeeded: true } })).toBe(1)
  })

  it('refuses a wrong password and an unknown e-mail with the same message', async () => {
    const person = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Ben Wrong')
    const wrong = authenticate({ email: person.email, password: 'nope nope nope', ip: '10.0.0.2' })
    await expect(wrong).rejects.toThrow(new UnauthenticatedError('The e-mail address or password is not right.'))
    const unknown = authenticate({ email: 'nobody@haven.test', password: 'nope nope nope', ip: '10.0.0.2' })
    await expect(unknown).rejects.toThrow('The e-mail address or password is not right.')
  })

  it('slows unknown browsers, then refuses them until the window passes, even with the right password', async () => {
    const person = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Cat Slowed')
    const start = new Date('2026-11-26T02:00:00Z')
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000)
    const guess = (seconds: number) =>
      authenticate({ email: person.email, password: 'guess guess guess', ip: null }, at(seconds))
    for (let i = 0; i < settings.auth.freeFailures; i++) await expect(guess(i)).rejects.toThrow(UnauthenticatedError)
    // slowed: the next attempt straight away is refused without a password check, after the wait it is checked
    await expect(guess(settings.auth.freeFailures)).rejects.toThrow(TooManyAttemptsError)
    let t = settings.auth.freeFailures
    for (let n = settings.auth.freeFailures; n < settings.auth.accountFailureLimit; n++) {
      t += settings.auth.slowDownSeconds * 2 ** (n - settings.auth.freeFailures)
      await expect(guess(t)).rejects.toThrow(UnauthenticatedError)
    }
    // then refused, the right password too, until the window has passed
    const refused = authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: null }, at(t + 60))
    await expect(refused).rejects.toThrow(TooManyAttemptsError)
    const later = at(t + settings.auth.throttleWindowMinutes * 60 + 1)
    expect((await authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: null }, later)).id).toBe(
      person.userId,
    )
  })

  it('counts parallel guesses: no more than the allowance get a password checked', async () => {
    const person = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Pat Parallel')
    const at = new Date('2026-11-26T04:00:00Z')
    const results = await Promise.allSettled(
      Array.from({ length: settings.auth.accountFailureLimit + 3 }, (_, i) =>
        authenticate({ email: person.email, password: `guess ${i}`, ip: null }, at),
      ),
    )
    const reasons = results.map((r) => (r.status === 'rejected' ? (r.reason as Error).constructor.name : 'accepted'))
    expect(reasons.filter((r) => r === 'UnauthenticatedError')).toHaveLength(settings.auth.freeFailures)
    expect(reasons.filter((r) => r === 'TooManyAttemptsError')).toHaveLength(
      settings.auth.accountFailureLimit + 3 - settings.auth.freeFailures,
    )
  })

  it(`throttles an address after ${settings.auth.addressFailureLimit} failures across accounts`, async () => {
    const at = new Date('2026-11-26T03:00:00Z')
    for (let i = 0; i < settings.auth.addressFailureLimit; i++)
      await expect(
        authenticate(
          { email: `spray${i}@haven.test`, password: 'guess', ip: '203.0.113.9' },
          new Date(at.getTime() + i * 1000),
        ),
      ).rejects.toThrow(UnauthenticatedError)
    const person = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Dan Sprayed')
    await expect(
      authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: '203.0.113.9' }, at),
    ).rejects.toThrow(TooManyAttemptsError)
    // the same person from another address is fine
    expect((await authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: '198.51.100.1' }, at)).id).toBe(
      person.userId,
    )
  })
})

describe('a stranger cannot keep the owner out', () => {
  // the owner's browser signed in before and holds a device cookie for the account; the attacker's does not
  async function ownerWithDevice(name: string, at: Date) {
    const person = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], name)
    const cookie = deviceCookieValue(person.email)
    const deviceId = deviceIdFrom(cookie, person.email)!
    await authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: null, deviceId }, at)
    return { person, deviceId }
  }

  it("an attacker's 1,000 attempts do not stop the owner's browser signing in, and the attacker is still refused", async () => {
    const start = new Date('2026-11-27T09:00:00Z')
    const { person, deviceId } = await ownerWithDevice('Mo Manager', start)
    const outcomes = { checked: 0, refused: 0 }
    // two a second, within one throttle window, half through the sign-in page and half through the API
    for (let i = 1; i <= 1000; i++) {
      try {
        await authenticate(
          { email: person.email, password: `guess number ${i}`, ip: null, channel: i % 2 ? 'browser' : 'api' },
          new Date(start.getTime() + i * 500),
        )
      } catch (e) {
        if (e instanceof TooManyAttemptsError) outcomes.refused++
        else if (e instanceof UnauthenticatedError) outcomes.checked++
        else throw e
      }
    }
    // a handful of guesses were checked (browser and API allowances), the rest refused unchecked
    expect(outcomes.checked).toBeLessThanOrEqual(2 * settings.auth.accountFailureLimit)
    expect(outcomes.refused).toBeGreaterThanOrEqual(1000 - 2 * settings.auth.accountFailureLimit)
    const during = new Date(start.getTime() + 1001 * 500)
    expect(
      (await authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: null, deviceId }, during)).id,
    ).toBe(person.userId)
    await expect(
      authenticate({ email: person.email, password: 'guess number 1001', ip: null }, during),
    ).rejects.toThrow(TooManyAttemptsError)
    // a made-up device cookie, or one from the attacker's own account, is no cookie at all
    expect(deviceIdFrom(`${deviceId}.forged`, person.email)).toBeNull()
    const attacker = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Attacker Own')
    expect(deviceIdFrom(deviceCookieValue(attacker.email), person.email)).toBeNull()
  }, 120_000) // a thousand attempts, each refused in a transaction of its own

  it('a known browser has its own allowance: its own wrong guesses slow it, not the others', async () => {
    const start = new Date('2026-11-27T11:00:00Z')
    const { person, deviceId } = await ownerWithDevice('Nia Typo', start)
    for (let i = 1; i <= settings.auth.freeFailures; i++)
      await expect(
        authenticate(
          { email: person.email, password: 'typo typo typo', ip: null, deviceId },
          new Date(start.getTime() + i * 1000),
        ),
      ).rejects.toThrow(UnauthenticatedError)
    const soon = new Date(start.getTime() + (settings.auth.freeFailures + 1) * 1000)
    await expect(
      authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: null, deviceId }, soon),
    ).rejects.toThrow(TooManyAttemptsError)
    // another browser of theirs, unknown to the account, is not affected
    expect((await authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: null }, soon)).id).toBe(
      person.userId,
    )
  })

  it("API sign-ins are throttled per account and per address, and never stop the owner's browser", async () => {
    const start = new Date('2026-11-27T13:00:00Z')
    const { person, deviceId } = await ownerWithDevice('Olu Api', start)
    const api = (password: string, seconds: number, ip: string | null = null) =>
      issueApiToken({ email: person.email, password, ip }, new Date(start.getTime() + seconds * 1000))
    for (let i = 1; i <= settings.auth.freeFailures; i++)
      await expect(api('guess guess guess', i)).rejects.toThrow(UnauthenticatedError)
    await expect(api(FIXTURE_PASSWORD, settings.auth.freeFailures + 1)).rejects.toThrow(TooManyAttemptsError)
    const at = new Date(start.getTime() + (settings.auth.freeFailures + 1) * 1000)
    expect((await authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: null, deviceId }, at)).id).toBe(
      person.userId,
    )
    expect((await authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: null }, at)).id).toBe(
      person.userId,
    )
    // per address: one address spraying many accounts through the API is refused
    for (let i = 0; i < settings.auth.addressFailureLimit; i++)
      await expect(
        issueApiToken(
          { email: `api-spray${i}@haven.test`, password: 'guess', ip: '203.0.113.77' },
          new Date(start.getTime() + i * 1000),
        ),
      ).rejects.toThrow(UnauthenticatedError)
    await expect(
      issueApiToken(
        { email: `api-spray-last@haven.test`, password: 'guess', ip: '203.0.113.77' },
        new Date(start.getTime() + 30_000),
      ),
    ).rejects.toThrow(TooManyAttemptsError)
  })

  it('tells the owner by e-mail of repeated failures, once per window, saying only that there were failed attempts and when', async () => {
    const start = new Date('2026-11-28T09:00:00Z')
    const { person } = await ownerWithDevice('Pam Told', start)
    const limit = settings.auth.accountFailureLimit
    // failures spread so none is slowed: browser and API both count towards telling the owner
    for (let i = 0; i < 2 * limit; i++) {
      await expect(
        authenticate(
          { email: person.email, password: 'guess guess guess', ip: null, channel: i % 2 ? 'api' : 'browser' },
          new Date(start.getTime() + (i % limit) * 60_000 + Math.floor(i / limit) * 3_600_000),
        ),
      ).rejects.toThrow()
    }
    const prisma = await getPrisma()
    const notices = await prisma.notification.findMany({
      where: { recipientId: person.userId, kind: FAILED_SIGN_INS_KIND },
      include: { deliveries: true },
      orderBy: { createdAt: 'asc' },
    })
    expect(notices).toHaveLength(2) // one per window, not one per failure
    expect(notices[0].title).toBe('Failed attempts to sign in to your Haven account')
    expect(notices[0].body).toMatch(
      /^There were 5 failed attempts to sign in to your Haven account between .+ and .+\.$/,
    )
    expect(notices[0].deliveries.map((d) => d.channel)).toEqual(['EMAIL'])
  })
})

describe('browser sessions', () => {
  it('time out after inactivity, and activity keeps them alive', async () => {
    const person = await makePerson([{ role: 'CARE_WORKER' }], 'Eve Idle')
    const start = new Date()
    const session = await startSession(person.userId, { ip: '10.0.0.5' }, start)
    const idle = settings.auth.sessionIdleMinutes * MINUTE
    expect(await actorForSession(session.id, new Date(start.getTime() + idle - MINUTE))).not.toBeNull() // touches it
    expect(await actorForSession(session.id, new Date(start.getTime() + 2 * idle - 2 * MINUTE))).not.toBeNull()
    expect(await actorForSession(session.id, new Date(start.getTime() + 3 * idle))).toBeNull()
  })

  it('write their last activity at most every HAVEN_SESSION_TOUCH_SECONDS, and time out within that of idle', async () => {
    const person = await makePerson([{ role: 'CARE_WORKER' }], 'Ned Busy')
    const start = new Date()
    const session = await startSession(person.userId, { ip: '10.0.0.9' }, start)
    const prisma = await getPrisma()
    const lastSeen = async () =>
      (await prisma.userSession.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt.getTime()
    const touch = settings.auth.sessionTouchSeconds * 1000
    const idle = settings.auth.sessionIdleMinutes * MINUTE
    const at = (ms: number) => new Date(start.getTime() + ms)

    expect(await actorForSession(session.id, at(touch - 1000))).not.toBeNull()
    expect(await lastSeen()).toBe(start.getTime()) // a request within the interval writes nothing
    await Promise.all([actorForSession(session.id, at(touch)), actorForSession(session.id, at(touch))])
    expect(await lastSeen()).toBe(at(touch).getTime())
    expect(await actorForSession(session.id, at(2 * touch - 1000))).not.toBeNull() // not written
    // idle counts from the last write: the session ends at most one interval before the idle limit, never after
    expect(await actorForSession(session.id, at(touch + idle + 1))).toBeNull()
  })

  it('end at their maximum length whatever the activity', async () => {
    const person = await makePerson([{ role: 'CARE_WORKER' }], 'Fay Long')
    const start = new Date()
    const session = await startSession(person.userId, { ip: '10.0.0.6' }, start)
    const prisma = await getPrisma()
    await prisma.userSession.update({
      where: { id: session.id },
      data: { lastSeenAt: new Date(start.getTime() + settings.auth.sessionMaxHours * 60 * MINUTE) },
    })
    expect(
      await actorForSession(session.id, new Date(start.getTime() + settings.auth.sessionMaxHours * 60 * MINUTE + 1000)),
    ).toBeNull()
  })

  it('stop at once when revoked, and only their owner can revoke them', async () => {
    const person = await makePerson([{ role: 'CARE_WORKER' }], 'Gus Revoked')
    const stranger = await makePerson([{ role: 'CARE_WORKER' }], 'Hal Stranger')
    const session = await startSession(person.userId, { ip: '10.0.0.7' })
    await expect(revokeSession(stranger, session.id)).rejects.toThrow('No session was found')
    expect(await actorForSession(session.id)).not.toBeNull()
    await revokeSession(person, session.id)
    expect(await actorForSession(session.id)).toBeNull()
  })

  it('stop when the account is deactivated', async () => {
    const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Ivy Admin')
    const person = await makePerson([{ role: 'CARE_WORKER' }], 'Jon Leaver')
    const session = await startSession(person.userId, { ip: '10.0.0.8' })
    await setUserActive(admin, person.userId, false)
    expect(await actorForSession(session.id)).toBeNull()
    await expect(authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: '10.0.0.8' })).rejects.toThrow(
      UnauthenticatedError,
    )
  })
})

describe('API tokens', () => {
  it('are stored only as a hash, expire, and can be revoked', async () => {
    const person = await makePerson([{ role: 'IRO' }], 'Kim Token')
    const now = new Date()
    const issued = await issueApiToken(
      { email: person.email, password: FIXTURE_PASSWORD, ip: '10.0.0.9', name: 'reporting' },
      now,
    )
    expect(issued.token).toMatch(/^hvn_/)
    expect(issued.expiresAt.getTime() - now.getTime()).toBe(settings.auth.apiTokenDays * 24 * 60 * MINUTE)
    const prisma = await getPrisma()
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: issued.id } })
    expect(JSON.stringify(row)).not.toContain(issued.token.slice(4))

    expect((await actorForBearer(`Bearer ${issued.token}`))?.actor.userId).toBe(person.userId)
    expect(await actorForBearer(`Bearer ${issued.token}x`)).toBeNull()
    expect(await actorForBearer(issued.token)).toBeNull()
    expect(await actorForBearer(`Bearer ${issued.token}`, new Date(issued.expiresAt.getTime() + 1))).toBeNull()

    await revokeApiToken(person, issued.id)
    expect(await actorForBearer(`Bearer ${issued.token}`)).toBeNull()
  })

  it('are not given for a wrong password', async () => {
    const person = await makePerson([{ role: 'IRO' }], 'Lee NoToken')
    await expect(
      issueApiToken({ email: person.email, password: 'wrong wrong wrong', ip: '10.0.0.10' }),
    ).rejects.toThrow(UnauthenticatedError)
  })
})
