/*
  Warnings:

  - A unique constraint covering the columns `[placingAuthorityId,authorityRef]` on the table `Child` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX "Child_placingAuthorityId_idx";

-- AlterTable
ALTER TABLE "Child" ADD COLUMN     "authorityRef" TEXT,
ADD COLUMN     "upn" TEXT;

-- AlterTable
ALTER TABLE "PeriodOfCare" ADD COLUMN     "homePostcode" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Child_placingAuthorityId_authorityRef_key" ON "Child"("placingAuthorityId", "authorityRef");
