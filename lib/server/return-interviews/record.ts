// Recording a return interview: due automatically after every return, then the offer, the outcome (once), follow-ups,
// what was shared with the police and the police prevention interview. Each is a use case (useCase()), audited.
import { languageWarningsFor } from '@/lib/domain/language'
import { checkOutcome, interviewDueAt } from '@/lib/domain/return-interviews'
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, formatDate, londonDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { OutcomeInput } from '@/lib/validation/return-interviews'
import type { Tx } from '../database'
import { throwIfProblems, ValidationError } from '../errors'
import { patternsAfterEvent } from '../patterns'
import {
  resolveAssociate,
  resolveLocation,
  resolveVehicle,
  typedAssociate,
  typedLocation,
  typedVehicle,
} from '../places'
import { useCase } from '../use-case'
import { carePeople } from './care-people'
import { interviewBy } from './view'
import { intelligenceFromSharing } from '../referrals'

/** Called in the same transaction as the return: the interview is due 72 hours later, with the right people. */
export async function createDueInterview(
  tx: Tx,
  episode: { id: string; childId: string },
  returnedAt: Date,
  id?: string,
) {
  const child = await tx.child.findUniqueOrThrow({
    where: { id: episode.childId },
    select: {
      placingAuthorityId: true,
      socialWorkerId: true,
      placingAuthority: { select: { returnInterviewService: true } },
    },
  })
  const service = child.placingAuthority.returnInterviewService
  return tx.returnInterview.create({
    data: {
      id, // fixed only for demo data
      episodeId: episode.id,
      childId: episode.childId,
      dueAt: interviewDueAt(returnedAt, settings.returnInterview.dueHours),
      serviceAuthorityId: service ? child.placingAuthorityId : null,
      assignedSocialWorkerId: service ? null : child.socialWorkerId,
    },
  })
}

/** When a return time is corrected, the deadline follows it. */
export async function moveInterviewDeadline(tx: Tx, episodeId: string, returnedAt: Date) {
  await tx.returnInterview.updateMany({
    where: { episodeId },
    data: { dueAt: interviewDueAt(returnedAt, settings.returnInterview.dueHours) },
  })
}

/** The offer, before the interview happens (or is declined). */
export async function recordOffer(
  actor: Actor,
  interviewId: string,
  input: { offeredAt: string; offerMethod: string },
  now = new Date(),
) {
  return useCase(actor, 'interview.record', { subject: 'return interview', now }, async (uc) => {
    const { tx } = uc
    const i = await interviewBy(uc, { id: interviewId })
    if (i.outcome || i.offeredAt)
      throw new ValidationError({
        form: 'The offer or the outcome has already been recorded: correct it with an amendment.',
      })
    const offeredAt = new Date(input.offeredAt)
    throwIfProblems(
      checkOutcome(
        {
          outcome: 'DECLINED',
          offeredAt,
          heldAt: null,
          interviewerOrganisation: null,
          independenceDeclared: false,
          childChoseTrustedAdult: false,
          trustedAdult: null,
        },
        { returnedAt: i.episode.returnedAt!, providerName: null, now },
      ),
    )
    const offered = await tx.returnInterview.updateMany({
      where: { id: interviewId, offeredAt: null, outcome: null },
      data: {
        offeredAt,
        offerMethod: input.offerMethod as never,
        offerRecordedById: actor.userId,
        version: { increment: 1 },
      },
    })
    if (offered.count !== 1)
      throw new ValidationError({ form: 'Someone else has just recorded this. Reload to see it.' })
    await uc.audit({
      action: 'interview.offer',
      subjectType: 'returnInterview',
      subjectId: interviewId,
      childId: i.childId,
      details: {},
    })
    return { id: interviewId }
  })
}

