// Personal API tokens: issued to a signed-in person (their second factor first where their role requires one), only a
// SHA-256 hash stored, the token shown once; the actor for a bearer token; listing and revoking one's own.
import { createHash, randomBytes } from 'node:crypto'
import type { Actor } from '@/lib/domain/roles'
import { settings } from '@/lib/settings'
import { getPrisma } from './database'
import { authenticate, loadActor } from './accounts'
import { recordAudit } from './audit'
import { ForbiddenError, NotFoundError } from './errors'
import { mustEnrol } from './second-factor'

const MINUTE = 60_000
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

export async function issueApiToken(
  input: { email: string; password: string; code?: string; ip: string | null; name?: string; signedIn?: boolean },
  now = new Date(),
) {
  // from the account page the session has already passed the second factor; the API's token endpoint has not
  const user = await authenticate({ ...input, channel: 'api', secondFactor: !input.signedIn }, now)
  const prisma = await getPrisma()
  // a token is no way round the second factor: enrol in the browser first
  const actor = await loadActor(prisma, user.id)
  if (actor && (await mustEnrol(actor)))
    throw new ForbiddenError(
      'Your account must have a second factor before it can have API tokens: sign in to Haven in a browser and set up your authenticator app.',
    )
  const token = `hvn_${randomBytes(32).toString('base64url')}`
  const expiresAt = new Date(now.getTime() + settings.auth.apiTokenDays * 24 * 60 * MINUTE)
  const saved = await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        userId: user.id,
        name: input.name?.trim() || 'API token',
        tokenHash: tokenHash(token),
        createdAt: now,
        expiresAt,
      },
    })
    await recordAudit(tx, {
      actorId: user.id,
      action: 'token.create',
      subjectType: 'apiToken',
      subjectId: row.id,
      details: { expiresAt: expiresAt.toISOString() },
    })
    return row
  })
  return { id: saved.id, token, expiresAt }
}

/** The actor for an Authorization header value, or null if the token is unknown, expired or revoked. */
export async function actorForBearer(
  authorization: string | null,
  now = new Date(),
): Promise<{ actor: Actor; tokenId: string } | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i)
  if (!match) return null
  const prisma = await getPrisma()
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: tokenHash(match[1]) } })
  if (!row || row.revokedAt || row.expiresAt <= now) return null
  const actor = await loadActor(prisma, row.userId)
  if (!actor) return null
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > MINUTE)
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } })
  return { actor, tokenId: row.id }
}

export async function listOwnApiTokens(actor: Actor, now = new Date()) {
  const prisma = await getPrisma()
  return prisma.apiToken.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, createdAt: true, expiresAt: true, lastUsedAt: true },
  })
}

export async function revokeApiToken(actor: Actor, tokenId: string) {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.userId, revokedAt: null } })
    if (!row) throw new NotFoundError('API token')
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } })
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'token.revoke',
      subjectType: 'apiToken',
      subjectId: tokenId,
      details: {},
    })
  })
}
