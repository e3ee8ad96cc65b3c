// The demo accounts listed in the README (one per role) and their shared password. Kept apart from demo-data.ts
// so the browser tests can read them without loading the server.
import type { Role } from '@/lib/domain/roles'

export const DEMO_PASSWORD = 'haven-demo-password'

export type DemoUser = {
  id: string
  name: string
  email: string
  grants: { role: Role; homeId?: string; providerId?: string; localAuthorityId?: string }[]
}

/** A demo account that signs in with a second factor: its authenticator secret is published, like the password, so
 *  anyone trying the demo (and the browser tests) can make its codes. */
export const DEMO_SECOND_FACTOR = { email: 'tom.hughes@demo.haven.test', secret: 'HAVENDEMOTOTPSECRETHAVENDEMOTOTP' }

/** The demo accounts listed in the README: one per role. */
export const DEMO_ACCOUNTS: DemoUser[] = [
  {
    id: 'demo-user-care',
    name: 'Jordan Ellis',
    email: 'care.worker@demo.haven.test',
    grants: [{ role: 'CARE_WORKER', homeId: 'demo-home-willow' }],
  },
  {
    id: 'demo-user-manager',
    name: 'Priya Shah',
    email: 'manager@demo.haven.test',
    grants: [{ role: 'REGISTERED_MANAGER', homeId: 'demo-home-willow' }],
  },
  {
    id: 'demo-user-ri',
    name: 'Martin Cole',
    email: 'ri@demo.haven.test',
    grants: [{ role: 'RESPONSIBLE_INDIVIDUAL', providerId: 'demo-provider-brightpath' }],
  },
  {
    id: 'demo-user-iro',
    name: 'Grace Okafor',
    email: 'iro@demo.haven.test',
    grants: [{ role: 'IRO', localAuthorityId: 'demo-la-north' }],
  },
  {
    id: 'demo-user-sw',
    name: 'Sam Whitfield',
    email: 'social.worker@demo.haven.test',
    grants: [{ role: 'SOCIAL_WORKER', localAuthorityId: 'demo-la-north' }],
  },
  {
    id: 'demo-user-rhi',
    name: 'Amira Haddad',
    email: 'rhi@demo.haven.test',
    grants: [{ role: 'RETURN_INTERVIEW_PRACTITIONER', localAuthorityId: 'demo-la-north' }],
  },
  {
    id: 'demo-user-visitor',
    name: 'Helen Brandt',
    email: 'visitor@demo.haven.test',
    grants: [
      { role: 'INDEPENDENT_VISITOR', homeId: 'demo-home-willow' },
      { role: 'INDEPENDENT_VISITOR', homeId: 'demo-home-cedar' },
    ],
  },
  {
    id: 'demo-user-lead',
    name: 'Daniel Price',
    email: 'missing.lead@demo.haven.test',
    grants: [{ role: 'LA_MISSING_LEAD', localAuthorityId: 'demo-la-north' }],
  },
  { id: 'demo-user-admin', name: 'Ruth Adeyemi', email: 'admin@demo.haven.test', grants: [{ role: 'SYSTEM_ADMIN' }] },
]
