// The one way into a use case. It checks the action, opens the transaction and hands the use case finders that only
// see what the actor's grants allow (out of scope is "not found", exactly like "does not exist"). A use case that
// finishes without writing an audit event is refused and its transaction rolled back, so no read of child data and no
// change can happen unaudited by forgetting.
import { AsyncLocalStorage } from 'node:async_hooks'
import { can, type Action } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'
import type { Prisma } from '@/lib/generated/prisma/client'
import { recordAudit, type AuditAction, type AuditPayloads } from './audit'
import { getPrisma, transactionLimits, type Tx } from './database'
import { asBusy, ForbiddenError, NotFoundError } from './errors'
import { authorityWhere, childWhere, episodeWhere, homeWhere, interviewWhere } from './scope'

type Args<T> = Omit<T, 'where'>

/** The audit event a use case writes; the actor and the time are filled in. */
export type UseCaseAudit<A extends AuditAction> = {
  action: A
  subjectType: string
  subjectId: string
  childId?: string | null
  childIds?: string[]
  details: AuditPayloads[A]
  /** when it happened, if not now (a use case given its own `now`) */
  at?: Date
}

export type UseCase = {
  tx: Tx
  actor: Actor
  now: Date
  /** WHERE clauses for lists and counts, for this use case's action. */
  scope: {
    child: Prisma.ChildWhereInput
    episode: Prisma.MissingEpisodeWhereInput
    interview: Prisma.ReturnInterviewWhereInput
    plan: Prisma.SafetyPlanWhereInput
    home: Prisma.HomeWhereInput
    /** the local authorities the actor holds a grant at for this action */
    authority: Prisma.LocalAuthorityWhereInput
  }
  /** One record by id, within scope; NotFoundError otherwise. */
  find: {
    child<A extends Args<Prisma.ChildFindFirstArgs>>(
      id: string,
      args?: Prisma.SelectSubset<A, Args<Prisma.ChildFindFirstArgs>>,
    ): Promise<Prisma.ChildGetPayload<A>>
    episode<A extends Args<Prisma.MissingEpisodeFindFirstArgs>>(
      id: string,
      args?: Prisma.SelectSubset<A, Args<Prisma.MissingEpisodeFindFirstArgs>>,
    ): Promise<Prisma.MissingEpisodeGetPayload<A>>
    interview<A extends Args<Prisma.ReturnInterviewFindFirstArgs>>(
      id: string,
      args?: Prisma.SelectSubset<A, Args<Prisma.ReturnInterviewFindFirstArgs>>,
    ): Promise<Prisma.ReturnInterviewGetPayload<A>>
    plan<A extends Args<Prisma.SafetyPlanFindFirstArgs>>(
      id: string,
      args?: Prisma.SelectSubset<A, Args<Prisma.SafetyPlanFindFirstArgs>>,
    ): Promise<Prisma.SafetyPlanGetPayload<A>>
    home<A extends Args<Prisma.HomeFindFirstArgs>>(
      id: string,
      args?: Prisma.SelectSubset<A, Args<Prisma.HomeFindFirstArgs>>,
    ): Promise<Prisma.HomeGetPayload<A>>
  }
  /** Appends this use case's audit event in its transaction. A function, not a method: use cases destructure it. */
  audit: <A extends AuditAction>(event: UseCaseAudit<A>) => Promise<void>
}

export type UseCaseOptions = {
  /** when the role may not do the action at all: 'not-found' for actions on one child's records (the default), or
   * a message for whole-service actions (lists, reports, settings), which answer 403 with it */
  denied?: 'not-found' | { forbidden: string }
  /** the record kind named in "not found" when the role may not do the action */
  subject?: string
  now?: Date
  /** for the rare use case that writes nothing about a person and reads no child data: say why */
  unaudited?: string
  transaction?: { timeout?: number; maxWait?: number; isolationLevel?: Prisma.TransactionIsolationLevel }
}

