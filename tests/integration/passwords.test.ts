import { beforeAll, describe, expect, it } from 'vitest'
import { actorForBearer, issueApiToken } from '@/lib/server/api-tokens'
import { actorForSession, authenticate, startSession } from '@/lib/server/accounts'
import { POST as changePasswordRoute } from '@/app/api/v1/auth/password/route'
import { getPrisma } from '@/lib/server/database'
import { ForbiddenError, UnauthenticatedError, ValidationError } from '@/lib/server/errors'
import {
  changeOwnPassword,
  forcePasswordReset,
  passwordLinkToken,
  requestPasswordReset,
  setPasswordFromLink,
} from '@/lib/server/passwords'
import { createUser } from '@/lib/server/users'
import { settings } from '@/lib/settings'
import { newUserSchema } from '@/lib/validation/users'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makePerson, makeWorld, type World } from '../support/fixtures'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

const NEW_PASSWORD = 'kettle lantern meadow'
const MINUTE = 60_000

/** The link in the person's newest password e-mail, as the dispatcher would send it. */
async function latestLink(userId: string) {
  const prisma = await getPrisma()
  const notification = await prisma.notification.findFirstOrThrow({
    where: { recipientId: userId, kind: 'auth.password-link' },
    orderBy: { createdAt: 'desc' },
  })
  expect(notification.link).toMatch(/^\/password\/[\w-]+$/) // the outbox holds no usable link
  return { token: passwordLinkToken(notification.link.split('/')[2]), notification }
}

async function signedInEverywhere(userId: string, email: string) {
  const session = await startSession(userId, { ip: null })
  const token = await issueApiToken({ email, password: FIXTURE_PASSWORD, ip: null, name: 'reporting' })
  return { session, token }
}

describe('changing your own password', () => {
  it('needs the current password; ends every other session and token; tells the person by e-mail', async () => {
    const person = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Ann Changer')
    const here = await startSession(person.userId, { ip: null })
    const elsewhere = await signedInEverywhere(person.userId, person.email)
    const wrong = changeOwnPassword(
      person,
      { currentPassword: 'not my password', newPassword: NEW_PASSWORD },
      { ip: null, sessionId: here.id },
    )
    await expect(wrong).rejects.toMatchObject({
      fieldErrors: { currentPassword: 'Your current password is not right' },
    })
    const common = changeOwnPassword(
      person,
      { currentPassword: FIXTURE_PASSWORD, newPassword: 'password1234' },
      { ip: null, sessionId: here.id },
    )
    await expect(common).rejects.toMatchObject({ fieldErrors: { newPassword: expect.stringMatching(/most common/) } })

    await changeOwnPassword(
      person,
      { currentPassword: FIXTURE_PASSWORD, newPassword: NEW_PASSWORD },
      { ip: null, sessionId: here.id },
    )
    expect(await actorForSession(here.id)).not.toBeNull()
    expect(await actorForSession(elsewhere.session.id)).toBeNull()
    expect(await actorForBearer(`Bearer ${elsewhere.token.token}`)).toBeNull()
    await expect(authenticate({ email: person.email, password: FIXTURE_PASSWORD, ip: null })).rejects.toThrow(
      UnauthenticatedError,
    )
    expect((await authenticate({ email: person.email, password: NEW_PASSWORD, ip: null })).id).toBe(person.userId)
    const prisma = await getPrisma()
    const told = await prisma.notification.findFirstOrThrow({
      where: { recipientId: person.userId, kind: 'auth.password-changed' },
      include: { deliveries: true },
    })
    expect(told.title).toBe('Your Haven password was changed')
    expect(told.deliveries).toHaveLength(1)
  })
})

