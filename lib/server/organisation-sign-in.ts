// Sign-in through an organisation's own identity provider (OpenID Connect, e.g. Microsoft Entra ID): the
// authorization code flow with PKCE, state and nonce (oauth4webapi checks the answer, the ID token's claims and its
// signature against the provider's published keys). The rules for who is let in are in
// lib/domain/organisation-sign-in.ts; the Haven session is started by next-auth.ts as for a password.
import { randomBytes } from 'node:crypto'
import * as oauth from 'oauth4webapi'
import {
  emailDomain,
  isLoopbackIssuer,
  linkDecision,
  type LinkRefusal,
  type ProviderIdentity,
} from '@/lib/domain/organisation-sign-in'
import { variable } from '@/lib/environment'
import type { OrganisationSignIn, PrismaClient } from '@/lib/generated/prisma/client'
import { markAttemptSucceeded, normaliseEmail, recordSignInAttempt } from './accounts'
import { recordAudit } from './audit'
import { getPrisma, type Tx } from './database'
import { ForbiddenError, TooManyAttemptsError, ValidationError } from './errors'
import { decryptSecret, encryptSecret } from './secret'

export const CLIENT_SECRET_PURPOSE = 'organisation-client-secret'
const FLOW_PURPOSE = 'organisation-sign-in-flow'
const FLOW_MINUTES = 10
export const FLOW_COOKIE = 'haven-organisation-sign-in'
export const CALLBACK_PATH = '/sign-in/organisation/callback'
export const SCOPES = 'openid email profile'

export const redirectUri = () => `${variable('HAVEN_BASE_URL').replace(/\/$/, '')}${CALLBACK_PATH}`

/** A sign-in through the organisation's provider that Haven refuses; `reason` picks the words shown. */
export class OrganisationSignInRefused extends Error {
  constructor(public reason: LinkRefusal | 'failed' | 'throttled') {
    super(`Organisation sign-in refused: ${reason}`)
  }
}

/** A password sign-in for a person whose organisation lets its people in only through its own provider. */
export class PasswordNotAllowedError extends ForbiddenError {
  constructor() {
    super(
      'Your organisation signs you in to Haven through its own account: use “Sign in with your organisation’s account”.',
    )
  }
}

const httpOptions = (config: Pick<OrganisationSignIn, 'issuer'>) => ({
  [oauth.allowInsecureRequests]: isLoopbackIssuer(config.issuer),
  signal: AbortSignal.timeout(10_000),
})

/** The provider's published metadata (OpenID Connect Discovery); throws if the issuer does not answer as one. */
export async function discover(config: Pick<OrganisationSignIn, 'issuer'>) {
  const issuer = new URL(config.issuer)
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...httpOptions(config) })
  return oauth.processDiscoveryResponse(issuer, response)
}

/** The enabled configuration serving an e-mail address's domain, if any. */
export async function configForEmail(email: string) {
  const prisma = await getPrisma()
  return prisma.organisationSignIn.findFirst({ where: { enabled: true, emailDomains: { has: emailDomain(email) } } })
}

type Flow = { configId: string; state: string; nonce: string; verifier: string; email: string; startedAt: number }

/** Where to send the browser, and the sealed flow to keep in a cookie until the provider sends it back. */
export async function startOrganisationSignIn(input: { email: string }, now = new Date()) {
  const email = normaliseEmail(input.email)
  const config = await configForEmail(email)
  if (!config)
    throw new ValidationError({
      email: 'Your organisation does not sign in to Haven this way: sign in with your e-mail address and password.',
    })
  let as: oauth.AuthorizationServer
  try {
    as = await discover(config)
  } catch (e) {
    console.error('Organisation sign-in: the identity provider did not answer', config.issuer, e)
    throw new ValidationError({ email: 'Your organisation’s sign-in service did not answer. Try again in a minute.' })
  }
  const flow: Flow = {
    configId: config.id,
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    verifier: oauth.generateRandomCodeVerifier(),
    email,
    startedAt: now.getTime(),
  }
  const url = new URL(as.authorization_endpoint!)
  url.search = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: SCOPES,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    login_hint: email,
  }).toString()
  return { url: url.toString(), sealedFlow: encryptSecret(FLOW_PURPOSE, JSON.stringify(flow)) }
}

