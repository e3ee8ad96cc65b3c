-- CreateEnum
CREATE TYPE "AbsenceType" AS ENUM ('MISSING', 'AWAY');

-- CreateEnum
CREATE TYPE "PoliceRiskGrade" AS ENUM ('NO_APPARENT_RISK', 'LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "EpisodeUpdateKind" AS ENUM ('NOTE', 'CALL', 'PLACE_CHECKED', 'SIGHTING', 'POLICE_RISK_GRADE');

-- CreateEnum
CREATE TYPE "ReturnMethod" AS ENUM ('RETURNED_ALONE', 'FOUND_BY_POLICE', 'BROUGHT_BY_STAFF', 'BROUGHT_BY_FAMILY', 'OTHER');

-- CreateEnum
CREATE TYPE "LocationKind" AS ENUM ('TAKEAWAY_OR_SHOP', 'HOTEL', 'HOUSE_OR_FLAT', 'PARK_OR_OPEN_SPACE', 'TRANSPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "EpisodeLocationRole" AS ENUM ('FOUND', 'VISITED');

-- CreateTable
CREATE TABLE "MissingEpisode" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "homeId" TEXT,
    "absenceType" "AbsenceType" NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenPlace" TEXT NOT NULL,
    "lastSeenWith" TEXT,
    "clothing" TEXT,
    "policeInformed" BOOLEAN NOT NULL,
    "policeReference" TEXT,
    "reportedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reportedById" TEXT NOT NULL,
    "returnedAt" TIMESTAMPTZ(3),
    "returnMethod" "ReturnMethod",
    "returnMethodOther" TEXT,
    "injuries" TEXT,
    "hungry" BOOLEAN,
    "tired" BOOLEAN,
    "intoxicated" BOOLEAN,
    "signsOfHarm" TEXT,
    "medicalAttention" TEXT,
    "whoInformed" TEXT,
    "returnRecordedAt" TIMESTAMPTZ(3),
    "returnRecordedById" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "closedById" TEXT,
    "reviewNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "MissingEpisode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EpisodeUpdate" (
    "id" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "kind" "EpisodeUpdateKind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "text" TEXT NOT NULL,
    "riskGrade" "PoliceRiskGrade",
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EpisodeUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EpisodeAmendment" (
    "id" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "previousValue" JSONB NOT NULL,
    "newValue" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EpisodeAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EpisodeLink" (
    "id" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "otherId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EpisodeLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Location" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "LocationKind" NOT NULL DEFAULT 'OTHER',
    "postcode" TEXT,
    "matchKey" TEXT NOT NULL,
    "mergedIntoId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Associate" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "description" TEXT,
    "matchKey" TEXT NOT NULL,
    "mergedIntoId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "Associate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vehicle" (
    "id" TEXT NOT NULL,
    "registration" TEXT,
    "description" TEXT,
    "taxiFirm" TEXT,
    "matchKey" TEXT NOT NULL,
    "mergedIntoId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "Vehicle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EpisodeLocation" (
    "id" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "role" "EpisodeLocationRole" NOT NULL,

    CONSTRAINT "EpisodeLocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EpisodeAssociate" (
    "id" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "associateId" TEXT NOT NULL,

    CONSTRAINT "EpisodeAssociate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EpisodeVehicle" (
    "id" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "vehicleId" TEXT NOT NULL,

    CONSTRAINT "EpisodeVehicle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrabPack" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "friendsAndAssociates" TEXT,
    "placesTheyGo" TEXT,
    "phoneNumbers" TEXT,
    "socialMedia" TEXT,
    "medicalNeeds" TEXT,
    "vulnerabilities" TEXT,
    "transport" TEXT,
    "photoId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "GrabPack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChildPhoto" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uploadedById" TEXT NOT NULL,

    CONSTRAINT "ChildPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrabPackShare" (
    "id" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "grabPackId" TEXT,
    "policeForce" TEXT NOT NULL,
    "reference" TEXT,
    "sharedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sharedById" TEXT NOT NULL,

    CONSTRAINT "GrabPackShare_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MissingEpisode_childId_lastSeenAt_idx" ON "MissingEpisode"("childId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "MissingEpisode_homeId_lastSeenAt_idx" ON "MissingEpisode"("homeId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "MissingEpisode_returnedAt_idx" ON "MissingEpisode"("returnedAt");

-- CreateIndex
CREATE INDEX "EpisodeUpdate_episodeId_at_idx" ON "EpisodeUpdate"("episodeId", "at");

-- CreateIndex
CREATE INDEX "EpisodeAmendment_episodeId_idx" ON "EpisodeAmendment"("episodeId");

-- CreateIndex
CREATE INDEX "EpisodeLink_otherId_idx" ON "EpisodeLink"("otherId");

-- CreateIndex
CREATE UNIQUE INDEX "EpisodeLink_episodeId_otherId_key" ON "EpisodeLink"("episodeId", "otherId");

-- CreateIndex
CREATE INDEX "Location_matchKey_idx" ON "Location"("matchKey");

-- CreateIndex
CREATE INDEX "Location_mergedIntoId_idx" ON "Location"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Associate_matchKey_idx" ON "Associate"("matchKey");

-- CreateIndex
CREATE INDEX "Associate_mergedIntoId_idx" ON "Associate"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Vehicle_matchKey_idx" ON "Vehicle"("matchKey");

-- CreateIndex
CREATE INDEX "Vehicle_mergedIntoId_idx" ON "Vehicle"("mergedIntoId");

-- CreateIndex
CREATE INDEX "EpisodeLocation_episodeId_idx" ON "EpisodeLocation"("episodeId");

-- CreateIndex
CREATE INDEX "EpisodeLocation_locationId_idx" ON "EpisodeLocation"("locationId");

-- CreateIndex
CREATE INDEX "EpisodeAssociate_episodeId_idx" ON "EpisodeAssociate"("episodeId");

-- CreateIndex
CREATE INDEX "EpisodeAssociate_associateId_idx" ON "EpisodeAssociate"("associateId");

-- CreateIndex
CREATE INDEX "EpisodeVehicle_episodeId_idx" ON "EpisodeVehicle"("episodeId");

-- CreateIndex
CREATE INDEX "EpisodeVehicle_vehicleId_idx" ON "EpisodeVehicle"("vehicleId");

-- CreateIndex
CREATE UNIQUE INDEX "GrabPack_childId_version_key" ON "GrabPack"("childId", "version");

-- CreateIndex
CREATE INDEX "ChildPhoto_childId_idx" ON "ChildPhoto"("childId");

-- CreateIndex
CREATE INDEX "GrabPackShare_episodeId_idx" ON "GrabPackShare"("episodeId");

-- AddForeignKey
ALTER TABLE "MissingEpisode" ADD CONSTRAINT "MissingEpisode_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissingEpisode" ADD CONSTRAINT "MissingEpisode_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissingEpisode" ADD CONSTRAINT "MissingEpisode_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeUpdate" ADD CONSTRAINT "EpisodeUpdate_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "MissingEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeUpdate" ADD CONSTRAINT "EpisodeUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeAmendment" ADD CONSTRAINT "EpisodeAmendment_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "MissingEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeAmendment" ADD CONSTRAINT "EpisodeAmendment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeLink" ADD CONSTRAINT "EpisodeLink_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "MissingEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeLink" ADD CONSTRAINT "EpisodeLink_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "MissingEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeLocation" ADD CONSTRAINT "EpisodeLocation_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "MissingEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeLocation" ADD CONSTRAINT "EpisodeLocation_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeAssociate" ADD CONSTRAINT "EpisodeAssociate_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "MissingEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeAssociate" ADD CONSTRAINT "EpisodeAssociate_associateId_fkey" FOREIGN KEY ("associateId") REFERENCES "Associate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeVehicle" ADD CONSTRAINT "EpisodeVehicle_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "MissingEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeVehicle" ADD CONSTRAINT "EpisodeVehicle_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrabPack" ADD CONSTRAINT "GrabPack_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrabPack" ADD CONSTRAINT "GrabPack_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "ChildPhoto"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildPhoto" ADD CONSTRAINT "ChildPhoto_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrabPackShare" ADD CONSTRAINT "GrabPackShare_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "MissingEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrabPackShare" ADD CONSTRAINT "GrabPackShare_grabPackId_fkey" FOREIGN KEY ("grabPackId") REFERENCES "GrabPack"("id") ON DELETE SET NULL ON UPDATE CASCADE;
