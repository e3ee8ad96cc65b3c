// The referrals migration turns what return interviews already shared with the police into intelligence submissions
// of the child, linked to the sharing, so the child's referrals list starts complete.
import { describe, expect, it } from 'vitest'
import { databaseBefore } from '../support/migrations'

const REFERRALS = '20261203215224_meetings_and_referrals'

describe('the referrals migration', () => {
  it('makes each existing sharing with the police an intelligence submission on the London day it was shared', async () => {
    const { pglite, finish } = await databaseBefore(REFERRALS)
    await pglite.exec(`
      INSERT INTO "LocalAuthority" ("id", "name", "code") VALUES ('la', 'Northshire', 'NS1');
      INSERT INTO "User" ("id", "email", "name") VALUES ('u', 'sw@haven.test', 'Social Worker');
      INSERT INTO "Child" ("id", "firstName", "lastName", "dateOfBirth", "sex", "ethnicity", "legalStatus", "placingAuthorityId")
        VALUES ('c1', 'Amy', 'Test', '2010-01-01', 'FEMALE', 'WBRI', 'C2', 'la');
      INSERT INTO "MissingEpisode" ("id", "childId", "absenceType", "lastSeenAt", "lastSeenPlace", "policeInformed", "reportedById", "returnedAt")
        VALUES ('e1', 'c1', 'MISSING', '2026-06-01 20:00Z', 'The park', true, 'u', '2026-06-02 09:00Z');
      INSERT INTO "ReturnInterview" ("id", "episodeId", "childId", "dueAt") VALUES ('i1', 'e1', 'c1', '2026-06-05 09:00Z');
      INSERT INTO "PoliceSharing" ("id", "interviewId", "sharedAt", "policeForce", "what", "basis", "recordedById")
        VALUES ('s1', 'i1', '2026-06-02 23:30Z', 'Northshire Police', 'A car picks her up', 'CONSENT', 'u');
    `)
    await finish()
    const rows = await pglite.query<Record<string, unknown>>(
      `SELECT "childId", "kind", "madeOn", "reference", "summary", "policeSharingId", "createdById" FROM "Referral"`,
    )
    // 23:30 UTC in June is 00:30 the next day in London
    expect(rows.rows.map((r) => ({ ...r, madeOn: (r.madeOn as Date).toISOString().slice(0, 10) }))).toEqual([
      {
        childId: 'c1',
        kind: 'POLICE_INTELLIGENCE',
        madeOn: '2026-06-03',
        reference: 'Northshire Police',
        summary: null, // what was shared stays on the interview
        policeSharingId: 's1',
        createdById: 'u',
      },
    ])
    await pglite.close()
  }, 120_000)
})
