import { z } from 'zod'
import { readsChildRecords } from '@/lib/domain/permissions'
import { ROLES } from '@/lib/domain/roles'
import { email, noControlCharacters, optionalId, optionalText, requiredId, requiredText } from './fields'
import { timelinessQuerySchema } from './return-interviews'

export const signInSchema = z.object({
  email: email(),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(200),
  /** the authenticator's 6 digits or a recovery code, for an account with a second factor */
  code: z.string().trim().max(40, 'Enter the 6 digits from your authenticator app, or a recovery code').optional(),
})

export const tokenRequestSchema = signInSchema.extend({
  name: z
    .string()
    .trim()
    .max(100)
    .refine(...noControlCharacters('the token name', false))
    .optional(),
})

export const roleGrantSchema = z
  .object({
    role: z.enum(ROLES, { error: 'Select a role' }),
    /** the home, provider or local authority the role is held in (none for system administrators) */
    organisationId: optionalId(),
    /** why this person needs it: required for a role that reads children's records, kept in the grants report */
    reason: optionalText('the reason', 500),
  })
  .superRefine((g, ctx) => {
    if (readsChildRecords(g.role) && !g.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: "Enter why this person needs a role that reads children's records",
      })
  })

export const newUserSchema = z.object({
  name: requiredText('the full name', 200),
  email: email(),
  grant: roleGrantSchema,
})

export type RoleGrantInput = z.output<typeof roleGrantSchema>
export type NewUser = z.output<typeof newUserSchema>

/** Creating a token on the account page: the person confirms with their password. */
export const tokenFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the token, for example what will use it')
    .max(100, 'Token name must be 100 characters or fewer')
    .refine(...noControlCharacters('the token name', false)),
  password: z.string().min(1, 'Enter your password to confirm it is you'),
})

/** A second administrator's decision on a pending role grant. */
export const grantDecisionSchema = z
  .object({
    approve: z.boolean({ error: 'Choose whether to approve or refuse the grant' }),
    refusalReason: optionalText('the reason for refusing', 500),
  })
  .superRefine((d, ctx) => {
    if (!d.approve && !d.refusalReason)
      ctx.addIssue({ code: 'custom', path: ['refusalReason'], message: 'Enter why the grant is refused' })
  })

/** Deactivating someone: who takes over the children allocated to them (none: each child's missing lead is told). */
export const deactivationSchema = z.object({
  successorId: optionalId(),
})

/** Handing a leaver's children over later. */
export const handOverSchema = z.object({
  successorId: requiredId('Select who takes the children over'),
})

/** ?from=YYYY-MM-DD&to=YYYY-MM-DD: the role grants report's period (both days included), as every report's. */
export const roleGrantReportQuerySchema = timelinessQuerySchema

export type GrantDecision = z.output<typeof grantDecisionSchema>
export type RoleGrantReportQuery = z.output<typeof roleGrantReportQuerySchema>

const newPassword = z
  .string({ error: 'Enter a new password' })
  .min(1, 'Enter a new password')
  .max(200, 'Password must be 200 characters or fewer')

/** Changing your own password (account page and POST /api/v1/auth/password). */
export const passwordChangeSchema = z.object({
  currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password').max(200),
  newPassword,
})

/** "Forgotten your password?" */
export const passwordResetRequestSchema = z.object({ email: email() })

/** Choosing a password from a reset or invitation link. */
export const passwordFromLinkSchema = z.object({ newPassword })

/** Confirming an authenticator app: the 6 digits it shows (spaces allowed, as some apps show "123 456"). */
export const authenticatorCodeSchema = z.object({
  code: z
    .string({ error: 'Enter the 6 digits your authenticator app shows for Haven' })
    .transform((v) => v.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6 digits your authenticator app shows for Haven')),
})
