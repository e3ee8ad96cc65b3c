import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { settings } from '@/lib/settings'
import { authenticate, loadActor } from '@/lib/server/accounts'
import { getPrisma } from '@/lib/server/database'
import { ValidationError } from '@/lib/server/errors'
import { addRole, decideGrant, pendingGrants, removeRole, roleGrantReport } from '@/lib/server/role-grants'
import { createFirstAdministrator, createUser, setUserActive } from '@/lib/server/users'
import { newUserSchema, roleGrantSchema } from '@/lib/validation/users'
import { POST as issueToken } from '@/app/api/v1/auth/token/route'
import { GET as roleGrantsRoute } from '@/app/api/v1/reports/role-grants/route'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makePerson, makeWorld, problems, type World } from '../support/fixtures'

let world: World
beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
})

describe('people and roles', () => {
  it('the first administrator is created once, from the command line, with a strong enough password', async () => {
    await expect(
      createFirstAdministrator({ name: 'First Admin', email: 'first@haven.test', password: 'short' }),
    ).rejects.toThrow(ValidationError)
    const admin = await createFirstAdministrator({
      name: 'First Admin',
      email: 'First@Haven.test',
      password: 'a long enough password',
    })
    expect(admin.email).toBe('first@haven.test')
    expect(
      (await authenticate({ email: 'first@haven.test', password: 'a long enough password', ip: '127.0.0.1' })).id,
    ).toBe(admin.id)
    await expect(
      createFirstAdministrator({ name: 'Second', email: 'second@haven.test', password: 'another long password' }),
    ).rejects.toThrow(ValidationError)
  })

  it('an administrator creates a person with a role in an organisation, and adds another role', async () => {
    const prisma = await getPrisma()
    const admin = (await loadActor(
      prisma,
      (await prisma.user.findUniqueOrThrow({ where: { email: 'first@haven.test' } })).id,
    ))!
    const { id } = await createUser(
      admin,
      newUserSchema.parse({
        name: 'New Worker',
        email: 'new.worker@haven.test',
        password: 'twelve chars ok',
        grant: { role: 'CARE_WORKER', organisationId: world.homeA.id, reason: 'New starter' },
      }),
    )
    await expect(
      createUser(
        admin,
        newUserSchema.parse({
          name: 'Dup',
          email: 'NEW.worker@haven.test',
          password: 'twelve chars ok',
          grant: { role: 'IRO', organisationId: world.laOne.id, reason: 'New starter' },
        }),
      ),
    ).rejects.toThrow(ValidationError)
    // a role must be held in the right kind of organisation
    const iro = { role: 'IRO' as const, organisationId: world.laOne.id, reason: 'Joined the IRO team' }
    await expect(addRole(admin, id, { ...iro, organisationId: world.homeA.id })).rejects.toThrow(ValidationError)
    await addRole(admin, id, iro)
    await expect(addRole(admin, id, iro)).rejects.toThrow('Some answers need correcting')
    const worker = (await loadActor(prisma, id))!
    expect(worker.grants.map((g) => [g.role, g.homeId ?? g.localAuthorityId])).toEqual([
      ['CARE_WORKER', world.homeA.id],
      ['IRO', world.laOne.id],
    ])
  })

  it('keeps at least one administrator, and an administrator cannot deactivate themself', async () => {
    const prisma = await getPrisma()
    const adminUser = await prisma.user.findUniqueOrThrow({
      where: { email: 'first@haven.test' },
      include: { roles: true },
    })
    const admin = (await loadActor(prisma, adminUser.id))!
    await expect(removeRole(admin, adminUser.roles[0].id)).rejects.toThrow(ValidationError)
    await expect(setUserActive(admin, admin.userId, false)).rejects.toThrow(ValidationError)
  })
})

