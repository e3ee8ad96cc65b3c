// "Correct something": a record is never overwritten in place. A correction names the field, the new value and why;
// it applies only to the version the person was looking at, and the old value stays readable beside the new one in
// the record's amendment rows, with who and when. One helper for every kind of record that is corrected this way
// (episodes, return interviews, Regulation 44 visits, referrals, meetings): each kind says how its values are parsed
// and checked and how its rows are written.
import type { Prisma } from '@/lib/generated/prisma/client'
import type { AuditAction } from './audit'
import { ValidationError } from './errors'
import type { UseCase } from './use-case'

/** What the person asked for (the shape of every amendment form). */
export type AmendmentInput<F extends string> = { field: F; value: string; reason: string; version: number }

/** A value as the record stores it, or what is wrong with what was typed. */
export type Parsed = { value: AmendedValue } | { problem: string }
/** a list is a set of codes (the kinds of exploitation a referral or meeting concerns) */
export type AmendedValue = string | number | boolean | Date | null | string[]

/** The row kept beside the record: what the field was, what it is now, why, who and when. */
export type AmendmentRow<F extends string> = {
  field: F
  previousValue: Prisma.InputJsonValue
  newValue: Prisma.InputJsonValue
  reason: string
  authorId: string
  createdAt: Date
}

type AmendmentAudit = 'episode.amend' | 'interview.amend' | 'reg44.amend' | 'referral.amend' | 'meeting.amend'

/** How one kind of record is corrected. R is the record as the use case read it. */
export type AmendmentKind<F extends string, R extends { id: string; version: number }> = {
  /** the field names as people read them */
  labels: Record<F, string>
  /** said when someone else changed the record since it was opened */
  staleMessage: string
  /** checks before the value is read (the record is in a state that can be corrected); throw to refuse */
  before?(field: F, record: R): Promise<void> | void
  /** the typed value as stored, or the problem with it (a pure rule, usually from lib/domain) */
  parse(field: F, raw: string, record: R): Parsed
  /** rules that need other records (times against other episodes, independence): throw a ValidationError */
  check?(field: F, value: AmendedValue, record: R): Promise<void> | void
  /** the value before the correction, as the amendment row keeps it */
  previous(field: F, record: R): unknown
  /** writes the value only if the record is still at `version`, adding one to it: the number of rows changed */
  write(field: F, value: AmendedValue, version: number): Promise<number>
  /** what follows from the correction (a deadline moved, patterns worked out again) */
  after?(field: F, value: AmendedValue, record: R): Promise<void>
  /** adds the amendment row */
  addRow(row: AmendmentRow<F>): Promise<{ id: string }>
  audit: { action: AmendmentAudit; subjectType: string; childId?: string | null }
}

/** Dates as ISO text; nothing as null (the amendment rows are JSON). */
const asJson = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null)) as Prisma.InputJsonValue

/** Applies one correction to `record` inside the use case `uc` and audits it. */
export async function amend<F extends string, R extends { id: string; version: number }>(
  uc: UseCase,
  kind: AmendmentKind<F, R>,
  record: R,
  input: AmendmentInput<F>,
) {
  const stale = () => new ValidationError({ form: kind.staleMessage })
  if (record.version !== input.version) throw stale()
  await kind.before?.(input.field, record)
  const parsed = kind.parse(input.field, input.value, record)
  if ('problem' in parsed) throw new ValidationError({ value: parsed.problem })
  await kind.check?.(input.field, parsed.value, record)
  const previous = kind.previous(input.field, record)
  // the version in the WHERE: a correction made by someone else meanwhile is never overwritten
  if ((await kind.write(input.field, parsed.value, input.version)) !== 1) throw stale()
  await kind.after?.(input.field, parsed.value, record)
  const row = await kind.addRow({
    field: input.field,
    previousValue: asJson(previous),
    newValue: asJson(parsed.value),
    reason: input.reason,
    authorId: uc.actor.userId,
    createdAt: uc.now,
  })
  const { action, subjectType, childId } = kind.audit
  await uc.audit<AuditAction & AmendmentAudit>({
    action,
    subjectType,
    subjectId: record.id,
    childId: childId ?? null,
    details: { field: input.field, amendmentId: row.id },
  })
  return { id: row.id, field: kind.labels[input.field] }
}
