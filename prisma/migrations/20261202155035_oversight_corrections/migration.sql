-- AlterTable
ALTER TABLE "Reg44Visit" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Reg44VisitAmendment" (
    "id" TEXT NOT NULL,
    "visitId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "previousValue" JSONB NOT NULL,
    "newValue" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reg44VisitAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Reg44VisitAmendment_visitId_idx" ON "Reg44VisitAmendment"("visitId");

-- AddForeignKey
ALTER TABLE "Reg44VisitAmendment" ADD CONSTRAINT "Reg44VisitAmendment_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Reg44Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