/** The field errors a use case rejected with. */
describe('separation of duties for roles', () => {
  afterEach(() => {
    settings.accounts.grantNeedsSecondAdministrator = false
  })

  it("an administrator cannot give themselves a role that reads children's records, nor reactivate themselves", async () => {
    const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Self Granter')
    const grant = roleGrantSchema.parse({
      role: 'RESPONSIBLE_INDIVIDUAL',
      organisationId: world.providerTwo.id,
      reason: 'Checking the homes',
    })
    expect((await problems(addRole(admin, admin.userId, grant))).role).toMatch(
      /cannot give yourself a role that reads children/,
    )
    expect(await (await getPrisma()).roleAssignment.count({ where: { userId: admin.userId } })).toBe(1)
    expect((await problems(setUserActive(admin, admin.userId, true))).form).toMatch(
      /cannot reactivate your own account/,
    )
    // a second administrator role for themselves reads no child's record
    const other = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Other Admin')
    await expect(addRole(admin, admin.userId, roleGrantSchema.parse({ role: 'SYSTEM_ADMIN' }))).rejects.toThrow(
      'Some answers',
    ) // already held
    await expect(addRole(admin, other.userId, roleGrantSchema.parse({ role: 'SYSTEM_ADMIN' }))).rejects.toThrow(
      'Some answers',
    )
  })

  it("every role that reads children's records is a case role; the administrator's is not", async () => {
    const { readsChildRecords } = await import('@/lib/domain/permissions')
    expect(readsChildRecords('SYSTEM_ADMIN')).toBe(false)
    for (const role of [
      'CARE_WORKER',
      'REGISTERED_MANAGER',
      'RESPONSIBLE_INDIVIDUAL',
      'IRO',
      'SOCIAL_WORKER',
      'RETURN_INTERVIEW_PRACTITIONER',
      'LA_MISSING_LEAD',
      'INDEPENDENT_VISITOR',
    ] as const)
      expect(readsChildRecords(role), role).toBe(true)
  })

  it("a case role needs a reason, and the home's registered manager (or the authority's missing lead) is told", async () => {
    const prisma = await getPrisma()
    const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Granting Admin')
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeC.id }], 'Cedar Manager')
    const lead = await makePerson([{ role: 'LA_MISSING_LEAD', localAuthorityId: world.laTwo.id }], 'South Lead')
    const worker = await makePerson([], 'Newcomer')
    // the form and the API refuse a case role without a reason
    expect(
      roleGrantSchema.safeParse({ role: 'CARE_WORKER', organisationId: world.homeC.id }).error?.issues[0],
    ).toMatchObject({ path: ['reason'] })
    expect(
      (
        await problems(
          addRole(admin, worker.userId, { role: 'CARE_WORKER', organisationId: world.homeC.id, reason: null }),
        )
      ).reason,
    ).toMatch(/Enter why/)
    await addRole(
      admin,
      worker.userId,
      roleGrantSchema.parse({ role: 'CARE_WORKER', organisationId: world.homeC.id, reason: 'Night shifts from May' }),
    )
    const told = await prisma.notification.findMany({ where: { kind: 'role.granted' }, include: { deliveries: true } })
    expect(told.map((n) => n.recipientId)).toEqual([manager.userId])
    expect(told[0].body).toBe(`A role was granted at ${world.homeC.name}; see Haven.`)
    expect(told[0].deliveries.map((d) => d.channel)).toEqual(['EMAIL'])
    await addRole(
      admin,
      worker.userId,
      roleGrantSchema.parse({ role: 'SOCIAL_WORKER', organisationId: world.laTwo.id, reason: 'Seconded to the team' }),
    )
    expect(
      (await prisma.notification.findMany({ where: { kind: 'role.granted', recipientId: lead.userId } })).map(
        (n) => n.title,
      ),
    ).toEqual([`A role was granted at ${world.laTwo.name}`])
  })

  it('with the setting on, a second administrator approves or refuses the grant; the requester cannot', async () => {
    settings.accounts.grantNeedsSecondAdministrator = true
    const prisma = await getPrisma()
    const first = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Asking Admin')
    const second = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Approving Admin')
    const worker = await makePerson([], 'Pending Worker')
    const grant = roleGrantSchema.parse({ role: 'CARE_WORKER', organisationId: world.homeA.id, reason: 'Bank staff' })
    expect(await addRole(first, worker.userId, grant)).toEqual({ status: 'pending' })
    expect(await prisma.roleAssignment.count({ where: { userId: worker.userId } })).toBe(0)
    const [pending] = (await pendingGrants(second)).filter((p) => p.user.id === worker.userId)
    expect(pending).toMatchObject({ role: 'CARE_WORKER', reason: 'Bank staff', organisation: world.homeA.name })
    expect((await problems(decideGrant(first, pending.id, { approve: true, refusalReason: null }))).form).toMatch(
      /another administrator must approve/,
    )
    await decideGrant(second, pending.id, { approve: true, refusalReason: null })
    expect(await prisma.roleAssignment.count({ where: { userId: worker.userId, role: 'CARE_WORKER' } })).toBe(1)
    expect((await pendingGrants(second)).some((p) => p.id === pending.id)).toBe(false)

    await addRole(
      first,
      worker.userId,
      roleGrantSchema.parse({ role: 'IRO', organisationId: world.laOne.id, reason: 'Covering a vacancy' }),
    )
    const [refused] = (await pendingGrants(second)).filter((p) => p.user.id === worker.userId)
    await decideGrant(second, refused.id, { approve: false, refusalReason: 'Not qualified as an IRO' })
    expect(await prisma.roleAssignment.count({ where: { userId: worker.userId, role: 'IRO' } })).toBe(0)
    // the administrator cannot approve a grant made to themselves either
    await addRole(
      first,
      second.userId,
      roleGrantSchema.parse({ role: 'CARE_WORKER', organisationId: world.homeB.id, reason: 'Cover' }),
    )
    const [forSecond] = (await pendingGrants(second)).filter((p) => p.user.id === second.userId)
    expect((await problems(decideGrant(second, forSecond.id, { approve: true, refusalReason: null }))).form).toMatch(
      /for yourself/,
    )

    // the report: every grant, removal and refusal, with who, why and the approver
    const today = new Date().toISOString().slice(0, 10)
    const { rows } = await roleGrantReport(second, { from: '2000-01-01', to: '2999-12-31' })
    const about = rows.filter((r) => r.person.id === worker.userId)
    expect(about.map((r) => [r.event, r.role, r.by?.name, r.reason, r.approvedBy?.name ?? null])).toEqual([
      ['requested', 'CARE_WORKER', 'Asking Admin', 'Bank staff', null],
      ['granted', 'CARE_WORKER', 'Asking Admin', 'Bank staff', 'Approving Admin'],
      ['requested', 'IRO', 'Asking Admin', 'Covering a vacancy', null],
      ['refused', 'IRO', 'Approving Admin', 'Not qualified as an IRO', null],
    ])
    const assignment = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: worker.userId } })
    await removeRole(first, assignment.id)
    const after = (await roleGrantReport(second, { from: today, to: today })).rows.filter(
      (r) => r.person.id === worker.userId,
    )
    expect(after.at(-1)).toMatchObject({
      event: 'removed',
      role: 'CARE_WORKER',
      organisation: world.homeA.name,
      by: { name: 'Asking Admin' },
    })
    expect((await roleGrantReport(second, { from: '2000-01-01', to: '2000-01-31' })).rows).toEqual([])
  })
})