export const flowCookieOptions = (secure: boolean) => ({
  httpOnly: true,
  secure,
  // sent on the provider's top-level redirect back to Haven, never on cross-site requests that change anything
  sameSite: 'lax' as const,
  path: '/sign-in/organisation',
  maxAge: FLOW_MINUTES * 60,
})

function openFlow(sealed: string | undefined, now: Date): Flow {
  if (!sealed) throw new OrganisationSignInRefused('failed')
  let flow: Flow
  try {
    flow = JSON.parse(decryptSecret(FLOW_PURPOSE, sealed)) as Flow
  } catch {
    throw new OrganisationSignInRefused('failed')
  }
  if (now.getTime() - flow.startedAt > FLOW_MINUTES * 60_000) throw new OrganisationSignInRefused('failed')
  return flow
}

/**
 * The provider sent the browser back: checks state, exchanges the code (with the PKCE verifier), checks the ID token
 * (signature, issuer, audience, expiry, nonce), then applies the linking rules. Every attempt is recorded and
 * throttled like a password's. Returns the Haven account to start a session for.
 */
export async function completeOrganisationSignIn(
  callbackUrl: URL,
  sealedFlow: string | undefined,
  client: { ip: string | null },
  now = new Date(),
) {
  const flow = openFlow(sealedFlow, now)
  const prisma = await getPrisma()
  const config = await prisma.organisationSignIn.findUnique({ where: { id: flow.configId } })
  if (!config?.enabled) throw new OrganisationSignInRefused('failed')
  let claims: oauth.IDToken
  try {
    const as = await discover(config)
    const oauthClient: oauth.Client = { client_id: config.clientId }
    const clientAuth = oauth.ClientSecretBasic(decryptSecret(CLIENT_SECRET_PURPOSE, config.clientSecret))
    const params = oauth.validateAuthResponse(as, oauthClient, callbackUrl, flow.state)
    const options = httpOptions(config)
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      oauthClient,
      clientAuth,
      params,
      redirectUri(),
      flow.verifier,
      options,
    )
    const result = await oauth.processAuthorizationCodeResponse(as, oauthClient, response, {
      expectedNonce: flow.nonce,
      requireIdToken: true,
    })
    await oauth.validateApplicationLevelSignature(as, response, options)
    claims = oauth.getValidatedIdTokenClaims(result)!
  } catch (e) {
    // the provider's own error code helps the IT team (invalid_grant, access_denied...); never the code or a token
    const said = e instanceof oauth.ResponseBodyError ? ` (${e.error}: ${e.error_description ?? ''})` : ''
    console.error(`Organisation sign-in: the answer was refused: ${e instanceof Error ? e.message : 'unknown'}${said}`)
    throw new OrganisationSignInRefused('failed')
  }
  const email = typeof claims.email === 'string' ? normaliseEmail(claims.email) : null
  // Entra ID sends no email_verified; its optional claim xms_edov says the domain's owner verified the address
  const emailVerified = claims.email_verified === true || claims.xms_edov === true
  return admitIdentity(
    { issuer: claims.iss, subject: claims.sub, email, emailVerified },
    config,
    flow.email,
    client,
    now,
  )
}

/**
 * The linking rules applied to the provider's checked answer: finds (and on first sign-in links) the Haven account,
 * recording and throttling the attempt under the e-mail it gave (or the one typed, if none).
 */
