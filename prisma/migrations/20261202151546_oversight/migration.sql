-- CreateTable
CREATE TABLE "IndependentPerson" (
    "id" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organisation" TEXT,
    "email" TEXT,
    "userId" TEXT,
    "appointedBy" TEXT NOT NULL,
    "appointedOn" DATE NOT NULL,
    "notPaidStaff" BOOLEAN NOT NULL,
    "notCarePlanning" BOOLEAN NOT NULL,
    "notCommissionerOrFunder" BOOLEAN NOT NULL,
    "noFinancialInterest" BOOLEAN NOT NULL,
    "notResponsibleIndividual" BOOLEAN NOT NULL,
    "noConnection" BOOLEAN NOT NULL,
    "connectionDetails" TEXT,
    "approvedByAuthorityId" TEXT,
    "approvedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "IndependentPerson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reg44Visit" (
    "id" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "independentPersonId" TEXT NOT NULL,
    "visitedOn" DATE NOT NULL,
    "announced" BOOLEAN NOT NULL,
    "spokeWithChildren" INTEGER NOT NULL,
    "spokeWithParents" INTEGER NOT NULL,
    "spokeWithStaff" INTEGER NOT NULL,
    "consentNote" TEXT,
    "checkedMissingLog" BOOLEAN NOT NULL,
    "checkedReturnInterviews" BOOLEAN NOT NULL,
    "checkedSafetyPlans" BOOLEAN NOT NULL,
    "otherRecordsChecked" TEXT,
    "safeguardingOpinion" TEXT NOT NULL,
    "wellbeingOpinion" TEXT NOT NULL,
    "independent" BOOLEAN NOT NULL,
    "independenceReasons" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "Reg44Visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reg44Report" (
    "id" TEXT NOT NULL,
    "visitId" TEXT NOT NULL,
    "text" TEXT,
    "fileName" TEXT,
    "contentType" TEXT,
    "bytes" BYTEA,
    "sizeBytes" INTEGER,
    "receivedOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "Reg44Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reg44ReportEvent" (
    "id" TEXT NOT NULL,
    "visitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "authorityId" TEXT,
    "on" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "Reg44ReportEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OversightAction" (
    "id" TEXT NOT NULL,
    "visitId" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "recommendation" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "OversightAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OversightActionResponse" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "completed" BOOLEAN NOT NULL,
    "respondedOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "OversightActionResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reg45Review" (
    "id" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "completedOn" DATE NOT NULL,
    "viewsChildren" BOOLEAN NOT NULL,
    "viewsParents" BOOLEAN NOT NULL,
    "viewsPlacingAuthorities" BOOLEAN NOT NULL,
    "viewsStaff" BOOLEAN NOT NULL,
    "report" TEXT NOT NULL,
    "sentToOfstedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "Reg45Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reg46Assessment" (
    "id" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "assessedOn" DATE NOT NULL,
    "policeForce" TEXT NOT NULL,
    "policeOfficer" TEXT NOT NULL,
    "consultedOn" DATE NOT NULL,
    "hotSpots" TEXT NOT NULL,
    "sexOffenderInfo" TEXT,
    "otherRisks" TEXT,
    "actions" TEXT NOT NULL,
    "recurringPlaces" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "Reg46Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HomeLocationShare" (
    "id" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "sharedOn" DATE NOT NULL,
    "sharedWith" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "HomeLocationShare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OversightFlag" (
    "id" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OversightFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IndependentPerson_homeId_idx" ON "IndependentPerson"("homeId");

-- CreateIndex
CREATE INDEX "IndependentPerson_userId_idx" ON "IndependentPerson"("userId");

-- CreateIndex
CREATE INDEX "Reg44Visit_homeId_visitedOn_idx" ON "Reg44Visit"("homeId", "visitedOn");

-- CreateIndex
CREATE INDEX "Reg44Report_visitId_idx" ON "Reg44Report"("visitId");

-- CreateIndex
CREATE INDEX "Reg44ReportEvent_visitId_idx" ON "Reg44ReportEvent"("visitId");

-- CreateIndex
CREATE INDEX "OversightAction_homeId_idx" ON "OversightAction"("homeId");

-- CreateIndex
CREATE INDEX "OversightAction_visitId_idx" ON "OversightAction"("visitId");

-- CreateIndex
CREATE INDEX "OversightActionResponse_actionId_idx" ON "OversightActionResponse"("actionId");

-- CreateIndex
CREATE INDEX "Reg45Review_homeId_completedOn_idx" ON "Reg45Review"("homeId", "completedOn");

-- CreateIndex
CREATE INDEX "Reg46Assessment_homeId_assessedOn_idx" ON "Reg46Assessment"("homeId", "assessedOn");

-- CreateIndex
CREATE INDEX "HomeLocationShare_homeId_idx" ON "HomeLocationShare"("homeId");

-- CreateIndex
CREATE UNIQUE INDEX "OversightFlag_homeId_month_kind_key" ON "OversightFlag"("homeId", "month", "kind");

-- AddForeignKey
ALTER TABLE "IndependentPerson" ADD CONSTRAINT "IndependentPerson_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reg44Visit" ADD CONSTRAINT "Reg44Visit_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reg44Visit" ADD CONSTRAINT "Reg44Visit_independentPersonId_fkey" FOREIGN KEY ("independentPersonId") REFERENCES "IndependentPerson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reg44Report" ADD CONSTRAINT "Reg44Report_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Reg44Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reg44ReportEvent" ADD CONSTRAINT "Reg44ReportEvent_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Reg44Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OversightAction" ADD CONSTRAINT "OversightAction_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Reg44Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OversightActionResponse" ADD CONSTRAINT "OversightActionResponse_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "OversightAction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reg45Review" ADD CONSTRAINT "Reg45Review_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reg46Assessment" ADD CONSTRAINT "Reg46Assessment_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeLocationShare" ADD CONSTRAINT "HomeLocationShare_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OversightFlag" ADD CONSTRAINT "OversightFlag_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
