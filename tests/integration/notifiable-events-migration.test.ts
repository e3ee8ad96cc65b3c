// The notifiable events migration moves every Regulation 40 task, with its notices, into a notifiable event at the
// child's home: nothing is lost, the times and who did what stay as they were.
import { describe, expect, it } from 'vitest'
import { databaseBefore } from '../support/migrations'

const MIGRATION = '20261203185759_notifiable_events'

describe('the notifiable events migration', () => {
  it('moves each Regulation 40 task and its notices into a notifiable event at the home the child was in', async () => {
    const { pglite, finish } = await databaseBefore(MIGRATION)
    await pglite.exec(`
      INSERT INTO "LocalAuthority" ("id", "name", "code") VALUES ('la', 'Northshire', 'NS1');
      INSERT INTO "Provider" ("id", "name") VALUES ('pr', 'Provider');
      INSERT INTO "Home" ("id", "name", "ofstedUrn", "addressLine1", "town", "postcode", "providerId", "hostAuthorityId")
        VALUES ('h1', 'Old home', 'SC1', '1 Road', 'Town', 'AB1 2CD', 'pr', 'la'),
               ('h2', 'New home', 'SC2', '2 Road', 'Town', 'AB1 2CD', 'pr', 'la');
      INSERT INTO "Child" ("id", "firstName", "lastName", "dateOfBirth", "sex", "ethnicity", "legalStatus", "placingAuthorityId")
        VALUES ('c1', 'Amy', 'Test', '2010-01-01', 'FEMALE', 'WBRI', 'C2', 'la'), ('c2', 'Ben', 'Test', '2011-01-01', 'MALE', 'WBRI', 'C2', 'la');
      INSERT INTO "Placement" ("id", "childId", "homeId", "areaAuthorityId", "outOfArea", "startDate", "endDate", "placeCode", "placeProvider")
        VALUES ('p1', 'c1', 'h1', 'la', false, '2024-01-01', '2025-06-01', 'K2', 'PR4'),
               ('p2', 'c1', 'h2', 'la', false, '2025-06-01', NULL, 'K2', 'PR4');
      INSERT INTO "CseScreening" ("id", "childId", "screenedAt", "screenedById", "indicators", "score", "harmIndicators",
          "suggestedLevel", "level", "fullAssessmentPrompted", "suggestionsConfirmed", "suggestionsDismissed")
        VALUES ('s1', 'c1', '2025-03-01T10:00:00Z', 'u1', '[]', 12, 1, 'SIGNIFICANT', 'SIGNIFICANT', true, '[]', '[]');
      INSERT INTO "Reg40Task" ("id", "childId", "screeningId", "reason", "createdAt", "completedAt", "completedById")
        VALUES ('t1', 'c1', 's1', 'Harm indicators: Injuries from sexual assault', '2025-03-01T10:01:00Z', '2025-03-02T09:00:00Z', 'm1'),
               ('t2', 'c1', NULL, 'Screened as at significant risk of child sexual exploitation', '2025-07-01T10:00:00Z', NULL, NULL),
               ('t3', 'c2', NULL, 'Never placed in a Haven home', '2025-07-01T10:00:00Z', NULL, NULL);
      INSERT INTO "Reg40Notice" ("id", "taskId", "notified", "how", "at", "recordedById", "createdAt")
        VALUES ('n1', 't1', 'Ofsted', 'Online form', '2025-03-01T11:00:00Z', 'm1', '2025-03-01T11:05:00Z'),
               ('n2', 't1', 'Placing authority: Duty team', 'Phone', '2025-03-01T12:00:00Z', 'm1', '2025-03-01T12:05:00Z');
    `)
    // this migration only: a later one may drop the emptied Reg40Task table
    await finish({ onlyThis: true })
    const events = await pglite.query<Record<string, unknown>>(
      `SELECT "id", "homeId", "kind", "occurredAt", "whatHappened", "childId", "screeningId", "recordedAt", "decision",
         "decidedAt", "otherRelevantPersons", "completedAt", "completedById" FROM "NotifiableEvent" ORDER BY "id"`,
    )
    expect(events.rows).toEqual([
      {
        id: 't1',
        homeId: 'h1',
        kind: 'SEXUAL_EXPLOITATION',
        occurredAt: new Date('2025-03-01T10:00:00Z'),
        whatHappened: 'Harm indicators: Injuries from sexual assault',
        childId: 'c1',
        screeningId: 's1',
        recordedAt: new Date('2025-03-01T10:01:00Z'),
        decision: 'NOTIFY',
        decidedAt: new Date('2025-03-01T10:01:00Z'),
        otherRelevantPersons: ['Placing authority: Duty team'],
        completedAt: new Date('2025-03-02T09:00:00Z'),
        completedById: 'm1',
      },
      {
        id: 't2',
        homeId: 'h2',
        kind: 'SEXUAL_EXPLOITATION',
        occurredAt: new Date('2025-07-01T10:00:00Z'),
        whatHappened: 'Screened as at significant risk of child sexual exploitation',
        childId: 'c1',
        screeningId: null,
        recordedAt: new Date('2025-07-01T10:00:00Z'),
        decision: 'NOTIFY',
        decidedAt: new Date('2025-07-01T10:00:00Z'),
        otherRelevantPersons: ['Placing authority'],
        completedAt: null,
        completedById: null,
      },
    ])
    const notices = await pglite.query(
      `SELECT "id", "eventId", "recipient", "who", "how", "at", "toldById", "createdAt" FROM "NotifiableEventNotice" ORDER BY "id"`,
    )
    expect(notices.rows).toEqual([
      {
        id: 'n1',
        eventId: 't1',
        recipient: 'HMCI',
        who: 'Ofsted',
        how: 'Online form',
        at: new Date('2025-03-01T11:00:00Z'),
        toldById: 'm1',
        createdAt: new Date('2025-03-01T11:05:00Z'),
      },
      {
        id: 'n2',
        eventId: 't1',
        recipient: 'OTHER_RELEVANT_PERSON',
        who: 'Placing authority: Duty team',
        how: 'Phone',
        at: new Date('2025-03-01T12:00:00Z'),
        toldById: 'm1',
        createdAt: new Date('2025-03-01T12:05:00Z'),
      },
    ])
    // a task of a child never placed in a Haven home has no home to go to: it stays where it was, for someone to look
    // at
    expect((await pglite.query(`SELECT "id" FROM "Reg40Task"`)).rows).toEqual([{ id: 't3' }])
    expect((await pglite.query(`SELECT "id" FROM "Reg40Notice"`)).rows).toEqual([])
    await pglite.close()
  }, 120_000)
})
