/*
  Warnings:

  - A unique constraint covering the columns `[identityIssuer,identitySubject]` on the table `User` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "identityIssuer" TEXT,
ADD COLUMN     "identitySubject" TEXT;

-- CreateTable
CREATE TABLE "OrganisationSignIn" (
    "id" TEXT NOT NULL,
    "providerId" TEXT,
    "localAuthorityId" TEXT,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecret" TEXT NOT NULL,
    "emailDomains" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "providerOnly" BOOLEAN NOT NULL DEFAULT false,
    "providerEnforcesMfa" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OrganisationSignIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationSignIn_providerId_key" ON "OrganisationSignIn"("providerId");

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationSignIn_localAuthorityId_key" ON "OrganisationSignIn"("localAuthorityId");

-- CreateIndex
CREATE UNIQUE INDEX "User_identityIssuer_identitySubject_key" ON "User"("identityIssuer", "identitySubject");

-- AddForeignKey
ALTER TABLE "OrganisationSignIn" ADD CONSTRAINT "OrganisationSignIn_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationSignIn" ADD CONSTRAINT "OrganisationSignIn_localAuthorityId_fkey" FOREIGN KEY ("localAuthorityId") REFERENCES "LocalAuthority"("id") ON DELETE SET NULL ON UPDATE CASCADE;
