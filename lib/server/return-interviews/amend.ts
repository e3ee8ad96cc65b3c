// Correcting a return interview by amendment (lib/server/amendments.ts): only once it is recorded, the concerns
// about the home only by those who may read them, and never making someone in the child's care the interviewer.
import { checkOutcome } from '@/lib/domain/return-interviews'
import type { Actor } from '@/lib/domain/roles'
import { momentField } from '@/lib/validation/fields'
import {
  INTERVIEW_AMENDABLE,
  PREVENTION_STATUSES,
  type InterviewAmendableField,
} from '@/lib/validation/return-interviews'
import { amend, type AmendedValue, type AmendmentInput, type AmendmentKind, type Parsed } from '../amendments'
import { NotFoundError, ValidationError } from '../errors'
import { useCase, type UseCase } from '../use-case'
import { carePeople, mayReadConcerns } from './care-people'
import { interviewBy } from './view'

type Interview = Awaited<ReturnType<typeof interviewBy>>

function amendedValue(field: InterviewAmendableField, raw: string, interview: Interview): Parsed {
  const text = raw.trim()
  switch (field) {
    case 'heldAt': {
      if (interview.outcome !== 'HELD') return { problem: 'The interview is not recorded as held' }
      const parsed = momentField('the time it was held').safeParse(raw)
      return parsed.success ? { value: new Date(parsed.data) } : { problem: parsed.error.issues[0].message }
    }
    case 'preventionInterview':
      return (PREVENTION_STATUSES as readonly string[]).includes(text)
        ? { value: text }
        : { problem: 'Choose DONE, DECLINED or NOT_DONE' }
    default:
      return { value: text || null }
  }
}

/** The interviewer stays independent of the child's care, and the time it was held still fits the return. */
async function checkInterview({ tx, now }: UseCase, field: InterviewAmendableField, value: AmendedValue, i: Interview) {
  const returnedAt = i.episode.returnedAt!
  if (
    (field === 'interviewerOrganisation' || field === 'interviewerName') &&
    i.outcome === 'HELD' &&
    !i.childChoseTrustedAdult
  ) {
    const corrected = {
      interviewerName: i.interviewerName,
      interviewerOrganisation: i.interviewerOrganisation,
      [field]: value as string | null,
    }
    const problems = checkOutcome(
      {
        outcome: 'HELD',
        offeredAt: null,
        heldAt: i.heldAt,
        ...corrected,
        independenceDeclared: true,
        childChoseTrustedAdult: false,
        trustedAdult: null,
      },
      {
        returnedAt,
        providerName: i.episode.home?.provider.name ?? null,
        now,
        carePeople: await carePeople(tx, i.childId, i.episode.home?.id ?? null),
      },
    )
    const problem = problems.interviewerName ?? problems.interviewerOrganisation
    if (problem) throw new ValidationError({ value: problem })
  }
  if (field === 'heldAt') {
    const held = {
      outcome: 'HELD' as const,
      offeredAt: i.offeredAt,
      heldAt: value as Date,
      interviewerOrganisation: null,
    }
    const problems = checkOutcome(
      { ...held, independenceDeclared: true, childChoseTrustedAdult: false, trustedAdult: null },
      { returnedAt, providerName: null, now },
    )
    if (problems.heldAt) throw new ValidationError({ value: problems.heldAt })
  }
}

const interviewAmendments = (uc: UseCase, i: Interview): AmendmentKind<InterviewAmendableField, Interview> => ({
  labels: INTERVIEW_AMENDABLE,
  staleMessage:
    'Someone else changed this interview while you were working on it. Reload to see their change; what you typed is still here.',
  before: async (field) => {
    if (!i.outcome) throw new ValidationError({ form: 'Record the interview first; corrections come after.' })
    if (field === 'concernsAboutHome' && !(await mayReadConcerns(uc.tx, uc.actor, i.id)))
      throw new NotFoundError('return interview')
  },
  parse: (field, raw) => amendedValue(field, raw, i),
  check: (field, value) => checkInterview(uc, field, value, i),
  previous: (field) => i[field],
  write: async (field, value, version) => {
    const data = { [field]: value, version: { increment: 1 } }
    return (await uc.tx.returnInterview.updateMany({ where: { id: i.id, version }, data })).count
  },
  addRow: (row) => uc.tx.interviewAmendment.create({ data: { ...row, interviewId: i.id }, select: { id: true } }),
  audit: { action: 'interview.amend', subjectType: 'returnInterview', childId: i.childId },
})

/** A correction, with the old value kept beside it. */
export async function amendInterview(
  actor: Actor,
  interviewId: string,
  input: AmendmentInput<InterviewAmendableField>,
  now = new Date(),
) {
  return useCase(actor, 'interview.record', { subject: 'return interview', now }, async (uc) => {
    const interview = await interviewBy(uc, { id: interviewId })
    return amend(uc, interviewAmendments(uc, interview), interview, input)
  })
}
