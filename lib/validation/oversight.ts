// Oversight schemas (Regulations 43-46): forms, server actions and API alike.
import { z } from 'zod'
import { VISIT_AMENDABLE, VISIT_CORRECTION_MAX, type VisitAmendableField } from '@/lib/domain/oversight'
import { amendmentSchema } from './amendments'
import { DECLARATION } from '@/lib/domain/independent-person'
import { dateField, optionalDate, optionalId, optionalText, requiredId, requiredText, yesNo } from './fields'

const ticked = z.boolean().default(false)
const count = (label: string) =>
  z.coerce
    .number({ error: `Enter how many ${label} (0 if none)` })
    .int(`Enter a whole number of ${label}`)
    .min(0, `Enter a whole number of ${label}`)
    .max(200, `That is too many ${label}`)

export const monthSchema = z
  .string({ error: 'Enter the month as YYYY-MM' })
  .trim()
  .regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'Enter the month as YYYY-MM, for example 2026-03')
export const monthQuerySchema = z.object({ month: monthSchema })

export const independentPersonSchema = z
  .object({
    name: requiredText('their name', 200),
    organisation: optionalText('their organisation', 200),
    email: z
      .string()
      .trim()
      .max(200)
      .optional()
      .nullable()
      .transform((v) => (v ? v.toLowerCase() : null))
      .pipe(z.email('Enter an e-mail address in the right format, like name@example.org').nullable()),
    appointedBy: requiredText('who appointed them', 200),
    appointedOn: dateField('the date they were appointed'),
    ...(Object.fromEntries(DECLARATION.map((d) => [d.key, ticked])) as Record<
      (typeof DECLARATION)[number]['key'],
      typeof ticked
    >),
    connectionDetails: optionalText('the connection', 2000),
    approvedByAuthorityId: optionalId(),
    approvedOn: optionalDate('the date of approval'),
  })
  .superRefine((p, ctx) => {
    if (p.approvedByAuthorityId && !p.approvedOn)
      ctx.addIssue({ code: 'custom', path: ['approvedOn'], message: 'Enter the date the authority approved them' })
    if (p.approvedOn && !p.approvedByAuthorityId)
      ctx.addIssue({
        code: 'custom',
        path: ['approvedByAuthorityId'],
        message: 'Select the authority that approved them',
      })
  })

const recommendation = z.object({
  recommendation: optionalText('the recommendation', 2000),
  owner: optionalText('who owns the action', 200),
  dueOn: optionalDate('the due date'),
})

export const actionSchema = z.object({
  recommendation: requiredText('the recommendation', 2000),
  owner: requiredText('who owns the action', 200),
  dueOn: dateField('the due date'),
})

export const visitSchema = z
  .object({
    independentPersonId: requiredId('Select the independent person who visited'),
    visitedOn: dateField('the date of the visit'),
    announced: yesNo('Say whether the visit was announced'),
    spokeWithChildren: count('children spoken with'),
    spokeWithParents: count('parents or relatives spoken with'),
    spokeWithStaff: count('staff spoken with'),
    consentNote: optionalText('the note on consent', 2000),
    checkedMissingLog: ticked,
    checkedReturnInterviews: ticked,
    checkedSafetyPlans: ticked,
    otherRecordsChecked: optionalText('the other records checked', 2000),
    safeguardingOpinion: requiredText('the opinion on whether children are effectively safeguarded', 8000),
    wellbeingOpinion: requiredText('the opinion on whether the home promotes children’s well-being', 8000),
    reportText: optionalText('the report', 100_000),
    reportReceivedOn: optionalDate('the date the report was received'),
    sentToOfstedOn: optionalDate('the date it was sent to Ofsted'),
    sentToPlacing: z
      .array(z.object({ authorityId: requiredId('Unknown authority'), sentOn: optionalDate('the date it was sent') }))
      .max(50)
      .default([]),
    hostRequestedOn: optionalDate('the date the host authority asked for it'),
    sentToHostOn: optionalDate('the date it was sent to the host authority'),
    recommendations: z
      .array(recommendation)
      .max(30)
      .default([])
      .transform((list) => list.filter((r) => r.recommendation || r.owner || r.dueOn)),
  })
  .superRefine((v, ctx) => {
    v.recommendations.forEach((r, n) => {
      if (!r.recommendation)
        ctx.addIssue({
          code: 'custom',
          path: ['recommendations', n, 'recommendation'],
          message: 'Enter the recommendation',
        })
      if (!r.owner)
        ctx.addIssue({ code: 'custom', path: ['recommendations', n, 'owner'], message: 'Enter who owns the action' })
      if (!r.dueOn)
        ctx.addIssue({ code: 'custom', path: ['recommendations', n, 'dueOn'], message: 'Enter the due date' })
    })
  })

