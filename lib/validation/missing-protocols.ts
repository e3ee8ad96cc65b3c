// Missing protocols, protocol steps done and who was told: forms, server actions and API alike.
import { z } from 'zod'
import { TOLD_METHOD, TOLD_WHO, type ToldMethod, type ToldWho } from '@/lib/domain/missing-protocols'
import { RISK_GRADES } from './episodes'
import { languageWarningsSchema } from './responses'
import { dateField, momentField, optionalEmail, optionalText, requiredText } from './fields'

const WHO = Object.keys(TOLD_WHO) as [ToldWho, ...ToldWho[]]
const METHODS = Object.keys(TOLD_METHOD) as [ToldMethod, ...ToldMethod[]]

export const KNOWN_KINDS = { location: 'A place', associate: 'A person', vehicle: 'A vehicle' } as const
type KnownKind = keyof typeof KNOWN_KINDS

/** A place, person or vehicle the protocol names: a record chosen by id, or typed to be recognised or added. */
export const knownRecordSchema = z
  .object({
    kind: z.enum(Object.keys(KNOWN_KINDS) as [KnownKind, ...KnownKind[]], {
      error: 'Select a place, a person or a vehicle',
    }),
    recordId: optionalText('the record', 40),
    name: optionalText('the name or registration', 200),
    detail: optionalText('the postcode or description', 300),
  })
  .superRefine((r, ctx) => {
    if (r.recordId || r.name || (r.kind !== 'location' && r.detail)) return
    const what =
      r.kind === 'location' ? 'its name' : r.kind === 'associate' ? 'a name or a description' : 'a registration'
    ctx.addIssue({ code: 'custom', path: ['name'], message: `Choose a record from the list, or type ${what}` })
  })
export type KnownRecordInput = z.output<typeof knownRecordSchema>

export const protocolSchema = z.object({
  whenMissing: requiredText('what counts as missing for this child', 1000),
  callPoliceAtOnce: requiredText('when to call the police at once', 1000),
  whereToLook: requiredText('where to look first', 2000),
  knownPlacesAndPeople: optionalText('known places and people', 2000),
  knownRecords: z
    .array(knownRecordSchema)
    .max(30, 'A protocol names at most 30 places, people and vehicles')
    .default([]),
  medicalNeeds: optionalText('medical needs', 2000),
  childsView: requiredText("the child's view: what they want to happen", 2000),
  steps: z
    .array(z.object({ text: requiredText('the step', 500) }))
    .min(1, 'Add at least one step: what staff do, in order')
    .max(30, 'A protocol has at most 30 steps'),
  toTell: z
    .array(
      z.object({
        who: z.enum(WHO, { error: 'Select who is told' }),
        name: optionalText('the name', 200),
        contact: optionalText('how to reach them', 300),
        /** Haven e-mails this address itself when the child is reported missing and when they come back */
        email: optionalEmail(),
      }),
    )
    .max(20, 'A protocol names at most 20 people to tell'),
  reviewDate: dateField('the review date'),
  basedOnVersion: z.number({ error: 'basedOnVersion must be a number' }).int().min(0),
})
export type ProtocolInput = z.output<typeof protocolSchema>

export const stepDoneSchema = z.object({
  step: z.number({ error: 'Say which step was done' }).int().min(0, 'Say which step was done'),
  doneAt: momentField('when it was done'),
})
export type StepDoneInput = z.output<typeof stepDoneSchema>

export const toldSchema = z
  .object({
    who: z.enum(WHO, { error: 'Select who was told' }),
    name: optionalText('the name', 200),
    toldAt: momentField('when they were told'),
    method: z.enum(METHODS, { error: 'Select how they were told' }),
    policeForce: optionalText('the police force', 200),
    policeReference: optionalText('the police reference', 100),
    policeRiskGrade: z
      .enum(RISK_GRADES, { error: 'Select the police risk grade' })
      .optional()
      .nullable()
      .or(z.literal('').transform(() => null)),
  })
  .superRefine((t, ctx) => {
    if (t.who === 'POLICE' && !t.policeForce)
      ctx.addIssue({ code: 'custom', path: ['policeForce'], message: 'Enter the police force' })
  })
export type ToldInput = z.output<typeof toldSchema>

const who = z.object({ id: z.string(), name: z.string() }).nullable()

/** A known place, person or vehicle as the API answers it: the record's id, and the words shown for this child. */
export const knownRecordShown = z.object({
  kind: z.enum(Object.keys(KNOWN_KINDS) as [KnownKind, ...KnownKind[]]),
  id: z.string(),
  label: z.string(),
  detail: z.string().nullable(),
})

/** One version as the API answers it. */
export const protocolVersionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  whenMissing: z.string(),
  callPoliceAtOnce: z.string(),
  whereToLook: z.string(),
  knownPlacesAndPeople: z.string().nullable(),
  knownRecords: z.array(knownRecordShown),
  medicalNeeds: z.string().nullable(),
  childsView: z.string(),
  steps: z.array(z.string()),
  toTell: z.array(
    z.object({
      who: z.enum(WHO),
      name: z.string().nullable(),
      contact: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
  reviewDate: z.iso.date(),
  createdAt: z.iso.datetime(),
  createdBy: who,
  agreedAt: z.iso.datetime().nullable(),
  agreedBy: who,
  signedOffAt: z.iso.datetime().nullable(),
  signedOffBy: who,
})

/** GET /api/v1/children/{id}/missing-protocols */
export const protocolListSchema = z.object({
  child: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }),
  state: z.enum(['none', 'unsigned', 'current', 'review-due']),
  stateMessage: z.string(),
  inForceVersion: z.number().int().nullable(),
  versions: z.array(protocolVersionSchema),
})

export const protocolSavedSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  warnings: languageWarningsSchema,
})
export const stepDoneSavedSchema = z.object({ id: z.string(), step: z.number().int() })
export const toldSavedSchema = z.object({ id: z.string(), notified: z.number().int() })
/** POST /api/v1/missing-protocols/{id}/agreement and .../sign-off */
export const protocolApprovedSchema = z.object({ id: z.string(), version: z.number().int() })
