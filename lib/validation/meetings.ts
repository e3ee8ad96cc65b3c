// Referrals (NRM, CAWN, police intelligence) and meetings (strategy discussions, MACE, reviews) with their actions:
// forms, server actions and API alike.
import { z } from 'zod'
import { EXPLOITATION_KINDS } from '@/lib/domain/cse'
import { MEETING_FIELDS, MEETING_KINDS, meetingKindsProblem } from '@/lib/domain/meetings'
import {
  CAWN_STATUSES,
  NRM_DECISIONS,
  REFERRAL_FIELDS,
  REFERRAL_KINDS,
  referralKindsProblem,
} from '@/lib/domain/referrals'
import { amendmentSchema } from './amendments'
import { codeField, dateField, optionalCode, optionalDate, optionalId, optionalText, requiredText } from './fields'

const codes = <T extends Record<string, string>>(o: T) => z.enum(Object.keys(o) as [keyof T & string])

/** The kinds of exploitation a referral or meeting concerns (a checkbox group in the forms). */
const exploitationKinds = z
  .array(z.enum(EXPLOITATION_KINDS, { error: 'Choose kinds of exploitation from the list' }))
  .max(EXPLOITATION_KINDS.length)
  .default([])
  .describe('the kinds of exploitation it concerns')
const kindsView = z
  .array(z.enum(EXPLOITATION_KINDS))
  .describe('the kinds of exploitation it concerns; empty when not recorded (records made before they were asked)')

/** A correction as the record's history shows it. */
const amendmentView = z.object({
  field: z.string(),
  previousValue: z.unknown(),
  newValue: z.unknown(),
  reason: z.string(),
  author: z.string(),
  at: z.iso.datetime(),
})

export const referralSchema = z
  .object({
    kind: codeField(REFERRAL_KINDS, 'Select the kind of referral'),
    kinds: exploitationKinds,
    madeOn: dateField('the date it was made'),
    madeBy: requiredText('who made it', 200),
    reference: optionalText('the reference or police force', 200),
    summary: optionalText('the summary', 2000),
    reasonableGrounds: optionalCode(NRM_DECISIONS, 'Choose positive or negative'),
    reasonableGroundsOn: optionalDate('the date of the reasonable grounds decision'),
    conclusiveGrounds: optionalCode(NRM_DECISIONS, 'Choose positive or negative'),
    conclusiveGroundsOn: optionalDate('the date of the conclusive grounds decision'),
    cawnStatus: optionalCode(CAWN_STATUSES, 'Choose requested or issued'),
    personName: optionalText('the name of the person the notice is given to', 200),
    personDescription: optionalText('a description of the person', 500),
    /** intelligence: the return interview's sharing with the police it records */
    policeSharingId: optionalId(),
  })
  .superRefine((r, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    const kindsProblem = referralKindsProblem(r.kind, r.kinds)
    if (kindsProblem) need('kinds', kindsProblem)
    if (r.kind === 'CAWN') {
      if (!r.cawnStatus) need('cawnStatus', 'Say whether the notice was requested or issued')
      if (!r.personName) need('personName', 'Enter the name of the person the notice is given to')
    }
    if (r.kind === 'NRM') {
      if (r.reasonableGrounds && !r.reasonableGroundsOn)
        need('reasonableGroundsOn', 'Enter the date of the reasonable grounds decision')
      if (r.conclusiveGrounds && !r.conclusiveGroundsOn)
        need('conclusiveGroundsOn', 'Enter the date of the conclusive grounds decision')
    }
  })
export type ReferralInput = z.output<typeof referralSchema>

export const amendReferralSchema = amendmentSchema(
  Object.keys(REFERRAL_FIELDS) as (keyof typeof REFERRAL_FIELDS)[],
  2000,
)

