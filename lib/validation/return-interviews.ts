// Return interview schemas: forms, server actions and API alike.
import { z } from 'zod'
import { LOCATION_KINDS } from './episodes'
import { CHILD_SAYS_SECTIONS } from '@/lib/domain/return-interviews'
import { settings } from '@/lib/settings'
import { amendmentSchema } from './amendments'
import { dateField, momentField, optionalDate, optionalText, requiredText } from './fields'

export const OUTCOMES = ['HELD', 'DECLINED', 'NOT_AVAILABLE', 'NOT_OFFERED'] as const
export const OFFER_METHODS = ['IN_PERSON', 'PHONE', 'TEXT_OR_MESSAGE', 'LETTER', 'THROUGH_CARER', 'OTHER'] as const
export const SHARING_BASES = ['CONSENT', 'SAFEGUARDING_WITHOUT_CONSENT'] as const
export const PREVENTION_STATUSES = ['DONE', 'DECLINED', 'NOT_DONE'] as const

const optionalMoment = (label: string) =>
  z
    .string()
    .optional()
    .nullable()
    .transform((v) => v || null)
    .pipe(momentField(label).nullable())
const yes = z.boolean().default(false)
const words = (label: string) => optionalText(label, 8000)

const named = z.object({
  name: optionalText('the place name', 200),
  kind: z
    .enum(LOCATION_KINDS)
    .optional()
    .nullable()
    .or(z.literal('').transform(() => null)),
  postcode: optionalText('the postcode', 10),
})
const person = z.object({ name: optionalText('the name', 200), description: optionalText('the description', 500) })
const vehicle = z.object({
  registration: optionalText('the registration', 12),
  description: optionalText('the vehicle description', 300),
  taxiFirm: optionalText('the taxi firm', 200),
})
const filled = <T extends Record<string, unknown>>(items: T[]) =>
  items.filter((item) => Object.values(item).some((v) => typeof v === 'string' && v))

export const offerSchema = z.object({
  offeredAt: momentField('when the interview was offered'),
  offerMethod: z.enum(OFFER_METHODS, { error: 'Select how it was offered' }),
})

export const outcomeSchema = z
  .object({
    outcome: z.enum(OUTCOMES, { error: 'Select what happened' }),
    offeredAt: optionalMoment('when it was offered'),
    offerMethod: z
      .enum(OFFER_METHODS)
      .optional()
      .nullable()
      .or(z.literal('').transform(() => null)),
    notOfferedReason: optionalText('why it was not offered', 2000),
    heldAt: optionalMoment('when it was held'),
    heldWhere: optionalText('where it was held', 300),
    interviewerName: optionalText('who held it', 200),
    interviewerOrganisation: optionalText('their organisation', 200),
    independenceDeclared: yes,
    childChoseTrustedAdult: yes,
    trustedAdult: optionalText('the trusted adult', 300),
    whereAndWithWhom: words('where they went and who with'),
    whatHappened: words('what happened'),
    whyLeft: words('why they left'),
    harmed: words('whether they were harmed'),
    feelsSafe: words('whether they feel safe'),
    whatWouldHelp: words('what would help'),
    concernsAboutHome: words('concerns about the home'),
    locations: z
      .array(named)
      .max(20)
      .default([])
      .transform((l) => filled(l)),
    associates: z
      .array(person)
      .max(20)
      .default([])
      .transform((a) => filled(a)),
    vehicles: z
      .array(vehicle)
      .max(20)
      .default([])
      .transform((v) => filled(v)),
  })
  .superRefine((o, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (o.outcome === 'NOT_OFFERED' && !o.notOfferedReason)
      need('notOfferedReason', 'Say why the interview was not offered')
    if (o.outcome === 'HELD') {
      if (!o.heldAt) need('heldAt', 'Enter when the interview was held')
      if (!o.interviewerName) need('interviewerName', 'Enter who held the interview')
      if (!o.childChoseTrustedAdult && !o.interviewerOrganisation)
        need('interviewerOrganisation', 'Enter the organisation of the person who held it')
    }
    o.locations.forEach((l, i) => {
      if (!l.name)
        ctx.addIssue({
          code: 'custom',
          path: ['locations', i, 'name'],
          message: 'Name the place, or leave the whole row empty',
        })
    })
  })

export const INTERVIEW_AMENDABLE = {
  heldAt: 'When it was held',
  heldWhere: 'Where it was held',
  interviewerName: 'Who held it',
  interviewerOrganisation: 'Their organisation',
  ...CHILD_SAYS_SECTIONS,
  concernsAboutHome: 'Concerns about the home',
  preventionInterview: 'Police prevention interview',
} as const
export type InterviewAmendableField = keyof typeof INTERVIEW_AMENDABLE

/** How long a corrected value may be (what the child said can be long). */
export const INTERVIEW_CORRECTION_MAX = 8000
export const amendInterviewSchema = amendmentSchema(
  Object.keys(INTERVIEW_AMENDABLE) as InterviewAmendableField[],
  INTERVIEW_CORRECTION_MAX,
)

export const followUpSchema = z.object({
  kind: z.enum(['CSE_SCREENING', 'SAFEGUARDING_REFERRAL'], { error: 'Select what was started' }),
  reference: optionalText('the reference', 100),
  note: optionalText('the note', 2000),
})

export const policeSharingSchema = z
  .object({
    sharedAt: momentField('when it was shared'),
    policeForce: requiredText('the police force', 200),
    what: requiredText('what was shared', 4000),
    basis: z.enum(SHARING_BASES, { error: 'Select the basis for sharing' }),
    reason: optionalText('the reason', 2000),
  })
  .superRefine((s, ctx) => {
    if (s.basis === 'SAFEGUARDING_WITHOUT_CONSENT' && !s.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why it was shared without the child’s consent' })
  })

export const preventionSchema = z.object({
  preventionInterview: z.enum(PREVENTION_STATUSES, {
    error: 'Select whether the police prevention interview was done',
  }),
  preventionInterviewDate: optionalDate('the date'),
})

export const serviceSchema = z.object({ name: optionalText('the service name', 200) })

/** YYYY-MM-DD plus whole years, compared as text (29 February plus a year gives 29 February, still in order) */
const yearsAfter = (date: string, years: number) =>
  `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`

export const interviewListQuerySchema = z.object({
  status: z
    .enum(['due', 'overdue', 'held', 'all'], { error: 'status is one of due, overdue, held, all' })
    .optional()
    .default('all'),
})

/** A report's period: from and to (YYYY-MM-DD), at most settings.reports.maxPeriodYears long. */
export const timelinessQuerySchema = z
  .object({ from: dateField('the start of the period'), to: dateField('the end of the period') })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'The end of the period cannot be before its start' })
  .refine((q) => q.to < yearsAfter(q.from, settings.reports.maxPeriodYears), {
    path: ['to'],
    message: `The period can be at most ${settings.reports.maxPeriodYears} years long: bring the end of the period nearer its start`,
  })

export type OutcomeInput = z.output<typeof outcomeSchema>
