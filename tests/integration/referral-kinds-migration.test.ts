// The migration that adds the kinds of exploitation to referrals and meetings: an NRM referral already recorded is
// taken to be about trafficking (the NRM is the mechanism for victims of trafficking and modern slavery); other
// referrals and every meeting start with none, shown as "not recorded" until someone corrects them.
import { describe, expect, it } from 'vitest'
import { databaseBefore } from '../support/migrations'

const KINDS = '20261204045123_referral_and_meeting_kinds'

describe('the migration of referrals and meetings to kinds of exploitation', () => {
  it('makes an existing NRM referral about trafficking, leaves the others and meetings not recorded', async () => {
    const { pglite, finish } = await databaseBefore(KINDS)
    await pglite.exec(`
      INSERT INTO "LocalAuthority" ("id", "name", "code") VALUES ('la', 'Northshire', 'NS1');
      INSERT INTO "User" ("id", "email", "name") VALUES ('u', 'sw@haven.test', 'Social Worker');
      INSERT INTO "Child" ("id", "firstName", "lastName", "dateOfBirth", "sex", "ethnicity", "legalStatus", "placingAuthorityId")
        VALUES ('c1', 'Amy', 'Test', '2010-01-01', 'FEMALE', 'WBRI', 'C2', 'la');
      INSERT INTO "Referral" ("id", "childId", "kind", "madeOn", "madeBy", "createdById")
        VALUES ('nrm', 'c1', 'NRM', '2026-06-01', 'Northshire children''s services', 'u'),
               ('cawn', 'c1', 'CAWN', '2026-06-02', 'PC Jones', 'u'),
               ('intel', 'c1', 'POLICE_INTELLIGENCE', '2026-06-03', 'Key worker', 'u');
      INSERT INTO "Meeting" ("id", "childId", "kind", "heldOn", "participants", "decisions", "createdById")
        VALUES ('m1', 'c1', 'MACE', '2026-06-04', '[]', 'Disruption plan', 'u');
    `)
    await finish()
    const referrals = await pglite.query<{ id: string; kinds: string }>(
      `SELECT "id", "kinds"::text AS "kinds", "version" FROM "Referral" ORDER BY "madeOn"`,
    )
    expect(referrals.rows).toEqual([
      { id: 'nrm', kinds: '{trafficking}', version: 1 },
      { id: 'cawn', kinds: '{}', version: 1 },
      { id: 'intel', kinds: '{}', version: 1 },
    ])
    const meetings = await pglite.query(`SELECT "id", "kinds"::text AS "kinds", "version" FROM "Meeting"`)
    expect(meetings.rows).toEqual([{ id: 'm1', kinds: '{}', version: 1 }])
    expect((await pglite.query(`SELECT count(*)::int AS n FROM "MeetingAmendment"`)).rows).toEqual([{ n: 0 }])
    await pglite.close()
  }, 120_000)
})
