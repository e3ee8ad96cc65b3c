-- CreateTable
CREATE TABLE "PeriodOfCare" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "PeriodOfCare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalStatusEntry" (
    "id" TEXT NOT NULL,
    "periodOfCareId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "legalStatus" TEXT NOT NULL,
    "categoryOfNeed" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "LegalStatusEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LookedAfterReview" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "chairId" TEXT,
    "participation" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "LookedAfterReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PeriodOfCare_childId_startDate_idx" ON "PeriodOfCare"("childId", "startDate");

-- CreateIndex
CREATE INDEX "LegalStatusEntry_periodOfCareId_startDate_idx" ON "LegalStatusEntry"("periodOfCareId", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "LookedAfterReview_childId_heldOn_key" ON "LookedAfterReview"("childId", "heldOn");

-- AddForeignKey
ALTER TABLE "PeriodOfCare" ADD CONSTRAINT "PeriodOfCare_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalStatusEntry" ADD CONSTRAINT "LegalStatusEntry_periodOfCareId_fkey" FOREIGN KEY ("periodOfCareId") REFERENCES "PeriodOfCare"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LookedAfterReview" ADD CONSTRAINT "LookedAfterReview_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LookedAfterReview" ADD CONSTRAINT "LookedAfterReview_chairId_fkey" FOREIGN KEY ("chairId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Records that cannot hold impossible data
ALTER TABLE "PeriodOfCare" ADD CONSTRAINT "PeriodOfCare_dates" CHECK ("endDate" IS NULL OR "endDate" >= "startDate");
ALTER TABLE "LookedAfterReview" ADD CONSTRAINT "LookedAfterReview_participation" CHECK ("participation" IN ('PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'));

-- Every child Haven holds gets the period of care it can know: from their first placement here, with their legal
-- status then. Staff correct the start to the day the child really became looked after.
INSERT INTO "PeriodOfCare" ("id", "childId", "startDate")
SELECT 'poc_' || c."id", c."id", MIN(p."startDate")
FROM "Child" c JOIN "Placement" p ON p."childId" = c."id"
GROUP BY c."id";

INSERT INTO "LegalStatusEntry" ("id", "periodOfCareId", "startDate", "legalStatus")
SELECT 'ls_' || poc."childId", poc."id", poc."startDate", c."legalStatus"
FROM "PeriodOfCare" poc JOIN "Child" c ON c."id" = poc."childId";