export async function admitIdentity(
  identity: ProviderIdentity,
  config: OrganisationSignIn,
  typedEmail: string,
  client: { ip: string | null },
  now = new Date(),
) {
  const prisma = await getPrisma()
  const { email } = identity
  let attemptId: string
  try {
    attemptId = await recordSignInAttempt(email ?? typedEmail, { ip: client.ip, channel: 'organisation' }, now)
  } catch (e) {
    if (e instanceof TooManyAttemptsError) throw new OrganisationSignInRefused('throttled')
    throw e
  }
  const userId = await prisma.$transaction(async (tx) => {
    const bySubject = await tx.user.findUnique({
      where: { identityIssuer_identitySubject: { identityIssuer: identity.issuer, identitySubject: identity.subject } },
    })
    const byEmail = bySubject || !email ? null : await tx.user.findUnique({ where: { email } })
    const candidate = async (user: typeof bySubject) =>
      user && { ...user, inOrganisation: await inOrganisation(tx, user.id, config) }
    const decision = linkDecision(identity, config.emailDomains, await candidate(bySubject), await candidate(byEmail))
    if (!decision.ok) return decision.refusal
    const user = (bySubject ?? byEmail)!
    if (decision.link) {
      await tx.user.update({
        where: { id: user.id },
        data: { identityIssuer: identity.issuer, identitySubject: identity.subject },
      })
      await recordAudit(tx, {
        actorId: user.id,
        action: 'user.identity-link',
        subjectType: 'user',
        subjectId: user.id,
        details: { organisationSignInId: config.id },
      })
    }
    return { id: user.id }
  })
  if (typeof userId === 'string') throw new OrganisationSignInRefused(userId)
  await markAttemptSucceeded(attemptId)
  // Haven's own code is asked only where the provider does not enforce a second factor and the person has one
  const factor = config.providerEnforcesMfa
    ? null
    : await prisma.secondFactor.findUnique({ where: { userId: userId.id }, select: { confirmedAt: true } })
  return { userId: userId.id, needsCode: Boolean(factor?.confirmedAt) }
}

/** Whether the person holds a role in the configuration's organisation (a home's role counts for its provider). */
async function inOrganisation(tx: Tx | PrismaClient, userId: string, config: OrganisationSignIn) {
  const where = config.providerId
    ? { OR: [{ providerId: config.providerId }, { home: { providerId: config.providerId } }] }
    : { localAuthorityId: config.localAuthorityId }
  return (await tx.roleAssignment.count({ where: { userId, ...where } })) > 0
}

/** Whether a password may not be used: the person holds a role in an organisation that allows only its provider. */
export async function passwordRefused(tx: Tx | PrismaClient, userId: string) {
  const configs = await tx.organisationSignIn.findMany({ where: { enabled: true, providerOnly: true } })
  for (const config of configs) if (await inOrganisation(tx, userId, config)) return true
  return false
}

// ---- handing the checked person to Auth.js's authorize(), which starts the Haven session

const HANDOVER_MS = 5 * 60_000
const PENDING_PURPOSE = 'organisation-sign-in-code'
export const PENDING_COOKIE = 'haven-organisation-code'
const tickets = new Map<string, { userId: string; expires: number }>()

/** A single-use ticket, redeemed at once by authorize() in this same process (signIn() calls it in-process). */
export function issueTicket(userId: string, now = Date.now()) {
  for (const [key, value] of tickets) if (value.expires <= now) tickets.delete(key)
  const ticket = randomBytes(24).toString('base64url')
  tickets.set(ticket, { userId, expires: now + HANDOVER_MS })
  return ticket
}

export function redeemTicket(ticket: string, now = Date.now()) {
  const entry = tickets.get(ticket)
  tickets.delete(ticket)
  return entry && entry.expires > now ? entry.userId : null
}

/** For a person who must still give Haven's code (the provider does not enforce a second factor): sealed in a
 *  cookie, so that the code page may be answered by any of Haven's servers. */
export const sealPending = (userId: string, now = Date.now()) =>
  encryptSecret(PENDING_PURPOSE, JSON.stringify({ userId, expires: now + HANDOVER_MS }))

export function openPending(sealed: string | undefined, now = Date.now()): string | null {
  if (!sealed) return null
  try {
    const pending = JSON.parse(decryptSecret(PENDING_PURPOSE, sealed)) as { userId: string; expires: number }
    return pending.expires > now ? pending.userId : null
  } catch {
    return null
  }
}
