// A home's phone number: the form on the home's page and PUT /api/v1/homes/{id}/phone share this schema.
import { z } from 'zod'
import { ukPhoneNumber } from '@/lib/domain/phone-numbers'
import './fields' // zod's configuration (no eval: the Content-Security-Policy forbids it)

/** `{ phone }`: a UK number as typed (kept in its written form), or blank or null to remove the home's number. */
export const homePhoneSchema = z.object({
  phone: z
    .string({ error: 'Phone number: enter the number, or null to remove it' })
    .nullable()
    .transform((typed, ctx) => {
      if (typed === null || !typed.trim()) return null
      const { phone, problem } = ukPhoneNumber(typed)
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem })
      return phone
    })
    .describe(
      'The number other agencies ring about a child, answered day and night: a UK number starting 01, 02, 03 or 07, ' +
        'or 0800 or 0808 (spaces, brackets and +44 allowed); null or blank removes it',
    ),
})
export type HomePhoneInput = z.output<typeof homePhoneSchema>

/** What PUT /api/v1/homes/{id}/phone answers: the home with the number as it is now kept. */
export const homePhoneSavedSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable().describe('in its written form, e.g. "0114 496 0123"; null when the home has none'),
})
