-- CreateTable
CREATE TABLE "ScheduledRun" (
    "job" TEXT NOT NULL,
    "slot" BIGINT NOT NULL,
    "holder" TEXT,
    "leaseUntil" TIMESTAMPTZ(3),
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "runs" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ScheduledRun_pkey" PRIMARY KEY ("job")
);