describe('POST /api/v1/auth/password', () => {
  it('changes the password with the current one; this token goes on working, every other ends; bad input is 422 by field', async () => {
    const person = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Api Changer')
    const other = await signedInEverywhere(person.userId, person.email)
    const mine = await issueApiToken({ email: person.email, password: FIXTURE_PASSWORD, ip: null })
    const post = (body: unknown) =>
      changePasswordRoute(
        new Request('http://127.0.0.1/api/v1/auth/password', {
          method: 'POST',
          headers: { Authorization: `Bearer ${mine.token}` },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({}) },
      )
    const wrong = await post({ currentPassword: 'not it at all', newPassword: NEW_PASSWORD })
    expect(wrong.status).toBe(422)
    expect((await wrong.json()).errors).toEqual([
      { field: 'currentPassword', detail: 'Your current password is not right' },
    ])
    const missing = await post({ currentPassword: FIXTURE_PASSWORD })
    expect((await missing.json()).errors).toEqual([{ field: 'newPassword', detail: 'Enter a new password' }])
    expect((await post({ currentPassword: FIXTURE_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204)
    expect(await actorForBearer(`Bearer ${mine.token}`)).not.toBeNull()
    expect(await actorForBearer(`Bearer ${other.token.token}`)).toBeNull()
    expect(await actorForSession(other.session.id)).toBeNull()
  })
})

describe('resetting a forgotten password by e-mail link', () => {
  it('works once, ends every session and token, and the link is kept only as a hash', async () => {
    const person = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Bea Forgot')
    const signedIn = await signedInEverywhere(person.userId, person.email)
    await requestPasswordReset(`  ${person.email.toUpperCase()} `)
    const { token } = await latestLink(person.userId)
    const prisma = await getPrisma()
    const stored = await prisma.passwordLink.findMany({ where: { userId: person.userId } })
    expect(JSON.stringify(stored)).not.toContain(token.split('.')[1])

    await expect(setPasswordFromLink(token, 'short')).rejects.toMatchObject({
      fieldErrors: { newPassword: expect.stringMatching(/12 characters/) },
    })
    await setPasswordFromLink(token, NEW_PASSWORD)
    expect(await actorForSession(signedIn.session.id)).toBeNull()
    expect(await actorForBearer(`Bearer ${signedIn.token.token}`)).toBeNull()
    expect((await authenticate({ email: person.email, password: NEW_PASSWORD, ip: null })).id).toBe(person.userId)
    await expect(setPasswordFromLink(token, 'another long password')).rejects.toThrow(/already been used/)
    await expect(setPasswordFromLink(`${token}x`, 'another long password')).rejects.toThrow(ValidationError)
  })

  it(`expires after ${settings.auth.resetLinkMinutes} minutes`, async () => {
    const person = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Cy Late')
    const asked = new Date()
    await requestPasswordReset(person.email, asked)
    const { token } = await latestLink(person.userId)
    await expect(
      setPasswordFromLink(
        token,
        NEW_PASSWORD,
        new Date(asked.getTime() + (settings.auth.resetLinkMinutes + 1) * MINUTE),
      ),
    ).rejects.toThrow(/expired/)
  })

  it('answers the same whether or not the address exists, and sends at most a few e-mails per window', async () => {
    await expect(requestPasswordReset('nobody.here@haven.test')).resolves.toBeUndefined()
    const person = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Di Flooded')
    const at = new Date()
    for (let i = 0; i < 10; i++)
      await expect(requestPasswordReset(person.email, new Date(at.getTime() + i * 1000))).resolves.toBeUndefined()
    const prisma = await getPrisma()
    expect(await prisma.notification.count({ where: { recipientId: person.userId, kind: 'auth.password-link' } })).toBe(
      settings.auth.resetRequestLimit,
    )
    // only the newest link works
    const links = await prisma.passwordLink.findMany({
      where: { userId: person.userId },
      orderBy: { createdAt: 'asc' },
    })
    await expect(setPasswordFromLink(passwordLinkToken(links[0].id), NEW_PASSWORD)).rejects.toThrow(/already been used/)
    await setPasswordFromLink(passwordLinkToken(links[links.length - 1].id), NEW_PASSWORD)
  })
})

describe('an administrator forcing a reset', () => {
  it('stops the old password, ends sessions and tokens, and sends a link; the administrator never sets the password', async () => {
    const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Eli Admin')
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Fen Forced')
    const signedIn = await signedInEverywhere(manager.userId, manager.email)
    await expect(forcePasswordReset(manager, admin.userId)).rejects.toThrow(ForbiddenError)
    await forcePasswordReset(admin, manager.userId)
    expect(await actorForSession(signedIn.session.id)).toBeNull()
    expect(await actorForBearer(`Bearer ${signedIn.token.token}`)).toBeNull()
    await expect(authenticate({ email: manager.email, password: FIXTURE_PASSWORD, ip: null })).rejects.toThrow(
      UnauthenticatedError,
    )
    const { token, notification } = await latestLink(manager.userId)
    expect(notification.title).toBe('Reset your Haven password')
    await setPasswordFromLink(token, NEW_PASSWORD)
    expect((await authenticate({ email: manager.email, password: NEW_PASSWORD, ip: null })).id).toBe(manager.userId)
  })
})

describe('new accounts', () => {
  it('get an invitation link to choose their own password, valid for days, instead of one the administrator chose', async () => {
    const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Gil Admin')
    const { id } = await createUser(
      admin,
      newUserSchema.parse({
        name: 'Hana Newcomer',
        email: 'hana.newcomer@haven.test',
        grant: { role: 'CARE_WORKER', organisationId: world.homeA.id, reason: 'Joins the night team' },
      }),
    )
    const prisma = await getPrisma()
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).passwordHash).toBeNull()
    const { token, notification } = await latestLink(id)
    expect(notification.title).toBe('You have been given a Haven account')
    const link = await prisma.passwordLink.findFirstOrThrow({ where: { userId: id } })
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBe(settings.auth.invitationDays * 24 * 60 * MINUTE)
    await expect(
      authenticate({ email: 'hana.newcomer@haven.test', password: 'anything at all here', ip: null }),
    ).rejects.toThrow(UnauthenticatedError)
    await setPasswordFromLink(token, NEW_PASSWORD, new Date(Date.now() + 3 * 24 * 60 * MINUTE))
    expect((await authenticate({ email: 'hana.newcomer@haven.test', password: NEW_PASSWORD, ip: null })).id).toBe(id)
  })
})
