// Sign-in with an organisation's identity provider: the administrator's form and the sign-in page's e-mail step.
import { z } from 'zod'
import { issuerProblem, parseEmailDomains } from '@/lib/domain/organisation-sign-in'
import { email, requiredId, requiredText } from './fields'

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/

export const organisationSignInSchema = z.object({
  organisationId: requiredId('Choose the organisation'),
  issuer: requiredText('the issuer', 500).superRefine((value, ctx) => {
    const problem = issuerProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  }),
  clientId: requiredText('the client id (application id)', 200),
  /** blank keeps the secret already stored */
  clientSecret: z.string().trim().max(500, 'The client secret must be 500 characters or fewer').optional(),
  // typed as text in the form; the server action gets the list the browser already made of it
  emailDomains: z
    .preprocess((v) => (Array.isArray(v) ? v.join(', ') : v), requiredText('the e-mail domains it serves', 1000))
    .transform(parseEmailDomains)
    .refine((domains) => domains.length > 0, 'Enter the e-mail domains it serves, like council.gov.uk')
    .refine(
      (domains) => domains.every((d) => DOMAIN.test(d)),
      'Enter each e-mail domain like council.gov.uk, separated by commas',
    ),
  enabled: z.boolean(),
  providerOnly: z.boolean(),
  providerEnforcesMfa: z.boolean(),
})
export type OrganisationSignInInput = z.input<typeof organisationSignInSchema>

export const organisationEmailSchema = z.object({ email: email() })
