// The administrator's side of sign-in with an organisation's identity provider: which organisations have one, and
// setting one up (the client secret is stored encrypted and never shown again).
import type { Actor } from '@/lib/domain/roles'
import type { organisationSignInSchema } from '@/lib/validation/organisation-sign-in'
import type { z } from 'zod'
import { ValidationError } from './errors'
import { CLIENT_SECRET_PURPOSE, discover } from './organisation-sign-in'
import { encryptSecret } from './secret'
import { orNotFound, useCase, type UseCaseOptions } from './use-case'

const ADMINS: UseCaseOptions = {
  denied: { forbidden: 'Only a system administrator can set up sign-in with an organisation’s account.' },
}

/** Every provider and local authority, with its identity provider's settings if it has one (no secret). */
export async function listOrganisationSignIns(actor: Actor) {
  return useCase(
    actor,
    'organisation.sign-in',
    { ...ADMINS, unaudited: 'organisations and settings only' },
    async ({ tx }) => {
      const config = {
        select: {
          id: true,
          issuer: true,
          clientId: true,
          emailDomains: true,
          enabled: true,
          providerOnly: true,
          providerEnforcesMfa: true,
          updatedAt: true,
        },
      }
      const [providers, authorities] = await Promise.all([
        tx.provider.findMany({
          orderBy: { name: 'asc' },
          select: { id: true, name: true, organisationSignIn: config },
        }),
        tx.localAuthority.findMany({
          orderBy: { name: 'asc' },
          select: { id: true, name: true, organisationSignIn: config },
        }),
      ])
      return [
        ...providers.map((p) => ({ ...p, kind: 'provider' as const })),
        ...authorities.map((a) => ({ ...a, kind: 'local authority' as const })),
      ]
    },
  )
}

/** Sets up or changes an organisation's identity provider; the issuer must answer as an OpenID Connect provider. */
export async function saveOrganisationSignIn(actor: Actor, input: z.output<typeof organisationSignInSchema>) {
  const issuer = input.issuer.replace(/\/$/, '')
  try {
    await discover({ issuer })
  } catch {
    throw new ValidationError({
      issuer:
        'The issuer did not answer as an OpenID Connect provider: check the address (it is the "issuer" value in its metadata)',
    })
  }
  return useCase(actor, 'organisation.sign-in', ADMINS, async ({ tx, audit }) => {
    const [provider, authority] = await Promise.all([
      tx.provider.findUnique({ where: { id: input.organisationId } }),
      tx.localAuthority.findUnique({ where: { id: input.organisationId } }),
    ])
    if (!provider && !authority) orNotFound('organisation')(null)
    const owner = provider ? { providerId: provider.id } : { localAuthorityId: authority!.id }
    const existing = await tx.organisationSignIn.findFirst({ where: owner })
    if (!existing && !input.clientSecret) throw new ValidationError({ clientSecret: 'Enter the client secret' })
    const clash = await tx.organisationSignIn.findFirst({
      where: { emailDomains: { hasSome: input.emailDomains }, ...(existing ? { id: { not: existing.id } } : {}) },
    })
    if (clash)
      throw new ValidationError({
        emailDomains: `Another organisation already signs in people from ${clash.emailDomains.filter((d) => input.emailDomains.includes(d)).join(', ')}`,
      })
    const data = {
      issuer,
      clientId: input.clientId,
      emailDomains: input.emailDomains,
      enabled: input.enabled,
      providerOnly: input.providerOnly,
      providerEnforcesMfa: input.providerEnforcesMfa,
      ...(input.clientSecret ? { clientSecret: encryptSecret(CLIENT_SECRET_PURPOSE, input.clientSecret) } : {}),
    }
    const saved = existing
      ? await tx.organisationSignIn.update({ where: { id: existing.id }, data })
      : await tx.organisationSignIn.create({ data: { ...owner, ...data, clientSecret: data.clientSecret! } })
    await audit({
      action: 'organisation.sign-in-set',
      subjectType: 'organisationSignIn',
      subjectId: saved.id,
      details: {
        organisationSignInId: saved.id,
        enabled: saved.enabled,
        providerOnly: saved.providerOnly,
        providerEnforcesMfa: saved.providerEnforcesMfa,
        secretChanged: Boolean(input.clientSecret),
      },
    })
    return { id: saved.id }
  })
}
