import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { issueApiToken } from '@/lib/server/api-tokens'
import { actorForSession, authenticate, startSession } from '@/lib/server/accounts'
import { getPrisma } from '@/lib/server/database'
import {
  ForbiddenError,
  SecondFactorNeededError,
  TooManyAttemptsError,
  ValidationError,
  WrongCodeError,
} from '@/lib/server/errors'
import {
  confirmEnrolment,
  mustEnrol,
  resetSecondFactor,
  secondFactorState,
  startEnrolment,
} from '@/lib/server/second-factor'
import { totpCode } from '@/lib/domain/second-factor'
import { settings } from '@/lib/settings'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makePerson, makeWorld, type World } from '../support/fixtures'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})
afterEach(() => {
  process.env.HAVEN_MFA_REQUIRED_ROLES = 'none'
})

const t0 = new Date('2026-12-03T10:00:00Z')
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000)

/** A care worker with an authenticator set up at t0; returns the secret their app holds and their recovery codes. */
async function enrolled(name: string) {
  const person = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], name)
  const { secret } = await startEnrolment(person, t0)
  const codes = await confirmEnrolment(person, totpCode(secret, t0), t0)
  return { person, secret, codes }
}

const signIn = (email: string, code: string | undefined, now: Date, ip = '10.0.0.1') =>
  authenticate({ email, password: FIXTURE_PASSWORD, code, ip, secondFactor: true }, now)

describe('setting up an authenticator app', () => {
  it('is confirmed only by a code from it; gives ten recovery codes once; tells the person; keeps the secret encrypted', async () => {
    const person = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Ada Enrols')
    const { secret, uri } = await startEnrolment(person, t0)
    expect(uri).toContain(`secret=${secret}`)
    await expect(confirmEnrolment(person, '000000', t0)).rejects.toMatchObject({
      fieldErrors: { code: expect.stringContaining('not right') },
    })
    expect((await secondFactorState(person)).enrolled).toBe(false)
    const codes = await confirmEnrolment(person, totpCode(secret, t0), t0)
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    expect(await secondFactorState(person)).toMatchObject({ enrolled: true, codesLeft: 10 })

    const prisma = await getPrisma()
    const stored = await prisma.secondFactor.findUniqueOrThrow({ where: { userId: person.userId } })
    expect(stored.secret).not.toContain(secret)
    const storedCodes = await prisma.recoveryCode.findMany({ where: { userId: person.userId } })
    expect(storedCodes.map((c) => c.codeHash)).not.toContain(codes[0])
    expect(await prisma.notification.count({ where: { recipientId: person.userId, kind: 'auth.second-factor' } })).toBe(
      1,
    )
    expect(
      await prisma.auditEvent.count({ where: { subjectId: person.userId, action: 'user.second-factor-enrol' } }),
    ).toBe(1)
    // setting it up again over a working one is refused: an administrator resets it
    await expect(startEnrolment(person, t0)).rejects.toBeInstanceOf(ValidationError)
  })
})

