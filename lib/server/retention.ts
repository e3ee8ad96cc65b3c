// Retention (lib/domain/retention.ts): the scheduled job deletes sign-in records past their period and counts the
// children's case records that reached theirs; an administrator lists those and decides, erase or keep, and the
// decision is recorded. The audit trail is never touched, so its chain stays verifiable after an erasure.
import { caseRecordsKeptUntil } from '@/lib/domain/retention'
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, isoDate, londonDate, shiftDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { RetentionDecisionInput } from '@/lib/validation/retention'
import { recordAudit } from './audit'
import { getPrisma, type Tx } from './database'
import { NotFoundError, ValidationError } from './errors'
import { initials } from './notifications'
import { useCase } from './use-case'

const ADMINS = { forbidden: 'Only a system administrator can review retention.' }
/** Children whose case records reached the end of their period and that nobody has decided on yet. */
async function childrenDue(tx: Tx, now: Date) {
  // 75th birthday on or before today: born on or before today 75 years ago (the rule in lib/domain/retention.ts)
  const bornBy = calendarDate(shiftDate(londonDate(now), { years: -75 }))
  const decided = await tx.retentionDecision.findMany({
    where: { rule: 'child-case-records' },
    select: { subjectId: true },
  })
  const children = await tx.child.findMany({
    where: { dateOfBirth: { lte: bornBy }, id: { notIn: decided.map((d) => d.subjectId) } },
    select: { id: true, firstName: true, lastName: true, dateOfBirth: true },
    orderBy: { dateOfBirth: 'asc' },
  })
  return children.map((c) => ({
    childId: c.id,
    initials: initials(c),
    keptUntil: caseRecordsKeptUntil(isoDate(c.dateOfBirth)),
  }))
}

/** What reached the end of its period, for the administrator to decide on (initials only: they do not read case
 * records). */
export async function listRetentionDue(actor: Actor, now = new Date()) {
  return useCase(actor, 'retention.review', { denied: ADMINS, now }, async ({ tx, audit }) => {
    const due = await childrenDue(tx, now)
    await audit({
      action: 'retention.list',
      subjectType: 'retention',
      subjectId: 'child-case-records',
      childIds: due.map((d) => d.childId),
      details: { due: due.length },
    })
    return due
  })
}

/**
 * The administrator's decision on a child's case records past their period: KEEP (with the reason, e.g. a legal
 * hold or a claim), or ERASE: the child's name and free text about them are removed and their photos deleted, in the
 * same transaction as the decision. Ids, dates and codes stay, so the audit trail (ids only) still verifies.
 */
export async function decideRetention(actor: Actor, childId: string, input: RetentionDecisionInput, now = new Date()) {
  return useCase(actor, 'retention.review', { denied: ADMINS, now }, async ({ tx, audit }) => {
    const due = (await childrenDue(tx, now)).find((d) => d.childId === childId)
    if (!due) {
      if (!(await tx.child.findUnique({ where: { id: childId }, select: { id: true } })))
        throw new NotFoundError('child')
      throw new ValidationError({ decision: 'These records have not reached the end of their period, or were decided' })
    }
    const decision = await tx.retentionDecision.create({
      data: { rule: 'child-case-records', subjectId: childId, decidedById: actor.userId, decidedAt: now, ...input },
    })
    if (input.decision === 'ERASE') await eraseChild(tx, childId)
    await audit({
      action: 'retention.decide',
      subjectType: 'child',
      subjectId: childId,
      childId,
      details: { rule: 'child-case-records', decision: input.decision, decisionId: decision.id },
    })
    return { decisionId: decision.id }
  })
}

/** Anonymises a child: what names or describes them goes, the facts (dates, codes) that figures count stay. */
async function eraseChild(tx: Tx, childId: string) {
  const erased = 'Erased'
  await tx.child.update({
    where: { id: childId },
    data: { firstName: erased, lastName: erased, disabilityDetails: null },
  })
  await tx.grabPack.updateMany({
    where: { childId },
    data: {
      description: erased,
      photoId: null,
      friendsAndAssociates: null,
      placesTheyGo: null,
      phoneNumbers: null,
      socialMedia: null,
      medicalNeeds: null,
      vulnerabilities: null,
      transport: null,
    },
  })
  await tx.childPhoto.deleteMany({ where: { childId } })
}

/** The scheduled job: deletes sign-in attempts, and sessions and tokens that ended, older than the setting, and
 * counts the children's case records waiting for a decision (the administrator's retention page lists them). */
export async function runRetentionJob(now = new Date()) {
  const cutoff = new Date(now.getTime() - settings.retention.signInDays * 86_400_000)
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const ended = { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] }
    const signInAttempts = (await tx.signInAttempt.deleteMany({ where: { at: { lt: cutoff } } })).count
    const sessions = (await tx.userSession.deleteMany({ where: ended })).count
    const tokens = (await tx.apiToken.deleteMany({ where: ended })).count
    const due = (await childrenDue(tx, now)).length
    if (signInAttempts + sessions + tokens + due > 0)
      await recordAudit(tx, {
        actorId: null,
        action: 'system.retention',
        subjectType: 'retention',
        subjectId: 'schedule',
        details: { job: 'retention', signInAttempts, sessions: sessions + tokens, due },
        at: now,
      })
    return { signInAttempts, sessions, tokens, due }
  })
}
