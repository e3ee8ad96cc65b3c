-- A child has at most one open placement and one open missing episode, even when two people record at the same
-- moment (the use cases check first; these indexes make the database refuse the second).
CREATE UNIQUE INDEX "Placement_one_open_per_child" ON "Placement" ("childId") WHERE "endDate" IS NULL;
CREATE UNIQUE INDEX "MissingEpisode_one_open_per_child" ON "MissingEpisode" ("childId") WHERE "returnedAt" IS NULL;
