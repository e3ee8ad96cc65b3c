-- CreateTable
CREATE TABLE "ProtocolPlace" (
    "id" TEXT NOT NULL,
    "protocolId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "locationId" TEXT,
    "associateId" TEXT,
    "vehicleId" TEXT,
    "typedName" TEXT,
    "typedDetail" TEXT,

    CONSTRAINT "ProtocolPlace_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProtocolPlace_locationId_idx" ON "ProtocolPlace"("locationId");

-- CreateIndex
CREATE INDEX "ProtocolPlace_associateId_idx" ON "ProtocolPlace"("associateId");

-- CreateIndex
CREATE INDEX "ProtocolPlace_vehicleId_idx" ON "ProtocolPlace"("vehicleId");

-- CreateIndex
CREATE UNIQUE INDEX "ProtocolPlace_protocolId_position_key" ON "ProtocolPlace"("protocolId", "position");

-- AddForeignKey
ALTER TABLE "ProtocolPlace" ADD CONSTRAINT "ProtocolPlace_protocolId_fkey" FOREIGN KEY ("protocolId") REFERENCES "MissingProtocol"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolPlace" ADD CONSTRAINT "ProtocolPlace_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolPlace" ADD CONSTRAINT "ProtocolPlace_associateId_fkey" FOREIGN KEY ("associateId") REFERENCES "Associate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolPlace" ADD CONSTRAINT "ProtocolPlace_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Each row names exactly one record. Existing protocols keep their typed "known places and people" text as it is.
ALTER TABLE "ProtocolPlace" ADD CONSTRAINT "ProtocolPlace_one_record" CHECK (
  num_nonnulls("locationId", "associateId", "vehicleId") = 1
);
