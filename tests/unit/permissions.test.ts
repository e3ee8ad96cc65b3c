import { describe, expect, it } from 'vitest'
import {
  can,
  CHILD_SCOPE,
  configurableAuthorities,
  grantsFor,
  mayActOnHome,
  mayCloseEpisode,
  mayEndPlacement,
  mayPlaceChild,
  PERMISSIONS,
} from '@/lib/domain/permissions'
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

describe('who among the roles allowed may do it to this record', () => {
  const manager = actor('REGISTERED_MANAGER') // of home 'h'
  const socialWorker = actor('SOCIAL_WORKER') // user 'u'
  it('closes an episode: the manager of its home; away from any Haven home, the child’s own social worker', () => {
    expect(mayCloseEpisode(manager, { homeId: 'h', socialWorkerId: null })).toBe(true)
    expect(mayCloseEpisode(manager, { homeId: 'other', socialWorkerId: null })).toBe(false)
    expect(mayCloseEpisode(manager, { homeId: null, socialWorkerId: 'u' })).toBe(false)
    expect(mayCloseEpisode(socialWorker, { homeId: null, socialWorkerId: 'u' })).toBe(true)
    expect(mayCloseEpisode(socialWorker, { homeId: null, socialWorkerId: 'someone else' })).toBe(false)
    expect(mayCloseEpisode(socialWorker, { homeId: 'h', socialWorkerId: 'u' })).toBe(false)
    expect(mayCloseEpisode(actor('CARE_WORKER'), { homeId: 'h', socialWorkerId: 'u' })).toBe(false)
  })
  it('ends a placement or places a child: a manager in their own home only, a social worker anywhere', () => {
    expect(mayEndPlacement(manager, { homeId: 'h' })).toBe(true)
    expect(mayEndPlacement(manager, { homeId: 'other' })).toBe(false)
    expect(mayEndPlacement(manager, { homeId: null })).toBe(false)
    expect(mayEndPlacement(socialWorker, { homeId: null })).toBe(true)
    expect(mayPlaceChild(manager, 'child.create', { homeId: 'h' })).toBe(true)
    expect(mayPlaceChild(manager, 'child.create', { homeId: null })).toBe(false)
    expect(mayPlaceChild(socialWorker, 'placement.start', { homeId: null })).toBe(true)
    expect(mayPlaceChild(actor('CARE_WORKER'), 'child.create', { homeId: 'h' })).toBe(false)
  })
  it("sets a home's phone number: its registered manager, or the responsible individual of its provider", () => {
    const home = { id: 'h', providerId: 'p', hostAuthorityId: 'la' }
    const ri: Actor = {
      ...actor(),
      grants: [{ role: 'RESPONSIBLE_INDIVIDUAL', homeId: null, providerId: 'p', localAuthorityId: null }],
    }
    expect(mayActOnHome(manager, 'home.phone', home)).toBe(true)
    expect(mayActOnHome(manager, 'home.phone', { ...home, id: 'other' })).toBe(false)
    expect(mayActOnHome(ri, 'home.phone', home)).toBe(true)
    expect(mayActOnHome(ri, 'home.phone', { ...home, providerId: 'another' })).toBe(false)
    expect(mayActOnHome(actor('CARE_WORKER'), 'home.phone', home)).toBe(false)
    expect(mayActOnHome(actor('LA_MISSING_LEAD'), 'home.phone', home)).toBe(false)
    // the same home scope as the query's (HOME_SCOPE): a missing lead reads the oversight of the homes their
    // authority hosts, and no other
    const lead: Actor = {
      ...actor(),
      grants: [{ role: 'LA_MISSING_LEAD', homeId: null, providerId: null, localAuthorityId: 'la' }],
    }
    expect(mayActOnHome(lead, 'oversight.read', home)).toBe(true)
    expect(mayActOnHome(lead, 'oversight.read', { ...home, hostAuthorityId: 'another' })).toBe(false)
  })
  it('configures the authorities where the person is the missing lead', () => {
    const lead: Actor = {
      ...actor(),
      grants: [{ role: 'LA_MISSING_LEAD', homeId: null, providerId: null, localAuthorityId: 'la' }],
    }
    expect(configurableAuthorities(lead)).toEqual(['la'])
    expect(configurableAuthorities(actor('SOCIAL_WORKER'))).toEqual([])
  })
})
