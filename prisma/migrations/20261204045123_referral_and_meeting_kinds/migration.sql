-- Referrals and meetings name the kinds of exploitation they concern, and a meeting is corrected by amendment (its
-- version guards against two corrections at once). Existing rows: an NRM referral is about trafficking (the NRM is
-- the mechanism for victims of trafficking and modern slavery); other referrals and every meeting name none, shown as
-- "not recorded" until someone corrects them.
-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "kinds" "ExploitationKind"[] DEFAULT ARRAY[]::"ExploitationKind"[],
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "kinds" "ExploitationKind"[] DEFAULT ARRAY[]::"ExploitationKind"[];
UPDATE "Referral" SET "kinds" = ARRAY['trafficking']::"ExploitationKind"[] WHERE "kind" = 'NRM';

-- CreateTable
CREATE TABLE "MeetingAmendment" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "previousValue" JSONB NOT NULL,
    "newValue" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeetingAmendment_meetingId_idx" ON "MeetingAmendment"("meetingId");

-- AddForeignKey
ALTER TABLE "MeetingAmendment" ADD CONSTRAINT "MeetingAmendment_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
