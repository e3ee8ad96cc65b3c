/*
  Warnings:

  - A unique constraint covering the columns `[episodeId,otherId,sequence]` on the table `EpisodeLink` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX "EpisodeLink_episodeId_otherId_key";

-- AlterTable
ALTER TABLE "EpisodeLink" ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "undoneAt" TIMESTAMPTZ(3),
ADD COLUMN     "undoneById" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "EpisodeLink_episodeId_otherId_sequence_key" ON "EpisodeLink"("episodeId", "otherId", "sequence");
