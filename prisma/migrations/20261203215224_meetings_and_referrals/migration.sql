-- CreateEnum
CREATE TYPE "ReferralKind" AS ENUM ('NRM', 'CAWN', 'POLICE_INTELLIGENCE');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('STRATEGY_DISCUSSION', 'MACE', 'REVIEW');

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "kind" "ReferralKind" NOT NULL,
    "madeOn" DATE NOT NULL,
    "madeBy" TEXT NOT NULL,
    "reference" TEXT,
    "summary" TEXT,
    "reasonableGrounds" TEXT,
    "reasonableGroundsOn" DATE,
    "conclusiveGrounds" TEXT,
    "conclusiveGroundsOn" DATE,
    "cawnStatus" TEXT,
    "associateId" TEXT,
    "personName" TEXT,
    "policeSharingId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralAmendment" (
    "id" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "previousValue" JSONB NOT NULL,
    "newValue" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferralAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "heldOn" DATE NOT NULL,
    "participants" JSONB NOT NULL,
    "childViews" TEXT,
    "familyViews" TEXT,
    "decisions" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingEpisode" (
    "meetingId" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,

    CONSTRAINT "MeetingEpisode_pkey" PRIMARY KEY ("meetingId","episodeId")
);

-- CreateTable
CREATE TABLE "MeetingAlert" (
    "meetingId" TEXT NOT NULL,
    "alertId" TEXT NOT NULL,

    CONSTRAINT "MeetingAlert_pkey" PRIMARY KEY ("meetingId","alertId")
);

-- CreateTable
CREATE TABLE "MeetingAction" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,
    "completedOn" DATE,
    "completionNote" TEXT,
    "completedById" TEXT,

    CONSTRAINT "MeetingAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingFlag" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Referral_policeSharingId_key" ON "Referral"("policeSharingId");

-- CreateIndex
CREATE INDEX "Referral_childId_madeOn_idx" ON "Referral"("childId", "madeOn");

-- CreateIndex
CREATE INDEX "ReferralAmendment_referralId_idx" ON "ReferralAmendment"("referralId");

-- CreateIndex
CREATE INDEX "Meeting_childId_heldOn_idx" ON "Meeting"("childId", "heldOn");

-- CreateIndex
CREATE INDEX "MeetingEpisode_episodeId_idx" ON "MeetingEpisode"("episodeId");

-- CreateIndex
CREATE INDEX "MeetingAlert_alertId_idx" ON "MeetingAlert"("alertId");

-- CreateIndex
CREATE INDEX "MeetingAction_meetingId_idx" ON "MeetingAction"("meetingId");

-- CreateIndex
CREATE INDEX "MeetingFlag_childId_idx" ON "MeetingFlag"("childId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingFlag_kind_subjectId_key" ON "MeetingFlag"("kind", "subjectId");

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_associateId_fkey" FOREIGN KEY ("associateId") REFERENCES "Associate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_policeSharingId_fkey" FOREIGN KEY ("policeSharingId") REFERENCES "PoliceSharing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralAmendment" ADD CONSTRAINT "ReferralAmendment_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingEpisode" ADD CONSTRAINT "MeetingEpisode_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingEpisode" ADD CONSTRAINT "MeetingEpisode_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "MissingEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAlert" ADD CONSTRAINT "MeetingAlert_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAlert" ADD CONSTRAINT "MeetingAlert_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAction" ADD CONSTRAINT "MeetingAction_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What a return interview shared with the police becomes an intelligence submission of its own, linked to the sharing
-- (what was shared stays on the interview, where its readers are narrower)
INSERT INTO "Referral" ("id", "childId", "kind", "madeOn", "madeBy", "reference", "policeSharingId", "createdAt", "createdById")
SELECT 'intel-' || s."id", i."childId", 'POLICE_INTELLIGENCE', (s."sharedAt" AT TIME ZONE 'Europe/London')::date,
       'Return interview', s."policeForce", s."id", s."createdAt", s."recordedById"
FROM "PoliceSharing" s JOIN "ReturnInterview" i ON i."id" = s."interviewId";