/** The interview itself (or why it did not happen): recorded once. */
export async function recordOutcome(
  actor: Actor,
  where: { id: string } | { episodeId: string },
  input: OutcomeInput,
  now = new Date(),
) {
  return useCase(actor, 'interview.record', { subject: 'return interview', now }, async (uc) => {
    const { tx } = uc
    const i = await interviewBy(uc, where)
    if (i.outcome)
      throw new ValidationError({ form: 'The outcome has already been recorded: correct it with an amendment.' })
    // an offer already recorded stands (corrections are amendments); otherwise the outcome brings its own
    const offeredAt = i.offeredAt ?? (input.offeredAt ? new Date(input.offeredAt) : null)
    if (input.outcome !== 'NOT_OFFERED' && !offeredAt)
      throw new ValidationError({ offeredAt: 'Enter when the interview was offered' })
    const heldAt = input.outcome === 'HELD' && input.heldAt ? new Date(input.heldAt) : null
    throwIfProblems(
      checkOutcome(
        {
          outcome: input.outcome,
          offeredAt,
          heldAt,
          interviewerName: input.interviewerName,
          interviewerOrganisation: input.interviewerOrganisation,
          independenceDeclared: input.independenceDeclared,
          childChoseTrustedAdult: input.childChoseTrustedAdult,
          trustedAdult: input.trustedAdult,
        },
        {
          returnedAt: i.episode.returnedAt!,
          providerName: i.episode.home?.provider.name ?? null,
          now,
          carePeople:
            input.outcome === 'HELD' && !input.childChoseTrustedAdult
              ? await carePeople(tx, i.childId, i.episode.home?.id ?? null)
              : [],
        },
      ),
    )
    const held = input.outcome === 'HELD'
    const updated = await tx.returnInterview.updateMany({
      where: { id: i.id, outcome: null },
      data: {
        outcome: input.outcome,
        offeredAt,
        offerMethod: (i.offerMethod ?? input.offerMethod) as never,
        notOfferedReason: input.outcome === 'NOT_OFFERED' ? input.notOfferedReason : null,
        heldAt,
        heldWhere: held ? input.heldWhere : null,
        interviewerName: held ? input.interviewerName : null,
        interviewerOrganisation: held ? input.interviewerOrganisation : null,
        independenceDeclared: held ? input.independenceDeclared : null,
        childChoseTrustedAdult: held ? input.childChoseTrustedAdult : null,
        trustedAdult: held && input.childChoseTrustedAdult ? input.trustedAdult : null,
        whereAndWithWhom: input.whereAndWithWhom,
        whatHappened: input.whatHappened,
        whyLeft: input.whyLeft,
        harmed: input.harmed,
        feelsSafe: input.feelsSafe,
        whatWouldHelp: input.whatWouldHelp,
        concernsAboutHome: input.concernsAboutHome,
        outcomeRecordedAt: now,
        outcomeRecordedById: actor.userId,
        version: { increment: 1 },
      },
    })
    if (updated.count !== 1)
      throw new ValidationError({
        form: 'Someone else has just recorded this interview. Reload to see it; what you typed is still here.',
      })
    for (const place of input.locations)
      await tx.interviewLocation.create({
        data: {
          interviewId: i.id,
          locationId: await resolveLocation(tx, place, actor.userId),
          ...typedLocation(place),
        },
      })
    for (const person of input.associates)
      await tx.interviewAssociate.create({
        data: {
          interviewId: i.id,
          associateId: await resolveAssociate(tx, person, actor.userId),
          ...typedAssociate(person),
        },
      })
    for (const car of input.vehicles)
      await tx.interviewVehicle.create({
        data: { interviewId: i.id, vehicleId: await resolveVehicle(tx, car, actor.userId), ...typedVehicle(car) },
      })
    await patternsAfterEvent(tx, i.childId, now)
    await uc.audit({
      action: 'interview.outcome',
      subjectType: 'returnInterview',
      subjectId: i.id,
      childId: i.childId,
      details: { outcome: input.outcome },
    })
    return {
      id: i.id,
      warnings: languageWarningsFor(input, [
        'whereAndWithWhom',
        'whatHappened',
        'whyLeft',
        'harmed',
        'feelsSafe',
        'whatWouldHelp',
        'concernsAboutHome',
        'notOfferedReason',
      ]),
    }
  })
}

