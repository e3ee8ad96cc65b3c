// CSE screening and safety plan schemas: forms, server actions and API alike.
import { z } from 'zod'
import { EXPLOITATION_KINDS, INDICATORS } from '@/lib/domain/cse'
import { dateField, optionalDate, optionalId, optionalText, requiredText, yesNo } from './fields'

const CODES = INDICATORS.map((i) => i.code) as [string, ...string[]]
export const WHENS = ['CURRENT', 'WITHIN_6_MONTHS', 'OLDER'] as const
export const LEVELS = ['NOT_AT_RISK', 'AT_RISK', 'SIGNIFICANT'] as const

export const screeningSchema = z
  .object({
    /** the form sends every indicator with present true/false; the API may send only those present */
    indicators: z
      .array(
        z.object({
          code: z.enum(CODES, { error: 'Unknown indicator' }),
          present: z.boolean().default(true),
          when: z
            .enum(WHENS)
            .optional()
            .nullable()
            .or(z.literal('').transform(() => null)),
          note: optionalText('the note', 2000),
        }),
      )
      .max(INDICATORS.length)
      .default([]),
    /** the worker's level for each kind screened */
    kinds: z
      .array(
        z.object({
          kind: z.enum(EXPLOITATION_KINDS, { error: 'Unknown kind of exploitation' }),
          level: z.enum(LEVELS, { error: 'Select the level, using your professional judgement' }),
          levelReason: optionalText('why your judgement differs', 2000),
        }),
      )
      .min(1, 'Screen at least one kind of exploitation')
      .max(EXPLOITATION_KINDS.length)
      .optional(),
    /** from before the kinds: a level alone screens for sexual exploitation only */
    level: z.enum(LEVELS, { error: 'Select the level, using your professional judgement' }).optional(),
    levelReason: optionalText('why your judgement differs', 2000),
    summary: optionalText('the summary', 4000),
    /** for each suggestion from Haven's records: confirm (add the indicator) or dismiss */
    suggestionDecisions: z
      .record(z.string(), z.enum(['confirm', 'dismiss'], { error: 'Confirm or dismiss this suggestion' }).nullable())
      .default({})
      .transform(
        (d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v)) as Record<string, 'confirm' | 'dismiss'>,
      ),
    sourceInterviewId: optionalId('Choose the return interview from the list'),
  })
  .superRefine((s, ctx) => {
    s.indicators.forEach((i, n) => {
      if (i.present && !i.when)
        ctx.addIssue({ code: 'custom', path: ['indicators', n, 'when'], message: 'Say when it was observed' })
    })
    const codes = s.indicators.filter((i) => i.present).map((i) => i.code)
    if (new Set(codes).size !== codes.length)
      ctx.addIssue({ code: 'custom', path: ['indicators'], message: 'Each indicator once' })
    if (!s.kinds && !s.level)
      ctx.addIssue({ code: 'custom', path: ['level'], message: 'Select the level, using your professional judgement' })
    const kinds = (s.kinds ?? []).map((k) => k.kind)
    if (new Set(kinds).size !== kinds.length)
      ctx.addIssue({ code: 'custom', path: ['kinds'], message: 'Each kind of exploitation once' })
  })
  .transform(({ level, levelReason, ...s }) => ({
    ...s,
    indicators: s.indicators.filter((i) => i.present),
    kinds: s.kinds ?? [{ kind: 'sexual' as const, level: level!, levelReason }],
  }))

export const planSchema = z.object({
  /** the kinds it addresses; API clients from before the kinds wrote plans about sexual exploitation */
  kinds: z.preprocess(
    (v) => (v === false ? [] : typeof v === 'string' ? [v] : v),
    z
      .array(z.enum(EXPLOITATION_KINDS, { error: 'Unknown kind of exploitation' }))
      .min(1, 'Say which kinds of exploitation the plan addresses')
      .refine((k) => new Set(k).size === k.length, 'Each kind once')
      .default(['sexual']),
  ),
  risks: z
    .array(
      z.object({
        code: z
          .enum(CODES)
          .optional()
          .nullable()
          .or(z.literal('').transform(() => null)),
        text: optionalText('the risk', 1000),
      }),
    )
    .max(30)
    .default([])
    .transform((r) => r.filter((x) => x.code || x.text)),
  actions: z
    .array(
      z.object({
        who: optionalText('who', 200),
        what: optionalText('what they do', 1000),
        byWhen: optionalDate('by when'),
      }),
    )
    .max(30)
    .default([])
    .transform((a) => a.filter((x) => x.who || x.what)),
  ifMissingPlaces: requiredText('the places to check if they go missing', 4000),
  ifMissingPeople: requiredText('the people to call if they go missing', 4000),
  trustedAdults: optionalText('the trusted adults', 2000),
  childsWords: optionalText('the child’s own words', 8000),
  childAgrees: z.enum(['YES', 'PARTLY', 'NO', 'NOT_ASKED'], { error: 'Say whether the child agrees with the plan' }),
  familyEngaged: optionalText('the family and supporting adults engaged', 2000),
  policeInvolved: yesNo('Say whether the police are involved'),
  policeOfficer: optionalText('the officer', 200),
  policeReference: optionalText('the police reference', 100),
  reviewDate: dateField('the review date'),
  /** the version the writer started from: a newer one saved meanwhile is not silently overwritten */
  basedOnVersion: z.coerce.number().int().min(0),
})

export type ScreeningInput = z.output<typeof screeningSchema>
export type PlanInput = z.output<typeof planSchema>
