import { z } from 'zod'
import { ROLES } from '@/lib/domain/roles'
import { email, optionalId, requiredText } from './fields'

export const signInSchema = z.object({
  email: email(),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(200),
})

export const tokenRequestSchema = signInSchema.extend({
  name: z.string().trim().max(100).optional(),
})

export const roleGrantSchema = z.object({
  role: z.enum(ROLES, { error: 'Select a role' }),
  /** the home, provider or local authority the role is held in (none for system administrators) */
  organisationId: optionalId(),
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
  name: z.string().trim().min(1, 'Name the token, for example what will use it').max(100, 'Token name must be 100 characters or fewer'),
  password: z.string().min(1, 'Enter your password to confirm it is you'),
})

const newPassword = z.string({ error: 'Enter a new password' }).min(1, 'Enter a new password').max(200, 'Password must be 200 characters or fewer')

/** Changing your own password (account page and POST /api/v1/auth/password). */
export const passwordChangeSchema = z.object({
  currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password').max(200),
  newPassword,
})

/** "Forgotten your password?" */
export const passwordResetRequestSchema = z.object({ email: email() })

/** Choosing a password from a reset or invitation link. */
export const passwordFromLinkSchema = z.object({ newPassword })
