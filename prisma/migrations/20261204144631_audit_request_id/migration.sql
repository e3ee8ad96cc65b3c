-- The request that wrote an audit event (its X-Request-Id, to find its log lines); null for jobs and older events.
-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "requestId" TEXT;