export const referralViewSchema = z.object({
  id: z.string(),
  kind: codes(REFERRAL_KINDS),
  kindLabel: z.string(),
  kinds: kindsView,
  madeOn: z.iso.date(),
  madeBy: z.string(),
  reference: z.string().nullable(),
  summary: z.string().nullable(),
  reasonableGrounds: codes(NRM_DECISIONS).nullable(),
  reasonableGroundsOn: z.iso.date().nullable(),
  conclusiveGrounds: codes(NRM_DECISIONS).nullable(),
  conclusiveGroundsOn: z.iso.date().nullable(),
  cawnStatus: codes(CAWN_STATUSES).nullable(),
  personName: z.string().nullable(),
  associateId: z.string().nullable(),
  interviewId: z.string().nullable().describe('the return interview whose sharing with the police this records'),
  version: z.number().int(),
  recordedBy: z.string(),
  recordedAt: z.iso.datetime(),
  amendments: z.array(amendmentView),
})

/** GET /api/v1/children/{id}/referrals */
export const referralListSchema = z.object({ referrals: z.array(referralViewSchema) })

const participant = z.object({
  name: requiredText('the name of each person who took part', 200),
  agency: requiredText('the agency of each person who took part', 200),
})

export const meetingActionSchema = z.object({
  action: requiredText('the action', 1000),
  owner: requiredText('who owns the action', 200),
  dueOn: dateField('the date the action is due'),
})
export type MeetingActionInput = z.output<typeof meetingActionSchema>

export const meetingSchema = z
  .object({
    kind: codeField(MEETING_KINDS, 'Select the kind of meeting'),
    kinds: exploitationKinds,
    heldOn: dateField('the date it was held'),
    participants: z.array(participant, { error: 'Name who took part' }).min(1, 'Name who took part').max(50),
    childViews: optionalText('the child’s views', 4000),
    familyViews: optionalText('the family’s views', 4000),
    decisions: requiredText('the decisions', 4000),
    actions: z.array(meetingActionSchema).max(50).default([]),
    episodeIds: z
      .array(z.string().regex(/^[A-Za-z0-9_-]+$/, 'Choose from the list'))
      .max(50)
      .default([]),
    alertIds: z
      .array(z.string().regex(/^[A-Za-z0-9_-]+$/, 'Choose from the list'))
      .max(50)
      .default([]),
  })
  .superRefine((m, ctx) => {
    const problem = meetingKindsProblem(m.kind, m.kinds)
    if (problem) ctx.addIssue({ code: 'custom', path: ['kinds'], message: problem })
  })
export type MeetingInput = z.output<typeof meetingSchema>

export const completeActionSchema = z.object({
  completedOn: dateField('the date it was completed'),
  note: requiredText('what was done', 2000),
})
export type CompleteActionInput = z.output<typeof completeActionSchema>

/** POST /api/v1/meetings/{id}/amendments: kinds as a comma-separated list of codes */
export const amendMeetingSchema = amendmentSchema(Object.keys(MEETING_FIELDS) as (keyof typeof MEETING_FIELDS)[], 4000)

const actionView = z.object({
  id: z.string(),
  action: z.string(),
  owner: z.string(),
  dueOn: z.iso.date(),
  state: z.enum(['done', 'overdue', 'open']),
  completedOn: z.iso.date().nullable(),
  completionNote: z.string().nullable(),
})

export const meetingViewSchema = z.object({
  id: z.string(),
  kind: codes(MEETING_KINDS),
  kindLabel: z.string(),
  kinds: kindsView,
  heldOn: z.iso.date(),
  participants: z.array(z.object({ name: z.string(), agency: z.string() })),
  childViews: z.string().nullable(),
  familyViews: z.string().nullable(),
  decisions: z.string(),
  actions: z.array(actionView),
  episodeIds: z.array(z.string()),
  alertIds: z.array(z.string()),
  version: z.number().int().describe('send it with a correction'),
  recordedBy: z.string(),
  recordedAt: z.iso.datetime(),
  amendments: z.array(amendmentView),
})

/** GET /api/v1/children/{id}/meetings */
export const meetingListSchema = z.object({
  meetings: z.array(meetingViewSchema),
  flags: z
    .array(
      z.object({
        kind: z.enum(['high-risk-episode', 'repeat-alert']),
        subjectId: z.string(),
        title: z.string(),
        due: z.iso.datetime(),
      }),
    )
    .describe('what needs a meeting and has none past its due time (HAVEN_MEETING_* settings)'),
})

/** POST /api/v1/meetings/{id}/actions */
export const actionAddedSchema = z.object({ id: z.string(), state: z.enum(['done', 'overdue', 'open']) })