describe('signing in with a second factor', () => {
  it('asks for the code after the right password, accepts it once, and refuses a wrong one', async () => {
    const { person, secret } = await enrolled('Bea Codes')
    await expect(signIn(person.email, undefined, at(60))).rejects.toBeInstanceOf(SecondFactorNeededError)
    await expect(signIn(person.email, '123456', at(60))).rejects.toBeInstanceOf(WrongCodeError)
    const code = totpCode(secret, at(60))
    await expect(signIn(person.email, code, at(60))).resolves.toMatchObject({ id: person.userId })
    // the same code seen over a shoulder cannot be used again
    await expect(signIn(person.email, code, at(65))).rejects.toBeInstanceOf(WrongCodeError)
    // a wrong password never reveals that a code would be asked for
    await expect(
      authenticate({ email: person.email, password: 'wrong password!', ip: null, secondFactor: true }, at(70)),
    ).rejects.not.toBeInstanceOf(SecondFactorNeededError)
  })

  it('throttles wrong codes like wrong passwords, and asking for the code costs nothing', async () => {
    const { person, secret } = await enrolled('Cal Guesses')
    for (let i = 0; i < 5; i++)
      await expect(signIn(person.email, undefined, at(100), `10.1.0.${i}`)).rejects.toBeInstanceOf(
        SecondFactorNeededError,
      )
    // the wrong codes are all still checked (asking for the code was not counted), then the account is throttled
    for (let i = 0; i < settings.auth.accountFailureLimit; i++)
      await expect(signIn(person.email, '000000', at(100 + i * 60), `10.2.0.${i}`)).rejects.toBeInstanceOf(
        WrongCodeError,
      )
    const now = at(100 + settings.auth.accountFailureLimit * 60)
    await expect(signIn(person.email, totpCode(secret, now), now, '10.3.0.1')).rejects.toBeInstanceOf(
      TooManyAttemptsError,
    )
  })

  it('lets a lost phone be replaced by a recovery code, once each, and tells the person', async () => {
    const { person, codes } = await enrolled('Dee Lost')
    await expect(signIn(person.email, codes[3].toUpperCase(), at(60))).resolves.toMatchObject({ id: person.userId })
    await expect(signIn(person.email, codes[3], at(90))).rejects.toBeInstanceOf(WrongCodeError)
    expect(await secondFactorState(person)).toMatchObject({ codesLeft: 9 })
    const prisma = await getPrisma()
    const told = await prisma.notification.findFirstOrThrow({
      where: { recipientId: person.userId, kind: 'auth.second-factor', title: { contains: 'recovery code' } },
    })
    expect(told.body).toContain('9 are left')
  })
})

describe('a role that must have a second factor (HAVEN_MFA_REQUIRED_ROLES)', () => {
  it('is held at enrolment until it is set up, and gets no API token before', async () => {
    process.env.HAVEN_MFA_REQUIRED_ROLES = 'IRO,SYSTEM_ADMIN'
    const iro = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Eve Iro')
    const carer = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Fay Carer')
    expect(await mustEnrol(iro)).toBe(true)
    expect(await mustEnrol(carer)).toBe(false)
    await expect(issueApiToken({ email: iro.email, password: FIXTURE_PASSWORD, ip: null })).rejects.toBeInstanceOf(
      ForbiddenError,
    )
    const { secret } = await startEnrolment(iro)
    await confirmEnrolment(iro, totpCode(secret, new Date()))
    expect(await mustEnrol(iro)).toBe(false)
    // the token endpoint asks for the code too
    await expect(issueApiToken({ email: iro.email, password: FIXTURE_PASSWORD, ip: null })).rejects.toBeInstanceOf(
      SecondFactorNeededError,
    )
  })
})

describe("an administrator's reset", () => {
  it('removes the app and codes, signs the person out everywhere, tells them; never their own; only administrators', async () => {
    const { person, secret } = await enrolled('Gus Reset')
    const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Hal Admin')
    const session = await startSession(person.userId, { ip: null })
    await expect(resetSecondFactor(person, admin.userId)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(resetSecondFactor(admin, admin.userId)).rejects.toBeInstanceOf(ForbiddenError)
    await resetSecondFactor(admin, person.userId)
    expect(await secondFactorState(person)).toMatchObject({ enrolled: false, codesLeft: 0 })
    expect(await actorForSession(session.id)).toBeNull()
    // they sign in with their password alone and set it up again
    await expect(signIn(person.email, undefined, at(600))).resolves.toMatchObject({ id: person.userId })
    await expect(startEnrolment(person)).resolves.not.toMatchObject({ secret })
    const prisma = await getPrisma()
    expect(
      await prisma.notification.count({
        where: { recipientId: person.userId, kind: 'auth.second-factor', title: { contains: 'reset' } },
      }),
    ).toBe(1)
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { subjectId: person.userId, action: 'user.second-factor-reset' },
    })
    expect(event.actorId).toBe(admin.userId)
  })
})