/** A CSE screening or safeguarding referral started because of what the child said. */
export async function addFollowUp(
  actor: Actor,
  interviewId: string,
  input: { kind: 'CSE_SCREENING' | 'SAFEGUARDING_REFERRAL'; reference: string | null; note: string | null },
  now = new Date(),
) {
  return useCase(actor, 'interview.record', { subject: 'return interview', now }, async (uc) => {
    const { tx } = uc
    const i = await interviewBy(uc, { id: interviewId })
    const followUp = await tx.interviewFollowUp.create({
      data: {
        interviewId,
        kind: input.kind,
        reference: input.reference,
        note: input.note,
        createdAt: now,
        createdById: actor.userId,
      },
    })
    await uc.audit({
      action: 'interview.follow-up',
      subjectType: 'returnInterview',
      subjectId: interviewId,
      childId: i.childId,
      details: { kind: input.kind, followUpId: followUp.id },
    })
    return { id: followUp.id }
  })
}

/** What was shared with the police from the interview (recommendation 10), when, with which force and why. */
export async function recordPoliceSharing(
  actor: Actor,
  interviewId: string,
  input: {
    sharedAt: string
    policeForce: string
    what: string
    basis: 'CONSENT' | 'SAFEGUARDING_WITHOUT_CONSENT'
    reason: string | null
  },
  now = new Date(),
) {
  return useCase(actor, 'interview.record', { subject: 'return interview', now }, async (uc) => {
    const { tx } = uc
    const i = await interviewBy(uc, { id: interviewId })
    const sharedAt = new Date(input.sharedAt)
    if (sharedAt < i.episode.returnedAt! || sharedAt.getTime() > now.getTime() + 5 * 60_000)
      throw new ValidationError({ sharedAt: 'The time must be after the return and not in the future' })
    const sharing = await tx.policeSharing.create({
      data: {
        interviewId,
        sharedAt,
        policeForce: input.policeForce,
        what: input.what,
        basis: input.basis,
        reason: input.reason,
        recordedById: actor.userId,
        createdAt: now,
      },
    })
    // the sharing is also the child's intelligence submission, listed with their other referrals
    await intelligenceFromSharing(tx, sharing, i.childId, actor.userId, now)
    await uc.audit({
      action: 'interview.police-sharing',
      subjectType: 'returnInterview',
      subjectId: interviewId,
      childId: i.childId,
      details: { sharingId: sharing.id, basis: input.basis },
    })
    return { id: sharing.id }
  })
}

/** The police prevention interview (formerly "safe and well"): done, declined or not done. Once; then amendments. */
export async function recordPreventionInterview(
  actor: Actor,
  interviewId: string,
  input: { preventionInterview: 'DONE' | 'DECLINED' | 'NOT_DONE'; preventionInterviewDate: string | null },
  now = new Date(),
) {
  return useCase(actor, 'interview.record', { subject: 'return interview', now }, async (uc) => {
    const { tx } = uc
    const i = await interviewBy(uc, { id: interviewId })
    if (i.preventionInterview) throw new ValidationError({ form: 'Already recorded: correct it with an amendment.' })
    if (input.preventionInterview === 'DONE' && !input.preventionInterviewDate)
      throw new ValidationError({ preventionInterviewDate: 'Enter the date of the police prevention interview' })
    const day = input.preventionInterviewDate
    if (day && day > londonDate(now))
      throw new ValidationError({ preventionInterviewDate: 'The date cannot be in the future' })
    if (day && day < londonDate(i.episode.returnedAt!))
      throw new ValidationError({
        preventionInterviewDate: `The child came back on ${formatDate(londonDate(i.episode.returnedAt!))}: the police prevention interview cannot be before that`,
      })
    const saved = await tx.returnInterview.updateMany({
      where: { id: interviewId, preventionInterview: null },
      data: {
        preventionInterview: input.preventionInterview,
        preventionInterviewDate: input.preventionInterviewDate ? calendarDate(input.preventionInterviewDate) : null,
        version: { increment: 1 },
      },
    })
    if (saved.count !== 1) throw new ValidationError({ form: 'Someone else has just recorded this. Reload to see it.' })
    await uc.audit({
      action: 'interview.prevention',
      subjectType: 'returnInterview',
      subjectId: interviewId,
      childId: i.childId,
      details: { status: input.preventionInterview },
    })
    return { id: interviewId }
  })
}
