// Referrals about a child as records of their own: an NRM referral and its decisions, a Child Abduction Warning
// Notice (its named person linked to the people records of lib/server/places.ts), an intelligence submission to the
// police (a return interview's sharing with the police is one). Corrected, and decided later, by amendment.
import { mayRecordReferral } from '@/lib/domain/permissions'
import {
  parseReferralValue,
  REFERRAL_FIELDS,
  REFERRAL_KINDS,
  referralDateProblems,
  type ReferralField,
  type ReferralKind,
} from '@/lib/domain/referrals'
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, isoDate, londonDate } from '@/lib/domain/time'
import type { ReferralInput } from '@/lib/validation/meetings'
import { amend, type AmendmentInput } from './amendments'
import type { Tx } from './database'
import { NotFoundError, throwIfProblems, ValidationError } from './errors'
import { resolveAssociate } from './places'
import { orNotFound, useCase } from './use-case'

const iso = (d: Date | null) => d && isoDate(d)

/** A return interview's sharing with the police, recorded as the child's intelligence submission. */
export async function intelligenceFromSharing(
  tx: Tx,
  sharing: { id: string; sharedAt: Date; policeForce: string },
  childId: string,
  actorId: string,
  now: Date,
) {
  return tx.referral.create({
    data: {
      childId,
      kind: 'POLICE_INTELLIGENCE',
      madeOn: calendarDate(londonDate(sharing.sharedAt)),
      madeBy: 'Return interview',
      reference: sharing.policeForce,
      policeSharingId: sharing.id,
      createdById: actorId,
      createdAt: now,
    },
  })
}

/** The child's referrals, newest first, with their corrections. */
export async function listReferrals(actor: Actor, childId: string, now = new Date()) {
  return useCase(actor, 'referral.read', { subject: 'child', now }, async ({ tx, find, audit }) => {
    await find.child(childId, { select: { id: true } })
    const rows = await tx.referral.findMany({
      where: { childId },
      orderBy: [{ madeOn: 'desc' }, { createdAt: 'desc' }],
      include: {
        policeSharing: { select: { interviewId: true } },
        amendments: { orderBy: { createdAt: 'asc' } },
      },
    })
    const people = await tx.user.findMany({
      where: {
        id: { in: [...rows.map((r) => r.createdById), ...rows.flatMap((r) => r.amendments.map((a) => a.authorId))] },
      },
      select: { id: true, name: true },
    })
    const name = (id: string) => people.find((p) => p.id === id)?.name ?? 'Someone no longer in Haven'
    await audit({
      action: 'referral.list',
      subjectType: 'child',
      subjectId: childId,
      childId,
      details: { count: rows.length },
    })
    return {
      referrals: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        kindLabel: REFERRAL_KINDS[r.kind],
        kinds: r.kinds,
        madeOn: isoDate(r.madeOn),
        madeBy: r.madeBy,
        reference: r.reference,
        summary: r.summary,
        reasonableGrounds: r.reasonableGrounds as 'POSITIVE' | 'NEGATIVE' | null,
        reasonableGroundsOn: iso(r.reasonableGroundsOn),
        conclusiveGrounds: r.conclusiveGrounds as 'POSITIVE' | 'NEGATIVE' | null,
        conclusiveGroundsOn: iso(r.conclusiveGroundsOn),
        cawnStatus: r.cawnStatus as 'REQUESTED' | 'ISSUED' | null,
        personName: r.personName,
        associateId: r.associateId,
        interviewId: r.policeSharing?.interviewId ?? null,
        version: r.version,
        recordedBy: name(r.createdById),
        recordedAt: r.createdAt.toISOString(),
        amendments: r.amendments.map((a) => ({
          field: REFERRAL_FIELDS[a.field as ReferralField] ?? a.field,
          previousValue: a.previousValue,
          newValue: a.newValue,
          reason: a.reason,
          author: name(a.authorId),
          at: a.createdAt.toISOString(),
        })),
      })),
    }
  })
}

