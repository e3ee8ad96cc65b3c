// Who uses Haven (docs/domain.md, "Who uses Haven"). A person may hold several roles, each in an organisation.

export const ROLES = [
  'CARE_WORKER',
  'REGISTERED_MANAGER',
  'RESPONSIBLE_INDIVIDUAL',
  'IRO',
  'SOCIAL_WORKER',
  'RETURN_INTERVIEW_PRACTITIONER',
  'INDEPENDENT_VISITOR',
  'LA_MISSING_LEAD',
  'SYSTEM_ADMIN',
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  CARE_WORKER: 'Care worker',
  REGISTERED_MANAGER: 'Registered manager',
  RESPONSIBLE_INDIVIDUAL: 'Responsible individual',
  IRO: 'Independent reviewing officer (IRO)',
  SOCIAL_WORKER: 'Social worker',
  RETURN_INTERVIEW_PRACTITIONER: 'Return interview practitioner',
  INDEPENDENT_VISITOR: 'Independent visitor (Reg 44)',
  LA_MISSING_LEAD: 'Local authority missing lead',
  SYSTEM_ADMIN: 'System administrator',
}

/** The kind of organisation each role is held in. */
export const ROLE_ORGANISATION: Record<Role, 'home' | 'provider' | 'localAuthority' | 'none'> = {
  CARE_WORKER: 'home',
  REGISTERED_MANAGER: 'home',
  INDEPENDENT_VISITOR: 'home',
  RESPONSIBLE_INDIVIDUAL: 'provider',
  IRO: 'localAuthority',
  SOCIAL_WORKER: 'localAuthority',
  RETURN_INTERVIEW_PRACTITIONER: 'localAuthority',
  LA_MISSING_LEAD: 'localAuthority',
  SYSTEM_ADMIN: 'none',
}

/** One role held by a person, with the organisation it is held in. */
export type RoleGrant = {
  role: Role
  homeId: string | null
  providerId: string | null
  localAuthorityId: string | null
}

/** The signed-in person, as every use case receives them. */
export type Actor = {
  userId: string
  name: string
  email: string
  grants: RoleGrant[]
}

export function holds(actor: Actor, role: Role) {
  return actor.grants.some((g) => g.role === role)
}
