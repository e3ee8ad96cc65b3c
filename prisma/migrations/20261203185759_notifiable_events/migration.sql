-- CreateEnum
CREATE TYPE "NotifiableEventKind" AS ENUM ('CHILD_DEATH', 'STAFF_REFERRAL', 'SEXUAL_EXPLOITATION', 'SERIOUS_POLICE_INCIDENT', 'ALLEGATION_OF_ABUSE', 'CHILD_PROTECTION_ENQUIRY', 'CHILD_PROTECTION_ENQUIRY_OUTCOME');

-- CreateEnum
CREATE TYPE "NotifiableDecision" AS ENUM ('NOTIFY', 'NOT_NOTIFIABLE');

-- CreateEnum
CREATE TYPE "Reg40Recipient" AS ENUM ('HMCI', 'PLACING_AUTHORITY', 'SECRETARY_OF_STATE', 'HOST_AUTHORITY', 'INTEGRATED_CARE_BOARD', 'PRISONS_AND_PROBATION_OMBUDSMAN', 'OTHER_RELEVANT_PERSON');

-- CreateTable
CREATE TABLE "NotifiableEvent" (
    "id" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "kind" "NotifiableEventKind" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "whatHappened" TEXT NOT NULL,
    "childId" TEXT,
    "personConcerned" TEXT,
    "screeningId" TEXT,
    "interviewId" TEXT,
    "episodeId" TEXT,
    "proposedBecause" TEXT,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" TEXT,
    "decision" "NotifiableDecision",
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "otherRelevantPersons" TEXT[],
    "completedAt" TIMESTAMPTZ(3),
    "completedById" TEXT,

    CONSTRAINT "NotifiableEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotifiableEventNotice" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "recipient" "Reg40Recipient" NOT NULL,
    "who" TEXT NOT NULL,
    "how" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "toldById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotifiableEventNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NotifiableEvent_homeId_recordedAt_idx" ON "NotifiableEvent"("homeId", "recordedAt");

-- CreateIndex
CREATE INDEX "NotifiableEvent_childId_idx" ON "NotifiableEvent"("childId");

-- CreateIndex
CREATE INDEX "NotifiableEventNotice_eventId_idx" ON "NotifiableEventNotice"("eventId");

-- AddForeignKey
ALTER TABLE "NotifiableEvent" ADD CONSTRAINT "NotifiableEvent_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotifiableEvent" ADD CONSTRAINT "NotifiableEvent_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotifiableEventNotice" ADD CONSTRAINT "NotifiableEventNotice_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "NotifiableEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Move each Regulation 40 task (opened by a CSE screening: reg 40(4)(a)) into a notifiable event at the home the
-- child was placed in when it opened (or their latest Haven home), keeping its id, times, reason and who completed it.
-- Opening the task was the decision to notify; the notices become structured entries (Ofsted is HMCI; anyone else
-- told was an "other relevant person"). The placing authority, which the task required, stays a named relevant person.
CREATE TEMP TABLE "_reg40_home" AS
SELECT t."id" AS "taskId", (
  SELECT p."homeId" FROM "Placement" p
  WHERE p."childId" = t."childId" AND p."homeId" IS NOT NULL
  ORDER BY (p."startDate" <= t."createdAt"::date AND (p."endDate" IS NULL OR p."endDate" >= t."createdAt"::date)) DESC,
           p."startDate" DESC
  LIMIT 1
) AS "homeId"
FROM "Reg40Task" t;

INSERT INTO "NotifiableEvent" ("id", "homeId", "kind", "occurredAt", "whatHappened", "childId", "screeningId",
  "proposedBecause", "recordedAt", "decision", "decidedAt", "otherRelevantPersons", "completedAt", "completedById")
SELECT t."id", h."homeId", 'SEXUAL_EXPLOITATION', COALESCE(s."screenedAt", t."createdAt"), t."reason", t."childId",
  t."screeningId", t."reason", t."createdAt", 'NOTIFY', t."createdAt",
  ARRAY(
    SELECT DISTINCT n."notified" FROM "Reg40Notice" n WHERE n."taskId" = t."id" AND n."notified" NOT LIKE 'Ofsted%'
    UNION SELECT 'Placing authority' WHERE NOT EXISTS (
      SELECT 1 FROM "Reg40Notice" n WHERE n."taskId" = t."id" AND n."notified" LIKE 'Placing authority%')
    ORDER BY 1
  ),
  t."completedAt", t."completedById"
FROM "Reg40Task" t
JOIN "_reg40_home" h ON h."taskId" = t."id" AND h."homeId" IS NOT NULL
LEFT JOIN "CseScreening" s ON s."id" = t."screeningId";

INSERT INTO "NotifiableEventNotice" ("id", "eventId", "recipient", "who", "how", "at", "toldById", "createdAt")
SELECT n."id", n."taskId",
  (CASE WHEN n."notified" LIKE 'Ofsted%' THEN 'HMCI' ELSE 'OTHER_RELEVANT_PERSON' END)::"Reg40Recipient",
  n."notified", n."how", n."at", n."recordedById", n."createdAt"
FROM "Reg40Notice" n
JOIN "NotifiableEvent" e ON e."id" = n."taskId";

-- moved: only rows that found a home stay behind (a child never placed in a Haven home), for someone to look at
DELETE FROM "Reg40Notice" n USING "NotifiableEvent" e WHERE e."id" = n."taskId";
DELETE FROM "Reg40Task" t USING "NotifiableEvent" e WHERE e."id" = t."id";
DROP TABLE "_reg40_home";
