-- CreateEnum
CREATE TYPE "ToldWho" AS ENUM ('POLICE', 'ON_CALL_MANAGER', 'PARENT', 'SOCIAL_WORKER', 'IRO', 'EMERGENCY_DUTY_TEAM', 'HOST_AUTHORITY', 'OTHER');

-- CreateEnum
CREATE TYPE "ToldMethod" AS ENUM ('PHONE', 'EMAIL', 'IN_PERSON', 'HAVEN', 'OTHER');

-- AlterTable
ALTER TABLE "GrabPack" ADD COLUMN     "addresses" TEXT,
ADD COLUMN     "bankCardsAndMoney" TEXT,
ADD COLUMN     "immigrationStatus" TEXT,
ADD COLUMN     "nationality" TEXT;

-- AlterTable
ALTER TABLE "MissingEpisode" ADD COLUMN     "takenWith" TEXT;

-- CreateTable
CREATE TABLE "MissingProtocol" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "whenMissing" TEXT NOT NULL,
    "callPoliceAtOnce" TEXT NOT NULL,
    "whereToLook" TEXT NOT NULL,
    "knownPlacesAndPeople" TEXT,
    "medicalNeeds" TEXT,
    "childsView" TEXT NOT NULL,
    "steps" JSONB NOT NULL,
    "toTell" JSONB NOT NULL,
    "reviewDate" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,
    "agreedAt" TIMESTAMPTZ(3),
    "agreedById" TEXT,
    "signedOffAt" TIMESTAMPTZ(3),
    "signedOffById" TEXT,

    CONSTRAINT "MissingProtocol_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtocolStepDone" (
    "id" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "protocolId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "doneAt" TIMESTAMPTZ(3) NOT NULL,
    "doneById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProtocolStepDone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EpisodeTold" (
    "id" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "who" "ToldWho" NOT NULL,
    "name" TEXT,
    "toldAt" TIMESTAMPTZ(3) NOT NULL,
    "method" "ToldMethod" NOT NULL,
    "toldById" TEXT NOT NULL,
    "policeForce" TEXT,
    "policeReference" TEXT,
    "riskGrade" "PoliceRiskGrade",
    "recipientIds" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EpisodeTold_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MissingProtocol_childId_version_key" ON "MissingProtocol"("childId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ProtocolStepDone_episodeId_protocolId_step_key" ON "ProtocolStepDone"("episodeId", "protocolId", "step");

-- CreateIndex
CREATE INDEX "EpisodeTold_episodeId_toldAt_idx" ON "EpisodeTold"("episodeId", "toldAt");

-- AddForeignKey
ALTER TABLE "MissingProtocol" ADD CONSTRAINT "MissingProtocol_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolStepDone" ADD CONSTRAINT "ProtocolStepDone_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "MissingEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolStepDone" ADD CONSTRAINT "ProtocolStepDone_protocolId_fkey" FOREIGN KEY ("protocolId") REFERENCES "MissingProtocol"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeTold" ADD CONSTRAINT "EpisodeTold_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "MissingEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
