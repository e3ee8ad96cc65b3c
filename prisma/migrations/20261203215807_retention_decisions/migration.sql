-- CreateTable
CREATE TABLE "RetentionDecision" (
    "id" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetentionDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RetentionDecision_rule_subjectId_idx" ON "RetentionDecision"("rule", "subjectId");
