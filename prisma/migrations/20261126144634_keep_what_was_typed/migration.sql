-- AlterTable
ALTER TABLE "EpisodeAssociate" ADD COLUMN     "typedDescription" TEXT,
ADD COLUMN     "typedName" TEXT;

-- AlterTable
ALTER TABLE "EpisodeLocation" ADD COLUMN     "typedName" TEXT,
ADD COLUMN     "typedPostcode" TEXT;

-- AlterTable
ALTER TABLE "EpisodeVehicle" ADD COLUMN     "typedDescription" TEXT,
ADD COLUMN     "typedRegistration" TEXT,
ADD COLUMN     "typedTaxiFirm" TEXT;

-- AlterTable
ALTER TABLE "InterviewAssociate" ADD COLUMN     "typedDescription" TEXT,
ADD COLUMN     "typedName" TEXT;

-- AlterTable
ALTER TABLE "InterviewLocation" ADD COLUMN     "typedName" TEXT,
ADD COLUMN     "typedPostcode" TEXT;

-- AlterTable
ALTER TABLE "InterviewVehicle" ADD COLUMN     "typedDescription" TEXT,
ADD COLUMN     "typedRegistration" TEXT,
ADD COLUMN     "typedTaxiFirm" TEXT;