/** Records a referral. An NRM referral is made by the local authority (mayRecordReferral). */
export async function recordReferral(actor: Actor, childId: string, input: ReferralInput, now = new Date()) {
  return useCase(actor, 'referral.record', { subject: 'child', now }, async ({ tx, find, audit }) => {
    await find.child(childId, { select: { id: true } })
    if (!mayRecordReferral(actor, input.kind))
      throw new ValidationError({
        kind: 'An NRM referral is made by the local authority: ask the child’s social worker',
      })
    const nrm = input.kind === 'NRM'
    throwIfProblems(
      referralDateProblems(
        {
          madeOn: input.madeOn,
          reasonableGroundsOn: nrm ? input.reasonableGroundsOn : null,
          conclusiveGroundsOn: nrm ? input.conclusiveGroundsOn : null,
        },
        londonDate(now),
      ),
    )
    let policeSharingId: string | null = null
    if (input.kind === 'POLICE_INTELLIGENCE' && input.policeSharingId) {
      const sharing = await tx.policeSharing.findFirst({
        where: { id: input.policeSharingId, interview: { childId }, referral: null },
        select: { id: true },
      })
      if (!sharing)
        throw new ValidationError({
          policeSharingId: 'Choose a sharing from this child’s return interviews not yet linked',
        })
      policeSharingId = sharing.id
    }
    const cawn = input.kind === 'CAWN'
    const associateId = cawn
      ? await resolveAssociate(tx, { name: input.personName, description: input.personDescription }, actor.userId)
      : null
    const referral = await tx.referral.create({
      data: {
        childId,
        kind: input.kind as ReferralKind,
        kinds: input.kinds,
        madeOn: calendarDate(input.madeOn),
        madeBy: input.madeBy,
        reference: input.reference,
        summary: input.summary,
        reasonableGrounds: nrm ? input.reasonableGrounds : null,
        reasonableGroundsOn: nrm && input.reasonableGroundsOn ? calendarDate(input.reasonableGroundsOn) : null,
        conclusiveGrounds: nrm ? input.conclusiveGrounds : null,
        conclusiveGroundsOn: nrm && input.conclusiveGroundsOn ? calendarDate(input.conclusiveGroundsOn) : null,
        cawnStatus: cawn ? input.cawnStatus : null,
        associateId,
        personName: cawn ? input.personName : null,
        policeSharingId,
        createdById: actor.userId,
        createdAt: now,
      },
    })
    await audit({
      action: 'referral.record',
      subjectType: 'referral',
      subjectId: referral.id,
      childId,
      details: { referralId: referral.id, kind: input.kind },
    })
    return { id: referral.id }
  })
}

/** A correction, or a decision that came later (an NRM decision, a CAWN issued), with the old value kept beside it. */
export async function amendReferral(
  actor: Actor,
  referralId: string,
  input: AmendmentInput<ReferralField>,
  now = new Date(),
) {
  return useCase(actor, 'referral.record', { subject: 'referral', now }, async (uc) => {
    const { tx, scope } = uc
    const referral = await tx.referral
      .findFirst({ where: { id: referralId, child: scope.child } })
      .then(orNotFound('referral'))
    if (referral.kind === 'NRM' && !mayRecordReferral(actor, 'NRM')) throw new NotFoundError('referral')
    return amend(
      uc,
      {
        labels: REFERRAL_FIELDS,
        staleMessage:
          'Someone else changed this referral while you were working on it. Reload to see their change; what you typed is still here.',
        parse: (field, raw) => parseReferralValue(field, raw, referral, londonDate(uc.now)),
        previous: (field) => referral[field],
        write: async (field, value, version) =>
          (
            await tx.referral.updateMany({
              where: { id: referral.id, version },
              data: { [field]: value, version: { increment: 1 } },
            })
          ).count,
        addRow: (row) =>
          tx.referralAmendment.create({ data: { ...row, referralId: referral.id }, select: { id: true } }),
        audit: { action: 'referral.amend', subjectType: 'referral', childId: referral.childId },
      },
      referral,
      input,
    )
  })
}
