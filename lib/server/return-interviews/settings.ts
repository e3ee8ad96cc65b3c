// Who holds an authority's return interviews: a named service, or the child's social worker; whether its children are
// screened for radicalisation too. Set by the authority's missing lead (configurableAuthorities in
// lib/domain/permissions.ts, which the settings page asks too).
import { can, configurableAuthorities, mayConfigureAuthority } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { NotFoundError, ValidationError } from '../errors'
import { useCase } from '../use-case'

/** The LA missing lead sets who holds their authority's return interviews: a named service, or the social worker. */
export async function setReturnInterviewService(
  actor: Actor,
  localAuthorityId: string,
  input: { name: string | null },
) {
  if (!mayConfigureAuthority(actor, localAuthorityId)) throw new NotFoundError('local authority')
  await useCase(actor, 'authority.configure', { subject: 'local authority' }, async ({ tx, audit, now }) => {
    if (input.name) {
      const service = { name: input.name, updatedById: actor.userId }
      await tx.returnInterviewService.upsert({
        where: { localAuthorityId },
        create: { localAuthorityId, ...service },
        update: { ...service, updatedAt: now },
      })
    } else await tx.returnInterviewService.deleteMany({ where: { localAuthorityId } })
    await audit({
      action: 'authority.configure',
      subjectType: 'localAuthority',
      subjectId: localAuthorityId,
      details: { returnInterviewService: input.name },
    })
  }).catch((e) => {
    if (e?.code === 'P2002')
      throw new ValidationError({ form: 'Someone else saved this at the same moment. Reload and try again.' })
    throw e
  })
}

/** The LA missing lead decides whether their authority's children are screened for radicalisation too. */
export async function setScreensRadicalisation(actor: Actor, localAuthorityId: string, on: boolean) {
  if (!mayConfigureAuthority(actor, localAuthorityId)) throw new NotFoundError('local authority')
  await useCase(actor, 'authority.configure', { subject: 'local authority' }, async ({ tx, audit }) => {
    await tx.localAuthority.update({ where: { id: localAuthorityId }, data: { screensRadicalisation: on } })
    await audit({
      action: 'authority.configure',
      subjectType: 'localAuthority',
      subjectId: localAuthorityId,
      details: { screensRadicalisation: on },
    })
  })
}

/** The authorities whose settings the actor configures, with who holds their return interviews now. */
export async function authoritySettings(actor: Actor) {
  if (!can(actor, 'authority.configure')) return []
  const options = {
    denied: { forbidden: 'Your roles do not include authority settings.' },
    unaudited: 'authority settings: no child data',
  }
  return useCase(actor, 'authority.configure', options, ({ tx }) =>
    tx.localAuthority.findMany({
      where: { id: { in: configurableAuthorities(actor) } },
      select: { id: true, name: true, screensRadicalisation: true, returnInterviewService: { select: { name: true } } },
    }),
  )
}
