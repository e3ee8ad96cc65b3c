-- A missing protocol's e-mail addresses, told by Haven through the outbox (issue #15). Existing notifications all
-- have an account as recipient and no address, so the unique index below finds no duplicates.
-- AlterTable
ALTER TABLE "EpisodeTold" ADD COLUMN     "email" TEXT,
ADD COLUMN     "notificationId" TEXT,
ALTER COLUMN "toldById" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "recipientEmail" TEXT,
ALTER COLUMN "recipientId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "EpisodeTold_notificationId_idx" ON "EpisodeTold"("notificationId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_recipientEmail_kind_link_key" ON "Notification"("recipientEmail", "kind", "link");

-- AddForeignKey
ALTER TABLE "EpisodeTold" ADD CONSTRAINT "EpisodeTold_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Each notification goes to an account or to an address outside Haven: exactly one of the two.
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_one_recipient" CHECK (
  num_nonnulls("recipientId", "recipientEmail") = 1
);
