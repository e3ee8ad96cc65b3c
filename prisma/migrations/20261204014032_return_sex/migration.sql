-- A child's sex as the SSDA903 return records it. Every existing child keeps their value: null is the sex recorded
-- for the child (M or F), as before.
-- CreateEnum
CREATE TYPE "ReturnSex" AS ENUM ('MALE', 'FEMALE', 'NOT_KNOWN');

-- AlterTable
ALTER TABLE "Child" ADD COLUMN     "returnSex" "ReturnSex";
