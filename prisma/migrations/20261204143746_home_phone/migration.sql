-- A home's phone number: the number other agencies ring about a child, day and night, which the missing
-- protocol's e-mails to people outside Haven give. Existing homes have none until it is set.
-- AlterTable
ALTER TABLE "Home" ADD COLUMN     "phone" TEXT;
