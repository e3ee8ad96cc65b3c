// Sign-in with an organisation's identity provider, against a real OpenID Connect provider on 127.0.0.1.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { actorForSession, authenticate, checkOrganisationCode, startSession } from '@/lib/server/accounts'
import { totpCode } from '@/lib/domain/second-factor'
import { confirmEnrolment, startEnrolment } from '@/lib/server/second-factor'
import { getPrisma } from '@/lib/server/database'
import { ForbiddenError, WrongCodeError } from '@/lib/server/errors'
import {
  admitIdentity,
  completeOrganisationSignIn,
  OrganisationSignInRefused,
  redirectUri,
  startOrganisationSignIn,
} from '@/lib/server/organisation-sign-in'
import { saveOrganisationSignIn } from '@/lib/server/organisation-sign-in-admin'
import { decryptSecret, encryptSecret } from '@/lib/server/secret'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makePerson, makeWorld, problems, type World } from '../support/fixtures'
import { startIdentityProvider, type TestIdentityProvider } from '../support/identity-provider'

let world: World
let idp: TestIdentityProvider
let configId: string
const client = { ip: '192.0.2.7' }

beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
  idp = await startIdentityProvider({
    redirectUri: redirectUri(),
    claimsFor: { 'unverified@haven.test': { email_verified: false } },
  })
  const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Admin')
  // the fixtures' people all have @haven.test addresses: Northshire's provider serves that domain
  configId = (
    await saveOrganisationSignIn(admin, {
      organisationId: world.laOne.id,
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      emailDomains: ['haven.test'],
      enabled: true,
      providerOnly: false,
      providerEnforcesMfa: true,
    })
  ).id
})
afterAll(() => idp?.close())

// why each answer was refused, as logged for the IT team
const refusedBecause: string[] = []
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void refusedBecause.push(args.join(' ')))
})
afterEach(() => vi.restoreAllMocks())

/** Goes through the provider's own login page as `login`; returns the address it sends the browser back to. */
async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>()
  let url = authorizationUrl
  let body: string | undefined
  for (let step = 0; step < 10; step++) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      body,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1))
    }
    const location = response.headers.get('location')
    body = undefined
    if (location) {
      const next = new URL(location, url)
      if (next.href.startsWith(redirectUri())) return next
      url = next.href
      continue
    }
    const html = await response.text()
    const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1]
    if (!action) throw new Error(`No login form at ${url}: ${response.status} ${html}`)
    url = new URL(action.replace(/&amp;/g, '&'), url).href
    body = new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString()
  }
  throw new Error('The provider never sent the browser back')
}

async function signInThroughProvider(email: string) {
  const { url, sealedFlow } = await startOrganisationSignIn({ email })
  return completeOrganisationSignIn(await signInAtProvider(url, email), sealedFlow, client)
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'let in',
    (e: unknown) => {
      if (e instanceof OrganisationSignInRefused) return e.reason
      throw e
    },
  )

