'use server'
import { runAction, runActionWithFile } from '@/lib/server/action'
import {
  addEpisodeUpdate,
  amendEpisode,
  closeEpisode,
  linkEpisodes,
  undoWentWith,
  recordReturn,
  reportMissing,
} from '@/lib/server/episodes'
import { recordId } from '@/lib/server/errors'
import { recordGrabPackShare, saveGrabPack } from '@/lib/server/grab-packs'
import { mergePlaces } from '@/lib/server/places'
import {
  amendEpisodeSchema,
  closeEpisodeSchema,
  episodeUpdateSchema,
  grabPackSchema,
  grabPackShareSchema,
  linkEpisodeSchema,
  mergeSchema,
  recordReturnSchema,
  reportMissingSchema,
} from '@/lib/validation/episodes'

export async function reportMissingAction(childId: string, input: unknown) {
  return runAction(reportMissingSchema, input, (actor, report) =>
    reportMissing(actor, recordId(childId, 'child'), report),
  )
}

export async function addUpdateAction(episodeId: string, input: unknown) {
  return runAction(episodeUpdateSchema, input, (actor, update) =>
    addEpisodeUpdate(actor, recordId(episodeId, 'episode'), update),
  )
}

export async function recordReturnAction(episodeId: string, input: unknown) {
  return runAction(recordReturnSchema, input, (actor, back) =>
    recordReturn(actor, recordId(episodeId, 'episode'), back),
  )
}

export async function amendEpisodeAction(episodeId: string, input: unknown) {
  return runAction(amendEpisodeSchema, input, (actor, amendment) =>
    amendEpisode(actor, recordId(episodeId, 'episode'), amendment),
  )
}

export async function closeEpisodeAction(episodeId: string, input: unknown) {
  return runAction(closeEpisodeSchema, input, (actor, review) =>
    closeEpisode(actor, recordId(episodeId, 'episode'), review),
  )
}

export async function linkEpisodeAction(episodeId: string, input: unknown) {
  return runAction(linkEpisodeSchema, input, (actor, { otherEpisodeId }) =>
    linkEpisodes(actor, recordId(episodeId, 'episode'), recordId(otherEpisodeId, 'episode')),
  )
}

export async function undoWentWithAction(episodeId: string, input: unknown) {
  return runAction(linkEpisodeSchema, input, (actor, { otherEpisodeId }) =>
    undoWentWith(actor, recordId(episodeId, 'episode'), recordId(otherEpisodeId, 'episode')),
  )
}

export async function shareGrabPackAction(episodeId: string, input: unknown) {
  return runAction(grabPackShareSchema, input, (actor, share) =>
    recordGrabPackShare(actor, recordId(episodeId, 'episode'), share),
  )
}

export async function mergePlacesAction(input: unknown) {
  return runAction(mergeSchema, input, (actor, merge) => mergePlaces(actor, merge))
}

/** The grab pack form sends its answers as JSON beside the photo file, in one FormData. */
export async function saveGrabPackAction(childId: string, form: FormData) {
  return runActionWithFile(form, 'photo', grabPackSchema, (actor, pack, file) =>
    saveGrabPack(actor, recordId(childId, 'child'), pack, file),
  )
}
