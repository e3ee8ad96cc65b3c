-- CreateEnum
CREATE TYPE "Reg41NoticeKind" AS ENUM ('ADMISSION', 'DISCHARGE');

-- CreateEnum
CREATE TYPE "Reg41NoticeMethod" AS ENUM ('SECURE_EMAIL', 'EMAIL', 'LETTER', 'PORTAL');

-- AlterTable
ALTER TABLE "Placement" ADD COLUMN     "emergency" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Reg41Notice" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "kind" "Reg41NoticeKind" NOT NULL,
    "notifiedOn" DATE NOT NULL,
    "method" "Reg41NoticeMethod" NOT NULL,
    "givenBy" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reg41Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Reg41Notice_placementId_kind_key" ON "Reg41Notice"("placementId", "kind");

-- AddForeignKey
ALTER TABLE "Reg41Notice" ADD CONSTRAINT "Reg41Notice_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
