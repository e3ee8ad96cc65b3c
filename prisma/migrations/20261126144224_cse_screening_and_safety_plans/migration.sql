-- CreateEnum
CREATE TYPE "CseLevel" AS ENUM ('NOT_AT_RISK', 'AT_RISK', 'SIGNIFICANT');

-- CreateEnum
CREATE TYPE "ChildAgrees" AS ENUM ('YES', 'PARTLY', 'NO', 'NOT_ASKED');

-- CreateTable
CREATE TABLE "CseScreening" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "screenedAt" TIMESTAMPTZ(3) NOT NULL,
    "screenedById" TEXT NOT NULL,
    "indicators" JSONB NOT NULL,
    "score" INTEGER NOT NULL,
    "harmIndicators" INTEGER NOT NULL,
    "suggestedLevel" "CseLevel" NOT NULL,
    "level" "CseLevel" NOT NULL,
    "levelReason" TEXT,
    "fullAssessmentPrompted" BOOLEAN NOT NULL,
    "suggestionsConfirmed" JSONB NOT NULL,
    "suggestionsDismissed" JSONB NOT NULL,
    "summary" TEXT,
    "sourceInterviewId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CseScreening_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafetyPlan" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "risks" JSONB NOT NULL,
    "actions" JSONB NOT NULL,
    "ifMissingPlaces" TEXT NOT NULL,
    "ifMissingPeople" TEXT NOT NULL,
    "trustedAdults" TEXT,
    "childsWords" TEXT,
    "childAgrees" "ChildAgrees" NOT NULL,
    "familyEngaged" TEXT,
    "policeInvolved" BOOLEAN NOT NULL,
    "policeOfficer" TEXT,
    "policeReference" TEXT,
    "reviewDate" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,
    "signedOffAt" TIMESTAMPTZ(3),
    "signedOffById" TEXT,

    CONSTRAINT "SafetyPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reg40Task" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "screeningId" TEXT,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),
    "completedById" TEXT,

    CONSTRAINT "Reg40Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reg40Notice" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "notified" TEXT NOT NULL,
    "how" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reg40Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CseScreening_childId_screenedAt_idx" ON "CseScreening"("childId", "screenedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SafetyPlan_childId_version_key" ON "SafetyPlan"("childId", "version");

-- CreateIndex
CREATE INDEX "Reg40Task_childId_idx" ON "Reg40Task"("childId");

-- CreateIndex
CREATE INDEX "Reg40Notice_taskId_idx" ON "Reg40Notice"("taskId");

-- AddForeignKey
ALTER TABLE "CseScreening" ADD CONSTRAINT "CseScreening_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyPlan" ADD CONSTRAINT "SafetyPlan_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reg40Task" ADD CONSTRAINT "Reg40Task_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reg40Task" ADD CONSTRAINT "Reg40Task_screeningId_fkey" FOREIGN KEY ("screeningId") REFERENCES "CseScreening"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reg40Notice" ADD CONSTRAINT "Reg40Notice_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Reg40Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
