// Regulation 40 notifiable events: recording one, proposing one, the registered person's decision, each recipient told.
import { z } from 'zod'
import { EVENT_KINDS, RECIPIENTS } from '@/lib/domain/notifiable-events'
import { momentField, noControlCharacters, optionalId, optionalText, requiredText } from './fields'

const kind = z.enum(EVENT_KINDS, { error: 'Choose which kind of event this is' })
/** each other relevant person the registered person names (the form sends one a line) */
const relevantPersons = z
  .union([z.array(z.string()), z.string()])
  .default([])
  .transform((v) => (Array.isArray(v) ? v : v.split('\n')).map((s) => s.trim()).filter(Boolean))
  .pipe(
    z
      .array(
        z
          .string()
          .max(200, 'Keep each relevant person under 200 characters')
          .refine(...noControlCharacters('a relevant person', false)),
      )
      .max(20, 'Name at most 20 relevant persons'),
  )

const decisionFields = {
  decision: z.enum(['NOTIFY', 'NOT_NOTIFIABLE'], { error: 'Choose: notify, or not notifiable' }),
  decisionReason: optionalText('why it is not notifiable', 2000),
  otherRelevantPersons: relevantPersons,
}
const decisionRefined = <T extends z.ZodType<{ decision?: string; decisionReason?: string | null }>>(schema: T) =>
  schema.superRefine((v, ctx) => {
    if (v.decision === 'NOT_NOTIFIABLE' && !v.decisionReason)
      ctx.addIssue({ code: 'custom', path: ['decisionReason'], message: 'Say why this is not a notifiable event' })
  })

/** The registered person's decision on a proposal (once). */
export const decisionSchema = decisionRefined(z.object(decisionFields))

/** An event the registered person records at the home, with their decision (or left as a proposal to decide later). */
export const notifiableEventSchema = decisionRefined(
  z.object({
    kind,
    occurredAt: momentField('when it happened'),
    whatHappened: requiredText('what happened', 4000),
    childId: optionalId('Choose the child'),
    personConcerned: optionalText('the person referred', 200),
    decision: decisionFields.decision.optional().or(z.literal('').transform(() => undefined)),
    decisionReason: decisionFields.decisionReason,
    otherRelevantPersons: relevantPersons,
  }),
).superRefine((v, ctx) => {
  if (v.kind === 'STAFF_REFERRAL' && !v.personConcerned)
    ctx.addIssue({
      code: 'custom',
      path: ['personConcerned'],
      message: 'Name the person working at the home who was referred',
    })
  if (v.kind !== 'STAFF_REFERRAL' && !v.childId)
    ctx.addIssue({ code: 'custom', path: ['childId'], message: 'Choose the child' })
})

/** "This may be a Regulation 40 event": from an episode or a return interview; the registered person decides. */
export const proposalSchema = z.object({
  kind,
  because: requiredText('why this may be a Regulation 40 event', 2000),
})

/** One recipient told: who, when, how (by whom is the person recording it). */
export const notifiedSchema = z.object({
  recipient: z.enum(RECIPIENTS, { error: 'Choose who was told' }),
  who: requiredText('who exactly was told (a team, an office, a name)', 200),
  how: requiredText('how they were told', 300),
  at: momentField('when they were told'),
})

export type NotifiableEventInput = z.output<typeof notifiableEventSchema>
export type DecisionInput = z.output<typeof decisionSchema>
export type ProposalInput = z.output<typeof proposalSchema>
export type NotifiedInput = z.output<typeof notifiedSchema>

// What the API answers (documented in the OpenAPI document; each event carries more of its record than listed here)
const eventStatusSchema = z.enum(['PROPOSED', 'TO_NOTIFY', 'NOTIFIED', 'NOT_NOTIFIABLE'])
export const notifiableEventListSchema = z.object({
  home: z.object({ id: z.string(), name: z.string() }),
  events: z.array(
    z.looseObject({
      id: z.string(),
      kind: z.string(),
      status: eventStatusSchema,
      notifyBy: z.iso.date(),
      overdue: z.boolean(),
      toldLate: z.boolean(),
      child: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }).nullable(),
      stillToTell: z.array(z.looseObject({})),
      notices: z.array(z.looseObject({ id: z.string() })),
    }),
  ),
  children: z.array(z.object({ id: z.string(), firstName: z.string(), lastName: z.string() })),
})
export const notifiableEventSavedSchema = z.object({ id: z.string(), status: eventStatusSchema })
export const notifiedRecordedSchema = z.object({
  id: z.string(),
  complete: z.boolean(),
  stillToTell: z.array(z.looseObject({})),
})
