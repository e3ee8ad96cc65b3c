import { z } from 'zod'
import { CHRONOLOGY_KINDS, type ChronologyKind } from '@/lib/domain/chronology'
import { dateField } from './fields'

const kinds = Object.keys(CHRONOLOGY_KINDS) as [ChronologyKind, ...ChronologyKind[]]
const optionalDate = (label: string) => z.preprocess((v) => (v === '' ? undefined : v), dateField(label).optional())

/** ?kind=episode&kind=return&from=YYYY-MM-DD&to=YYYY-MM-DD (the page's filter form and the API alike) */
export const chronologyQuerySchema = z
  .object({
    kind: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(kinds, { error: `kind is one of ${kinds.join(', ')}` })),
    ),
    from: optionalDate('the start of the period'),
    to: optionalDate('the end of the period'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'The end of the period cannot be before its start',
  })
