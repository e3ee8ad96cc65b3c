// The Philomena Protocol grab pack: part 1 kept ready for each child (versioned: every save is a new version),
// part 2 filled from the open episode, given to the police in one click and recorded as shared.
import { languageWarningsFor } from '@/lib/domain/language'
import { checkPhoto, type PhotoType } from '@/lib/domain/photos'
import { can } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import { isoDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { GrabPackInput } from '@/lib/validation/episodes'
import { NotFoundError, ValidationError } from './errors'
import { getEpisode } from './episodes'
import { cleanPhoto } from './photos'
import { orNotFound, useCase } from './use-case'

const packSelect = {
  id: true,
  version: true,
  description: true,
  friendsAndAssociates: true,
  placesTheyGo: true,
  phoneNumbers: true,
  socialMedia: true,
  medicalNeeds: true,
  vulnerabilities: true,
  transport: true,
  addresses: true,
  bankCardsAndMoney: true,
  nationality: true,
  immigrationStatus: true,
  photoId: true,
  createdAt: true,
  createdById: true,
} as const

/** The child's current grab pack (null if none yet), its version count and the child's missing history. */
export async function getGrabPack(actor: Actor, childId: string, now = new Date()) {
  return useCase(actor, 'grabpack.read', { subject: 'child', now }, async ({ tx, find, audit }) => {
    const child = await find.child(childId, {
      select: {
        id: true,
        firstName: true,
        lastName: true,
        dateOfBirth: true,
        sex: true,
        ethnicity: true,
        grabPacks: { orderBy: { version: 'desc' }, select: packSelect },
        missingEpisodes: {
          orderBy: { lastSeenAt: 'desc' },
          select: {
            id: true,
            absenceType: true,
            lastSeenAt: true,
            returnedAt: true,
            lastSeenPlace: true,
            locations: { select: { role: true, location: { select: { name: true } } } },
          },
        },
      },
    })
    const [current, ...older] = child.grabPacks
    const authors = await tx.user.findMany({
      where: { id: { in: child.grabPacks.map((p) => p.createdById) } },
      select: { id: true, name: true },
    })
    await audit({
      action: 'grabpack.read',
      subjectType: 'child',
      subjectId: childId,
      childId,
      details: { version: current?.version ?? null },
    })
    const authorOf = (id: string) => authors.find((a) => a.id === id)?.name ?? 'Unknown'
    return {
      child: {
        id: child.id,
        firstName: child.firstName,
        lastName: child.lastName,
        dateOfBirth: isoDate(child.dateOfBirth),
        sex: child.sex,
        ethnicity: child.ethnicity,
      },
      current: current ? { ...current, createdBy: authorOf(current.createdById) } : null,
      older: older.map((p) => ({ ...p, createdBy: authorOf(p.createdById) })),
      missingHistory: child.missingEpisodes.map((e) => ({
        id: e.id,
        absenceType: e.absenceType,
        lastSeenAt: e.lastSeenAt,
        returnedAt: e.returnedAt,
        lastSeenPlace: e.lastSeenPlace,
        foundAt: e.locations.find((l) => l.role === 'FOUND')?.location.name ?? null,
      })),
    }
  })
}

/** The grab pack's free text, checked for victim-blaming words like every other narrative (the police read it too). */
const GRAB_PACK_NARRATIVE = [
  'description',
  'friendsAndAssociates',
  'placesTheyGo',
  'medicalNeeds',
  'vulnerabilities',
  'transport',
  'addresses',
  'bankCardsAndMoney',
] as const

/** Saves a new version of the grab pack; a new photo (checked by its bytes) or the previous one is kept with it. */
export async function saveGrabPack(
  actor: Actor,
  childId: string,
  input: GrabPackInput,
  photo: { bytes: Uint8Array } | null,
  now = new Date(),
) {
  if (!can(actor, 'grabpack.edit')) throw new NotFoundError('child') // before the photo is decoded
  const checked = photo ? checkPhoto(photo.bytes, settings.grabPack.maxPhotoBytes) : null
  if (checked && !checked.ok) throw new ValidationError({ photo: checked.problem })
  const cleaned = checked?.ok ? await cleanPhoto(photo!.bytes, checked.type) : null
  return useCase(actor, 'grabpack.edit', { subject: 'child', now }, async ({ tx, find, audit }) => {
    const child = await find.child(childId, {
      select: {
        id: true,
        grabPacks: { orderBy: { version: 'desc' }, take: 1, select: { version: true, photoId: true } },
      },
    })
    let photoId = child.grabPacks[0]?.photoId ?? null
    if (cleaned && checked?.ok)
      photoId = (
        await tx.childPhoto.create({
          data: {
            childId,
            contentType: checked.type,
            bytes: new Uint8Array(cleaned),
            sizeBytes: cleaned.length,
            uploadedAt: now,
            uploadedById: actor.userId,
          },
        })
      ).id
    const version = (child.grabPacks[0]?.version ?? 0) + 1
    const pack = await tx.grabPack.create({
      data: { ...input, childId, version, photoId, createdAt: now, createdById: actor.userId },
    })
    await audit({
      action: 'grabpack.save',
      subjectType: 'child',
      subjectId: childId,
      childId,
      details: { version, photoId },
    })
    return { id: pack.id, version, warnings: languageWarningsFor(input, GRAB_PACK_NARRATIVE) }
  }).catch((e) => {
    // two people saving at once both chose the same next version: the second is told, nothing is lost
    if (e?.code === 'P2002')
      throw new ValidationError({
        form: 'Someone else saved this grab pack at the same moment. Reload to see their version; what you typed is still here.',
      })
    throw e
  })
}

/** A child's photo, if the actor may see the child: the picture alone, as photos stored before they were cleaned on
 *  upload may still carry where they were taken. */
export async function getChildPhoto(actor: Actor, childId: string, photoId: string, now = new Date()) {
  const photo = await useCase(actor, 'grabpack.read', { subject: 'photo', now }, async ({ tx, scope, audit }) => {
    const photo = await tx.childPhoto
      .findFirst({ where: { id: photoId, childId, child: scope.child } })
      .then(orNotFound('photo'))
    await audit({
      action: 'grabpack.photo-read',
      subjectType: 'child',
      subjectId: childId,
      childId,
      details: { photoId },
    })
    return photo
  })
  const type = photo.contentType as PhotoType
  // a stored file that no longer decodes is not handed out as it is
  const bytes = await cleanPhoto(photo.bytes, type).catch(() => {
    throw new NotFoundError('photo')
  })
  return { contentType: type, bytes }
}

/** What the police get: part 1 (the grab pack) and part 2 (from the episode). */
export async function grabPackForPolice(actor: Actor, episodeId: string, now = new Date()) {
  const episode = await getEpisode(actor, episodeId, now)
  const pack = await getGrabPack(actor, episode.child.id, now)
  return { episode, pack }
}

/** Records that the grab pack was given to the police: when, which force, by whom. */
export async function recordGrabPackShare(
  actor: Actor,
  episodeId: string,
  input: { policeForce: string; reference: string | null },
  now = new Date(),
) {
  return useCase(actor, 'grabpack.share', { subject: 'episode', now }, async ({ tx, find, audit }) => {
    const episode = await find.episode(episodeId, {
      select: {
        id: true,
        childId: true,
        child: { select: { grabPacks: { orderBy: { version: 'desc' }, take: 1, select: { id: true } } } },
      },
    })
    const share = await tx.grabPackShare.create({
      data: {
        episodeId,
        grabPackId: episode.child.grabPacks[0]?.id ?? null,
        policeForce: input.policeForce,
        reference: input.reference,
        sharedAt: now,
        sharedById: actor.userId,
      },
    })
    await audit({
      action: 'grabpack.share',
      subjectType: 'episode',
      subjectId: episodeId,
      childId: episode.childId,
      details: { shareId: share.id, policeForce: input.policeForce },
    })
    return { id: share.id }
  })
}
