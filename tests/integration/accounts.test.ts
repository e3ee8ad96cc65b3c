import { beforeAll, describe, expect, it } from 'vitest'
import {
  actorForBearer,
  actorForSession,
  authenticate,
  issueApiToken,
  revokeApiToken,
  revokeSession,
  startSession,
} from '@/lib/server/accounts'
import { getPrisma } from '@/lib/server/database'
import { TooManyAttemptsError, UnauthenticatedError } from '@/lib/server/errors'
import { setUserActive } from '@/lib/server/users'
import { settings } from '@/lib/settings'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makePerson, makeWorld } from '../support/fixtures'

beforeAll(async () => {
  await freshDatabase()
  await makeWorld()
})

const MINUTE = 60_000

describe('signing in', () => {
  it('accepts the right password, whatever the case of the e-mail, and records the attempt', async () => {
    const person = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Ada Right')
    const user = await authenticate({ email: `  ${person.email.toUpperCase()} `, password: FIXTURE_PASSWORD, ip: '10.0.0.1' })
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

  it(`locks an account after ${settings.auth.accountFailureLimit} failures, even with the right password, until the window passes`, async () => {
    const person = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Cat Locked')
    const start = new Date('2026-11-26T02:00:00Z')
    for (let i = 0; i < settings.auth.accountFailureLimit; i++)
      await expect(authenticate({ email: person.email, password: 'guess', ip: `10.1.0.${i}` }, new Date(start.getTime() + i * 1000))).rejects.toThrow(UnauthenticatedError)
    const locked = authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: '10.1.1.1' }, new Date(start.getTime() + MINUTE))
    await expect(locked).rejects.toThrow(TooManyAttemptsError)
    const later = new Date(start.getTime() + (settings.auth.throttleWindowMinutes + 1) * MINUTE)
    expect((await authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: '10.1.1.1' }, later)).id).toBe(person.userId)
  })

  it('counts parallel guesses: no more than the limit get a password checked', async () => {
    const person = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Pat Parallel')
    const at = new Date('2026-11-26T04:00:00Z')
    const results = await Promise.allSettled(
      Array.from({ length: settings.auth.accountFailureLimit + 3 }, (_, i) => authenticate({ email: person.email, password: `guess ${i}`, ip: null }, at)),
    )
    const reasons = results.map((r) => (r.status === 'rejected' ? (r.reason as Error).constructor.name : 'accepted'))
    expect(reasons.filter((r) => r === 'UnauthenticatedError')).toHaveLength(settings.auth.accountFailureLimit)
    expect(reasons.filter((r) => r === 'TooManyAttemptsError')).toHaveLength(3)
  })

  it(`throttles an address after ${settings.auth.addressFailureLimit} failures across accounts`, async () => {
    const at = new Date('2026-11-26T03:00:00Z')
    for (let i = 0; i < settings.auth.addressFailureLimit; i++)
      await expect(authenticate({ email: `spray${i}@haven.test`, password: 'guess', ip: '203.0.113.9' }, at)).rejects.toThrow(UnauthenticatedError)
    const person = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Dan Sprayed')
    await expect(authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: '203.0.113.9' }, at)).rejects.toThrow(TooManyAttemptsError)
    // the same person from another address is fine
    expect((await authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: '198.51.100.1' }, at)).id).toBe(person.userId)
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

  it('end at their maximum length whatever the activity', async () => {
    const person = await makePerson([{ role: 'CARE_WORKER' }], 'Fay Long')
    const start = new Date()
    const session = await startSession(person.userId, { ip: '10.0.0.6' }, start)
    const prisma = await getPrisma()
    await prisma.userSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date(start.getTime() + settings.auth.sessionMaxHours * 60 * MINUTE) } })
    expect(await actorForSession(session.id, new Date(start.getTime() + settings.auth.sessionMaxHours * 60 * MINUTE + 1000))).toBeNull()
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
    await expect(authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: '10.0.0.8' })).rejects.toThrow(UnauthenticatedError)
  })
})

describe('API tokens', () => {
  it('are stored only as a hash, expire, and can be revoked', async () => {
    const person = await makePerson([{ role: 'IRO' }], 'Kim Token')
    const now = new Date()
    const issued = await issueApiToken({ email: person.email, password: FIXTURE_PASSWORD, ip: '10.0.0.9', name: 'reporting' }, now)
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
    await expect(issueApiToken({ email: person.email, password: 'wrong wrong wrong', ip: '10.0.0.10' })).rejects.toThrow(UnauthenticatedError)
  })
})
