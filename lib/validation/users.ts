import { z } from 'zod'
import { ROLES } from '@/lib/domain/roles'
import { email, noControlCharacters, optionalId, requiredText } from './fields'

export const signInSchema = z.object({
  email: email(),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(200),
})

export const tokenRequestSchema = signInSchema.extend({
  name: z.string().trim().max(100).refine(...noControlCharacters('the token name', false)).optional(),
})

export const roleGrantSchema = z.object({
  role: z.enum(ROLES, { error: 'Select a role' }),
  /** the home, provider or local authority the role is held in (none for system administrators) */
  organisationId: optionalId(),
})

export const newUserSchema = z.object({
  name: requiredText('the full name', 200),
  email: email(),
  password: z.string({ error: 'Enter a password' }).min(1, 'Enter a password'),
  grant: roleGrantSchema,
})

export type RoleGrantInput = z.output<typeof roleGrantSchema>
export type NewUser = z.output<typeof newUserSchema>

/** Creating a token on the account page: the person confirms with their password. */
export const tokenFormSchema = z.object({
  name: z.string().trim().min(1, 'Name the token, for example what will use it').max(100, 'Token name must be 100 characters or fewer').refine(...noControlCharacters('the token name', false)),
  password: z.string().min(1, 'Enter your password to confirm it is you'),
})
