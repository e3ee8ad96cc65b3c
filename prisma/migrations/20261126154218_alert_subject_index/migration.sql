-- CreateIndex
CREATE INDEX "Alert_subjectKey_idx" ON "Alert"("subjectKey");
