import { describe, expect, it } from 'vitest'
import { can, CHILD_SCOPE, grantsFor, PERMISSIONS } from '@/lib/domain/permissions'
import { ROLES, type Actor, type Role } from '@/lib/domain/roles'
import { Role as PrismaRole } from '@/lib/generated/prisma/enums'

const actor = (...roles: string[]): Actor => ({
  userId: 'u',
  name: 'U',
  email: 'u@x.test',
  grants: roles.map((role) => ({ role: role as Role, homeId: 'h', providerId: null, localAuthorityId: null })),
})

describe('the permission table', () => {
  it('denies everything to someone with no roles, or an unknown role', () => {
    for (const action of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can(actor(), action)).toBe(false)
      expect(can(actor('JANITOR'), action)).toBe(false)
    }
  })
  it('lets an administrator manage users without reading case records', () => {
    expect(can(actor('SYSTEM_ADMIN'), 'user.manage')).toBe(true)
    expect(can(actor('SYSTEM_ADMIN'), 'child.read')).toBe(false)
    expect(CHILD_SCOPE.SYSTEM_ADMIN).toBe('none')
  })
  it('combines the roles a person holds', () => {
    const both = actor('SYSTEM_ADMIN', 'CARE_WORKER')
    expect(can(both, 'child.read')).toBe(true)
    expect(grantsFor(both, 'child.read').map((g) => g.role)).toEqual(['CARE_WORKER'])
  })
  it('knows the same roles as the database', () => {
    expect([...ROLES].sort()).toEqual(Object.values(PrismaRole).sort())
  })
})
