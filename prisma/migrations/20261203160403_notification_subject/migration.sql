-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "subject" TEXT NOT NULL DEFAULT 'Haven: something needs your attention';

-- Titles were written as e-mail subjects; they are now the inbox's own words, without the e-mail's "Haven:" prefix.
UPDATE "Notification" SET "title" = CASE
  WHEN "title" LIKE 'Haven alert %' THEN 'Alert ' || substr("title", 13)
  WHEN "title" LIKE 'Haven: %' THEN upper(substr("title", 8, 1)) || substr("title", 9)
  ELSE "title" END;

-- E-mail text says no more than the child's initials (an e-mail not yet sent goes out in these words).
UPDATE "Notification" AS n SET "body" = COALESCE(
  (SELECT 'Something about ' || upper(left(c."firstName", 1)) || '.' || upper(left(c."lastName", 1)) || '. needs your attention in Haven.' FROM "Child" AS c WHERE c.id = n."childId"),
  'Something needs your attention in Haven.');

-- Report files were kept under the uploader's name (report.html, report.pdf.hta): Haven's name for them instead.
UPDATE "Reg44Report" AS r SET "fileName" = 'reg44-report-' || to_char(v."visitedOn", 'YYYY-MM-DD') || '-v' || n.version
  || CASE WHEN r."contentType" = 'application/pdf' THEN '.pdf' ELSE '.docx' END
FROM (SELECT id, row_number() OVER (PARTITION BY "visitId" ORDER BY "createdAt", id) AS version FROM "Reg44Report") AS n, "Reg44Visit" AS v
WHERE n.id = r.id AND v.id = r."visitId" AND r."bytes" IS NOT NULL;