export const REPORT_EVENT_KINDS = {
  OFSTED: 'Sent to Ofsted',
  PLACING_AUTHORITY: 'Sent to a placing authority',
  HOST_REQUESTED: 'The host authority asked for it',
  HOST_AUTHORITY: 'Sent to the host authority',
} as const

export const amendVisitSchema = amendmentSchema(
  Object.keys(VISIT_AMENDABLE) as VisitAmendableField[],
  VISIT_CORRECTION_MAX,
)

export const reportEventSchema = z
  .object({
    kind: z.enum(Object.keys(REPORT_EVENT_KINDS) as [keyof typeof REPORT_EVENT_KINDS], {
      error: 'Select what happened',
    }),
    authorityId: optionalId(),
    on: dateField('the date'),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'PLACING_AUTHORITY' && !e.authorityId)
      ctx.addIssue({ code: 'custom', path: ['authorityId'], message: 'Select the placing authority' })
  })

export const reportVersionSchema = z.object({
  reportText: optionalText('the report', 100_000),
  reportReceivedOn: dateField('the date the report was received'),
})

export const responseSchema = z.object({
  text: requiredText('the response', 4000),
  completed: yesNo('Say whether the action is completed'),
  respondedOn: dateField('the date of the response'),
})

/** The visit page's one response form: which action, and the response. */
export const responseFormSchema = responseSchema.extend({
  actionId: requiredId('Select the action you are responding to'),
})

export const reg45Schema = z.object({
  completedOn: dateField('the date the review was completed'),
  viewsChildren: ticked,
  viewsParents: ticked,
  viewsPlacingAuthorities: ticked,
  viewsStaff: ticked,
  report: requiredText('the review’s findings', 100_000),
  sentToOfstedOn: optionalDate('the date the report was sent to Ofsted'),
})

export const reg46Schema = z.object({
  assessedOn: dateField('the date of the assessment'),
  policeForce: requiredText('the police force consulted', 200),
  policeOfficer: requiredText('the officer consulted', 200),
  consultedOn: dateField('the date the police were consulted'),
  hotSpots: requiredText(
    'the known exploitation hot spots near the home (say “none known” if the police know of none)',
    8000,
  ),
  sexOffenderInfo: optionalText('what the police said about registered sex offenders', 4000),
  otherRisks: optionalText('the other risks', 8000),
  actions: requiredText('the actions agreed', 8000),
})

export const locationShareSchema = z.object({
  sharedOn: dateField('the date the location was shared'),
  sharedWith: requiredText('who it was shared with (force and team or officer)', 300),
})

export const endAppointmentSchema = z.object({
  endedOn: dateField('the date the appointment ended'),
  reason: requiredText(
    'why the appointment ended (for example: resigned, a conflict of interest, a new declaration)',
    2000,
  ),
})

export type IndependentPersonInput = z.output<typeof independentPersonSchema>
export type VisitInput = z.output<typeof visitSchema>
export type ActionInput = z.output<typeof actionSchema>
export type AmendVisitInput = z.output<typeof amendVisitSchema>
export type ReportEventInput = z.output<typeof reportEventSchema>
export type ReportVersionInput = z.output<typeof reportVersionSchema>
export type ResponseInput = z.output<typeof responseSchema>
export type Reg45Input = z.output<typeof reg45Schema>
export type Reg46Input = z.output<typeof reg46Schema>
export type LocationShareInput = z.output<typeof locationShareSchema>
export type EndAppointmentInput = z.output<typeof endAppointmentSchema>