describe('sign-in through the organisation’s identity provider', () => {
  it('stores the client secret encrypted and says which e-mail addresses it serves', async () => {
    const prisma = await getPrisma()
    const row = await prisma.organisationSignIn.findUniqueOrThrow({ where: { id: configId } })
    expect(row.clientSecret).not.toContain(idp.clientSecret)
    await expect(startOrganisationSignIn({ email: 'someone@elsewhere.example' })).rejects.toThrow()
    const events = await prisma.auditEvent.findMany({
      where: { action: 'organisation.sign-in-set', subjectId: configId },
    })
    expect(events).toHaveLength(1)
  })

  it('lets in a person an administrator created, links their account, and starts a Haven session', async () => {
    const worker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Linked Worker')
    const { userId, needsCode } = await signInThroughProvider(worker.email)
    expect(userId).toBe(worker.userId)
    expect(needsCode).toBe(false)
    const prisma = await getPrisma()
    const user = await prisma.user.findUniqueOrThrow({ where: { id: worker.userId } })
    expect(user.identityIssuer).toBe(idp.issuer)
    expect(user.identitySubject).toMatch(/^idp-/)
    expect(user.identitySubject).not.toBe(worker.email)
    const session = await startSession(userId, client, new Date(), 'organisation')
    expect((await actorForSession(session.id))?.userId).toBe(worker.userId)
    const signIn = await prisma.auditEvent.findFirst({ where: { action: 'auth.sign-in', subjectId: worker.userId } })
    expect(signIn?.details).toMatchObject({ method: 'organisation' })
    // a second sign-in finds them by their subject
    expect((await signInThroughProvider(worker.email)).userId).toBe(worker.userId)
  })

  it('refuses an unknown e-mail, another organisation’s person, a deactivated account and an unverified address', async () => {
    expect(await refusal(signInThroughProvider('nobody@haven.test'))).toBe('no-account')
    const otherOrganisation = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeC.id }], 'Harbour Worker')
    expect(await refusal(signInThroughProvider(otherOrganisation.email))).toBe('other-organisation')
    const leaver = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Leaver')
    const prisma = await getPrisma()
    await prisma.user.update({ where: { id: leaver.userId }, data: { active: false } })
    expect(await refusal(signInThroughProvider(leaver.email))).toBe('deactivated')
    expect(await refusal(signInThroughProvider('unverified@haven.test'))).toBe('email-unverified')
    // every refusal is a failed attempt, counted for throttling like a wrong password
    const failed = await prisma.signInAttempt.count({ where: { channel: 'organisation', succeeded: false } })
    expect(failed).toBeGreaterThanOrEqual(4)
    expect(await prisma.user.count({ where: { email: 'nobody@haven.test' } })).toBe(0)
  })

  it('once linked, knows the person by their subject, not by an e-mail address', async () => {
    const prisma = await getPrisma()
    const config = await prisma.organisationSignIn.findUniqueOrThrow({ where: { id: configId } })
    const lead = await makePerson([{ role: 'LA_MISSING_LEAD', localAuthorityId: world.laOne.id }], 'Subject Lead')
    const identity = { issuer: idp.issuer, subject: 'subject-of-lead', email: lead.email, emailVerified: true }
    expect((await admitIdentity(identity, config, lead.email, client)).userId).toBe(lead.userId)
    // the provider now gives another address (a name change): still the same person
    const renamed = { ...identity, email: 'new.name@haven.test' }
    expect((await admitIdentity(renamed, config, lead.email, client)).userId).toBe(lead.userId)
    // someone else at the provider given the lead's address cannot take over the linked account
    const impostor = { ...identity, subject: 'someone-else' }
    expect(await refusal(admitIdentity(impostor, config, lead.email, client))).toBe('linked-elsewhere')
  })

  it('refuses a tampered state, a nonce that is not this sign-in’s, and another sign-in’s code', async () => {
    const worker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Tamper Target')
    const first = await startOrganisationSignIn({ email: worker.email })
    const callback = await signInAtProvider(first.url, worker.email)
    const tampered = new URL(callback)
    tampered.searchParams.set('state', 'not-the-state-haven-sent')
    expect(await refusal(completeOrganisationSignIn(tampered, first.sealedFlow, client))).toBe('failed')
    expect(refusedBecause.at(-1)).toMatch(/state/)
    // without the flow cookie (another browser) it is refused too
    expect(await refusal(completeOrganisationSignIn(callback, undefined, client))).toBe('failed')

    // the ID token's nonce must be the one this browser's sign-in sent (a flow identical but for its nonce)
    const flow = JSON.parse(decryptSecret('organisation-sign-in-flow', first.sealedFlow)) as { nonce: string }
    const otherNonce = encryptSecret('organisation-sign-in-flow', JSON.stringify({ ...flow, nonce: 'another-nonce' }))
    const fresh = await signInAtProvider(first.url, worker.email)
    expect(await refusal(completeOrganisationSignIn(fresh, otherNonce, client))).toBe('failed')
    expect(refusedBecause.at(-1)).toMatch(/nonce/)
    // and the code exchange needs this sign-in's PKCE verifier: another sign-in's state and cookie are refused
    const second = await startOrganisationSignIn({ email: worker.email })
    const spliced = new URL(await signInAtProvider(first.url, worker.email))
    spliced.searchParams.set('state', new URL(second.url).searchParams.get('state')!)
    expect(await refusal(completeOrganisationSignIn(spliced, second.sealedFlow, client))).toBe('failed')
    expect(refusedBecause.at(-1)).toMatch(/PKCE|code_verifier|invalid_grant/i)
  })

  it('refuses a password to the organisation’s people once it signs them in only through its provider', async () => {
    const worker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Password User')
    const elsewhere = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeC.id }], 'Other Password User')
    const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Second Admin')
    const settings = {
      organisationId: world.laOne.id,
      issuer: idp.issuer,
      clientId: idp.clientId,
      emailDomains: ['haven.test'],
      enabled: true,
      providerEnforcesMfa: true,
    }
    await saveOrganisationSignIn(admin, { ...settings, providerOnly: true })
    try {
      await expect(authenticate({ email: worker.email, password: FIXTURE_PASSWORD, ip: null })).rejects.toThrow(
        ForbiddenError,
      )
      // people of other organisations keep their passwords
      expect((await authenticate({ email: elsewhere.email, password: FIXTURE_PASSWORD, ip: null })).id).toBe(
        elsewhere.userId,
      )
    } finally {
      await saveOrganisationSignIn(admin, { ...settings, providerOnly: false })
    }
    expect((await authenticate({ email: worker.email, password: FIXTURE_PASSWORD, ip: null })).id).toBe(worker.userId)
  })

  it('asks for Haven’s own code after the provider only where the organisation says the provider does not', async () => {
    const worker = await makePerson([{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }], 'Code User')
    const { secret } = await startEnrolment(worker, new Date())
    await confirmEnrolment(worker, totpCode(secret, new Date()), new Date())
    const prisma = await getPrisma()
    const config = await prisma.organisationSignIn.findUniqueOrThrow({ where: { id: configId } })
    const identity = { issuer: idp.issuer, subject: 'subject-of-code-user', email: worker.email, emailVerified: true }
    expect((await admitIdentity(identity, config, worker.email, client)).needsCode).toBe(false)
    const noMfa = { ...config, providerEnforcesMfa: false }
    expect((await admitIdentity(identity, noMfa, worker.email, client)).needsCode).toBe(true)
    await expect(checkOrganisationCode(worker.userId, '000000', client)).rejects.toThrow(WrongCodeError)
    const later = new Date(Date.now() + 60_000) // the enrolment's code is never accepted twice
    await checkOrganisationCode(worker.userId, totpCode(secret, later), client, later)
  })

  it('refuses an issuer that does not answer, and a domain another organisation already serves', async () => {
    const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Third Admin')
    const input = {
      organisationId: world.providerTwo.id,
      issuer: idp.issuer,
      clientId: 'x',
      clientSecret: 'y',
      emailDomains: ['haven.test'],
      enabled: true,
      providerOnly: false,
      providerEnforcesMfa: true,
    }
    expect(await problems(saveOrganisationSignIn(admin, input))).toHaveProperty('emailDomains')
    expect(await problems(saveOrganisationSignIn(admin, { ...input, issuer: 'http://127.0.0.1:9' }))).toHaveProperty(
      'issuer',
    )
  })
})