describe('the role grants report on the API', () => {
  it('answers administrators with the grants of a period, refuses others, and names a bad date', async () => {
    const admin = await makePerson([{ role: 'SYSTEM_ADMIN' }], 'Api Admin')
    const lead = await makePerson([{ role: 'LA_MISSING_LEAD', localAuthorityId: world.laOne.id }], 'Api Lead')
    await addRole(
      admin,
      lead.userId,
      roleGrantSchema.parse({ role: 'IRO', organisationId: world.laOne.id, reason: 'Qualified as an IRO' }),
    )
    const get = async (email: string, query: string) => {
      const token = await issueToken(
        new Request('http://127.0.0.1/api/v1/auth/token', {
          method: 'POST',
          body: JSON.stringify({ email, password: FIXTURE_PASSWORD }),
        }),
      )
      const { token: bearer } = await token.json()
      return roleGrantsRoute(
        new Request(`http://127.0.0.1/api/v1/reports/role-grants${query}`, {
          headers: { Authorization: `Bearer ${bearer}` },
        }),
        { params: Promise.resolve({}) },
      )
    }
    const today = new Date().toISOString().slice(0, 10)
    const ok = await get(admin.email, `?from=${today}&to=${today}`)
    expect(ok.status).toBe(200)
    const body = await ok.json()
    expect(body.rows.find((r: { person: { id: string } }) => r.person.id === lead.userId)).toMatchObject({
      event: 'granted',
      role: 'IRO',
      organisation: world.laOne.name,
      by: { name: 'Api Admin' },
      reason: 'Qualified as an IRO',
      approvedBy: null,
    })
    expect((await get(lead.email, `?from=${today}&to=${today}`)).status).toBe(403)
    const bad = await get(admin.email, `?from=${today}&to=2000-01-01`)
    expect(bad.status).toBe(422)
    expect((await bad.json()).errors).toEqual([
      { field: 'to', detail: 'The end of the period cannot be before its start' },
    ])
  })
})
