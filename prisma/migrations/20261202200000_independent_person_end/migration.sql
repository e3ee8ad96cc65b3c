-- AlterTable
ALTER TABLE "IndependentPerson" ADD COLUMN     "endReason" TEXT,
ADD COLUMN     "endedAt" TIMESTAMPTZ(3),
ADD COLUMN     "endedById" TEXT,
ADD COLUMN     "endedOn" DATE;
