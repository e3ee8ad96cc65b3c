// The period of care's migration gives every child Haven already holds a period starting at their first placement
// here, with their legal status then, so the review timetable has something to count from on the day it lands.
import { describe, expect, it } from 'vitest'
import { databaseBefore } from '../support/migrations'

const PERIOD = '20261203183442_period_of_care_and_reviews'

describe('the period of care migration', () => {
  it('starts each existing child at their earliest placement, with their legal status, and refuses impossible rows', async () => {
    const { pglite, finish } = await databaseBefore(PERIOD)
    await pglite.exec(`
      INSERT INTO "LocalAuthority" ("id", "name", "code") VALUES ('la', 'Northshire', 'NS1');
      INSERT INTO "Child" ("id", "firstName", "lastName", "dateOfBirth", "sex", "ethnicity", "legalStatus", "placingAuthorityId")
        VALUES ('c1', 'Amy', 'Test', '2010-01-01', 'FEMALE', 'WBRI', 'V2', 'la'), ('c2', 'Ben', 'Test', '2011-01-01', 'MALE', 'WBRI', 'C2', 'la');
      INSERT INTO "Placement" ("id", "childId", "settingName", "areaAuthorityId", "outOfArea", "startDate", "endDate", "placeCode", "placeProvider")
        VALUES ('p1', 'c1', 'Foster carers', 'la', false, '2022-05-01', '2024-01-10', 'U4', 'PR1'),
               ('p2', 'c1', 'Foster carers', 'la', false, '2024-01-10', NULL, 'U4', 'PR1');
    `)
    await finish()
    const periods = await pglite.query<{ childId: string; startDate: Date; legalStatus: string }>(
      `SELECT p."childId", p."startDate", l."legalStatus" FROM "PeriodOfCare" p JOIN "LegalStatusEntry" l ON l."periodOfCareId" = p."id"`,
    )
    // a child with no placement has no period to start from: nothing is invented
    expect(periods.rows.map((r) => [r.childId, r.startDate.toISOString().slice(0, 10), r.legalStatus])).toEqual([
      ['c1', '2022-05-01', 'V2'],
    ])
    await expect(
      pglite.exec(
        `INSERT INTO "LookedAfterReview" ("id", "childId", "heldOn", "participation", "outcome", "createdById") VALUES ('r', 'c1', '2023-01-01', 'PN9', 'x', 'u')`,
      ),
    ).rejects.toThrow(/LookedAfterReview_participation/)
    await expect(pglite.exec(`UPDATE "PeriodOfCare" SET "endDate" = '2020-01-01'`)).rejects.toThrow(
      /PeriodOfCare_dates/,
    )
    await pglite.close()
  }, 120_000)
})
