// Correcting an episode: one field at a time, by amendment (lib/server/amendments.ts), with the rules a corrected
// time must still meet (the child's other episodes, their placements, the return interview).
import { AMENDABLE_FIELDS, checkAmendedTimes, checkDuringPlacement, type AmendableField } from '@/lib/domain/episodes'
import type { Actor } from '@/lib/domain/roles'
import type { AmendEpisode } from '@/lib/validation/episodes'
import { ABSENCE_TYPES, RETURN_METHODS } from '@/lib/validation/episodes'
import { momentField } from '@/lib/validation/fields'
import { amend, type AmendedValue, type AmendmentKind, type Parsed } from '../amendments'
import { ValidationError } from '../errors'
import { patternsAfterEvent } from '../patterns'
import { moveInterviewDeadline } from '../return-interviews'
import { useCase, type UseCase } from '../use-case'
import { placementsOf } from './report'

/** The fields of the return: corrected only once it is recorded. */
const RETURN_FIELDS: AmendableField[] = [
  'returnedAt',
  'returnMethod',
  'injuries',
  'signsOfHarm',
  'medicalAttention',
  'whoInformed',
]

/** The new value for an amended field, as stored, or a problem with it. */
function amendedValue(field: AmendableField, raw: string, returned: boolean): Parsed {
  const text = raw.trim()
  if (RETURN_FIELDS.includes(field) && !returned)
    return { problem: 'The return has not been recorded yet: record it first' }
  switch (field) {
    case 'absenceType':
      if (!(ABSENCE_TYPES as readonly string[]).includes(text))
        return { problem: 'Choose missing (MISSING) or away (AWAY)' }
      return { value: text }
    case 'returnMethod':
      if (!(RETURN_METHODS as readonly string[]).includes(text)) return { problem: 'Choose how the child came back' }
      return { value: text }
    case 'lastSeenAt':
    case 'returnedAt': {
      const parsed = momentField('the new time').safeParse(text)
      return parsed.success ? { value: new Date(parsed.data) } : { problem: parsed.error.issues[0].message }
    }
    case 'lastSeenPlace':
      return text ? { value: text } : { problem: 'Enter where the child was last seen' }
    default:
      return { value: text || null }
  }
}

const include = {
  updates: { select: { kind: true, at: true } },
  child: { select: { firstName: true, dateOfBirth: true } },
} as const
type Episode = Awaited<ReturnType<typeof readEpisode>>
const readEpisode = (uc: UseCase, episodeId: string) => uc.find.episode(episodeId, { include })

/** A corrected time still fits: after the child's birth and before now, not across their other episodes, within a
 * placement, and the return not after the return interview was held. */
async function checkTimes({ tx, now }: UseCase, field: AmendableField, value: AmendedValue, episode: Episode) {
  if (field !== 'lastSeenAt' && field !== 'returnedAt') return
  const others = await tx.missingEpisode.findMany({
    where: { childId: episode.childId, id: { not: episode.id } },
    select: { id: true, lastSeenAt: true, returnedAt: true },
  })
  const sightings = episode.updates.filter((u) => u.kind === 'SIGHTING').map((u) => u.at)
  const change = { [field]: value as Date }
  const updateTimes = episode.updates.map((u) => u.at)
  const facts = { ...episode, sightings, updateTimes, dateOfBirth: episode.child.dateOfBirth }
  const problems = checkAmendedTimes(facts, change, others, now)
  if (Object.keys(problems).length) throw new ValidationError({ value: Object.values(problems)[0] })
  // the corrected times still fall within the child's placements (a return only when there is one)
  const times = {
    lastSeenAt: change.lastSeenAt ?? episode.lastSeenAt,
    returnedAt: change.returnedAt ?? episode.returnedAt,
  }
  const placements = await placementsOf(tx, episode.childId)
  const placed = checkDuringPlacement(times, { firstName: episode.child.firstName, placements })
  const placementProblem =
    field === 'lastSeenAt' ? (placed.lastSeenAt ?? (times.returnedAt && placed.returnedAt)) : placed.returnedAt
  if (placementProblem) throw new ValidationError({ value: placementProblem })
  const interview = await tx.returnInterview.findUnique({ where: { episodeId: episode.id }, select: { heldAt: true } })
  if (field === 'returnedAt' && interview?.heldAt && interview.heldAt < (value as Date))
    throw new ValidationError({
      value: 'The return interview is recorded as held before this time: correct that first',
    })
}

const episodeAmendments = (uc: UseCase, episode: Episode): AmendmentKind<AmendableField, Episode> => ({
  labels: AMENDABLE_FIELDS,
  staleMessage:
    'Someone else changed this episode while you were working on it. Reload the page to see their change; what you typed is still here.',
  parse: (field, raw) => amendedValue(field, raw, episode.returnedAt !== null),
  check: (field, value) => checkTimes(uc, field, value, episode),
  previous: (field) => episode[field],
  write: async (field, value, version) => {
    const data = { [field]: value, version: { increment: 1 } }
    return (await uc.tx.missingEpisode.updateMany({ where: { id: episode.id, version }, data })).count
  },
  after: async (field, value) => {
    if (field === 'returnedAt') await moveInterviewDeadline(uc.tx, episode.id, value as Date)
    if (field === 'lastSeenAt' || field === 'returnedAt') await patternsAfterEvent(uc.tx, episode.childId, uc.now)
  },
  addRow: (row) => uc.tx.episodeAmendment.create({ data: { ...row, episodeId: episode.id }, select: { id: true } }),
  audit: { action: 'episode.amend', subjectType: 'episode', childId: episode.childId },
})

/** A correction: the old value stays readable beside the new one, with who changed it, when and why. */
export async function amendEpisode(actor: Actor, episodeId: string, input: AmendEpisode, now = new Date()) {
  return useCase(actor, 'episode.amend', { subject: 'episode', now }, async (uc) => {
    const episode = await readEpisode(uc, episodeId)
    return amend(uc, episodeAmendments(uc, episode), episode, input)
  })
}
