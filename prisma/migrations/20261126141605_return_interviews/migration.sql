-- CreateEnum
CREATE TYPE "InterviewOutcome" AS ENUM ('HELD', 'DECLINED', 'NOT_AVAILABLE', 'NOT_OFFERED');

-- CreateEnum
CREATE TYPE "OfferMethod" AS ENUM ('IN_PERSON', 'PHONE', 'TEXT_OR_MESSAGE', 'LETTER', 'THROUGH_CARER', 'OTHER');

-- CreateEnum
CREATE TYPE "SharingBasis" AS ENUM ('CONSENT', 'SAFEGUARDING_WITHOUT_CONSENT');

-- CreateEnum
CREATE TYPE "PreventionInterviewStatus" AS ENUM ('DONE', 'DECLINED', 'NOT_DONE');

-- CreateEnum
CREATE TYPE "InterviewFollowUpKind" AS ENUM ('CSE_SCREENING', 'SAFEGUARDING_REFERRAL');

-- CreateTable
CREATE TABLE "ReturnInterviewService" (
    "id" TEXT NOT NULL,
    "localAuthorityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT,

    CONSTRAINT "ReturnInterviewService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReturnInterview" (
    "id" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "serviceAuthorityId" TEXT,
    "assignedSocialWorkerId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "offeredAt" TIMESTAMPTZ(3),
    "offerMethod" "OfferMethod",
    "offerRecordedById" TEXT,
    "outcome" "InterviewOutcome",
    "notOfferedReason" TEXT,
    "heldAt" TIMESTAMPTZ(3),
    "heldWhere" TEXT,
    "interviewerName" TEXT,
    "interviewerOrganisation" TEXT,
    "independenceDeclared" BOOLEAN,
    "childChoseTrustedAdult" BOOLEAN,
    "trustedAdult" TEXT,
    "whereAndWithWhom" TEXT,
    "whatHappened" TEXT,
    "whyLeft" TEXT,
    "harmed" TEXT,
    "feelsSafe" TEXT,
    "whatWouldHelp" TEXT,
    "concernsAboutHome" TEXT,
    "outcomeRecordedAt" TIMESTAMPTZ(3),
    "outcomeRecordedById" TEXT,
    "preventionInterview" "PreventionInterviewStatus",
    "preventionInterviewDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReturnInterview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewLocation" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,

    CONSTRAINT "InterviewLocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewAssociate" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "associateId" TEXT NOT NULL,

    CONSTRAINT "InterviewAssociate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewVehicle" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "vehicleId" TEXT NOT NULL,

    CONSTRAINT "InterviewVehicle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PoliceSharing" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "sharedAt" TIMESTAMPTZ(3) NOT NULL,
    "policeForce" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "basis" "SharingBasis" NOT NULL,
    "reason" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PoliceSharing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewFollowUp" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "kind" "InterviewFollowUpKind" NOT NULL,
    "reference" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "InterviewFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewAmendment" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "previousValue" JSONB NOT NULL,
    "newValue" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterviewAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReturnInterviewService_localAuthorityId_key" ON "ReturnInterviewService"("localAuthorityId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnInterview_episodeId_key" ON "ReturnInterview"("episodeId");

-- CreateIndex
CREATE INDEX "ReturnInterview_childId_idx" ON "ReturnInterview"("childId");

-- CreateIndex
CREATE INDEX "ReturnInterview_dueAt_idx" ON "ReturnInterview"("dueAt");

-- CreateIndex
CREATE INDEX "ReturnInterview_serviceAuthorityId_idx" ON "ReturnInterview"("serviceAuthorityId");

-- CreateIndex
CREATE INDEX "ReturnInterview_assignedSocialWorkerId_idx" ON "ReturnInterview"("assignedSocialWorkerId");

-- CreateIndex
CREATE INDEX "InterviewLocation_interviewId_idx" ON "InterviewLocation"("interviewId");

-- CreateIndex
CREATE INDEX "InterviewLocation_locationId_idx" ON "InterviewLocation"("locationId");

-- CreateIndex
CREATE INDEX "InterviewAssociate_interviewId_idx" ON "InterviewAssociate"("interviewId");

-- CreateIndex
CREATE INDEX "InterviewAssociate_associateId_idx" ON "InterviewAssociate"("associateId");

-- CreateIndex
CREATE INDEX "InterviewVehicle_interviewId_idx" ON "InterviewVehicle"("interviewId");

-- CreateIndex
CREATE INDEX "InterviewVehicle_vehicleId_idx" ON "InterviewVehicle"("vehicleId");

-- CreateIndex
CREATE INDEX "PoliceSharing_interviewId_idx" ON "PoliceSharing"("interviewId");

-- CreateIndex
CREATE INDEX "InterviewFollowUp_interviewId_idx" ON "InterviewFollowUp"("interviewId");

-- CreateIndex
CREATE INDEX "InterviewAmendment_interviewId_idx" ON "InterviewAmendment"("interviewId");

-- AddForeignKey
ALTER TABLE "ReturnInterviewService" ADD CONSTRAINT "ReturnInterviewService_localAuthorityId_fkey" FOREIGN KEY ("localAuthorityId") REFERENCES "LocalAuthority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnInterview" ADD CONSTRAINT "ReturnInterview_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "MissingEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnInterview" ADD CONSTRAINT "ReturnInterview_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewLocation" ADD CONSTRAINT "InterviewLocation_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "ReturnInterview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewLocation" ADD CONSTRAINT "InterviewLocation_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewAssociate" ADD CONSTRAINT "InterviewAssociate_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "ReturnInterview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewAssociate" ADD CONSTRAINT "InterviewAssociate_associateId_fkey" FOREIGN KEY ("associateId") REFERENCES "Associate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewVehicle" ADD CONSTRAINT "InterviewVehicle_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "ReturnInterview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewVehicle" ADD CONSTRAINT "InterviewVehicle_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoliceSharing" ADD CONSTRAINT "PoliceSharing_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "ReturnInterview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewFollowUp" ADD CONSTRAINT "InterviewFollowUp_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "ReturnInterview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewAmendment" ADD CONSTRAINT "InterviewAmendment_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "ReturnInterview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