/** Runs `body` as the use case `action` for `actor`. */
export async function useCase<T>(
  actor: Actor,
  action: Action,
  options: UseCaseOptions,
  body: (uc: UseCase) => Promise<T>,
): Promise<T> {
  if (!can(actor, action)) {
    const denied = options.denied ?? 'not-found'
    throw denied === 'not-found' ? new NotFoundError(options.subject) : new ForbiddenError(denied.forbidden)
  }
  const now = options.now ?? new Date()
  const run = async (tx: Tx) => {
    const uc = openUseCase(tx, actor, action, now)
    const result = await body(uc)
    if (uc.audited === 0 && !options.unaudited)
      throw new Error(`Use case ${action} wrote no audit event: every read of child data and every change is audited.`)
    return result
  }
  const together = sharedTransaction.getStore()
  if (together) return run(together)
  const prisma = await getPrisma()
  const limits = { ...transactionLimits(), ...options.transaction }
  // a busy database's error is marked as such, so that a page that cannot be read says "Haven is busy" (errors.ts)
  return prisma.$transaction(run, limits).catch((e: unknown) => {
    throw asBusy(e)
  })
}

/** The transaction a page's use cases share (readTogether), inside one. */
const sharedTransaction = new AsyncLocalStorage<Tx>()

/**
 * Runs a page's reads, several use cases one after another, in one transaction: one commit for all their audit events
 * instead of one each (a commit that wrote waits for the disk, the largest share of the database's time under load).
 * Each use case still checks its permission, reads through its scope and writes its own audit event, and nothing is
 * shown before they are all committed. For pages' reads only: the use cases run in turn (a transaction has one
 * connection), under this transaction's limits rather than their own options, and one that fails fails them all.
 * Nothing else may reach the database inside (the session check comes first): on the embedded database it would
 * queue behind this transaction.
 */
export async function readTogether<T>(read: () => Promise<T>): Promise<T> {
  if (sharedTransaction.getStore()) return read()
  const prisma = await getPrisma()
  return prisma
    .$transaction((tx) => sharedTransaction.run(tx, read), transactionLimits())
    .catch((e: unknown) => {
      throw asBusy(e)
    })
}

/** The finders and scope for `action` inside a transaction that is already open (a use case that calls another's
 * part, or a system job). */
export function openUseCase(tx: Tx, actor: Actor, action: Action, now: Date): UseCase & { audited: number } {
  const child = childWhere(actor, action, now)
  const scope = {
    child,
    episode: episodeWhere(actor, action, now),
    interview: interviewWhere(actor, action, now),
    plan: { child } satisfies Prisma.SafetyPlanWhereInput,
    home: homeWhere(actor, action),
    authority: authorityWhere(actor, action),
  }
  const uc: UseCase & { audited: number } = {
    tx,
    actor,
    now,
    scope,
    audited: 0,
    // the casts: Prisma types findFirst by its literal argument, which a generic wrapper cannot pass through
    find: {
      child: (id, args) =>
        tx.child
          .findFirst({ ...(args as object), where: { AND: [{ id }, scope.child] } })
          .then(orNotFound('child')) as never,
      episode: (id, args) =>
        tx.missingEpisode
          .findFirst({ ...(args as object), where: { AND: [{ id }, scope.episode] } })
          .then(orNotFound('episode')) as never,
      interview: (id, args) =>
        tx.returnInterview
          .findFirst({ ...(args as object), where: { AND: [{ id }, scope.interview] } })
          .then(orNotFound('return interview')) as never,
      plan: (id, args) =>
        tx.safetyPlan
          .findFirst({ ...(args as object), where: { AND: [{ id }, scope.plan] } })
          .then(orNotFound('safety plan')) as never,
      home: (id, args) =>
        tx.home
          .findFirst({ ...(args as object), where: { AND: [{ id }, scope.home] } })
          .then(orNotFound('home')) as never,
    },
    audit: async (event) => {
      await recordAudit(tx, { ...event, actorId: actor.userId })
      uc.audited++
    },
  }
  return uc
}

/** For a finder of another kind of record, whose WHERE includes a scope from `uc.scope`. */
export const orNotFound =
  (what: string) =>
  <R>(row: R | null): R => {
    if (!row) throw new NotFoundError(what)
    return row
  }

/** Managing people and their accounts (users.ts, passwords.ts, handover.ts) is for system administrators. */
export const ADMINS_ONLY: UseCaseOptions = { denied: { forbidden: 'Only a system administrator can manage users.' } }
